import type { OutcomeDefinition } from "../schema/outcomes.js";
import type { ScenarioInput } from "../schema/scenario.js";
import type { WorldNames } from "./_internals/context.js";

/** An outcome definition as a scenario takes it (before defaults). */
export type OutcomeInput = NonNullable<ScenarioInput["outcomes"]>[number];

/**
 * Every outcome a property may want to look at, for each country and good of a world,
 * named so they are easy to pick out:
 *
 * | name | outcome |
 * | --- | --- |
 * | `gdpLoss:C`, `gdpLossPercent:C` | GDP loss of country C, USD and % of annual GDP |
 * | `valueAddedLoss:C` | direct value added lost by C |
 * | `exportRevenueLoss:C`, `importCostIncrease:C` | C's lost export revenue, extra import cost |
 * | `shortfall:C:g`, `meanShortfall:C:g` | largest and mean shortfall of g in C (the first with a per-period series) |
 * | `outputLoss:C:g` | output of g lost by C, in units |
 * | `price:g` | peak price of g outside restricting countries (ratio to base; with series) |
 * | `price:g:C` | peak price of g in C's market: its own if it restricts g, else the outside price (with series) |
 *
 * @param world - the world (its `countries` and `goods`).
 * @returns outcome definitions for a scenario's `outcomes`.
 * @example
 * ```ts
 * import { standardOutcomes } from "chokepoint/testing";
 * const world = { countries: [{ id: "A", gdp: 1e9 }], goods: [{ id: "x", unit: "t", basePrice: 1, demandElasticity: 0.5 }] };
 * standardOutcomes(world).map((o) => o.name);
 * // ["gdpLoss:A", "gdpLossPercent:A", "valueAddedLoss:A", "exportRevenueLoss:A", "importCostIncrease:A",
 * //  "shortfall:A:x", "meanShortfall:A:x", "outputLoss:A:x", "price:x", "price:x:A"]
 * ```
 */
export function standardOutcomes(world: WorldNames): OutcomeDefinition[] {
  const outcomes: OutcomeDefinition[] = [];
  for (const { id: c } of world.countries) {
    outcomes.push(
      { name: `gdpLoss:${c}`, kind: "gdpLoss", country: c, unit: "USD" },
      { name: `gdpLossPercent:${c}`, kind: "gdpLoss", country: c, unit: "percentGdp" },
      { name: `valueAddedLoss:${c}`, kind: "valueAddedLoss", country: c },
      { name: `exportRevenueLoss:${c}`, kind: "exportRevenueLoss", country: c },
      { name: `importCostIncrease:${c}`, kind: "importCostIncrease", country: c },
    );
  }
  for (const { id: c } of world.countries) {
    for (const { id: g } of world.goods) {
      outcomes.push(
        { name: `shortfall:${c}:${g}`, kind: "shortfall", country: c, good: g, stat: "max", series: true },
        { name: `meanShortfall:${c}:${g}`, kind: "shortfall", country: c, good: g, stat: "mean", series: false },
        { name: `outputLoss:${c}:${g}`, kind: "outputLoss", country: c, good: g, unit: "units", series: false },
      );
    }
  }
  for (const { id: g } of world.goods) {
    outcomes.push({ name: `price:${g}`, kind: "price", good: g, market: "outside", stat: "max", unit: "ratio", series: true });
    for (const { id: c } of world.countries) {
      outcomes.push({ name: `price:${g}:${c}`, kind: "price", good: g, market: { inside: c }, stat: "max", unit: "ratio", series: true });
    }
  }
  return outcomes;
}
