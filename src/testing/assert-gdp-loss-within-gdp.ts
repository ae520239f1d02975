import { PERIODS_PER_YEAR } from "../schema/periods.js";
import type { Scenario, ScenarioInput } from "../schema/scenario.js";
import { InvariantError } from "./invariant-error.js";
import { show, subject, withStandardOutcomes, type InvariantDrawOptions } from "./_internals/variants.js";
import { simulateDraw } from "./simulate-draw.js";

const INVARIANT = "GDP loss never exceeds GDP";

/**
 * Invariant: **GDP loss never exceeds GDP.** On the given draw of the policy, with its
 * rules, each country's GDP loss over the horizon is at most its GDP times the horizon
 * in years, in USD, and at most 100 times the horizon in years in % of annual GDP
 * (within 1e-12 relative, for rounding). The engine caps it there when input-output
 * multipliers would claim more (docs/model.md, step 10); a loss may be negative (a gain).
 *
 * @param scenario - a valid scenario.
 * @param options - `{ seed = 1, run = 0, policy = baseline }`.
 * @returns `true` when the invariant holds.
 * @throws {InvariantError} naming the country, its loss and the bound.
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { assertGdpLossWithinGdp, scenarioArbitrary } from "chokepoint/testing";
 *
 * fc.assert(fc.property(scenarioArbitrary(), (scenario) => assertGdpLossWithinGdp(scenario)));
 * ```
 */
export function assertGdpLossWithinGdp(scenario: ScenarioInput | Scenario, options: InvariantDrawOptions = {}): true {
  const { scenario: parsed, draw } = subject(scenario, options);
  const result = simulateDraw(withStandardOutcomes(parsed), draw);
  const years = parsed.horizon / PERIODS_PER_YEAR[parsed.period];
  for (const country of parsed.world.countries) {
    const usd = result.outcomes[`gdpLoss:${country.id}`]!;
    const percent = result.outcomes[`gdpLossPercent:${country.id}`]!;
    if (!(usd <= country.gdp * years)) {
      throw new InvariantError(INVARIANT, draw, `gdpLoss:${country.id} is ${show(usd)} USD over ${show(years)} years, more than GDP ${show(country.gdp)} a year`);
    }
    if (!(percent <= 100 * years * (1 + 1e-12))) {
      throw new InvariantError(INVARIANT, draw, `gdpLossPercent:${country.id} is ${show(percent)}% of annual GDP over ${show(years)} years, more than ${show(100 * years)}%`);
    }
  }
  return true;
}
