// Managed stocks (issue 14, deliverable 1) at their limit: with restocking switched off
// (tau -> infinity), stocks are only drawn, never rebuilt, as in model v2's first part;
// `npm run fuzz` runs more cases (CHOKEPOINT_FUZZ_RUNS).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ScenarioInput } from "../../src/index.js";
import { scenarioArbitrary, simulateDraw } from "../../src/testing/index.js";

const FUZZ = process.env.CHOKEPOINT_FUZZ_RUNS;
const NUM_RUNS = FUZZ === undefined ? 40 : Math.max(40, Math.ceil(Number(FUZZ) / 100));

/**
 * The scenario with every stock restocking over `months`, its restrictions not announced and
 * no shipping lags (goods bought before a cut and arriving after demand fell refill a stock).
 */
function restockingOver(scenario: ScenarioInput, months: number): ScenarioInput {
  const policies = scenario.policies.map((policy) => ({
    ...policy,
    levers: (policy.levers ?? []).map((lever) => ("announced" in lever ? { ...lever, announced: 0 } : lever)),
  }));
  const goods = scenario.world.goods.map(({ shippingPeriods: _lag, ...good }) => good);
  const flows = (scenario.world.flows ?? []).map(({ shippingPeriods: _lag, ...flow }) => flow);
  return { ...scenario, world: { ...scenario.world, goods, flows, stocks: (scenario.world.stocks ?? []).map((stock) => ({ ...stock, restockMonths: months })) }, policies };
}

describe("managed stocks at the limit (fast-check)", () => {
  it("with restocking off (tau 1e300 months) and no notice, a stock never rises: drawn, never rebuilt", () => {
    const scenarios = scenarioArbitrary({ maxRules: 0, maxPolicyRules: 0, minLevers: 1, uncertainties: false });
    let stocked = 0;
    fc.assert(
      fc.property(scenarios, (scenario) => {
        const policy = scenario.policies[0]!.name;
        const { series } = simulateDraw(restockingOver(scenario, 1e300), { seed: "limit", run: 0, policy });
        for (const [name, values] of Object.entries(series)) {
          if (!name.startsWith("stock:")) continue;
          if (values[0]! > 0) stocked++;
          // (in months of use; a rise of more than rounding, 1e-12 of a month's use or of the
          // stock, would be a rebuilt stock: what is bought beyond what uses want can exceed
          // it by a rounding residue)
          for (let t = 1; t < values.length; t++) expect(values[t]!, `${name} rises in period ${t}`).toBeLessThanOrEqual(values[t - 1]! + 1e-12 * Math.max(1, values[0]!));
        }
      }),
      { numRuns: NUM_RUNS },
    );
    expect(stocked).toBeGreaterThan(0);
  });

  it("restocking brings a drawn stock back: with tau of one month, some stock drawn in a world rises again", () => {
    // the same worlds with restocking on: the property above is not vacuous
    const scenarios = scenarioArbitrary({ maxRules: 0, maxPolicyRules: 0, minLevers: 1, uncertainties: false });
    let rose = 0;
    fc.assert(
      fc.property(scenarios, (scenario) => {
        const { series } = simulateDraw(restockingOver(scenario, 1), { seed: "limit", run: 0, policy: scenario.policies[0]!.name });
        for (const [name, values] of Object.entries(series)) {
          if (name.startsWith("stock:") && values.some((v, t) => t > 0 && v > values[t - 1]! * (1 + 1e-9))) rose++;
        }
      }),
      { numRuns: NUM_RUNS },
    );
    expect(rose).toBeGreaterThan(0);
  });
});
