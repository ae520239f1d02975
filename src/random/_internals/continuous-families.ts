/**
 * The untruncated continuous families behind `createDistribution`. Each gives its CDF
 * and its survival function 1 - CDF, each accurate in its own tail, and the two matching
 * inverses, so that a truncation to a far tail (see `truncatedContinuous.ts`) keeps its
 * accuracy. Parameters are assumed valid (checked by `parameterProblems.ts`).
 */
import { normalCdf } from "../normal-cdf.js";
import { normalQuantile } from "../normal-quantile.js";
import { betaShape, incompleteBeta, inverseIncompleteBeta, mirrorShape } from "./incomplete-beta.js";

export interface ContinuousFamily {
  /** Support: the smallest and largest values (may be infinite). */
  readonly lower: number;
  readonly upper: number;
  readonly mean: number;
  readonly variance: number;
  /** Points inside the support where the density is not smooth (a triangular's mode). */
  readonly kinks: readonly number[];
  cdf(x: number): number;
  /** 1 - cdf(x), computed directly. */
  survival(x: number): number;
  /** x with cdf(x) = p, for p in [0, 1]. */
  quantile(p: number): number;
  /** x with survival(x) = q, for q in [0, 1]. */
  quantileOfSurvival(q: number): number;
  /**
   * Mean and variance truncated to [a, b] (within the support, with positive mass) in
   * closed form, or undefined where the caller should integrate numerically.
   */
  truncatedMoments(a: number, b: number): { mean: number; variance: number } | undefined;
}

const noClosedForm = (): undefined => undefined;

export function uniformFamily(min: number, max: number): ContinuousFamily {
  const width = max - min;
  return {
    lower: min,
    upper: max,
    mean: min + width / 2,
    variance: (width * width) / 12,
    kinks: [],
    cdf: (x) => (x <= min ? 0 : x >= max ? 1 : (x - min) / width),
    survival: (x) => (x <= min ? 1 : x >= max ? 0 : (max - x) / width),
    quantile: (p) => (p >= 1 ? max : min + p * width),
    quantileOfSurvival: (q) => (q >= 1 ? min : max - q * width),
    truncatedMoments: (a, b) => ({ mean: a + (b - a) / 2, variance: ((b - a) * (b - a)) / 12 }),
  };
}

export function triangularFamily(min: number, mode: number, max: number): ContinuousFamily {
  const width = max - min;
  const left = mode - min;
  const right = max - mode;
  const atMode = left / width; // cdf(mode)
  return {
    lower: min,
    upper: max,
    mean: (min + mode + max) / 3,
    variance: (min * min + mode * mode + max * max - min * mode - min * max - mode * max) / 18,
    kinks: left > 0 && right > 0 ? [mode] : [],
    cdf(x) {
      if (x <= min) return 0;
      if (x >= max) return 1;
      if (x <= mode) return (x - min) * ((x - min) / (width * left));
      return 1 - (max - x) * ((max - x) / (width * right));
    },
    survival(x) {
      if (x <= min) return 1;
      if (x >= max) return 0;
      if (x >= mode) return (max - x) * ((max - x) / (width * right));
      return 1 - (x - min) * ((x - min) / (width * left));
    },
    quantile(p) {
      if (p <= atMode) return min + Math.sqrt(p * width * left);
      return Math.min(max, max - Math.sqrt((1 - p) * width * right));
    },
    quantileOfSurvival(q) {
      if (q <= 1 - atMode) return max - Math.sqrt(q * width * right);
      return Math.max(min, min + Math.sqrt((1 - q) * width * left));
    },
    truncatedMoments: noClosedForm,
  };
}

/** beta(alpha, beta) scaled from [0, 1] to [min, max]; PERT is one of these. */
export function betaFamily(alpha: number, beta: number, min: number, max: number): ContinuousFamily {
  const width = max - min;
  const sum = alpha + beta;
  const meanUnit = alpha / sum;
  const shape = betaShape(alpha, beta);
  const mirrored = mirrorShape(shape);
  return {
    lower: min,
    upper: max,
    mean: min + width * meanUnit,
    variance: (width * width * alpha * beta) / (sum * sum * (sum + 1)),
    kinks: [],
    cdf(x) {
      if (x <= min) return 0;
      if (x >= max) return 1;
      return incompleteBeta(shape, (x - min) / width, (max - x) / width, false);
    },
    survival(x) {
      if (x <= min) return 1;
      if (x >= max) return 0;
      return incompleteBeta(shape, (x - min) / width, (max - x) / width, true);
    },
    quantile: (p) => Math.min(max, min + width * inverseIncompleteBeta(shape, p)),
    // survival(x) = q  <=>  I_{(max - x)/width}(beta, alpha) = q
    quantileOfSurvival: (q) => Math.max(min, max - width * inverseIncompleteBeta(mirrored, q)),
    truncatedMoments: noClosedForm,
  };
}

/** PERT(min, mode, max, lambda): beta with alpha = 1 + lambda (mode - min)/(max - min), beta = 1 + lambda (max - mode)/(max - min). */
export function pertFamily(min: number, mode: number, max: number, lambda: number): ContinuousFamily {
  const width = max - min;
  return betaFamily(1 + (lambda * (mode - min)) / width, 1 + (lambda * (max - mode)) / width, min, max);
}

/** Standard normal density. */
function phi(z: number): number {
  return 0.3989422804014327 * Math.exp(-0.5 * z * z);
}

export function normalFamily(mean: number, sd: number): ContinuousFamily {
  return {
    lower: -Infinity,
    upper: Infinity,
    mean,
    variance: sd * sd,
    kinks: [],
    cdf: (x) => normalCdf((x - mean) / sd),
    survival: (x) => normalCdf((mean - x) / sd),
    quantile: (p) => mean + sd * normalQuantile(p),
    quantileOfSurvival: (q) => mean - sd * normalQuantile(q),
    truncatedMoments(a, b) {
      // One-sided truncations (Johnson, Kotz & Balakrishnan 1994, vol. 1, ch. 13): with the
      // inverse Mills ratio lambda = phi(alpha) / P(Z > alpha),
      // E = mean + sd lambda, Var = sd² (1 - lambda (lambda - alpha)); mirrored for (-∞, b].
      if (b === Infinity) {
        const alpha = (a - mean) / sd;
        const lambda = phi(alpha) / normalCdf(-alpha);
        return { mean: mean + sd * lambda, variance: sd * sd * (1 - lambda * (lambda - alpha)) };
      }
      if (a === -Infinity) {
        const beta = (b - mean) / sd;
        const lambda = phi(beta) / normalCdf(beta);
        return { mean: mean - sd * lambda, variance: sd * sd * (1 - lambda * (lambda + beta)) };
      }
      return undefined; // bounded: integrate
    },
  };
}

export function lognormalFamily(mu: number, sigma: number): ContinuousFamily {
  const s2 = sigma * sigma;
  return {
    lower: 0,
    upper: Infinity,
    mean: Math.exp(mu + s2 / 2),
    variance: Math.expm1(s2) * Math.exp(2 * mu + s2),
    kinks: [],
    cdf: (x) => (x <= 0 ? 0 : normalCdf((Math.log(x) - mu) / sigma)),
    survival: (x) => (x <= 0 ? 1 : normalCdf((mu - Math.log(x)) / sigma)),
    quantile: (p) => Math.exp(mu + sigma * normalQuantile(p)),
    quantileOfSurvival: (q) => Math.exp(mu - sigma * normalQuantile(q)),
    truncatedMoments(a, b) {
      if (b !== Infinity || !(a > 0)) return undefined; // bounded: integrate
      // E[X^k | X > a] = exp(k mu + k² sigma²/2) P(Z > alpha - k sigma) / P(Z > alpha),
      // alpha = (log a - mu) / sigma (Johnson, Kotz & Balakrishnan 1994, vol. 1, ch. 14).
      const alpha = (Math.log(a) - mu) / sigma;
      const tail = normalCdf(-alpha);
      const first = normalCdf(sigma - alpha) / tail;
      const second = normalCdf(2 * sigma - alpha) / tail;
      const scale = Math.exp(2 * mu + s2);
      return {
        mean: Math.exp(mu + s2 / 2) * first,
        variance: Math.max(0, scale * (Math.exp(s2) * second - first * first)),
      };
    },
  };
}
