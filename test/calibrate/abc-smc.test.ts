// The ABC-SMC sampler on models whose posterior is known in closed form (READING.md,
// "Calibration": check a sampler on a conjugate model before trusting it).
import { describe, expect, it } from "vitest";
import { abcSmc } from "../../src/calibrate/abc.js";
import { normalQuantile } from "../../src/random/normal-quantile.js";
import { normalCdf } from "../../src/random/normal-cdf.js";

/** Normal mean, known variance: prior N(mu0, tau0^2), n observations with sd sigma, mean ybar. */
function conjugate(mu0: number, tau0: number, sigma: number, n: number, ybar: number) {
  const precision = 1 / tau0 ** 2 + n / sigma ** 2;
  return { mean: (mu0 / tau0 ** 2 + (n * ybar) / sigma ** 2) / precision, sd: Math.sqrt(1 / precision) };
}

function weightedCdf(xs: number[], weights: number[], x: number): number {
  let sum = 0;
  for (let i = 0; i < xs.length; i++) if (xs[i]! <= x) sum += weights[i]!;
  return sum;
}

describe("abcSmc against closed-form posteriors", () => {
  const mu0 = 0;
  const tau0 = 2;
  const sigma = 1;
  const n = 20;
  const ybar = 1.3;
  const exact = conjugate(mu0, tau0, sigma, n, ybar); // mean 1.28395, sd 0.22222
  // the sample mean is sufficient: simulate it directly
  const problem = {
    parameters: [{ name: "mu", prior: { type: "normal" as const, mean: mu0, sd: tau0 } }],
    distance: (values: Float64Array, random: () => number) => Math.abs(values[0]! + (sigma / Math.sqrt(n)) * normalQuantile(random()) - ybar),
  };

  it("recovers the normal-normal posterior: mean, sd, 90% interval and the whole CDF", async () => {
    const posterior = await abcSmc(problem, { seed: "conjugate", particles: 2000, minAcceptanceRate: 0.05 });
    const [mu] = posterior.summary;
    expect(exact.mean).toBeCloseTo(1.28395, 4);
    expect(exact.sd).toBeCloseTo(0.22222, 4);
    // Monte Carlo error of the mean with ESS >= 1,000 is below 0.22 / 30 = 0.007; the final tolerance adds bias far smaller
    expect(posterior.effectiveSampleSize).toBeGreaterThan(1000);
    expect(Math.abs(mu!.mean - exact.mean)).toBeLessThan(0.025);
    expect(mu!.sd / exact.sd).toBeGreaterThan(0.92);
    expect(mu!.sd / exact.sd).toBeLessThan(1.08);
    expect(Math.abs(mu!.p05 - (exact.mean - 1.6449 * exact.sd))).toBeLessThan(0.04);
    expect(Math.abs(mu!.p95 - (exact.mean + 1.6449 * exact.sd))).toBeLessThan(0.04);
    // Kolmogorov distance between the weighted sample and N(mean, sd^2)
    let largest = 0;
    for (let z = -3; z <= 3; z += 0.25) {
      const x = exact.mean + z * exact.sd;
      largest = Math.max(largest, Math.abs(weightedCdf(posterior.draws.map((d) => d[0]!), posterior.weights, x) - normalCdf(z)));
    }
    expect(largest).toBeLessThan(0.04);
    // tolerances shrink, and the last is small beside the sampling sd of the mean (0.224)
    const tolerances = posterior.generations.map((g) => g.tolerance);
    for (let t = 1; t < tolerances.length; t++) expect(tolerances[t]).toBeLessThan(tolerances[t - 1]!);
    expect(tolerances[tolerances.length - 1]).toBeLessThan(0.05);
    expect(posterior.stopReason).toBe("acceptance");
    // every simulation is counted, those of a last population given up (acceptance below 5%) too
    expect(posterior.simulations).toBeGreaterThanOrEqual(posterior.generations.reduce((s, g) => s + g.simulations, 0));
    expect(posterior.generations.at(-1)!.acceptanceRate).toBeGreaterThanOrEqual(0.05);
  });

  it("recovers a correlated posterior: only the sum of two parameters is observed", async () => {
    // y = a + b + e, e ~ N(0, s^2); a, b ~ N(0, 1): posterior var(a) = 1 - 1/(2 + s^2), cov = -1/(2 + s^2)
    const s = 0.3;
    const y = 1;
    const posterior = await abcSmc(
      {
        parameters: [
          { name: "a", prior: { type: "normal", mean: 0, sd: 1 } },
          { name: "b", prior: { type: "normal", mean: 0, sd: 1 } },
        ],
        distance: (v, random) => Math.abs(v[0]! + v[1]! + s * normalQuantile(random()) - y),
      },
      { seed: 11, particles: 2000, minAcceptanceRate: 0.05 },
    );
    const k = 2 + s * s;
    const [a, b] = posterior.summary;
    expect(Math.abs(a!.mean - y / k)).toBeLessThan(0.06);
    expect(Math.abs(b!.mean - y / k)).toBeLessThan(0.06);
    expect(a!.sd / Math.sqrt(1 - 1 / k)).toBeGreaterThan(0.9);
    expect(a!.sd / Math.sqrt(1 - 1 / k)).toBeLessThan(1.1);
    const correlation = -1 / k / (1 - 1 / k); // -0.9175
    expect(Math.abs(posterior.correlations[0]![1]! - correlation)).toBeLessThan(0.04);
  });

  it("is bit-identical for a seed, and differs across seeds", async () => {
    const one = await abcSmc(problem, { seed: 5, particles: 200, maxGenerations: 3 });
    const two = await abcSmc(problem, { seed: 5, particles: 200, maxGenerations: 3 });
    const other = await abcSmc(problem, { seed: 6, particles: 200, maxGenerations: 3 });
    expect(two).toEqual(one);
    expect(other.draws).not.toEqual(one.draws);
    expect(one.stopReason).toBe("generations");
    expect(one.generations).toHaveLength(4);
  });

  it("stops within the simulation budget, keeping the last complete population", async () => {
    const posterior = await abcSmc(problem, { seed: 5, particles: 200, maxSimulations: 1500 });
    expect(posterior.stopReason).toBe("simulations");
    expect(posterior.simulations).toBeLessThanOrEqual(1500);
    expect(posterior.draws).toHaveLength(200);
  });

  it("works with bounded and discrete priors: no draw leaves the support", async () => {
    const posterior = await abcSmc(
      {
        parameters: [
          { name: "share", prior: { type: "beta", alpha: 2, beta: 2 } },
          { name: "count", prior: { type: "categorical", values: [1, 2, 3], weights: [1, 1, 1] } },
        ],
        distance: (v, random) => Math.abs(v[0]! * v[1]! + 0.05 * normalQuantile(random()) - 1.5),
      },
      { seed: 3, particles: 500, maxGenerations: 6 },
    );
    for (const [share, count] of posterior.draws) {
      expect(share).toBeGreaterThanOrEqual(0);
      expect(share).toBeLessThanOrEqual(1);
      expect([1, 2, 3]).toContain(count);
    }
    // share x count = 1.5 needs count 2 or 3 (share 0.75 or 0.5)
    const mass1 = posterior.draws.reduce((s, d, i) => s + (d[1] === 1 ? posterior.weights[i]! : 0), 0);
    expect(mass1).toBeLessThan(0.02);
  });

  it("refuses bad input with the path", async () => {
    await expect(abcSmc(problem, { seed: 1, particles: 3 })).rejects.toThrow("options.particles: expected a whole number from 10 to 10,000, found 3");
    await expect(abcSmc(problem, { seed: "" })).rejects.toThrow("seed: expected a non-empty string");
    await expect(abcSmc({ parameters: [{ name: "x", prior: { type: "uniform", min: 2, max: 1 } }], distance: () => 0 }, { seed: 1 })).rejects.toThrow(/problem\.parameters\[0\]\.prior/);
    await expect(abcSmc({ parameters: [{ name: "x", prior: { type: "uniform", min: 0, max: 1 } }], distance: () => Infinity }, { seed: 1 })).rejects.toThrow("no simulation from the priors gave a finite distance");
  });
});
