// Holds in runs where the named uncertainty's draw lies in (above, below): a state of the
// world fixed for the whole run, such as an alliance under strain (docs/model.md, step 1).
import type { z } from "zod";
import type { DistributionSpec } from "../schema/distribution.js";
import type { SchemaKit } from "../schema/kit.js";
import type { ConditionKindModule } from "./condition-kind.js";

function schema(kit: SchemaKit) {
  const { z } = kit;
  return z.strictObject({
    kind: z.literal("draw"),
    param: kit.identifier.describe("Name of an entry in `uncertainties`."),
    above: z.number().optional(),
    below: z.number().optional(),
  });
}

/** A draw condition. */
export type DrawCondition = z.output<ReturnType<typeof schema>>;
/** What the test kit draws to build one. */
export interface Draw {
  readonly distribution: DistributionSpec;
  readonly above: number;
}

export const draw = {
  kind: "draw",
  summary: "The run's draw of an uncertainty lies above and/or below given values.",
  schema,
  check(condition, at, context) {
    context.uncertainty([...at, "param"], condition.param);
    if (condition.above === undefined && condition.below === undefined) context.report(at, 'expected "above", "below" or both');
    if (condition.above !== undefined && condition.below !== undefined && condition.below <= condition.above) {
      context.report([...at, "below"], `expected below > above (${condition.above}), found ${condition.below}`);
    }
  },
  compile: (condition, context) => ({ param: context.uncertainty(condition.param), value: condition.above ?? -Infinity, upper: condition.below ?? Infinity }),
  describe(condition, _agent, context) {
    const bounds = [condition.above === undefined ? "" : `above ${context.plain(condition.above)}`, condition.below === undefined ? "" : `below ${context.plain(condition.below)}`];
    return `the run's draw of ${condition.param} is ${bounds.filter((b) => b !== "").join(" and ") || "anything"}`;
  },
  needsUncertainty: true,
  draw: (kit) => kit.fc.record({ distribution: kit.distribution(0, 1, ["bernoulli", "uniform", "constant"]), above: kit.grid(0, 1, 10) }),
  build: (drawn, kit) => ({ kind: "draw", param: kit.declare("param", drawn.distribution), above: drawn.above }),
} satisfies ConditionKindModule<"draw", DrawCondition, Draw>;
