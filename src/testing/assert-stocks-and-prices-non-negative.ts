import type { Scenario, ScenarioInput } from "../schema/scenario.js";
import { InvariantError } from "./invariant-error.js";
import { show, subject, withStandardOutcomes, type InvariantDrawOptions } from "./_internals/variants.js";
import { simulateDraw } from "./simulate-draw.js";

const INVARIANT = "stocks and prices never negative";

/**
 * Invariant: **stocks and prices are never negative** (and nothing is NaN or infinite).
 * On the given draw of the policy, with its rules: the commercial stocks and strategic
 * reserves left at the end are >= 0 (stocks are only drawn down, so they were >= 0
 * throughout); in every period every price, outside restricting countries and inside
 * each country, is finite and > 0; every shortfall is in [0, 1]; and every outcome is
 * finite.
 *
 * @param scenario - a valid scenario.
 * @param options - `{ seed = 1, run = 0, policy = baseline }`.
 * @returns `true` when the invariant holds.
 * @throws {InvariantError} naming the stock, price or outcome at fault, and the period.
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { assertStocksAndPricesNonNegative, scenarioArbitrary } from "chokepoint/testing";
 *
 * fc.assert(fc.property(scenarioArbitrary(), fc.nat(1000), (scenario, run) =>
 *   assertStocksAndPricesNonNegative(scenario, { run })));
 * ```
 */
export function assertStocksAndPricesNonNegative(scenario: ScenarioInput | Scenario, options: InvariantDrawOptions = {}): true {
  const { scenario: parsed, draw } = subject(scenario, options);
  const result = simulateDraw(withStandardOutcomes(parsed), draw);
  const fail = (detail: string): never => {
    throw new InvariantError(INVARIANT, draw, detail);
  };
  for (const [cell, stock] of Object.entries(result.closingStocks)) if (!(stock >= 0)) fail(`the commercial stock of ${cell} ends at ${show(stock)}`);
  for (const [cell, reserve] of Object.entries(result.closingReserves)) if (!(reserve >= 0)) fail(`the strategic reserve of ${cell} ends at ${show(reserve)}`);
  for (const [name, values] of Object.entries(result.series)) {
    values.forEach((value, t) => {
      if (name.startsWith("price:") && !(value > 0 && Number.isFinite(value))) fail(`${name} in period ${t} is ${show(value)}`);
      if (name.startsWith("shortfall:") && !(value >= 0 && value <= 1)) fail(`${name} in period ${t} is ${String(value)}, outside [0, 1]`); // every digit: a breach can be 2e-16
    });
  }
  for (const [name, value] of Object.entries(result.outcomes)) if (!Number.isFinite(value)) fail(`${name} is ${show(value)}`);
  return true;
}
