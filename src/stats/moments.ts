import { InputError } from "../errors.js";
import { twoPassMoments } from "./_internals/two-pass-moments.js";
import { assertArrayLike, assertFinite, assertAllFinite, describeValue } from "./_internals/validate.js";

/**
 * A mergeable summary of a sample: its size, mean, sum of squared deviations from the
 * mean (`m2`, so the sample variance is m2 / (count - 1)), minimum and maximum.
 * The empty record has count 0, mean 0, m2 0, min +Infinity and max -Infinity (the
 * identities of merging).
 */
export interface Moments {
  count: number;
  mean: number;
  /** Sum of squared deviations from the mean, sum (x - mean)^2. */
  m2: number;
  min: number;
  max: number;
}

/**
 * A new empty moments record, the identity of {@link mergeMoments}.
 *
 * { count: 0, mean: 0, m2: 0, min: +Infinity, max: -Infinity }: min and max are the
 * identities of `Math.min` and `Math.max`, so the first value added replaces them.
 * (See Welford 1962, https://doi.org/10.1080/00401706.1962.10490022, for the recurrence
 * that fills it.)
 *
 * @returns a new record, safe to mutate with {@link addToMoments}.
 * @throws never.
 * @example
 * emptyMoments();
 * // => { count: 0, mean: 0, m2: 0, min: Infinity, max: -Infinity }
 */
export function emptyMoments(): Moments {
  return { count: 0, mean: 0, m2: 0, min: Infinity, max: -Infinity };
}

/**
 * Add one value to a moments record in place, by Welford's recurrence; allocates nothing,
 * for use in hot loops.
 *
 * count' = count + 1, delta = x - mean, mean' = mean + delta / count',
 * m2' = m2 + delta (x - mean'), min' = min(min, x), max' = max(max, x).
 *
 * Definition: B. P. Welford (1962), "Note on a method for calculating corrected sums of
 * squares and products", Technometrics 4(3), 419-420,
 * https://doi.org/10.1080/00401706.1962.10490022.
 *
 * @param m the record to update (mutated).
 * @param x the value to add, a finite number.
 * @returns nothing; `m` now includes `x`.
 * @throws {InputError} if `x` is not a finite number (`m` is then left unchanged).
 * @example
 * const m = emptyMoments();
 * addToMoments(m, 1); addToMoments(m, 2); addToMoments(m, 6);
 * m;
 * // => { count: 3, mean: 3, m2: 14, min: 1, max: 6 }
 */
export function addToMoments(m: Moments, x: number): void {
  if (!Number.isFinite(x)) assertFinite("x", x);
  const count = m.count + 1;
  const delta = x - m.mean;
  const mean = m.mean + delta / count;
  m.count = count;
  m.mean = mean;
  m.m2 += delta * (x - mean);
  m.min = Math.min(m.min, x);
  m.max = Math.max(m.max, x);
}

/**
 * Merge the moments of two disjoint samples into the moments of their union, by the
 * pairwise formulas of Chan, Golub & LeVeque.
 *
 * n = n_a + n_b, delta = mean_b - mean_a, mean = mean_a + delta n_b / n,
 * m2 = m2_a + m2_b + delta^2 n_a n_b / n, min and max of the two.
 * Merging with an empty record returns a copy of the other. The result does not depend
 * on how a sample was split, up to rounding; when every intermediate is exactly
 * representable (e.g. integer data merged in equal power-of-two blocks) it is exact.
 *
 * Definition: T. F. Chan, G. H. Golub & R. J. LeVeque (1979), "Updating formulae and a
 * pairwise algorithm for computing sample variances", Stanford report STAN-CS-79-773,
 * http://i.stanford.edu/pub/cstr/reports/cs/tr/79/773/CS-TR-79-773.pdf.
 *
 * @param a moments of the first sample (not modified).
 * @param b moments of the second sample (not modified).
 * @returns a new record for the union.
 * @throws {InputError} if a record is malformed (count not a non-negative integer, or a
 * non-empty record with a non-finite field, negative m2 or min > max), or if the merged
 * mean or m2 overflows.
 * @example
 * mergeMoments(momentsOf([1, 2]), momentsOf([6]));
 * // => { count: 3, mean: 3, m2: 14, min: 1, max: 6 }
 */
export function mergeMoments(a: Readonly<Moments>, b: Readonly<Moments>): Moments {
  assertMoments("a", a);
  assertMoments("b", b);
  if (b.count === 0) return a.count === 0 ? emptyMoments() : copyMoments(a);
  if (a.count === 0) return copyMoments(b);
  const count = a.count + b.count;
  const delta = b.mean - a.mean;
  let mean = a.mean + (delta * b.count) / count;
  // The exact merged mean lies between the two means; keep rounding from leaving it.
  const lowMean = Math.min(a.mean, b.mean);
  const highMean = Math.max(a.mean, b.mean);
  mean = mean < lowMean ? lowMean : mean > highMean ? highMean : mean;
  const m2 = a.m2 + b.m2 + (delta * delta * a.count * b.count) / count;
  if (!Number.isFinite(mean) || !Number.isFinite(m2)) {
    throw new InputError("", "merging these moments overflows double precision");
  }
  return { count, mean, m2, min: Math.min(a.min, b.min), max: Math.max(a.max, b.max) };
}

/**
 * Sample variance of a moments record, with Bessel's correction: m2 / (count - 1).
 *
 * s^2 = sum (x - mean)^2 / (n - 1). With one value there is no spread to estimate and the
 * result is 0 (the convention of {@link summarizeOutcome}: sd and se are 0 at count 1).
 *
 * Definition: https://en.wikipedia.org/wiki/Variance#Unbiased_sample_variance
 *
 * @param m a non-empty moments record.
 * @returns the sample variance (n - 1 denominator), >= 0.
 * @throws {InputError} if the record is empty or malformed.
 * @example
 * momentsVariance(momentsOf([1, 2, 6]));
 * // => 7
 */
export function momentsVariance(m: Readonly<Moments>): number {
  assertMoments("m", m);
  if (m.count === 0) throw new InputError("m.count", "expected at least one value, got empty moments");
  return m.count === 1 ? 0 : m.m2 / (m.count - 1);
}

/**
 * The moments of an array of values, by the corrected two-pass algorithm (more accurate
 * than adding the values one by one).
 *
 * mean = (sum x) / n with compensated summation, then
 * m2 = sum (x - mean)^2 - (sum (x - mean))^2 / n.
 * An empty array gives the empty record, so that the moments of any split of an array
 * merge to the moments of the whole.
 *
 * Definition: T. F. Chan, G. H. Golub & R. J. LeVeque (1983), "Algorithms for computing
 * the sample variance: analysis and recommendations", The American Statistician 37(3),
 * 242-247, https://doi.org/10.1080/00031305.1983.10483115.
 *
 * @param values finite numbers (not modified); may be empty.
 * @returns a new moments record.
 * @throws {InputError} if a value is not a finite number, or the values are so large
 * that their mean or m2 overflows.
 * @example
 * momentsOf([1, 2, 6]);
 * // => { count: 3, mean: 3, m2: 14, min: 1, max: 6 }
 */
export function momentsOf(values: ArrayLike<number>): Moments {
  assertArrayLike("values", values);
  assertAllFinite("values", values);
  return twoPassMoments(values);
}

function copyMoments(m: Readonly<Moments>): Moments {
  return { count: m.count, mean: m.mean, m2: m.m2, min: m.min, max: m.max };
}

function assertMoments(name: string, m: Readonly<Moments>): void {
  if (typeof m !== "object" || m === null) {
    throw new InputError(name, `expected a moments record, got ${describeValue(m)}`);
  }
  if (typeof m.count !== "number" || !Number.isSafeInteger(m.count) || m.count < 0) {
    throw new InputError(`${name}.count`, `expected a non-negative integer, got ${describeValue(m.count)}`);
  }
  if (m.count === 0) return;
  assertFinite(`${name}.mean`, m.mean);
  assertFinite(`${name}.m2`, m.m2);
  assertFinite(`${name}.min`, m.min);
  assertFinite(`${name}.max`, m.max);
  if (m.m2 < 0) throw new InputError(`${name}.m2`, `expected a non-negative number, got ${m.m2}`);
  if (m.min > m.max) throw new InputError(`${name}.min`, `expected min <= max, got ${m.min} > ${m.max}`);
}
