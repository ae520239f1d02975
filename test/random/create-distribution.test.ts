import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { createDistribution, describeDistribution, runStream } from "../../src/random/index.js";
import type { Distribution } from "../../src/random/index.js";
import type { DistributionSpec } from "../../src/schema/distribution.js";
import { relativeError } from "./_helpers/accuracy.js";
import { discreteKsStatistic, ksCriticalValue, ksStatistic } from "./_helpers/kolmogorov-smirnov.js";
import { meanDeviation, sampleMoments, varianceDeviation } from "./_helpers/moments.js";

/** Samples per distribution, the significance of the KS test, and the moment tolerance in standard errors. */
const N = 20_000;
const KS_ALPHA = 0.001;
const MAX_STANDARD_ERRORS = 4;
const D_CRITICAL = ksCriticalValue(N, KS_ALPHA);

const CONTINUOUS: readonly DistributionSpec[] = [
  { type: "uniform", min: 2, max: 5 },
  { type: "uniform", min: 2, max: 5, truncate: { min: 3, max: 10 } },
  { type: "triangular", min: 0.1, mode: 0.3, max: 0.6 },
  { type: "triangular", min: 0, mode: 1, max: 4, truncate: { min: 0.5, max: 2 } },
  { type: "triangular", min: 0, mode: 0, max: 1, truncate: { min: 0.2 } },
  { type: "pert", min: 0, mode: 1, max: 4 },
  { type: "pert", min: 0, mode: 1, max: 4, truncate: { max: 1.5 } },
  { type: "pert", min: 2, mode: 3, max: 10, lambda: 10 },
  { type: "pert", min: 2, mode: 3, max: 10, lambda: 10, truncate: { min: 2.5, max: 6 } },
  { type: "pert", min: 0, mode: 5, max: 5 },
  { type: "normal", mean: 10, sd: 2 },
  { type: "normal", mean: 10, sd: 2, truncate: { max: 8 } },
  { type: "normal", mean: 0, sd: 1, truncate: { min: 3 } },
  { type: "normal", mean: 0, sd: 1, truncate: { min: -1, max: 2 } },
  { type: "normal", mean: 0, sd: 1, truncate: { min: 5, max: 5.5 } },
  { type: "lognormal", mu: 0, sigma: 0.5 },
  { type: "lognormal", mu: 0, sigma: 0.5, truncate: { min: 1.5 } },
  { type: "lognormal", mu: 0, sigma: 0.5, truncate: { max: 2 } },
  { type: "lognormal", mu: 1, sigma: 1.5, truncate: { min: 0.5, max: 30 } },
  { type: "beta", alpha: 2, beta: 5 },
  { type: "beta", alpha: 0.5, beta: 0.5 },
  { type: "beta", alpha: 0.5, beta: 0.5, truncate: { min: 0, max: 0.3 } },
  { type: "beta", alpha: 0.3, beta: 2, min: 10, max: 20, truncate: { max: 12 } },
  { type: "beta", alpha: 2, beta: 3, min: -1, max: 1, truncate: { min: 0 } },
  { type: "beta", alpha: 0.2, beta: 0.2, truncate: { min: 0.1 } },
];

const DISCRETE: readonly { spec: DistributionSpec; support: readonly number[] }[] = [
  { spec: { type: "bernoulli", p: 0.3 }, support: [0, 1] },
  { spec: { type: "bernoulli", p: 0 }, support: [0] },
  { spec: { type: "bernoulli", p: 1 }, support: [1] },
  { spec: { type: "categorical", values: [3, 1, 2, 1, 7], weights: [1, 2, 0, 1, 0.5] }, support: [1, 3, 7] },
  { spec: { type: "categorical", values: [-2.5], weights: [4] }, support: [-2.5] },
  { spec: { type: "constant", value: 5 }, support: [5] },
];

/** 20,000 draws from the distribution through one seeded run stream, keyed by its description. */
function draw(distribution: Distribution): Float64Array {
  const next = runStream(`createDistribution.test/${describeDistribution(distribution.spec)}`, 0);
  const samples = new Float64Array(N);
  for (let i = 0; i < N; i++) samples[i] = distribution.sample(next);
  return samples;
}

/** The width of one ulp of x, at least the smallest double. */
const ulp = (x: number): number => Math.max(Number.MIN_VALUE, Math.abs(x) * Number.EPSILON);

describe.each(CONTINUOUS.map((spec) => [describeDistribution(spec), spec] as const))("%s", (_, spec) => {
  const distribution = createDistribution(spec);
  const samples = draw(distribution);

  it(`has sample mean and variance within ${MAX_STANDARD_ERRORS} standard errors of its mean and variance`, () => {
    const moments = sampleMoments(samples);
    expect(meanDeviation(moments, distribution.mean, distribution.variance)).toBeLessThan(MAX_STANDARD_ERRORS);
    expect(varianceDeviation(moments, distribution.variance)).toBeLessThan(MAX_STANDARD_ERRORS);
  });

  it(`passes a Kolmogorov-Smirnov test against its cdf (alpha = ${KS_ALPHA})`, () => {
    expect(ksStatistic(samples, (x) => distribution.cdf(x))).toBeLessThan(D_CRITICAL);
  });

  it("draws inside its support", () => {
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(distribution.min);
    expect(Math.max(...samples)).toBeLessThanOrEqual(distribution.max);
  });

  it("has cdf(quantile(u)) = u, to 1e-9 relative plus the cdf's step across one ulp", () => {
    // A truncation at a reaches u through F(a) + u P, whose rounding (about 1e-16 F(a)) sets
    // a floor below which u cannot be resolved (with the CDF's own ~1e-15 error, divided by
    // the interval's probability); untruncated, the tails keep relative accuracy.
    const floor = "truncate" in spec && spec.truncate !== undefined ? 1e-14 : 0;
    for (const u of [1e-300, 1e-12, 1e-6, 0.001, 0.1, 0.3, 0.5, 0.7, 0.9, 0.999, 1 - 1e-6, 1 - 2 ** -53]) {
      const x = distribution.quantile(u);
      const step = Math.abs(distribution.cdf(x + ulp(x)) - distribution.cdf(x - ulp(x)));
      expect(Math.abs(distribution.cdf(x) - u)).toBeLessThanOrEqual(1e-9 * Math.min(u, 1 - u) + step + floor);
    }
  });

  it("has quantile(cdf(x)) = x inside the support", () => {
    const sd = Math.sqrt(distribution.variance);
    for (const u of [0.05, 0.25, 0.5, 0.75, 0.95]) {
      const x = distribution.quantile(u);
      expect(Math.abs(distribution.quantile(distribution.cdf(x)) - x)).toBeLessThan(1e-9 * (Math.abs(x) + sd));
    }
  });

  it("has a finite, non-decreasing quantile on (0, 1), from min to max", () => {
    let previous = -Infinity;
    for (const u of [Number.MIN_VALUE, 2 ** -54, 1e-9, ...Array.from({ length: 99 }, (_, k) => (k + 1) / 100), 1 - 2 ** -53]) {
      const x = distribution.quantile(u);
      expect(Number.isFinite(x)).toBe(true);
      expect(x).toBeGreaterThanOrEqual(previous);
      previous = x;
    }
    expect(distribution.quantile(0)).toBe(distribution.min);
    expect(distribution.quantile(1)).toBe(distribution.max);
    expect(distribution.cdf(distribution.min - 1)).toBe(0);
    expect(distribution.cdf(distribution.max)).toBe(1);
  });

  it("samples by inversion: sample(random) = quantile(random())", () => {
    const a = runStream("inversion", 1);
    const b = runStream("inversion", 1);
    for (let i = 0; i < 100; i++) expect(distribution.sample(a)).toBe(distribution.quantile(b()));
  });
});

describe.each(DISCRETE.map(({ spec, support }) => [describeDistribution(spec), spec, support] as const))(
  "%s",
  (_, spec, support) => {
    const distribution = createDistribution(spec);
    const samples = draw(distribution);

    it(`has sample mean and variance within ${MAX_STANDARD_ERRORS} standard errors of its mean and variance`, () => {
      const moments = sampleMoments(samples);
      expect(meanDeviation(moments, distribution.mean, distribution.variance)).toBeLessThan(MAX_STANDARD_ERRORS);
      expect(varianceDeviation(moments, distribution.variance)).toBeLessThan(MAX_STANDARD_ERRORS);
    });

    it(`draws only its support and passes a Kolmogorov-Smirnov test against its cdf (alpha = ${KS_ALPHA})`, () => {
      expect(discreteKsStatistic(samples, support, (x) => distribution.cdf(x))).toBeLessThan(D_CRITICAL);
      expect(distribution.min).toBe(Math.min(...support));
      expect(distribution.max).toBe(Math.max(...support));
    });

    it("has quantile as the generalised inverse of cdf", () => {
      for (const value of support) expect(distribution.quantile(distribution.cdf(value))).toBe(value);
      for (let k = 1; k < 1000; k++) {
        const u = k / 1000;
        const x = distribution.quantile(u);
        expect(distribution.cdf(x)).toBeGreaterThanOrEqual(u);
        const below = support.filter((v) => v < x);
        if (below.length > 0) expect(distribution.cdf(Math.max(...below))).toBeLessThan(u);
      }
      expect(distribution.quantile(0)).toBe(distribution.min);
      expect(distribution.quantile(1)).toBe(distribution.max);
    });
  },
);

// Mean and variance of truncated distributions, from mpmath 1.3.0 (mp.dps = 40): for
// beta and PERT the closed forms E[X^k | a < X < b] through I_x(alpha + k, beta)
// (Johnson, Kotz & Balakrishnan 1995, vol. 2, ch. 25), otherwise mp.quad of x f(x) and
// (x - mean)² f(x) over the interval, split at the triangular's mode.
const TRUNCATED_MOMENTS: readonly [DistributionSpec, number, number][] = [
  [{ type: "triangular", min: 0, mode: 1, max: 4, truncate: { min: 0.5, max: 2 } }, 1.2528735632183907, 0.16450323688730348],
  [{ type: "triangular", min: 0, mode: 0, max: 1, truncate: { min: 0.2 } }, 0.4666666666666667, 0.035555555555555556],
  [{ type: "pert", min: 0, mode: 1, max: 4, truncate: { max: 1.5 } }, 0.8707815275310835, 0.13979839961816906],
  [{ type: "pert", min: 2, mode: 3, max: 10, lambda: 10, truncate: { min: 2.5, max: 6 } }, 3.601462111578255, 0.5846406744577355],
  [{ type: "normal", mean: 0, sd: 1, truncate: { min: -1, max: 2 } }, 0.22963717909132897, 0.5197625392115339],
  [{ type: "normal", mean: 0, sd: 1, truncate: { min: 5, max: 5.5 } }, 5.152101776907269, 0.015174083348812215],
  [{ type: "normal", mean: 0, sd: 1, truncate: { min: 3 } }, 3.2830986549304364, 0.07055918678526811],
  [{ type: "normal", mean: 10, sd: 2, truncate: { max: 8 } }, 6.949729447678037, 0.7963906622813952],
  [{ type: "lognormal", mu: 0, sigma: 0.5, truncate: { min: 1.5 } }, 2.0519468812637114, 0.3317768214388204],
  [{ type: "lognormal", mu: 0, sigma: 0.5, truncate: { max: 2 } }, 1.0035452704981864, 0.16199501305609976],
  [{ type: "lognormal", mu: 1, sigma: 1.5, truncate: { min: 0.5, max: 30 } }, 5.499817960775331, 35.67826511771717],
  [{ type: "beta", alpha: 0.5, beta: 0.5, truncate: { min: 0, max: 0.3 } }, 0.10470483855364808, 0.008271251481737763],
  [{ type: "beta", alpha: 0.3, beta: 2, min: 10, max: 20, truncate: { max: 12 } }, 10.429172510518933, 0.286549194134039],
  [{ type: "beta", alpha: 2, beta: 3, min: -1, max: 1, truncate: { min: 0 } }, 0.28, 0.0416],
  [{ type: "beta", alpha: 0.2, beta: 0.2, truncate: { min: 0.1 } }, 0.7450640376020946, 0.09050772746249122],
];

describe("moments", () => {
  it.each(TRUNCATED_MOMENTS.map(([spec, mean, variance]) => [describeDistribution(spec), spec, mean, variance] as const))(
    "%s: mean and variance match mpmath to 1e-11",
    (_, spec, mean, variance) => {
      const distribution = createDistribution(spec);
      expect(relativeError(distribution.mean, mean)).toBeLessThan(1e-11);
      expect(relativeError(distribution.variance, variance)).toBeLessThan(1e-11);
    },
  );

  it("uses the closed forms when nothing is truncated", () => {
    const pert = createDistribution({ type: "pert", min: 1, mode: 2, max: 9 });
    expect(pert.mean).toBeCloseTo((1 + 4 * 2 + 9) / 6, 14);
    expect(pert.variance).toBeCloseTo(((pert.mean - 1) * (9 - pert.mean)) / 7, 14);
    const triangular = createDistribution({ type: "triangular", min: 1, mode: 2, max: 9 });
    expect(triangular.mean).toBe(4);
    expect(triangular.variance).toBeCloseTo((1 + 4 + 81 - 2 - 9 - 18) / 18, 14);
    const lognormal = createDistribution({ type: "lognormal", mu: 1, sigma: 0.5 });
    expect(lognormal.mean).toBeCloseTo(Math.exp(1.125), 13);
    expect(lognormal.variance).toBeCloseTo(Math.expm1(0.25) * Math.exp(2.25), 13);
    const beta = createDistribution({ type: "beta", alpha: 2, beta: 6, min: 10, max: 30 });
    expect(beta.mean).toBe(15);
    expect(beta.variance).toBeCloseTo((400 * 12) / (64 * 9), 13);
  });

  it("treats a truncation that cuts nothing as none", () => {
    const plain = createDistribution({ type: "beta", alpha: 2, beta: 5 });
    const wide = createDistribution({ type: "beta", alpha: 2, beta: 5, truncate: { min: -1, max: 3 } });
    expect([wide.min, wide.max, wide.mean, wide.variance]).toEqual([plain.min, plain.max, plain.mean, plain.variance]);
    for (const u of [0.1, 0.5, 0.9]) expect(wide.quantile(u)).toBe(plain.quantile(u));
  });
});

describe("families", () => {
  it("makes PERT the beta it is defined as", () => {
    const pert = createDistribution({ type: "pert", min: 2, mode: 3, max: 10, lambda: 10 });
    const beta = createDistribution({ type: "beta", alpha: 1 + 10 / 8, beta: 1 + 70 / 8, min: 2, max: 10 });
    for (const u of [0.01, 0.2, 0.5, 0.8, 0.99]) expect(pert.quantile(u)).toBeCloseTo(beta.quantile(u), 12);
    expect(pert.mean).toBeCloseTo(beta.mean, 14);
  });

  it("gives the triangular quantile in closed form", () => {
    const triangular = createDistribution({ type: "triangular", min: 0, mode: 1, max: 4 });
    expect(triangular.quantile(0.25)).toBe(1); // cdf(mode) = (mode - min) / (max - min)
    expect(triangular.quantile(0.125)).toBeCloseTo(Math.sqrt(0.125 * 4), 15);
    expect(triangular.quantile(0.75)).toBeCloseTo(4 - Math.sqrt(0.25 * 12), 15);
  });

  it("renormalises a truncation: a normal cut at its mean is the half-normal", () => {
    const half = createDistribution({ type: "normal", mean: 0, sd: 1, truncate: { min: 0 } });
    expect(half.min).toBe(0);
    expect(half.max).toBe(Infinity);
    expect(half.mean).toBeCloseTo(Math.sqrt(2 / Math.PI), 15);
    expect(half.variance).toBeCloseTo(1 - 2 / Math.PI, 15);
    expect(half.quantile(0.5)).toBeCloseTo(0.6744897501960817, 14);
  });

  it("keeps far right-tail truncations accurate through the survival function", () => {
    const tail = createDistribution({ type: "normal", mean: 0, sd: 1, truncate: { min: 5.9 } });
    // P(Z > 5.9) = 1.8e-9; the conditional median solves P(Z > x) = P(Z > 5.9) / 2: x =
    // 6.013329760454578 (mpmath findroot). Through the CDF, F(a) + u P would round to 1.
    expect(relativeError(tail.quantile(0.5), 6.013329760454578)).toBeLessThan(1e-14);
    expect(Math.abs(tail.cdf(6.013329760454578) - 0.5)).toBeLessThan(1e-13);
    expect(Number.isFinite(tail.quantile(1 - 2 ** -53))).toBe(true);
  });

  it("merges repeated categorical values and never draws one of weight 0", () => {
    const categorical = createDistribution({ type: "categorical", values: [3, 1, 2, 1], weights: [1, 2, 0, 1] });
    expect(categorical.cdf(1)).toBe(0.75);
    expect(categorical.cdf(2.5)).toBe(0.75);
    expect(categorical.quantile(0.75)).toBe(1);
    expect(categorical.quantile(0.7500001)).toBe(3);
    expect(categorical.mean).toBe(1.5);
    expect(categorical.variance).toBe(0.75);
  });

  it("draws bernoulli values 0 and 1 only, 1 with probability p", () => {
    const bernoulli = createDistribution({ type: "bernoulli", p: 0.25 });
    expect(bernoulli.quantile(0.75)).toBe(0);
    expect(bernoulli.quantile(0.7500001)).toBe(1);
    expect([bernoulli.mean, bernoulli.variance]).toEqual([0.25, 0.1875]);
  });

  it("returns a constant's value for every u", () => {
    const constant = createDistribution({ type: "constant", value: -3 });
    for (const u of [0, 1e-9, 0.5, 1]) expect(constant.quantile(u)).toBe(-3);
    expect([constant.min, constant.max, constant.mean, constant.variance]).toEqual([-3, -3, -3, 0]);
  });

  it("refuses u outside [0, 1] in quantile", () => {
    const normal = createDistribution({ type: "normal", mean: 0, sd: 1 });
    expect(() => normal.quantile(1.5)).toThrow("u: expected a probability in [0, 1], found 1.5");
    expect(() => normal.quantile(Number.NaN)).toThrow(InputError);
    expect(() => createDistribution({ type: "constant", value: 1 }).quantile(-0.1)).toThrow(InputError);
  });
});

describe("createDistribution errors", () => {
  it("throws an InputError with the first problem's path and message", () => {
    let error: unknown;
    try {
      createDistribution({ type: "triangular", min: 0, mode: 5, max: -1 });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).path).toBe("max");
    expect((error as InputError).message).toBe("max: expected max > min (0), found -1");
  });
});

describe("the statistical checks can fail", () => {
  const normal = createDistribution({ type: "normal", mean: 0, sd: 1 });

  it("the KS test rejects a 10% error in the standard deviation", () => {
    const wider = createDistribution({ type: "normal", mean: 0, sd: 1.1 });
    expect(ksStatistic(draw(wider), (x) => normal.cdf(x))).toBeGreaterThan(D_CRITICAL);
  });

  it("the KS test rejects a triangular taken for the PERT with the same parameters", () => {
    const triangular = createDistribution({ type: "triangular", min: 0, mode: 1, max: 4 });
    const pert = createDistribution({ type: "pert", min: 0, mode: 1, max: 4 });
    expect(ksStatistic(draw(triangular), (x) => pert.cdf(x))).toBeGreaterThan(D_CRITICAL);
  });

  it("the KS test rejects a truncation that was ignored", () => {
    const truncated = createDistribution({ type: "lognormal", mu: 0, sigma: 0.5, truncate: { max: 2 } });
    const plain = createDistribution({ type: "lognormal", mu: 0, sigma: 0.5 });
    expect(ksStatistic(draw(plain), (x) => truncated.cdf(x))).toBeGreaterThan(D_CRITICAL);
  });

  it("the moment check rejects a variance 3% off", () => {
    const moments = sampleMoments(draw(normal));
    expect(varianceDeviation(moments, 1.03)).toBeGreaterThan(MAX_STANDARD_ERRORS);
    expect(meanDeviation(moments, 0.04, 1)).toBeGreaterThan(MAX_STANDARD_ERRORS);
  });

  it("the discrete KS test rejects a categorical with two weights swapped", () => {
    const right = createDistribution({ type: "categorical", values: [1, 2, 3], weights: [0.5, 0.3, 0.2] });
    const wrong = createDistribution({ type: "categorical", values: [1, 2, 3], weights: [0.47, 0.33, 0.2] });
    expect(discreteKsStatistic(draw(wrong), [1, 2, 3], (x) => right.cdf(x))).toBeGreaterThan(D_CRITICAL);
  });
});
