import type { Distribution } from "../distribution.js";
import type { DistributionSpec } from "../../schema/distribution.js";
import { checkUnitInterval } from "./checks.js";
import type { ContinuousFamily } from "./continuous-families.js";
import { momentsFromQuantile } from "./quantile-moments.js";

/**
 * The interval [a, b] (the family's support cut to the truncation bounds) with the
 * family's CDF F and survival function S = 1 - F at both ends, each computed directly,
 * and the interval's probability, measured in the tail where it is accurate: S(a) - S(b)
 * when a lies above the median, else F(b) - F(a). This keeps a truncation to a far
 * right tail (a normal cut to [5, ∞)) as accurate as one to the left tail, where CDF
 * values near 0 keep their relative precision.
 */
export interface TruncationWindow {
  readonly a: number;
  readonly b: number;
  readonly cdfA: number;
  readonly survivalA: number;
  readonly survivalB: number;
  readonly mass: number;
}

export function truncationWindow(
  family: ContinuousFamily,
  min: number | undefined,
  max: number | undefined,
): TruncationWindow {
  const a = min === undefined ? family.lower : Math.max(family.lower, min);
  const b = max === undefined ? family.upper : Math.min(family.upper, max);
  if (!(a < b)) return { a, b, cdfA: 0, survivalA: 1, survivalB: 1, mass: 0 };
  const cdfA = family.cdf(a);
  const survivalA = family.survival(a);
  const survivalB = family.survival(b);
  const mass = cdfA > 0.5 ? survivalA - survivalB : family.cdf(b) - cdfA;
  return { a, b, cdfA, survivalA, survivalB, mass: Math.max(0, mass) };
}

/**
 * A continuous distribution, possibly truncated to [a, b]: `quantile(u) = Q(F(a) + u P)`
 * with P the interval's probability. Where that target lies above 1/2 it is reached
 * through the survival function instead, `Q_S(S(b) + (1 - u) P)`, a sum of two
 * non-negative terms that keeps its relative accuracy in the right tail (so an
 * untruncated or right-open distribution has finite quantiles up to 1 - 2^-53). The CDF
 * is split the same way. With no truncation, F(a) = 0, S(b) = 0, P = 1 and every formula
 * reduces to the family's own.
 */
export class TruncatedContinuous implements Distribution {
  readonly spec: DistributionSpec;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  readonly variance: number;
  readonly #family: ContinuousFamily;
  readonly #cdfA: number;
  readonly #survivalA: number;
  readonly #survivalB: number;
  readonly #mass: number;

  constructor(spec: DistributionSpec, family: ContinuousFamily, window: TruncationWindow) {
    this.spec = spec;
    this.#family = family;
    this.min = window.a;
    this.max = window.b;
    this.#cdfA = window.cdfA;
    this.#survivalA = window.survivalA;
    this.#survivalB = window.survivalB;
    this.#mass = window.mass;
    const moments = this.#moments();
    this.mean = moments.mean;
    this.variance = moments.variance;
  }

  #moments(): { mean: number; variance: number } {
    const family = this.#family;
    if (this.min === family.lower && this.max === family.upper) {
      return { mean: family.mean, variance: family.variance };
    }
    const closed = family.truncatedMoments(this.min, this.max);
    if (closed !== undefined) return closed;
    // Bounded support: numeric quadrature of the quantile function, split at the kinks.
    const breaks = family.kinks.map((x) => this.cdf(x));
    return momentsFromQuantile((u) => this.quantile(u), breaks);
  }

  cdf(x: number): number {
    if (x < this.min) return 0;
    if (x >= this.max) return 1;
    const family = this.#family;
    const below = family.cdf(x);
    const p = below <= 0.5 ? (below - this.#cdfA) / this.#mass : (this.#survivalA - family.survival(x)) / this.#mass;
    return Math.min(1, Math.max(0, p));
  }

  quantile(u: number): number {
    checkUnitInterval(u);
    if (u === 0) return this.min;
    if (u === 1) return this.max;
    const family = this.#family;
    const target = this.#cdfA + u * this.#mass;
    const x =
      target <= 0.5
        ? family.quantile(target > 0 ? target : Number.MIN_VALUE) // u * P may underflow for tiny u
        : family.quantileOfSurvival(this.#survivalB + (1 - u) * this.#mass);
    return Math.min(this.max, Math.max(this.min, x));
  }

  sample(random: () => number): number {
    return this.quantile(random());
  }
}
