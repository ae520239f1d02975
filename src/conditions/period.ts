// Holds in periods `from <= t < until` (docs/model.md, step 1): a deadline, an election.
import type { z } from "zod";
import type { SchemaKit } from "../schema/kit.js";
import type { ConditionKindModule } from "./condition-kind.js";

function schema(kit: SchemaKit) {
  const { z } = kit;
  return z.strictObject({
    kind: z.literal("period"),
    from: z.number().int("expected a whole period").min(0).optional(),
    until: z.number().int("expected a whole period").min(0).optional(),
  });
}

/** A period condition. */
export type PeriodCondition = z.output<ReturnType<typeof schema>>;
/** What the test kit draws to build one. */
export interface Draw {
  readonly from: number;
  readonly span: number | undefined;
}

export const period = {
  kind: "period",
  summary: "The period lies in a window.",
  schema,
  check(condition, at, context) {
    if (condition.from !== undefined && condition.until !== undefined && condition.until <= condition.from) {
      context.report([...at, "until"], `expected until > from (${condition.from}), found ${condition.until}`);
    }
  },
  compile: (condition) => ({ from: condition.from ?? 0, ...(condition.until === undefined ? {} : { until: condition.until }) }),
  describe(condition, _agent, context) {
    const from = `from ${context.period} ${condition.from ?? 0}`;
    return condition.until === undefined ? from : `${from} until before ${condition.until}`;
  },
  needsUncertainty: false,
  draw(kit) {
    const { fc } = kit;
    return fc.record({
      from: fc.integer({ min: 0, max: Math.max(0, kit.horizon - 1) }),
      span: fc.option(fc.integer({ min: 1, max: kit.horizon }), { nil: undefined }),
    });
  },
  build: (draw) => ({ kind: "period", from: draw.from, ...(draw.span === undefined ? {} : { until: draw.from + draw.span }) }),
} satisfies ConditionKindModule<"period", PeriodCondition, Draw>;
