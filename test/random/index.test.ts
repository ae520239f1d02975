import { describe, expect, it } from "vitest";
import * as random from "../../src/random/index.js";
import {
  createDistribution,
  describeDistribution,
  distributionProblems,
  erf,
  erfc,
  inverseRegularizedIncompleteBeta,
  latinHypercubeSampler,
  sobolSampler,
  logGamma,
  monteCarloSampler,
  normalCdf,
  normalQuantile,
  regularizedIncompleteBeta,
  runStream,
} from "../../src/random/index.js";
import type { Distribution, UniformSampler } from "../../src/random/index.js";

// Calls the whole public API of src/random once, so that its type declarations are
// compiled and checked (tsc includes test/), and lists its exports by name.
describe("src/random public API", () => {
  it("exports exactly these names", () => {
    expect(Object.keys(random).sort()).toEqual([
      "createDistribution",
      "describeDistribution",
      "distributionProblems",
      "erf",
      "erfc",
      "inverseRegularizedIncompleteBeta",
      "latinHypercubeSampler",
      "logGamma",
      "monteCarloSampler",
      "normalCdf",
      "normalQuantile",
      "regularizedIncompleteBeta",
      "runStream",
      "seedString",
      "sobolSampler",
    ]);
  });

  it("fits together: a sampler's point drives the distributions by inversion", () => {
    const distributions: Distribution[] = [
      createDistribution({ type: "pert", min: 0.1, mode: 0.3, max: 0.6 }),
      createDistribution({ type: "bernoulli", p: 0.4 }),
    ];
    const samplers: UniformSampler[] = [monteCarloSampler("api", 2), latinHypercubeSampler("api", 2, 100), sobolSampler("api", 2)];
    const point = new Float64Array(2);
    for (const sampler of samplers) {
      sampler.fill(7, point);
      const draws = distributions.map((distribution, d) => distribution.quantile(point[d] as number));
      expect(draws[0]).toBeGreaterThan(0.1);
      expect([0, 1]).toContain(draws[1]);
    }
    const next: () => number = runStream("api", 0);
    expect(typeof next()).toBe("number");
    expect(distributionProblems({ type: "constant", value: 1 })).toEqual([]);
    expect(describeDistribution({ type: "constant", value: 1 })).toBe("constant(1)");
    const values: number[] = [
      logGamma(4),
      erf(1),
      erfc(1),
      normalCdf(0),
      normalQuantile(0.5),
      regularizedIncompleteBeta(0.5, 1, 1),
      inverseRegularizedIncompleteBeta(0.5, 1, 1),
    ];
    expect(values.every(Number.isFinite)).toBe(true);
  });
});
