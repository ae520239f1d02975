import { InputError } from "../errors.js";
import { OutcomeAccumulator } from "./outcome-accumulator.js";
import { addEach } from "./_internals/add-each.js";
import { assertArrayLike, assertFinite, assertNonEmpty, copyFinite } from "./_internals/validate.js";

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
 * CVaR at 95% and 99%, and exceedance probabilities; one sort of a copy. The same
 * numbers as an experiment's exact summaries.
 *
 * count, mean, sd, se, min, max from {@link ExactMoments} (mean = the exact mean
 * correctly rounded, sd = sqrt(variance) with the variance correctly rounded,
 * se = sd / sqrt(n), both 0 when n = 1), so they are bit-identical to those of an
 * experiment's streaming summaries of the same values, however its runs were split;
 * pXX = Q7(XX/100), Hyndman & Fan (1996) definition 7,
 * https://doi.org/10.1080/00031305.1996.10473566; varXX = Q7(level) and cvarXX the
 * Rockafellar & Uryasev (2002) CVaR, https://doi.org/10.1016/S0378-4266(02)00271-6 (see
 * {@link valueAtRisk}, {@link conditionalValueAtRisk}); exceedance P(X > t) = #{x > t} / n
 * (strictly greater: a run exactly at the threshold does not exceed it).
 *
 * @param values the outcome's value in each run, finite numbers (not modified).
 * @param options `thresholds` for the exceedance probabilities (default none).
 * @returns the statistics; min <= p01 <= ... <= p99 <= max and var <= cvar <= max.
 * @throws {InputError} if `values` is empty or holds a value that is not a finite number
 * or above 2^510 (about 3.35e153) in magnitude, if the sum of squares overflows, or if a
 * threshold is not a finite number.
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

  const checked = copyFinite("values", values);
  assertNonEmpty("values", checked);
  // every value kept, so the quantiles are exact: the summary experiments make with exact summaries
  const accumulator = new OutcomeAccumulator({ quantiles: "exact", capacity: checked.length, thresholds });
  addEach("values", checked, (x) => accumulator.add(x));
  return accumulator.summarize();
}
