// 1 in runs where any of the rules took effect within the horizon, else 0: its mean is the
// probability (docs/model.md, step 1).
import type { z } from "zod";
import type { SchemaKit } from "../schema/kit.js";
import { commonFields, type OutcomeKindModule } from "./outcome-kind.js";

function schema(kit: SchemaKit) {
  const { z } = kit;
  return z.strictObject({
    kind: z.literal("ruleFired"),
    rules: kit.names.describe("1 in runs where any of these rules fired, else 0; its mean is the probability."),
    ...commonFields(kit),
  });
}

export type RuleFiredOutcome = z.output<ReturnType<typeof schema>>;

export const ruleFired = {
  kind: "ruleFired",
  summary: "Whether any of some rules took effect within the horizon (1 or 0).",
  schema,
  check(outcome, at, context) {
    outcome.rules.forEach((name, i) => context.rule([...at, "rules", i], name));
  },
  compile: (outcome, context) => ({
    list: outcome.rules.flatMap((name) => context.ruleInstances(name)),
    unitText: "probability",
    description: `1 when any of ${outcome.rules.join(", ")} took effect within the horizon`,
  }),
  perPeriod: false,
  wholeValued: true,
  presentation: "probability",
  // the test kit adds one per rule of the scenario it generates (scenarioArbitrary)
  standard: () => [],
} satisfies OutcomeKindModule<"ruleFired", RuleFiredOutcome>;
