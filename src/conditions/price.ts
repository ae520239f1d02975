// Holds while the price of a good outside restricting countries exceeded a multiple of its
// base price, in the previous period (docs/model.md, step 1).
import type { z } from "zod";
import type { SchemaKit } from "../schema/kit.js";
import type { ConditionKindModule } from "./condition-kind.js";

function schema(kit: SchemaKit) {
  const { z } = kit;
  return z.strictObject({
    kind: z.literal("price"),
    good: kit.identifier,
    above: z.number().positive("expected a multiple of the base price > 0"),
  });
}

/** A price condition. */
export type PriceCondition = z.output<ReturnType<typeof schema>>;
/** What the test kit draws to build one. */
export interface Draw {
  readonly good: readonly number[];
  readonly above: number;
}

export const price = {
  kind: "price",
  summary: "The price of a good outside restricting countries exceeded a multiple of its base price.",
  schema,
  check(condition, at, context) {
    context.good([...at, "good"], condition.good);
  },
  compile: (condition, context) => ({ good: context.good(condition.good), value: condition.above }),
  describe: (condition, _agent, context) => `the price of ${condition.good} outside restricting countries exceeds ${context.plain(condition.above)}x its base price`,
  needsUncertainty: false,
  draw: (kit) => kit.fc.record({ good: kit.picks(1), above: kit.grid(1, 5, 40) }),
  build: (draw, kit) => ({ kind: "price", good: kit.pickGoods(draw.good)[0]!, above: draw.above }),
} satisfies ConditionKindModule<"price", PriceCondition, Draw>;
