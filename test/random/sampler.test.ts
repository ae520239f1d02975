import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { latinHypercubeSampler, monteCarloSampler, runStream } from "../../src/random/index.js";
import { ksCriticalValue, ksStatistic } from "./_helpers/kolmogorov-smirnov.js";
import { point } from "./_helpers/point.js";

describe("monteCarloSampler", () => {
  it("fills run i's point with the first draws of runStream(seed, i)", () => {
    const sampler = monteCarloSampler("mc", 5);
    expect(sampler.kind).toBe("monte-carlo");
    expect(sampler.dimensions).toBe(5);
    for (const i of [0, 1, 99, 123_456]) {
      const next = runStream("mc", i);
      expect(point(sampler, i)).toEqual(Array.from({ length: 5 }, () => next()));
    }
  });

  it("accepts zero dimensions", () => {
    expect(point(monteCarloSampler("mc", 0), 3)).toEqual([]);
  });

  it("validates its arguments", () => {
    expect(() => monteCarloSampler("", 2)).toThrow(InputError);
    expect(() => monteCarloSampler("s", -1)).toThrow("dimensions: expected an integer >= 0, found -1");
    const sampler = monteCarloSampler("s", 2);
    expect(() => sampler.fill(-1, new Float64Array(2))).toThrow("runIndex: expected an integer >= 0, found -1");
    expect(() => sampler.fill(0, new Float64Array(3))).toThrow("out: expected a Float64Array of length 2, found length 3");
  });
});

describe("latinHypercubeSampler", () => {
  it.each([1, 2, 3, 7, 100, 1000, 1023, 1024, 1025, 4097])(
    "puts exactly one of %d runs in each stratum of each dimension",
    (runs) => {
      const dimensions = 4;
      const sampler = latinHypercubeSampler("lhs", dimensions, runs);
      const hits = Array.from({ length: dimensions }, () => new Uint32Array(runs));
      const out = new Float64Array(dimensions);
      for (let i = 0; i < runs; i++) {
        sampler.fill(i, out);
        for (let d = 0; d < dimensions; d++) {
          const u = out[d] as number;
          expect(u > 0 && u < 1).toBe(true);
          const strata = hits[d] as Uint32Array;
          const k = Math.floor(u * runs);
          strata[k] = (strata[k] ?? 0) + 1;
        }
      }
      for (const h of hits) expect(h.every((count) => count === 1)).toBe(true);
    },
  );

  it("jitters inside the stratum with run i's own stream: coordinate d is (stratum + d-th draw) / runs", () => {
    const runs = 500;
    const sampler = latinHypercubeSampler(9, 3, runs);
    for (const i of [0, 17, 499]) {
      const next = runStream(9, i);
      for (const u of point(sampler, i)) {
        const v = next();
        const stratum = Math.floor(u * runs);
        expect(u * runs - stratum).toBeCloseTo(v, 10);
      }
    }
  });

  it("gives run i the same point whatever was sampled before, in any order or shard", () => {
    const runs = 1000;
    const forward = latinHypercubeSampler("order", 6, runs);
    const backward = latinHypercubeSampler("order", 6, runs);
    const ahead = Array.from({ length: runs }, (_, i) => point(forward, i));
    for (let i = runs - 1; i >= 0; i--) expect(point(backward, i)).toEqual(ahead[i]);
    const shard = latinHypercubeSampler("order", 6, runs);
    for (const i of [500, 3, 999, 3, 0]) expect(point(shard, i)).toEqual(ahead[i]);
  });

  it("depends on the seed and the number of runs", () => {
    expect(point(latinHypercubeSampler("a", 3, 1000), 5)).not.toEqual(point(latinHypercubeSampler("b", 3, 1000), 5));
    expect(point(latinHypercubeSampler("a", 3, 1000), 5)).not.toEqual(point(latinHypercubeSampler("a", 3, 1001), 5));
  });

  it("pins one point, so a change of permutation or stream is a visible change", () => {
    expect(point(latinHypercubeSampler("chokepoint", 3, 1000), 0)).toMatchInlineSnapshot(`
      [
        0.9556113705328968,
        0.3109334706204129,
        0.4134269970388978,
      ]
    `);
  });

  it("has uniform margins and uncorrelated dimensions", () => {
    const runs = 20_000;
    const sampler = latinHypercubeSampler("quality", 2, runs);
    const first = new Float64Array(runs);
    const second = new Float64Array(runs);
    const out = new Float64Array(2);
    for (let i = 0; i < runs; i++) {
      sampler.fill(i, out);
      first[i] = out[0] as number;
      second[i] = out[1] as number;
    }
    const uniformCdf = (x: number): number => Math.min(1, Math.max(0, x));
    // Stratification makes D at most about 1/runs, far below the critical value.
    expect(ksStatistic(first, uniformCdf)).toBeLessThan(2 / runs);
    let sxy = 0;
    for (let i = 0; i < runs; i++) sxy += ((first[i] as number) - 0.5) * ((second[i] as number) - 0.5);
    expect(Math.abs((sxy / runs) * 12)).toBeLessThan(4 / Math.sqrt(runs));
    // Neighbouring runs are not neighbours in the strata: run order is scrambled.
    let lag = 0;
    for (let i = 0; i + 1 < runs; i++) lag += ((first[i] as number) - 0.5) * ((first[i + 1] as number) - 0.5);
    expect(Math.abs((lag / runs) * 12)).toBeLessThan(4 / Math.sqrt(runs));
    expect(ksCriticalValue(runs, 0.001)).toBeGreaterThan(2 / runs);
  });

  it("needs O(1) memory in runs: 10 million runs sample any index at once", () => {
    const sampler = latinHypercubeSampler("big", 8, 10_000_000);
    const started = performance.now();
    const p = point(sampler, 9_999_999);
    expect(performance.now() - started).toBeLessThan(250);
    expect(p.every((u) => u > 0 && u < 1)).toBe(true);
    expect(() => latinHypercubeSampler("big", 1, 2 ** 32)).not.toThrow();
  });

  it("validates its arguments", () => {
    expect(() => latinHypercubeSampler("s", 2, 0)).toThrow("runs: expected an integer >= 1, found 0");
    expect(() => latinHypercubeSampler("s", 2, 2 ** 32 + 1)).toThrow(
      "runs: expected at most 4294967296 runs for a Latin hypercube, found 4294967297",
    );
    expect(() => latinHypercubeSampler("s", 1.5, 10)).toThrow(InputError);
    const sampler = latinHypercubeSampler("s", 2, 10);
    expect(() => sampler.fill(10, new Float64Array(2))).toThrow(
      "runIndex: expected a run index below 10 (the sampler's runs), found 10",
    );
    expect(() => sampler.fill(0, new Float64Array(1))).toThrow(InputError);
  });
});
