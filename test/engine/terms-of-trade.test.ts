// The terms-of-trade loss is a transfer between trading countries (docs/model.md, step 10):
// what importers lose on exporters' prices, exporters gain, so it sums to 0 over the world,
// whatever the scenario, policy and draw.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scenarioArbitrary, simulateDraw } from "../../src/testing/index.js";

const FUZZ = process.env.CHOKEPOINT_FUZZ_RUNS;
const NUM_RUNS = FUZZ === undefined ? 40 : Math.max(40, Math.ceil(Number(FUZZ) / 100));

describe("terms of trade (fast-check)", () => {
  it("sums to 0 over countries: an importer's loss is its exporter's gain", () => {
    let moved = 0;
    fc.assert(
      fc.property(scenarioArbitrary(), fc.nat(1000), (scenario, run) => {
        const policy = scenario.policies[scenario.policies.length - 1]!.name;
        const { outcomes } = simulateDraw(scenario, { seed: "terms", run, policy });
        const values = scenario.world.countries.map((c) => outcomes[`termsOfTradeLoss:${c.id}`]!);
        for (const v of values) expect(Number.isFinite(v)).toBe(true);
        const sum = values.reduce((a, b) => a + b, 0);
        const scale = values.reduce((a, b) => a + Math.abs(b), 0);
        expect(Math.abs(sum)).toBeLessThanOrEqual(1e-9 * scale + 1e-300);
        if (scale > 0) moved++;
      }),
      { numRuns: NUM_RUNS },
    );
    // the property looked at moved prices, not only calm worlds
    expect(moved).toBeGreaterThan(0);
  });
});
