// Robustness metrics against tables computed by hand.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { robustness } from "../../src/analysis/robustness.js";

describe("robustness", () => {
  // Three policies over five runs (losses; lower is better):
  //   run:      0   1   2   3   4
  //   A         1   5   2   8   4      best in runs 0, 2 (tied with C in run 2)
  //   B         3   2   3   3   3      best in runs 1, 3, 4
  //   C         2   6   2   9   5
  // best:       1   2   2   3   3
  // p90 (type 7, h = 0.9 (5 - 1) = 3.6): A sorted 1 2 4 5 8 -> 5 + 0.6 (8 - 5) = 6.8;
  //   B 2 3 3 3 3 -> 3; C 2 2 5 6 9 -> 6 + 0.6 (9 - 6) = 7.8
  // regret A:   0   3   0   5   1   mean 1.8, max 5, p90 = 3 + 0.6 (5 - 3) = 4.2
  // regret B:   2   0   1   0   0   mean 0.6, max 2, p90 = 1 + 0.6 (2 - 1) = 1.6
  // regret C:   1   4   0   6   2   mean 2.6, max 6, p90 = 4 + 0.6 (6 - 4) = 5.2
  const values = { A: [1, 5, 2, 8, 4], B: [3, 2, 3, 3, 3], C: [2, 6, 2, 9, 5] };

  it("gives the hand-computed regret, satisficing and best-shares table", () => {
    const table = robustness(values, { threshold: 3 });
    expect(table.runs).toBe(5);
    const [a, b, c] = table.policies;
    expect(a).toEqual({ policy: "A", mean: 4, p90: expect.closeTo(6.8, 12), meanRegret: 1.8, maxRegret: 5, p90Regret: expect.closeTo(4.2, 12), best: 0.3, satisficing: 0.4 });
    expect(b).toEqual({ policy: "B", mean: 2.8, p90: 3, meanRegret: expect.closeTo(0.6, 12), maxRegret: 2, p90Regret: expect.closeTo(1.6, 12), best: 0.6, satisficing: 1 });
    expect(c).toEqual({ policy: "C", mean: 4.8, p90: expect.closeTo(7.8, 12), meanRegret: expect.closeTo(2.6, 12), maxRegret: 6, p90Regret: expect.closeTo(5.2, 12), best: 0.1, satisficing: 0.4 });
    expect(table.preferred).toEqual({ mean: "B", p90: "B", meanRegret: "B", maxRegret: "B", p90Regret: "B", satisficing: "B" });
  });

  it("lets criteria disagree: a better mean with a worse tail", () => {
    // X: usually 0, once 10; Y: always 1.5
    const table = robustness({ X: [0, 0, 0, 0, 10], Y: [1.5, 1.5, 1.5, 1.5, 1.5] });
    expect(table.preferred.mean).toBe("Y"); // 2 against 1.5
    const split = robustness({ X: [0, 0, 0, 0, 0, 0, 0, 0, 0, 10], Y: new Array(10).fill(1.5) });
    expect(split.preferred.mean).toBe("X"); // 1 against 1.5
    expect(split.preferred.maxRegret).toBe("Y"); // 1.5 against 8.5
    expect(split.threshold).toBeUndefined();
    expect(split.policies[0]!.satisficing).toBeUndefined();
  });

  it("regret is never negative, some policy has zero regret in every run, and best shares sum to 1", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }).chain((runs) => fc.array(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: runs, maxLength: runs }), { minLength: 1, maxLength: 5 })), (columns) => {
        const table = robustness(Object.fromEntries(columns.map((c, i) => [`p${i}`, c])));
        for (const p of table.policies) expect(p.maxRegret).toBeGreaterThanOrEqual(0);
        expect(Math.min(...table.policies.map((p) => p.meanRegret))).toBeGreaterThanOrEqual(0);
        expect(table.policies.reduce((s, p) => s + p.best, 0)).toBeCloseTo(1, 9);
      }),
    );
  });

  it("refuses runs of different lengths, no runs and values that are not finite, naming them", () => {
    expect(() => robustness({ A: [1, 2], B: [1] })).toThrow("values.B: expected 2 runs (as A), found 1: the policies must be simulated on the same draws");
    expect(() => robustness({ A: [] })).toThrow("values.A: expected at least one run");
    expect(() => robustness({})).toThrow("values: expected at least one policy");
    expect(() => robustness({ A: [1, Number.NaN] })).toThrow("values.A[1]: expected a finite number, found NaN");
    expect(() => robustness({ A: [1] }, { threshold: Infinity })).toThrow("options.threshold: expected a finite number");
  });
});

describe("robustnessAnalysis", () => {
  it("is robustness of the outcome's per-run values from an experiment on common draws", async () => {
    const { robustnessAnalysis } = await import("../../src/analysis/robustness-analysis.js");
    const { loadBundledScenario } = await import("../../src/node.js");
    const { runExperiment } = await import("../../src/index.js");
    const scenario = await loadBundledScenario("illustrative-standoff");
    const table = await robustnessAnalysis(scenario, { outcome: "gdpLoss:JP", runs: 300, seed: 4, threshold: 1e9 });
    const result = await runExperiment(scenario, { runs: 300, seed: 4, keepRuns: true });
    expect(table).toEqual({ ...robustness(Object.fromEntries(result.policies.map((p) => [p.name, p.runs!["gdpLoss:JP"]!])), { threshold: 1e9 }), outcome: "gdpLoss:JP", unit: "USD" });
    await expect(robustnessAnalysis(scenario, { outcome: "gdpLoss:XX", runs: 10, seed: 1 })).rejects.toThrow(/^options\.outcome: unknown outcome "gdpLoss:XX"; did you mean "gdpLoss:/);
  });
});
