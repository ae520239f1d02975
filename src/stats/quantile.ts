import { assertQuantileArguments } from "./_internals/checked-sorted.js";
import { interpolateSorted } from "./_internals/interpolate-sorted.js";
import { sortedCopy } from "./_internals/sorted-copy.js";
import { assertProbability } from "./_internals/validate.js";

/**
 * Quantile of values already sorted in ascending order, by linear interpolation between
 * order statistics: Hyndman & Fan (1996) definition 7, the default of R's `quantile`.
 *
 * With n values x[0] <= ... <= x[n-1], h = (n - 1) p and j = floor(h):
 * Q(p) = x[j] + (h - j) (x[j+1] - x[j]); Q(0) = min, Q(1) = max. Agrees with R's
 * `quantile(x, p, type = 7)` to rounding, and is monotone in p (the interpolated value
 * is clamped to [x[j], x[j+1]]).
 *
 * Definition: R. J. Hyndman & Y. Fan (1996), "Sample quantiles in statistical packages",
 * The American Statistician 50(4), 361-365, https://doi.org/10.1080/00031305.1996.10473566.
 *
 * Runs in O(1): only the two order statistics it reads are checked (finite, in order);
 * the rest of `sorted` is trusted to be ascending. Use {@link quantile} for unsorted data.
 *
 * @param sorted values in ascending order (not modified).
 * @param p probability in [0, 1].
 * @returns the type 7 quantile at `p`.
 * @throws {InputError} if `sorted` is empty, `p` is not in [0, 1], or either order
 * statistic read is not finite or out of order.
 * @example
 * quantileSorted([1, 2, 3, 4], 0.5);
 * // => 2.5
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  assertQuantileArguments(sorted, "p", p);
  return interpolateSorted(sorted, p);
}

/**
 * Quantile of unsorted values: {@link quantileSorted} of an ascending copy (Hyndman &
 * Fan 1996 definition 7, R's default `quantile(x, p)`).
 *
 * Q(p) = x(j) + (h - j) (x(j+1) - x(j)) with h = (n - 1) p, j = floor(h), x(.) the order
 * statistics (0-based). Sorting costs O(n log n); to take several quantiles of the same
 * values, sort once and call {@link quantileSorted}.
 *
 * Definition: Hyndman & Fan (1996), https://doi.org/10.1080/00031305.1996.10473566.
 *
 * @param values finite numbers in any order (not modified).
 * @param p probability in [0, 1].
 * @returns the type 7 quantile at `p`.
 * @throws {InputError} if `values` is empty or holds a value that is not a finite
 * number, or if `p` is not in [0, 1].
 * @example
 * quantile([3, 1, 4, 1, 5], 0.25);
 * // => 1
 */
export function quantile(values: ArrayLike<number>, p: number): number {
  assertProbability("p", p);
  return interpolateSorted(sortedCopy("values", values), p);
}
