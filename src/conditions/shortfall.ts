// Holds while the rule's agent was short of any of the goods by more than a share, in the
// previous period (docs/model.md, step 1).
import type { z } from "zod";
import type { SchemaKit } from "../schema/kit.js";
import type { ConditionKindModule } from "./condition-kind.js";

function schema(kit: SchemaKit) {
  const { z } = kit;
  return z.strictObject({
    kind: z.literal("shortfall"),
    goods: kit.names,
    above: z.number().min(0, "expected a share in [0, 1)").lt(1, "expected a share in [0, 1)"),
  });
}

/** A shortfall condition. */
export type ShortfallCondition = z.output<ReturnType<typeof schema>>;
/** What the test kit draws to build one. */
export interface Draw {
  readonly goods: readonly number[];
  readonly above: number;
}

export const shortfall = {
  kind: "shortfall",
  summary: "The agent's shortfall of any of the goods exceeded a share in the previous period.",
  schema,
  check(condition, at, context) {
    context.goods([...at, "goods"], condition.goods);
  },
  compile: (condition, context) => ({ goods: condition.goods.map((id) => context.good(id)), value: condition.above }),
  describe: (condition, _agent, context) => `its shortfall of ${context.list(condition.goods, "or")} exceeds ${context.share(condition.above)}`,
  needsUncertainty: false,
  draw: (kit) => kit.fc.record({ goods: kit.picks(1), above: kit.grid(0, 0.95, 19) }),
  build: (draw, kit) => ({ kind: "shortfall", goods: kit.pickGoods(draw.goods), above: draw.above }),
} satisfies ConditionKindModule<"shortfall", ShortfallCondition, Draw>;
