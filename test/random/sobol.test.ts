import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { qmcInterval, qmcMean } from "../../src/analysis/qmc-mean.js";
import { InputError } from "../../src/errors.js";
import { experimentSampler } from "../../src/experiment/sampler-kind.js";
import { SOBOL_DIRECTION_ROWS, SOBOL_MAX_DIMENSIONS } from "../../src/random/_internals/sobol-directions.js";
import { sobolDirections, sobolInteger } from "../../src/random/_internals/sobol.js";
import { monteCarloSampler, sobolSampler } from "../../src/random/index.js";
import { point } from "./_helpers/point.js";

describe("Sobol' direction numbers", () => {
  it("are Joe & Kuo's new-joe-kuo-6.21201 for the first 1,000 dimensions, as the sobol package ships it", () => {
    const file = createRequire(import.meta.url).resolve("sobol/dims21201.txt");
    const lines = readFileSync(file, "utf8").split("\n");
    expect(lines[0]!.trim().split(/\s+/)).toEqual(["d", "s", "a", "m_i"]);
    const expected: number[] = [];
    for (let d = 2; d <= SOBOL_MAX_DIMENSIONS; d++) {
      const [dimension, s, a, ...m] = lines[d - 1]!.trim().split(/\s+/).map(Number);
      expect(dimension).toBe(d);
      expect(m).toHaveLength(s!);
      expected.push(s!, a!, ...m);
    }
    expect(SOBOL_MAX_DIMENSIONS).toBe(1000);
    expect(SOBOL_DIRECTION_ROWS).toEqual(expected);
  });

  it("give the unscrambled sequence's known points (Gray-code order, as Joe & Kuo's generator)", () => {
    const directions = sobolDirections(3);
    const first = (d: number) => Array.from({ length: 8 }, (_, i) => sobolInteger(directions, d, i) / 2 ** 32);
    // Joe & Kuo's sobol.cc output for new-joe-kuo-6.21201, N = 8, D = 3.
    expect(first(0)).toEqual([0, 0.5, 0.75, 0.25, 0.375, 0.875, 0.625, 0.125]);
    expect(first(1)).toEqual([0, 0.5, 0.25, 0.75, 0.375, 0.875, 0.125, 0.625]);
    expect(first(2)).toEqual([0, 0.5, 0.25, 0.75, 0.625, 0.125, 0.875, 0.375]);
    // Dimension 3 by hand: row "3 2 1 1 3" (s = 2, a = 1, m = 1, 3), so m_3 = 2 m_2 ^ 4 m_1 ^ m_1
    // = 6 ^ 4 ^ 1 = 3 and v = .1, .11, .011 in binary. Point 4 (Gray code 6: v_2 ^ v_3) is
    // .101 = 0.625; point 7 (Gray code 4: v_3) is .011 = 0.375.
    expect(SOBOL_DIRECTION_ROWS.slice(3, 7)).toEqual([2, 1, 1, 3]); // after dimension 2's row 1, 0, 1
    expect(sobolInteger(directions, 2, 4) / 2 ** 32).toBe(0.625);
    expect(sobolInteger(directions, 2, 7) / 2 ** 32).toBe(0.375);
    // m_4 = 2 m_3 ^ 4 m_2 ^ m_2 = 6 ^ 12 ^ 3 = 9, v_4 = .1001; point 8 (Gray code 12: v_3 ^ v_4) is .1111.
    expect(sobolInteger(directions, 2, 8) / 2 ** 32).toBe(0.9375);
  });

  it("agree with SciPy's unscrambled Sobol' at scattered indices and dimensions", () => {
    // scipy.stats.qmc.Sobol(d=1000, scramble=False, bits=32).random(4096) (SciPy 1.17.1),
    // coordinates times 2^32, at indices 1, 2, 3, 5, 100, 1000, 4095.
    const scipy: Record<number, number[]> = {
      0: [2147483648, 3221225472, 1073741824, 3758096384, 1778384896, 943718400, 1048576],
      1: [2147483648, 1073741824, 3221225472, 3758096384, 1107296256, 415236096, 4042260480],
      2: [2147483648, 1073741824, 3221225472, 536870912, 3321888768, 2227175424, 1435500544],
      9: [2147483648, 3221225472, 1073741824, 536870912, 2986344448, 297795584, 1058013184],
      99: [2147483648, 3221225472, 1073741824, 1610612736, 3791650816, 801112064, 4134535168],
      499: [2147483648, 1073741824, 3221225472, 536870912, 2113929216, 1094713344, 4031774720],
      999: [2147483648, 3221225472, 1073741824, 2684354560, 3925868544, 859832320, 1324351488],
    };
    const directions = sobolDirections(1000);
    for (const [d, values] of Object.entries(scipy)) {
      expect([1, 2, 3, 5, 100, 1000, 4095].map((i) => sobolInteger(directions, Number(d), i))).toEqual(values);
    }
  });
});

/** Whether the top m bits of the first 2^m coordinates of each dimension fill every interval once. */
function balanced(coordinates: number[][], m: number): boolean {
  const size = 2 ** m;
  for (let d = 0; d < coordinates[0]!.length; d++) {
    const seen = new Uint8Array(size);
    for (let i = 0; i < size; i++) seen[Math.floor(coordinates[i]![d]! * size)]! += 1;
    if (!seen.every((count) => count === 1)) return false;
  }
  return true;
}

describe("sobolSampler", () => {
  it("puts the first 2^m points of each scrambling once in each interval [k/2^m, (k+1)/2^m) of every dimension", () => {
    for (const seed of ["net", 7]) {
      const sampler = sobolSampler(seed, 40);
      expect(sampler.kind).toBe("sobol");
      const points = Array.from({ length: 4096 }, (_, i) => point(sampler, i));
      for (const m of [1, 4, 8, 12]) expect(balanced(points, m)).toBe(true);
      // Two-dimensional projection of dimensions 1 and 2 (t = 0): each of the 2^12 boxes
      // [a/64, (a+1)/64) x [b/64, (b+1)/64) holds exactly one point.
      const boxes = new Set(points.map(([x, y]) => Math.floor(x! * 64) * 64 + Math.floor(y! * 64)));
      expect(boxes.size).toBe(4096);
    }
    // Monte Carlo points are not balanced: the test can fail.
    const mc = monteCarloSampler("net", 4);
    expect(balanced(Array.from({ length: 256 }, (_, i) => point(mc, i)), 8)).toBe(false);
  });

  it("interleaves R scramblings: run i is point floor(i / R) of scrambling i mod R, and scrambling 0 is the plain sampler", () => {
    const R = 5;
    const interleaved = sobolSampler("mix", 6, R);
    const single = sobolSampler("mix", 6);
    for (const j of [0, 1, 17, 1000]) expect(point(interleaved, j * R)).toEqual(point(single, j));
    for (let r = 0; r < R; r++) {
      const points = Array.from({ length: 256 }, (_, j) => point(interleaved, j * R + r));
      expect(balanced(points, 8)).toBe(true);
    }
    expect(point(interleaved, 1)).not.toEqual(point(interleaved, 0));
  });

  it("gives every coordinate strictly inside (0, 1), including point 0 and the last index", () => {
    for (const seed of ["edge", 1, 2, 3]) {
      const sampler = sobolSampler(seed, 12);
      for (const i of [0, 1, 2 ** 31, 2 ** 32 - 1]) {
        for (const u of point(sampler, i)) {
          expect(u).toBeGreaterThan(0);
          expect(u).toBeLessThan(1);
          expect(Number.isInteger(u * 2 ** 53)).toBe(true);
        }
      }
    }
  });

  it("is a function of (seed, i): same seed same points, any order of fill, other seeds other points", () => {
    const indices = [0, 1, 2, 3, 64, 65, 1023, 99_999];
    const forward = sobolSampler("order", 30);
    const backward = sobolSampler("order", 30);
    const a = indices.map((i) => point(forward, i));
    const b = [...indices].reverse().map((i) => point(backward, i)).reverse();
    expect(b).toEqual(a);
    expect(point(sobolSampler(42, 3), 5)).toEqual(point(sobolSampler("42", 3), 5));
    // Different seeds: different scramblings, even of point 0 (which is 0 unscrambled).
    const other = sobolSampler("another", 30);
    for (const i of indices) {
      const p = point(other, i);
      const q = a[indices.indexOf(i)]!;
      expect(p.filter((u, d) => u === q[d])).toEqual([]);
    }
  });

  it("scrambles so that each coordinate is uniform: over 200 seeds, point 5's coordinates have mean 1/2 and variance 1/12", () => {
    const values: number[] = [];
    for (let s = 0; s < 200; s++) values.push(...point(sobolSampler(`u${s}`, 10), 5));
    const n = values.length;
    const mean = values.reduce((t, u) => t + u, 0) / n;
    const variance = values.reduce((t, u) => t + (u - mean) ** 2, 0) / (n - 1);
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.01);
  });

  it("validates its arguments", () => {
    expect(() => sobolSampler("", 2)).toThrow(InputError);
    expect(() => sobolSampler("s", -1)).toThrow("dimensions: expected an integer >= 0, found -1");
    expect(() => sobolSampler("s", 1001)).toThrow(
      "dimensions: expected at most 1000 dimensions for Sobol' points (the direction numbers shipped), found 1001",
    );
    expect(() => sobolSampler("s", 1000)).not.toThrow();
    expect(() => sobolSampler("s", 2, 0)).toThrow("randomizations: expected an integer >= 1, found 0");
    const sampler = sobolSampler("s", 2, 3);
    expect(() => sampler.fill(-1, new Float64Array(2))).toThrow("runIndex: expected an integer >= 0, found -1");
    expect(() => sampler.fill(3 * 2 ** 32, new Float64Array(2))).toThrow(
      "runIndex: expected a run index below 12884901888 (2^32 points per scrambling), found 12884901888",
    );
    expect(() => sampler.fill(0, new Float64Array(3))).toThrow("out: expected a Float64Array of length 2, found length 3");
    expect(point(sobolSampler("s", 0), 9)).toEqual([]);
    // An experiment names its option: a scenario with too many uncertainties for Sobol' points.
    expect(() => experimentSampler("sobol", "s", 1001, 64)).toThrow(
      'options.sampler: "sobol" covers at most 1000 uncertain dimensions (the direction numbers shipped); this scenario draws 1001: use "monte-carlo" or "latin-hypercube"',
    );
    expect(experimentSampler("sobol", "s", 1000, 64).kind).toBe("sobol");
  });
});

/** A smooth function of (0,1)^dimensions with integral 1: prod (1 + c (x_j - 1/2)). */
const product = (c: number) => (u: Float64Array) => {
  let p = 1;
  for (let j = 0; j < u.length; j++) p *= 1 + c * ((u[j] as number) - 0.5);
  return p;
};

describe("sobolSampler against Monte Carlo", () => {
  it("integrates a smooth function with an error far below Monte Carlo's at n = 1024", () => {
    const f = product(0.8);
    const dimensions = 8;
    const n = 1024;
    const replicates = 20;
    let qmcSquares = 0;
    let mcSquares = 0;
    const u = new Float64Array(dimensions);
    for (let r = 0; r < replicates; r++) {
      const qmc = sobolSampler(`rmse-${r}`, dimensions);
      const mc = monteCarloSampler(`rmse-${r}`, dimensions);
      let qmcSum = 0;
      let mcSum = 0;
      for (let i = 0; i < n; i++) {
        qmc.fill(i, u);
        qmcSum += f(u);
        mc.fill(i, u);
        mcSum += f(u);
      }
      qmcSquares += (qmcSum / n - 1) ** 2;
      mcSquares += (mcSum / n - 1) ** 2;
    }
    const qmcRmse = Math.sqrt(qmcSquares / replicates);
    const mcRmse = Math.sqrt(mcSquares / replicates);
    // Monte Carlo: sd of f is sqrt((1 + c^2/12)^8 - 1) = 0.72, so its RMSE is about 0.022.
    expect(mcRmse).toBeGreaterThan(0.01);
    expect(qmcRmse * 20).toBeLessThan(mcRmse);
  });
});

describe("qmcMean", () => {
  it("gives a 95% interval from independent scramblings that covers the exact integral", () => {
    const result = qmcMean(product(0.8), { dimensions: 8, points: 1024, seed: 3 });
    expect(result.randomizations).toBe(16);
    expect(result.evaluations).toBe(16 * 1024);
    expect(result.ci95Low).toBeLessThan(1);
    expect(result.ci95High).toBeGreaterThan(1);
    expect(result.ci95High - result.ci95Low).toBeLessThan(0.01);
    expect(result.standardError).toBeGreaterThan(0);
    // Coverage over 40 seeds of a 4-scrambling interval: about 95%; at least 34 of 40 unless
    // the intervals are far too narrow (binomial(40, 0.95) < 34 has probability 0.0002).
    let covered = 0;
    for (let s = 0; s < 40; s++) {
      const r = qmcMean(product(1.5), { dimensions: 5, points: 64, randomizations: 4, seed: `cover-${s}` });
      if (r.ci95Low <= 1 && 1 <= r.ci95High) covered += 1;
    }
    expect(covered).toBeGreaterThanOrEqual(34);
  });

  it("is deterministic in its seed", () => {
    const f = product(1);
    expect(qmcMean(f, { dimensions: 3, points: 32, seed: 1 })).toEqual(qmcMean(f, { dimensions: 3, points: 32, seed: "1" }));
    expect(qmcMean(f, { dimensions: 3, points: 32, seed: 1 }).estimate).not.toBe(qmcMean(f, { dimensions: 3, points: 32, seed: 2 }).estimate);
  });

  it("rejects bad options and values", () => {
    const f = product(1);
    expect(() => qmcMean(f, { dimensions: 0, points: 8, seed: 1 })).toThrow("options.dimensions: expected a whole number from 1 to 1,000, found 0");
    expect(() => qmcMean(f, { dimensions: 2, points: 0.5, seed: 1 })).toThrow("options.points: expected a whole number from 1 to 2^32, found 0.5");
    expect(() => qmcMean(f, { dimensions: 2, points: 8, randomizations: 1, seed: 1 })).toThrow(
      "options.randomizations: expected a whole number from 2 to 10,000, found 1",
    );
    expect(() => qmcMean(f, { dimensions: 2, points: 8, seed: "" })).toThrow(InputError);
    expect(() => qmcMean(() => Number.NaN, { dimensions: 2, points: 8, seed: 1 })).toThrow(/^f: expected a finite number, found NaN at \[/);
    expect(() => qmcMean("f" as never, { dimensions: 2, points: 8, seed: 1 })).toThrow(InputError);
  });
});

describe("qmcInterval", () => {
  it("gives qmcMean's interval from the runs of an interleaved sampler, in run order", () => {
    const f = product(0.8);
    const sampler = sobolSampler("runs", 6, 16);
    const u = new Float64Array(6);
    const runs = Array.from({ length: 16 * 64 }, (_, i) => {
      sampler.fill(i, u);
      return f(u);
    });
    const fromRuns = qmcInterval(runs);
    const direct = qmcMean(f, { dimensions: 6, points: 64, seed: "runs" });
    expect(fromRuns.randomizations).toBe(16);
    expect(fromRuns.evaluations).toBe(1024);
    expect(fromRuns.estimate).toBeCloseTo(direct.estimate, 12);
    expect(fromRuns.standardError).toBeCloseTo(direct.standardError, 12);
    expect(fromRuns.estimate).toBeCloseTo(runs.reduce((a, b) => a + b, 0) / runs.length, 12);
    // Far narrower than the interval that treats the runs as independent.
    const mean = fromRuns.estimate;
    const iidSe = Math.sqrt(runs.reduce((t, v) => t + (v - mean) ** 2, 0) / (runs.length - 1) / runs.length);
    expect(fromRuns.standardError * 5).toBeLessThan(iidSe);
    expect(qmcInterval(runs.slice(0, 40), { randomizations: 4 }).randomizations).toBe(4);
  });

  it("rejects runs that do not split into the scramblings, and values that are not finite", () => {
    expect(() => qmcInterval([1, 2, 3])).toThrow("runs: expected a multiple of 16 values (one per run, at least 32), found 3");
    expect(() => qmcInterval(new Array(33).fill(1))).toThrow(InputError);
    expect(() => qmcInterval([1, 2, 3, 4], { randomizations: 1 })).toThrow("options.randomizations: expected a whole number from 2 to 10,000, found 1");
    expect(() => qmcInterval([1, 2, Number.NaN, 4], { randomizations: 2 })).toThrow("runs[2]: expected a finite number, found NaN");
  });
});
