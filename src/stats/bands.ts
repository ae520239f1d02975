import { InputError } from "../errors.js";
import { BandsAccumulator } from "./bands-accumulator.js";
import { assertArrayLike, assertPositiveInteger } from "./_internals/validate.js";

/** Per-period bands of a time series over runs: parallel arrays, one entry per period. */
export interface QuantileBands {
  mean: number[];
  p05: number[];
  p25: number[];
  p50: number[];
  p75: number[];
  p95: number[];
}

/**
 * Fan-chart bands of a time-indexed outcome: for each period, the mean over runs and the
 * type 7 quantiles at 5%, 25%, 50%, 75% and 95%.
 *
 * For period t, with x_r = values[r * periods + t] (run-major layout):
 * mean[t] = sum_r x_r / runs (the exact sum, by {@link ExactSum}, divided and correctly
 * rounded once, as experiments compute it with exact or streaming summaries),
 * pXX[t] = Q7(XX/100) of {x_r} (Hyndman & Fan 1996 definition 7, R's default,
 * https://doi.org/10.1080/00031305.1996.10473566).
 *
 * @param values run-major values, length runs * periods (not modified).
 * @param runs number of runs, a positive integer.
 * @param periods number of periods, a positive integer.
 * @returns `{ mean, p05, p25, p50, p75, p95 }`, each an array of `periods` numbers.
 * @throws {InputError} if `runs` or `periods` is not a positive integer, the length of
 * `values` is not runs * periods, or a value is not a finite number.
 * @example
 * quantileBands(new Float64Array([1, 10, 2, 20, 3, 30]), 3, 2);
 * // => { mean: [2, 20], p05: [1.1, 11], p25: [1.5, 15], p50: [2, 20],
 * //      p75: [2.5, 25], p95: [2.9, 29] }
 */
export function quantileBands(values: ArrayLike<number>, runs: number, periods: number): QuantileBands {
  assertArrayLike("values", values);
  assertPositiveInteger("runs", runs);
  assertPositiveInteger("periods", periods);
  if (values.length !== runs * periods) {
    throw new InputError(
      "values",
      `expected runs * periods = ${runs} * ${periods} = ${runs * periods} values, got ${values.length}`,
    );
  }
  // every value kept, so the quantiles are exact: the bands experiments make with exact summaries
  const bands = new BandsAccumulator(periods, { quantiles: "exact", capacity: runs });
  for (let r = 0; r < runs; r++) bands.addRun(values, r * periods);
  return bands.summarize();
}
