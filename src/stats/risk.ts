import { assertQuantileArguments } from "./_internals/checked-sorted.js";
import { interpolateSorted } from "./_internals/interpolate-sorted.js";
import {
  assertAllFinite,
  assertArrayLike,
  assertAscending,
  assertNonEmpty,
  assertProbability,
} from "./_internals/validate.js";
import { tailMean } from "./_internals/tail-mean.js";

/**
 * Value at risk of a loss distribution (larger = worse): the loss that is exceeded with
 * probability 1 - level, taken as the type 7 quantile of the sample at `level`.
 *
 * VaR_level = Q7(level) = x[j] + (h - j)(x[j+1] - x[j]), h = (n - 1) level, j = floor(h)
 * (Hyndman & Fan 1996 definition 7, R's `quantile(x, level)`). Level 0.95 is the loss
 * exceeded in 5% of runs. Conventions: losses are positive (upper tail), the level is the
 * confidence level (not the tail probability), and the quantile interpolates between
 * runs rather than picking one.
 *
 * Definition: P. Jorion (2006), *Value at Risk*, 3rd ed., ch. 5; quantile:
 * https://doi.org/10.1080/00031305.1996.10473566.
 *
 * @param sorted losses in ascending order (not modified); only the two order statistics
 * read are checked, as in {@link quantileSorted}.
 * @param level confidence level in [0, 1], e.g. 0.95.
 * @returns the value at risk, in the units of the losses.
 * @throws {InputError} if `sorted` is empty, `level` is not in [0, 1], or an order
 * statistic read is not finite or out of order.
 * @example
 * valueAtRisk([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.95);
 * // => 10.5
 */
export function valueAtRisk(sorted: ArrayLike<number>, level: number): number {
  assertQuantileArguments(sorted, "level", level);
  return interpolateSorted(sorted, level);
}

/**
 * Conditional value at risk (expected shortfall) of a loss sample: the mean loss in the
 * worst 1 - level of runs, by Rockafellar & Uryasev's minimisation formula.
 *
 * CVaR_level = min over c of { c + E[(X - c)+] / (1 - level) }. For the sample's own
 * (empirical) distribution the minimum is reached at its level-quantile
 * c = x(k), k = ceil(n level) (1-based, k >= 1), so
 * CVaR = x(k) + sum_{i > k} (x(i) - x(k)) / (n (1 - level)),
 * which is the mean of the upper 1 - level of the distribution, splitting the run at the
 * boundary. At level 1 it is the maximum (the limit).
 *
 * Convention: the VaR inside the formula is this empirical quantile x(k), not the
 * interpolated {@link valueAtRisk}. Plugging the interpolated value in would overstate
 * CVaR, and can exceed the maximum (for [0, 1] at level 0.9: 0.9 + 0.05 / 0.1 = 1.4).
 * With this definition valueAtRisk(level) <= CVaR <= max always holds; the result is
 * clamped to that interval only to absorb rounding.
 *
 * Definition: R. T. Rockafellar & S. Uryasev (2002), "Conditional value-at-risk for
 * general loss distributions", Journal of Banking & Finance 26(7), 1443-1471,
 * https://doi.org/10.1016/S0378-4266(02)00271-6 (Theorem 10 and Proposition 8).
 *
 * @param sorted losses in ascending order (not modified); all are checked (O(n)).
 * @param level confidence level in [0, 1], e.g. 0.95.
 * @returns the conditional value at risk, in the units of the losses.
 * @throws {InputError} if `sorted` is empty, holds a value that is not a finite number,
 * is not ascending, or if `level` is not in [0, 1].
 * @example
 * conditionalValueAtRisk([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.75);
 * // => 9.2
 */
export function conditionalValueAtRisk(sorted: ArrayLike<number>, level: number): number {
  assertArrayLike("sorted", sorted);
  assertNonEmpty("sorted", sorted);
  assertProbability("level", level);
  assertAllFinite("sorted", sorted);
  assertAscending("sorted", sorted);
  return tailMean(sorted, level);
}
