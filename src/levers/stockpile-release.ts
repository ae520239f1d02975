// A country builds a strategic reserve of some goods when the lever starts (coverMonths of
// baseline use) and releases it at a bounded rate when it runs short (docs/model.md, steps
// 2 and 7).
import type { z } from "zod";
import { RANGES } from "../schema/check-context.js";
import type { SchemaKit } from "../schema/kit.js";
import type { UncertainDraw } from "../testing/generator-kit.js";
import type { LeverKindModule } from "./lever-kind.js";

function schemas(kit: SchemaKit) {
  return kit.leverSchemas("stockpileRelease", {
    lever: { actor: kit.identifier, start: kit.start.describe("First period in which the reserve can be released.") },
    action: {},
    shared: {
      goods: kit.goods,
      coverMonths: kit.uncertain.describe("Size of the strategic reserve, in months of baseline use."),
      maxReleaseShare: kit.uncertain
        .default(1)
        .describe("Most released per period, as a share of baseline use per period, in (0, 1]. Default 1, an assumption: no limit beyond the reserve itself."),
    },
  });
}

type Schemas = ReturnType<typeof schemas>;
/** A policy's stockpile release. */
export type StockpileRelease = z.output<Schemas["lever"]>;
/** A stockpile release as a rule's action. */
export type StockpileReleaseAction = z.output<Schemas["action"]>;
/** What the test kit draws to build one. */
export interface Draw {
  readonly goods: readonly number[];
  readonly coverMonths: UncertainDraw;
  readonly maxReleaseShare: UncertainDraw;
}

export const stockpileRelease = {
  type: "stockpileRelease",
  summary: "A country releases a strategic reserve of some goods, at a bounded rate, when it runs short.",
  noun: "a stockpile release",
  schemas,
  actsOnlyInShortage: true,
  check(lever, at, _actor, context) {
    context.goods([...at, "goods"], lever.goods);
    context.number([...at, "coverMonths"], lever.coverMonths, RANGES.nonNegative);
    context.number([...at, "maxReleaseShare"], lever.maxReleaseShare, RANGES.openShare);
  },
  compile(lever, context) {
    return { goods: lever.goods.map((id) => context.good(id)), amountRef: context.number(lever.coverMonths, 0), rateRef: context.number(lever.maxReleaseShare, 1) };
  },
  describe(lever, context) {
    return `releases a reserve of ${context.list(lever.goods)} (${context.number(lever.coverMonths)} months of use)`;
  },
  volumes: [],
  draw(kit) {
    return kit.fc.record({
      goods: kit.picks(2),
      coverMonths: kit.uncertain(kit.grid(0, 12, 24), 0, 12),
      maxReleaseShare: kit.uncertain(kit.grid(0.05, 1, 19), 0.05, 1),
    });
  },
  build(draw, kit) {
    return {
      type: "stockpileRelease",
      goods: kit.pickGoods(draw.goods),
      coverMonths: kit.number(draw.coverMonths, "cover"),
      maxReleaseShare: kit.number(draw.maxReleaseShare, "release"),
    };
  },
} satisfies LeverKindModule<"stockpileRelease", StockpileRelease, StockpileReleaseAction, Draw>;
