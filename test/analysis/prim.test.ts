// PRIM against planted boxes: it must find the box it was given, with the right inputs
// restricted and the others free.
import { describe, expect, it } from "vitest";
import { binomialAtLeast, prim, type PrimBox } from "../../src/analysis/prim.js";
import { runStream } from "../../src/random/stream.js";

function points(n: number, seed: string) {
  const next = runStream(seed, 0);
  const x1 = new Float64Array(n);
  const x2 = new Float64Array(n);
  const x3 = new Float64Array(n);
  const c = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x1[i] = next();
    x2[i] = next();
    x3[i] = next();
    c[i] = Math.floor(next() * 3);
  }
  return { x1, x2, x3, c, next };
}

/** The box of the trajectory with the highest density among those covering at least `coverage`. */
function densest(trajectory: readonly PrimBox[], coverage: number): PrimBox {
  return trajectory.filter((b) => b.coverage >= coverage).reduce((a, b) => (b.density > a.density ? b : a));
}

describe("prim", () => {
  it("finds a planted box in 3 inputs, leaving the third free", () => {
    const { x1, x2, x3 } = points(3000, "prim-planted");
    const cases = Array.from(x1, (v, i) => v > 0.7 && x2[i]! < 0.4);
    const result = prim({ x1, x2, x3 }, cases);
    expect(result.points).toBe(3000);
    expect(result.trajectory[0]).toMatchObject({ coverage: 1, mass: 1, restricted: 0, step: "start" });
    const box = densest(result.trajectory, 0.9);
    expect(box.density).toBeGreaterThan(0.9);
    expect(Object.keys(box.limits).sort()).toEqual(["x1", "x2"]);
    const x1Limit = box.limits.x1 as { min: number; max: number };
    const x2Limit = box.limits.x2 as { min: number; max: number };
    expect(x1Limit.min).toBeGreaterThan(0.65);
    expect(x1Limit.min).toBeLessThan(0.75);
    expect(x2Limit.max).toBeGreaterThan(0.35);
    expect(x2Limit.max).toBeLessThan(0.45);
    // both restrictions matter: tiny quasi-p-values
    expect(box.pValues.x1).toBeLessThan(1e-6);
    expect(box.pValues.x2).toBeLessThan(1e-6);
    // density rises and coverage falls along the peeling
    const peels = result.trajectory.filter((b) => b.step !== "paste");
    for (let k = 1; k < peels.length; k++) {
      expect(peels[k]!.density).toBeGreaterThanOrEqual(peels[k - 1]!.density - 1e-12);
      expect(peels[k]!.mass).toBeLessThan(peels[k - 1]!.mass);
    }
  });

  it("peels categorical inputs one category at a time, and finds a box through noise", () => {
    const { x1, x3, c, next } = points(3000, "prim-categorical");
    // cases: category 1 with x1 above 0.5, with 5% of labels flipped
    const cases = Array.from(x1, (v, i) => (c[i] === 1 && v > 0.5) !== next() < 0.05);
    const result = prim({ x1, x3, c }, cases);
    // flipped labels put cases outside the planted box too: it holds about 80% of the cases
    const box = densest(result.trajectory, 0.75);
    expect(box.limits.c).toEqual({ values: [1] });
    expect((box.limits.x1 as { min: number }).min).toBeGreaterThan(0.45);
    expect((box.limits.x1 as { min: number }).min).toBeLessThan(0.6);
    expect(box.limits.x3).toBeUndefined();
    expect(box.density).toBeGreaterThan(0.9);
    // the category is the first peel worth making: it doubles the density
    expect(result.trajectory[1]!.limits.c).toBeDefined();
  });

  it("stops at the minimum mass and reports limits only for restricted inputs", () => {
    const { x1, x2 } = points(500, "prim-mass");
    const result = prim({ x1, x2 }, Array.from(x1, (v) => v < 0.2), { minMass: 0.1, pasting: false });
    for (const box of result.trajectory) expect(box.mass).toBeGreaterThanOrEqual(0.1);
    expect(result.trajectory.every((b) => b.step !== "paste")).toBe(true);
    const last = result.trajectory.at(-1)!;
    expect(Object.keys(last.limits)).toContain("x1");
  });

  it("binomial tail: exact small cases", () => {
    // P(X >= 2), X ~ binomial(3, 0.5) = 4/8
    expect(binomialAtLeast(2, 3, 0.5)).toBeCloseTo(0.5, 12);
    // P(X >= 3), X ~ binomial(3, 0.2) = 0.008
    expect(binomialAtLeast(3, 3, 0.2)).toBeCloseTo(0.008, 12);
    expect(binomialAtLeast(0, 5, 0.3)).toBe(1);
  });

  it("refuses inputs of different lengths, values that are not finite, and bad options", () => {
    expect(() => prim({ a: [1, 2], b: [1] }, [true, false])).toThrow("inputs.b: expected 2 values, one per case, found 1");
    expect(() => prim({ a: [1, Number.NaN] }, [true, false])).toThrow("inputs.a[1]: expected a finite number, found NaN");
    expect(() => prim({ a: [1] }, [true], { alpha: 0.7 })).toThrow("options.alpha: expected a share between 0 and 0.5");
    expect(() => prim({}, [true])).toThrow("inputs: expected at least one input");
  });
});

describe("discoverScenarios", () => {
  it("finds where a policy's loss is high, in the scenario's own uncertainties", async () => {
    const { discoverScenarios } = await import("../../src/analysis/discover-scenarios.js");
    const { loadBundledScenario } = await import("../../src/node.js");
    const scenario = await loadBundledScenario("illustrative-standoff");
    const found = await discoverScenarios(scenario, { outcome: "gdpLoss:JP", policy: "aligned", above: 4e9, runs: 800, seed: 2 });
    expect(found.policy).toBe("aligned");
    expect(found.above).toBe(4e9);
    expect(found.points).toBe(800);
    expect(found.cases).toBeGreaterThan(20);
    const names = new Set(scenario.uncertainties.map((u) => u.name));
    const last = found.trajectory.at(-1)!;
    expect(last.density).toBeGreaterThan(found.trajectory[0]!.density);
    for (const name of Object.keys(last.limits)) expect(names.has(name)).toBe(true);
    await expect(discoverScenarios(scenario, { outcome: "gdpLoss:JP", runs: 10, seed: 1 })).rejects.toThrow("options: expected `above` or `below` (one of them)");
  });
});

describe("discoverScenarios on paired differences and rule draws", () => {
  it("classifies runs by policy - versus and offers each rule instance's draw as an input", async () => {
    const { discoverScenarios } = await import("../../src/analysis/discover-scenarios.js");
    const { runExperiment } = await import("../../src/index.js");
    const { loadBundledScenario } = await import("../../src/node.js");
    const scenario = await loadBundledScenario("illustrative-standoff");
    const options = { outcome: "gdpLoss:JP", policy: "aligned", versus: "us-alone", above: 1e9, runs: 300, seed: 5 } as const;
    const found = await discoverScenarios(scenario, options);
    expect(found.versus).toBe("us-alone");
    // the cases are the runs whose paired difference is above the threshold
    const result = await runExperiment(scenario, { runs: 300, seed: 5, keepRuns: true, policies: ["aligned", "us-alone"] });
    const aligned = result.policies[0]!.runs!["gdpLoss:JP"]!;
    const alone = result.policies[1]!.runs!["gdpLoss:JP"]!;
    expect(found.cases).toBe(aligned.filter((v, run) => v - alone[run]! > 1e9).length);
    // rule draws: one input per rule instance, beside the uncertainties
    const ruleInputs = found.inputs.filter((name) => name.startsWith("rule:"));
    expect(ruleInputs).toEqual(["rule:china-gallium-retaliation/US", "rule:china-gallium-retaliation/JP", "rule:china-gallium-retaliation/NL"]);
    await expect(discoverScenarios(scenario, { ...options, versus: "aligned" })).rejects.toThrow(/options\.versus: .*another policy/);
  });
});
