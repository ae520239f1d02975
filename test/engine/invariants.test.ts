import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseScenario, simulateOnce } from "../../src/index.js";
import { compileScenario } from "../../src/compile/compile.js";
import { createRunState } from "../../src/engine/state.js";
import { simulateRun } from "../../src/engine/simulate.js";
import { restrictionArbitrary, scenarioFor, worldArbitrary } from "../_helpers/arbitraries.js";

const NUM_RUNS = 150;

const worldAndRestriction = worldArbitrary().chain((world) => fc.tuple(fc.constant(world), restrictionArbitrary(world.shape)));

describe("engine invariants (fast-check)", () => {
  it("generated worlds are valid scenarios", () => {
    fc.assert(
      fc.property(worldArbitrary(), (world) => {
        parseScenario(scenarioFor(world, [{ name: "none" }]));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("no restriction gives exactly zero loss, no shortfall, base prices", () => {
    fc.assert(
      fc.property(worldArbitrary(), (world) => {
        const { outcomes } = simulateOnce(scenarioFor(world, [{ name: "none" }]), { seed: 1 });
        for (const [name, value] of Object.entries(outcomes)) expect(value, name).toBe(name.startsWith("price") ? 1 : 0);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("leakage 1 is the same as no restriction", () => {
    fc.assert(
      fc.property(worldAndRestriction, ([world, lever]) => {
        const scenario = scenarioFor(world, [{ name: "none" }, { name: "leaky", levers: [{ ...lever, leakage: 1 }] }]);
        expect(simulateOnce(scenario, { policy: "leaky", seed: 1 }).outcomes).toEqual(simulateOnce(scenario, { policy: "none", seed: 1 }).outcomes);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("a more severe restriction never lowers the target's shortfall of the restricted good", () => {
    fc.assert(
      fc.property(worldAndRestriction, fc.double({ min: 0, max: 1, noNaN: true }), ([world, lever], extra) => {
        const stronger = Math.min(1, lever.severity + extra * (1 - lever.severity));
        const scenario = scenarioFor(world, [
          { name: "weak", levers: [lever] },
          { name: "strong", levers: [{ ...lever, severity: stronger }] },
        ]);
        const name = `short:${lever.targets[0]}:${lever.goods[0]}`;
        const weak = simulateOnce(scenario, { policy: "weak", seed: 1 }).outcomes[name]!;
        const strong = simulateOnce(scenario, { policy: "strong", seed: 1 }).outcomes[name]!;
        expect(strong).toBeGreaterThanOrEqual(weak - 1e-12);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("stocks, reserves and prices never go negative; GDP loss never exceeds GDP; everything is finite", () => {
    fc.assert(
      fc.property(worldAndRestriction, ([world, lever]) => {
        const scenario = parseScenario(
          scenarioFor(world, [
            { name: "restrict", levers: [lever, { type: "stockpileRelease", actor: lever.targets[0]!, goods: lever.goods, coverMonths: 1, maxReleaseShare: 0.3 }] },
          ]),
        );
        const model = compileScenario(scenario);
        const state = createRunState(model);
        const outcomes = new Float64Array(model.outcomes.count);
        const series = new Float64Array(model.outcomes.seriesCount * model.T);
        simulateRun(model, state, 0, new Float64Array(model.randomDimensions), outcomes, series);
        for (const value of [...state.stock, ...state.reserve]) expect(value).toBeGreaterThanOrEqual(0);
        for (const value of series) expect(value).toBeGreaterThan(0);
        for (const value of outcomes) expect(Number.isFinite(value)).toBe(true);
        const years = model.T / model.periodsPerYear;
        model.outcomes.info.forEach((info, o) => {
          if (info.name.startsWith("gdp:")) expect(outcomes[o]).toBeLessThanOrEqual(1e12 * years);
          if (info.name.startsWith("gdpPct:")) expect(outcomes[o]).toBeLessThanOrEqual(100 * years);
          if (info.name.startsWith("short:")) expect(outcomes[o]).toBeGreaterThanOrEqual(0);
          if (info.name.startsWith("short:")) expect(outcomes[o]).toBeLessThanOrEqual(1);
        });
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("a restriction never helps its target: the target's shortfall of the good is at least that with no restriction", () => {
    fc.assert(
      fc.property(worldAndRestriction, ([world, lever]) => {
        const scenario = scenarioFor(world, [{ name: "none" }, { name: "restrict", levers: [lever] }]);
        const name = `short:${lever.targets[0]}:${lever.goods[0]}`;
        const restricted = simulateOnce(scenario, { policy: "restrict", seed: 1 }).outcomes[name]!;
        expect(restricted).toBeGreaterThanOrEqual(simulateOnce(scenario, { policy: "none", seed: 1 }).outcomes[name]!);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("is deterministic: the same scenario and draw give bit-identical outcomes", () => {
    fc.assert(
      fc.property(worldAndRestriction, fc.nat(1000), ([world, lever], run) => {
        const scenario = scenarioFor(world, [{ name: "restrict", levers: [lever] }]);
        expect(simulateOnce(scenario, { seed: "d", run })).toEqual(simulateOnce(scenario, { seed: "d", run }));
      }),
      { numRuns: 30 },
    );
  });
});

