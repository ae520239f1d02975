import type { ScenarioInput } from "../../src/index.js";

/**
 * A two-country world small enough to compute by hand:
 * A makes 100 t of x a month (value added 2 per t) and ships 40 t to B;
 * B makes 40 units of y a month from 1 t of x each (value added 5 per unit).
 * x: base price 10, elasticity 0.5 (so price = (available / required)^-2), cap 10, floor 0.5.
 * y: base price 100, elasticity 0.5.
 */
export function twoCountryWorld(overrides: Partial<ScenarioInput> = {}): ScenarioInput {
  return {
    name: "two-country",
    horizon: 3,
    world: {
      countries: [
        { id: "A", gdp: 1e6 },
        { id: "B", gdp: 1e6 },
      ],
      goods: [
        { id: "x", unit: "t", basePrice: 10, demandElasticity: 0.5, priceCap: 10, priceFloor: 0.5 },
        { id: "y", unit: "units", basePrice: 100, demandElasticity: 0.5, priceCap: 10 },
      ],
      production: [
        { country: "A", good: "x", output: 100, valueAddedPerUnit: 2 },
        { country: "B", good: "y", output: 40, valueAddedPerUnit: 5 },
      ],
      flows: [{ exporter: "A", importer: "B", good: "x", volume: 40 }],
      recipes: [{ output: "y", inputs: [{ good: "x", perUnit: 1 }] }],
    },
    policies: [
      { name: "none" },
      { name: "ban", levers: [{ type: "exportRestriction", actor: "A", targets: ["B"], goods: ["x"] }] },
      { name: "half", levers: [{ type: "exportRestriction", actor: "A", targets: ["B"], goods: ["x"], severity: 0.5 }] },
    ],
    outcomes: [
      { name: "gdpLoss:A", kind: "gdpLoss", country: "A" },
      { name: "gdpLoss:B", kind: "gdpLoss", country: "B" },
      { name: "shortfall:B:x", kind: "shortfall", country: "B", good: "x", stat: "max", series: true },
      { name: "shortfall:B:y", kind: "shortfall", country: "B", good: "y", stat: "mean" },
      { name: "price:x", kind: "price", good: "x", stat: "max", series: true },
      { name: "price:x:A", kind: "price", good: "x", market: { inside: "A" }, stat: "mean" },
      { name: "outputLoss:B:y", kind: "outputLoss", country: "B", good: "y", unit: "units" },
      { name: "outputLoss:A:x", kind: "outputLoss", country: "A", good: "x", unit: "units" },
      { name: "importCost:B", kind: "importCostIncrease", country: "B" },
      { name: "revenueLoss:A", kind: "exportRevenueLoss", country: "A" },
    ],
    ...overrides,
  };
}
