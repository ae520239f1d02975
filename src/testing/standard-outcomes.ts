import { OUTCOME_KINDS } from "../outcomes/index.js";
import type { OutcomeDefinition } from "../schema/outcomes.js";
import type { OutcomeDefinitionInput } from "../schema/scenario-types.js";
import type { WorldNames } from "./_internals/context.js";

/** An outcome definition as a scenario takes it (before defaults). */
export type OutcomeInput = OutcomeDefinitionInput;

/**
 * Every outcome a property may want to look at, for each country and good of a world,
 * named so they are easy to pick out; each outcome kind's module (src/outcomes) gives its
 * own, in the order of the kinds:
 *
 * | name | outcome |
 * | --- | --- |
 * | `gdpLoss:C`, `gdpLossPercent:C` | GDP loss of country C, USD and % of annual GDP |
 * | `valueAddedLoss:C` | direct value added lost by C |
 * | `outputLoss:C:g` | output of g lost by C, in units |
 * | `shortfall:C:g`, `meanShortfall:C:g` | largest and mean shortfall of g in C (the first with a per-period series) |
 * | `price:g` | peak price of g outside restricting countries (ratio to base; with series) |
 * | `price:g:C` | peak price of g in C's market: its producers' price if it makes g, else what its buyers pay, else the outside price (with series) |
 * | `exportRevenueLoss:C`, `revenueLoss:C`, `importCostIncrease:C` | C's lost export revenue, its producers' lost sales revenue net of redeployed sales, its extra import cost |
 * | `consumerSurplusLoss:C`, `producerSurplusLoss:C` | surplus C's buyers and producers lost (beside GDP loss) |
 * | `tariffRevenue:C` | duties C collects on its imports |
 * | `termsOfTradeLoss:C` | exporters' price changes on C's imports, less on its exports |
 *
 * @param world - the world (its `countries` and `goods`).
 * @returns outcome definitions for a scenario's `outcomes`.
 * @example
 * ```ts
 * import { standardOutcomes } from "chokepoint/testing";
 * const world = { countries: [{ id: "A", gdp: 1e9 }], goods: [{ id: "x", unit: "t", basePrice: 1, demandElasticity: 0.5 }] };
 * standardOutcomes(world).map((o) => o.name);
 * // ["gdpLoss:A", "gdpLossPercent:A", "valueAddedLoss:A", "outputLoss:A:x", "shortfall:A:x", "meanShortfall:A:x",
 * //  "price:x", "price:x:A", "exportRevenueLoss:A", "revenueLoss:A", "importCostIncrease:A",
 * //  "consumerSurplusLoss:A", "producerSurplusLoss:A", "tariffRevenue:A", "termsOfTradeLoss:A"]
 * ```
 */
export function standardOutcomes(world: WorldNames): OutcomeDefinition[] {
  const names = { countries: world.countries.map((c) => c.id), goods: world.goods.map((g) => g.id) };
  return OUTCOME_KINDS.flatMap((kind) => kind.standard(names) as OutcomeDefinition[]);
}
