// The first period in which any of the rules took effect; the horizon when none did
// (docs/model.md, step 1).
import type { z } from "zod";
import type { SchemaKit } from "../schema/kit.js";
import { commonFields, type OutcomeKindModule } from "./outcome-kind.js";

function schema(kit: SchemaKit) {
  const { z } = kit;
  return z.strictObject({
    kind: z.literal("firstFiring"),
    rules: kit.names.describe("Period in which the first of these rules took effect; the horizon when none did."),
    ...commonFields(kit),
  });
}

export type FirstFiringOutcome = z.output<ReturnType<typeof schema>>;

export const firstFiring = {
  kind: "firstFiring",
  summary: "The first period in which any of some rules took effect (the horizon when none did).",
  schema,
  check(outcome, at, context) {
    outcome.rules.forEach((name, i) => context.rule([...at, "rules", i], name));
  },
  compile: (outcome, context) => ({
    list: outcome.rules.flatMap((name) => context.ruleInstances(name)),
    unitText: `${context.period} (0-based; ${context.horizon} = not within the horizon)`,
    description: `First ${context.period} in which any of ${outcome.rules.join(", ")} took effect`,
  }),
  perPeriod: false,
  wholeValued: true,
  presentation: "timing",
  standard: () => [],
} satisfies OutcomeKindModule<"firstFiring", FirstFiringOutcome>;
