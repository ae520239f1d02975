import { InputError } from "../errors.js";
import { countAbove } from "./_internals/count-above.js";
import { interpolateSorted } from "./_internals/interpolate-sorted.js";
import { sortedCopy } from "./_internals/sorted-copy.js";
import { tailMean } from "./_internals/tail-mean.js";
import { twoPassMoments } from "./_internals/two-pass-moments.js";
import { assertArrayLike, assertFinite } from "./_internals/validate.js";

/** Statistics of one outcome over runs (losses: larger = worse). */
export interface OutcomeStatistics {
  /** Number of runs. */
  count: number;
  mean: number;
  /** Sample standard deviation (n - 1 denominator); 0 when count is 1. */
  sd: number;
  /** Standard error of the mean, sd / sqrt(count); 0 when count is 1. */
  se: number;
  min: number;
  max: number;
  /** Type 7 quantiles (R's default) at 1%, 5%, ..., 99%. */
  p01: number;
  p05: number;
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
  p95: number;
  p99: number;
  /** Value at risk at 95%: the type 7 quantile at 0.95 (equal to p95). */
  var95: number;
  /** Conditional value at risk at 95% (Rockafellar-Uryasev): mean of the worst 5%. */
  cvar95: number;
  /** Value at risk at 99% (equal to p99). */
  var99: number;
  /** Conditional value at risk at 99%: mean of the worst 1%. */
  cvar99: number;
  /** P(X > threshold) for each threshold, in the order given. */
  exceedance: { threshold: number; probability: number }[];
}

/** Options of {@link summarizeOutcome}. */
export interface SummarizeOptions {
  /** Loss levels whose exceedance probability P(X > threshold) is wanted; finite numbers. */
  readonly thresholds?: ArrayLike<number> | undefined;
}

/**
 * Summarise the values of one outcome over Monte Carlo runs: moments, quantiles, VaR and
 * CVaR at 95% and 99%, and exceedance probabilities; one sort of a copy.
 *
 * mean and sd from the corrected two-pass algorithm (sd = sqrt(m2 / (n - 1)), se = sd /
 * sqrt(n), both 0 when n = 1); pXX = Q7(XX/100), Hyndman & Fan (1996) definition 7,
 * https://doi.org/10.1080/00031305.1996.10473566; varXX = Q7(level) and cvarXX the
 * Rockafellar & Uryasev (2002) CVaR, https://doi.org/10.1016/S0378-4266(02)00271-6 (see
 * {@link valueAtRisk}, {@link conditionalValueAtRisk}); exceedance P(X > t) = #{x > t} / n
 * (strictly greater: a run exactly at the threshold does not exceed it).
 *
 * @param values the outcome's value in each run, finite numbers (not modified).
 * @param options `thresholds` for the exceedance probabilities (default none).
 * @returns the statistics; min <= p01 <= ... <= p99 <= max and var <= cvar <= max.
 * @throws {InputError} if `values` is empty or holds a value that is not a finite number,
 * or a threshold is not a finite number.
 * @example
 * summarizeOutcome([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { thresholds: [8] }).exceedance;
 * // => [{ threshold: 8, probability: 0.2 }]
 */
export function summarizeOutcome(values: ArrayLike<number>, options: SummarizeOptions = {}): OutcomeStatistics {
  if (typeof options !== "object" || options === null) {
    throw new InputError("options", "expected an object such as { thresholds: [...] }");
  }
  const thresholds = options.thresholds ?? [];
  assertArrayLike("options.thresholds", thresholds);
  for (let i = 0; i < thresholds.length; i++) assertFinite(`options.thresholds[${i}]`, thresholds[i]);

  const sorted = sortedCopy("values", values);
  const { count, mean, m2, min, max } = twoPassMoments(sorted);
  const sd = count > 1 ? Math.sqrt(m2 / (count - 1)) : 0;
  const q = (p: number) => interpolateSorted(sorted, p);
  const exceedance: { threshold: number; probability: number }[] = [];
  for (let i = 0; i < thresholds.length; i++) {
    const threshold = thresholds[i]!;
    exceedance.push({ threshold, probability: countAbove(sorted, threshold) / count });
  }
  return {
    count,
    mean,
    sd,
    se: sd / Math.sqrt(count),
    min,
    max,
    p01: q(0.01),
    p05: q(0.05),
    p10: q(0.1),
    p25: q(0.25),
    p50: q(0.5),
    p75: q(0.75),
    p90: q(0.9),
    p95: q(0.95),
    p99: q(0.99),
    var95: q(0.95),
    cvar95: tailMean(sorted, 0.95),
    var99: q(0.99),
    cvar99: tailMean(sorted, 0.99),
    exceedance,
  };
}
