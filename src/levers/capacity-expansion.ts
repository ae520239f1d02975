// A country adds capacity to make a good, ramping up as 1 - exp(-t / rampPeriods) from the
// lever's start (docs/model.md, step 2); it raises the producer's supply at every price, and
// a country that made none of the good supplies its own buyers with it (step 5).
import type { z } from "zod";
import { RANGES } from "../schema/check-context.js";
import type { SchemaKit } from "../schema/kit.js";
import type { UncertainDraw } from "../testing/generator-kit.js";
import type { LeverKindModule } from "./lever-kind.js";

function schemas(kit: SchemaKit) {
  return kit.leverSchemas("capacityExpansion", {
    lever: { actor: kit.identifier, start: kit.start },
    action: {},
    shared: {
      good: kit.identifier,
      capacity: kit.uncertain.describe("Capacity added per period once fully ramped up, in the good's unit."),
      rampPeriods: kit.uncertain.default(0).describe("Time constant of the ramp-up, in periods; 0 means the capacity is there at once."),
    },
  });
}

type Schemas = ReturnType<typeof schemas>;
/** A policy's capacity expansion. */
export type CapacityExpansion = z.output<Schemas["lever"]>;
/** A capacity expansion as a rule's action. */
export type CapacityExpansionAction = z.output<Schemas["action"]>;
/** What the test kit draws to build one. */
export interface Draw {
  readonly good: readonly number[];
  readonly capacity: UncertainDraw;
  readonly rampPeriods: UncertainDraw;
}

export const capacityExpansion = {
  type: "capacityExpansion",
  summary: "A country adds capacity to make a good, ramping up over time.",
  noun: "a capacity expansion",
  schemas,
  // (not actsOnlyInShortage: added capacity shifts supply at every price, docs/model.md step 5)
  check(lever, at, _actor, context) {
    context.good([...at, "good"], lever.good);
    context.number([...at, "capacity"], lever.capacity, RANGES.nonNegative);
    context.number([...at, "rampPeriods"], lever.rampPeriods, RANGES.nonNegative);
  },
  produces: (lever) => lever.good,
  compile(lever, context) {
    return { goods: [context.good(lever.good)], amountRef: context.number(lever.capacity, 0), rateRef: context.number(lever.rampPeriods, 0) };
  },
  describe(lever, context) {
    return `adds ${context.number(lever.capacity)} ${context.unitOf(lever.good)} per ${context.period} of ${lever.good} capacity`;
  },
  volumes: ["capacity"],
  draw(kit) {
    const { fc } = kit;
    return fc.record({ good: kit.picks(1), capacity: kit.uncertain(fc.integer({ min: 0, max: 1000 }), 0, 1000), rampPeriods: kit.periods(12) });
  },
  build(draw, kit) {
    return { type: "capacityExpansion", good: kit.pickGoods(draw.good)[0]!, capacity: kit.number(draw.capacity, "capacity"), rampPeriods: kit.number(draw.rampPeriods, "ramp") };
  },
} satisfies LeverKindModule<"capacityExpansion", CapacityExpansion, CapacityExpansionAction, Draw>;
