import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cases } from "../_helpers/quick.js";
import { createDistribution, leontiefInverse, parseScenario, safeParseScenario, spectralRadius, technicalCoefficients } from "../../src/index.js";
import {
  distributionArbitrary,
  inputOutputTableArbitrary,
  leverArbitrary,
  policyArbitrary,
  ruleArbitrary,
  scenarioArbitrary,
  simulateDraw,
  worldArbitrary,
} from "../../src/testing/index.js";
import { bundled } from "./_helpers.js";

describe("arbitraries of chokepoint/testing", () => {
  it("property: every generated scenario passes parseScenario (200 here; the engine properties check more)", () => {
    fc.assert(
      fc.property(scenarioArbitrary(), (scenario) => {
        const result = safeParseScenario(scenario);
        if (!result.success) throw result.error; // lists every problem with its path
      }),
      { numRuns: cases(200) },
    );
  });

  it("property: larger and uncertainty-free scenarios are valid too", () => {
    const shapes = fc.oneof(
      scenarioArbitrary({ minCountries: 5, maxCountries: 6, maxGoods: 6, maxPolicies: 4, maxRules: 3, horizon: 24 }),
      scenarioArbitrary({ uncertainties: false, inputOutput: false, stocks: false, period: "year" }),
    );
    fc.assert(fc.property(shapes, (scenario) => void parseScenario(scenario)), { numRuns: cases(100) });
  });

  it("property: a generated distribution's support lies within the field's range", () => {
    const supports = fc.constantFrom([0, 1], [0.05, 3], [0, 6], [-5, 5], [100, 1000], [0.5, 0.51]);
    fc.assert(
      fc.property(
        supports.chain(([min, max]) => distributionArbitrary({ min: min!, max: max! }).map((spec) => ({ min: min!, max: max!, spec }))),
        ({ min, max, spec }) => {
          const d = createDistribution(spec);
          expect(d.min).toBeGreaterThanOrEqual(min);
          expect(d.max).toBeLessThanOrEqual(max);
        },
      ),
      { numRuns: cases(500) },
    );
  });

  it("property: levers, rules and policies fit any world, such as the bundled seed scenario's", () => {
    const scenario = bundled("us-japan-chip-controls-2024");
    const { world, horizon } = scenario;
    const extras = fc.record({
      lever: leverArbitrary(world, { horizon }),
      rule: ruleArbitrary(world, { horizon, name: "extra-rule" }),
      policy: policyArbitrary(world, { horizon, name: "extra-policy", maxRules: 2 }),
    });
    fc.assert(
      fc.property(extras, ({ lever, rule, policy }) => {
        parseScenario({
          ...scenario,
          rules: [...(scenario.rules ?? []), rule],
          policies: [...scenario.policies, policy, { name: "extra-lever", levers: [lever] }],
        });
      }),
      { numRuns: cases(50) },
    );
  });

  it("property: input-output tables are productive, with positive value added", () => {
    fc.assert(
      fc.property(inputOutputTableArbitrary({ maxSectors: 5 }), ({ Z, x, sectors }) => {
        expect(Z).toHaveLength(sectors.length);
        const A = technicalCoefficients(Z, x);
        expect(spectralRadius(A)).toBeLessThanOrEqual(0.9 + 1e-12);
        x.forEach((xj, j) => expect(xj - Z.reduce((sum, row) => sum + row[j]!, 0)).toBeGreaterThan(0));
        leontiefInverse(A).forEach((row) => row.forEach((v) => expect(v).toBeGreaterThanOrEqual(0)));
      }),
      { numRuns: cases(200) },
    );
  });

  it("a failing property shrinks to one lever (or a rule or two) in a world of at most 3 countries and 4 goods", () => {
    // A false claim: "no policy ever causes a shortfall". Each seed finds another
    // counterexample (a tariff, a restriction, a capacity expansion that raises the demand for
    // its input), and shrinking leaves the one lever that causes it, or the rules that pull it. Countries and goods are
    // removed from the highest-numbered down, so a lever that names C2 or g3 keeps 3
    // countries or 4 goods.
    const noShortfall = fc.property(scenarioArbitrary(), (scenario) =>
      Object.entries(simulateDraw(scenario, { seed: 1 }).outcomes).every(([name, value]) => !name.startsWith("shortfall:") || value === 0),
    );
    for (const seed of [1, 2, 3]) {
      const details = fc.check(noShortfall, { seed, numRuns: 200 });
      expect(details.failed).toBe(true);
      const [scenario] = details.counterexample!;
      expect(scenario.world.countries.length).toBeLessThanOrEqual(3);
      expect(scenario.world.goods.length).toBeLessThanOrEqual(4);
      expect(scenario.policies.length).toBeLessThanOrEqual(2);
      // one lever, or a rule or two whose action does it (a rule may fire on a draw alone)
      const levers = scenario.policies.flatMap((p) => p.levers ?? []).length;
      const rules = (scenario.rules ?? []).length + scenario.policies.flatMap((p) => p.rules ?? []).length;
      expect(levers).toBeLessThanOrEqual(1);
      expect(levers + rules).toBeGreaterThanOrEqual(1);
      expect(levers + rules).toBeLessThanOrEqual(2);
      // and it replays: the same seed and path give the same counterexample at once
      const replay = fc.check(noShortfall, { seed, path: details.counterexamplePath!, endOnFailure: true });
      expect(replay.counterexample).toEqual(details.counterexample);
    }
  });

  it("generation is reproducible: the same fast-check seed gives the same scenarios", () => {
    const sample = () => fc.sample(scenarioArbitrary(), { seed: 2024, numRuns: cases(5) });
    expect(sample()).toEqual(sample());
  });

  it("refuses size controls it cannot honour, with the reason", () => {
    expect(() => worldArbitrary({ minCountries: 1 })).toThrowErrorMatchingInlineSnapshot(`[InputError: constraints: expected whole numbers 2 <= minCountries <= maxCountries, found 1 and 4]`);
    expect(() => scenarioArbitrary({ minLevers: 4, maxLevers: 2 })).toThrowErrorMatchingInlineSnapshot(`[InputError: constraints: expected minLevers <= maxLevers, found 4 and 2]`);
    expect(() => distributionArbitrary({ min: 1, max: 1 })).toThrowErrorMatchingInlineSnapshot(`[InputError: constraints: expected finite min < max, found [1, 1]]`);
    expect(() => distributionArbitrary({ min: 2, max: 3, kinds: ["bernoulli"] })).toThrowErrorMatchingInlineSnapshot(`[InputError: constraints.kinds: no listed family fits the support [2, 3]]`);
    expect(() => leverArbitrary({ countries: [{ id: "A" }], goods: [{ id: "x" }] })).toThrowErrorMatchingInlineSnapshot(`[InputError: world.countries: expected at least 2 countries, found 1]`);
    expect(() => ruleArbitrary(fc.sample(worldArbitrary(), 1)[0]!, { conditionKinds: ["draw"] })).toThrowErrorMatchingInlineSnapshot(`[InputError: constraints.conditionKinds: a "draw" condition needs an uncertainty; use scenarioArbitrary for rules with draw conditions]`);
    expect(() => inputOutputTableArbitrary({ maxColumnSum: 1 })).toThrowErrorMatchingInlineSnapshot(`[InputError: constraints.maxColumnSum: expected a number in (0, 1), found 1]`);
  });
});
