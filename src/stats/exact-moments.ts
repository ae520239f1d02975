import { InputError } from "../errors.js";
import { ExactSum } from "./exact-sum.js";
import { roundRatio, scaledSum } from "./_internals/exact-rational.js";
import { LARGEST_SQUARABLE, SPLITTER } from "./_internals/two-product.js";
import { describeValue } from "./_internals/validate.js";

/** While the sum of squares stays below this, adding a square cannot overflow it. */
const SQUARES_SAFE = 2 ** 1020;

/** Serialized {@link ExactMoments}: the exact sums as canonical partials (see {@link ExactSum.partials}). */
export interface ExactMomentsJSON {
  /** Number of values. */
  count: number;
  /** Smallest value; null when count is 0. */
  min: number | null;
  /** Largest value; null when count is 0. */
  max: number | null;
  /** The exact sum of the values, as canonical partials (largest first). */
  sum: number[];
  /** The exact sum of the exact squares, as canonical partials (largest first). */
  sumOfSquares: number[];
}

/**
 * Moments of a stream of values that merge exactly: the count, minimum, maximum, and the
 * exact sums S1 = sum x and S2 = sum x^2 (each square added as the exact pair
 * x^2 = high + low from Dekker's TwoProduct), kept in {@link ExactSum} accumulators.
 * Since nothing is rounded until a statistic is asked for, adding the values in any
 * order, or splitting them across any number of accumulators merged in any order, gives
 * bit-identical `mean()` and `variance()`. Memory is constant; `add` allocates nothing.
 *
 * Statistics (computed from the exact sums and the count alone, in exact rational
 * arithmetic, each rounded once):
 * - `mean()` = S1 / n, correctly rounded;
 * - `variance()` = (n S2 - S1^2) / (n (n - 1)), the sample variance, correctly rounded
 *   (the exact sum of squared deviations from the exact mean, over n - 1), however small
 *   the spread relative to the mean. The textbook formula is safe here because nothing
 *   is rounded before the end (Chan, Golub & LeVeque 1983,
 *   https://doi.org/10.1080/00031305.1983.10483115, explain why it fails in floating
 *   point).
 *
 * Exactness holds while no square underflows (|x| >= 2^-485, about 1e-146, or x = 0);
 * below that a square loses the bits under 2^-1074 (negligible unless every value is
 * that small), but every statistic stays a deterministic function of the multiset of
 * values, so merges remain bit-identical. Values must be at most 2^510 (about 3.35e153)
 * in magnitude, and the sum of squares must stay below 1.8e308.
 *
 * Method: exact accumulation as in J. R. Shewchuk (1997),
 * https://doi.org/10.1007/PL00009321, and T. J. Dekker (1971),
 * https://doi.org/10.1007/BF01397083; the final divisions in BigInt rational arithmetic
 * (microseconds per statistic, never per value).
 *
 * @example
 * const m = new ExactMoments();
 * for (const x of [1, 2, 6]) m.add(x);
 * [m.count, m.min, m.max, m.mean(), m.variance()];
 * // => [3, 1, 6, 3, 7]
 */
export class ExactMoments {
  private n = 0;
  private lowest = Infinity;
  private highest = -Infinity;
  /** An estimate of the sum of squares (a plain running sum: relative error below n 2^-53). */
  private squaresBound = 0;
  /** The exact sum of the values. Read it (`sum.value()`); do not add to it directly. */
  readonly sum = new ExactSum();
  /** The exact sum of the squares. Read it; do not add to it directly. */
  readonly sumOfSquares = new ExactSum();

  /** Number of values added. */
  get count(): number {
    return this.n;
  }

  /** Smallest value added (+Infinity while empty; -0 is recorded as 0). */
  get min(): number {
    return this.lowest;
  }

  /** Largest value added (-Infinity while empty; -0 is recorded as 0). */
  get max(): number {
    return this.highest;
  }

  /**
   * Add one value. Allocates nothing.
   *
   * @param x a finite number, |x| <= 2^510 (about 3.35e153).
   * @returns nothing.
   * @throws {InputError} if `x` is not a finite number, |x| > 2^510, or the sum of squares
   * would overflow; the moments are then unchanged.
   * @example
   * const m = new ExactMoments();
   * m.add(0.1); m.add(0.2); m.add(0.3);
   * m.mean();
   * // => 0.2
   */
  add(x: number): void {
    if (typeof x !== "number" || !(Math.abs(x) <= LARGEST_SQUARABLE)) throw badValue(x);
    const square = x * x;
    // squareError(x, square), written out: Dekker's exact square with Veltkamp's split,
    // so that no double crosses a call boundary here (V8 boxes doubles passed to calls
    // it does not inline).
    const t = SPLITTER * x;
    const high = t - (t - x);
    const rest = x - high;
    const low = high * high - square + 2 * high * rest + rest * rest;
    // While the estimate stays below 2^1020 no addition to the sum of squares can
    // overflow (for fewer than 10^9 values, say, its error is below 1e-7); above, the
    // careful path checks each step.
    const bound = this.squaresBound + square;
    if (bound < SQUARES_SAFE) {
      this.squaresBound = bound;
      this.sumOfSquares.add(square);
      if (low !== 0) this.sumOfSquares.add(low);
    } else {
      this.addSquareCarefully(x, square, low);
    }
    this.sum.add(x);
    this.n++;
    // x + 0 records -0 as +0, so that min and max survive JSON (which writes -0 as 0).
    const value = x + 0;
    if (value < this.lowest) this.lowest = value;
    if (value > this.highest) this.highest = value;
  }

  /**
   * Add the values summarised by another record (exact: the result is the same as if
   * every value had been added to this one, in any order).
   *
   * @param other the moments of another set of values (not modified; may be this one).
   * @returns this record.
   * @throws {InputError} if `other` is not an ExactMoments, the merged count is not a
   * safe integer (nothing is merged then), or the sum of squares overflows (this record
   * is then left partly merged: discard it).
   * @example
   * const a = new ExactMoments(); a.add(1); a.add(2);
   * const b = new ExactMoments(); b.add(6);
   * a.merge(b).variance();
   * // => 7
   */
  merge(other: ExactMoments): this {
    if (!(other instanceof ExactMoments)) {
      throw new InputError("other", `expected an ExactMoments, got ${describeValue(other)}`);
    }
    const count = this.n + other.n;
    if (!Number.isSafeInteger(count)) throw new InputError("other.count", `the merged count ${count} is not a safe integer`);
    const bound = other.squaresBound;
    this.sumOfSquares.addSum(other.sumOfSquares);
    this.sum.addSum(other.sum);
    this.squaresBound += bound;
    this.n = count;
    this.lowest = Math.min(this.lowest, other.lowest);
    this.highest = Math.max(this.highest, other.highest);
    return this;
  }

  /**
   * The mean, S1 / n correctly rounded: the exact mean rounded once to the nearest double
   * (ties to even). Always within [min, max].
   *
   * @returns the mean.
   * @throws {InputError} if no value was added.
   * @example
   * const m = new ExactMoments();
   * for (const x of [1e16, 1, 1]) m.add(x);
   * m.mean();
   * // => 3333333333333334
   */
  mean(): number {
    this.assertNonEmpty();
    return roundRatio(scaledSum(this.sum), BigInt(this.n) << 1074n);
  }

  /**
   * The sample variance (n - 1 denominator), (n S2 - S1^2) / (n (n - 1)) in exact
   * arithmetic, correctly rounded; 0 with a single value.
   *
   * @returns the variance, >= 0.
   * @throws {InputError} if no value was added, or the variance overflows.
   * @example
   * const m = new ExactMoments();
   * for (const x of [1e9 + 1, 1e9 + 2, 1e9 + 3]) m.add(x);
   * m.variance();
   * // => 1
   */
  variance(): number {
    this.assertNonEmpty();
    const n = BigInt(this.n);
    if (n === 1n) return 0;
    // S1 = s1 2^-1074 and S2 = s2 2^-1074, so n S2 - S1^2 = (n s2 2^1074 - s1^2) 2^-2148.
    const s1 = scaledSum(this.sum);
    const s2 = scaledSum(this.sumOfSquares);
    const numerator = ((n * s2) << 1074n) - s1 * s1;
    // Never negative in exact arithmetic; only underflowed squares could make it so.
    const variance = numerator > 0n ? roundRatio(numerator, (n * (n - 1n)) << 2148n) : 0;
    if (variance === Infinity) {
      throw new InputError("", `the variance of values as large as ${Math.max(-this.min, this.max)} overflows double precision`);
    }
    return variance;
  }

  /**
   * A plain-JSON record of these moments, identical for equal multisets of values
   * whatever the order of adding and merging; lossless (-0 is never recorded).
   *
   * @returns `{ count, min, max, sum, sumOfSquares }`, the sums as canonical partials.
   * @throws never.
   * @example
   * const m = new ExactMoments();
   * m.add(2 ** 53); m.add(1); m.add(0.5);
   * m.toJSON();
   * // => { count: 3, min: 0.5, max: 9007199254740992, sum: [9007199254740994, -0.5],
   * //      sumOfSquares: [8.112963841460668e31, 1.25] }
   */
  toJSON(): ExactMomentsJSON {
    const empty = this.n === 0;
    return {
      count: this.n,
      min: empty ? null : this.min,
      max: empty ? null : this.max,
      sum: this.sum.partials(),
      sumOfSquares: this.sumOfSquares.partials(),
    };
  }

  /**
   * Rebuild moments from {@link ExactMoments.toJSON} output (after `JSON.parse`).
   *
   * @param json a record `{ count, min, max, sum, sumOfSquares }`.
   * @param path where the record sits in a larger document, for error messages.
   * @returns a new ExactMoments.
   * @throws {InputError} if the record is malformed: count not a non-negative safe
   * integer, min and max not finite with min <= max (or not null when count is 0), sums
   * not arrays of finite numbers, or a negative sum of squares.
   * @example
   * ExactMoments.fromJSON({ count: 2, min: 1, max: 3, sum: [4], sumOfSquares: [10] }).variance();
   * // => 2
   */
  static fromJSON(json: ExactMomentsJSON, path = "json"): ExactMoments {
    if (typeof json !== "object" || json === null) {
      throw new InputError(path, `expected a moments record { count, min, max, sum, sumOfSquares }, got ${describeValue(json)}`);
    }
    const { count, min, max } = json as unknown as Record<string, unknown>;
    if (typeof count !== "number" || !Number.isSafeInteger(count) || count < 0) {
      throw new InputError(`${path}.count`, `expected a non-negative integer, got ${describeValue(count)}`);
    }
    const moments = new ExactMoments();
    const sum = sumFromJSON(json.sum, `${path}.sum`);
    const squares = sumFromJSON(json.sumOfSquares, `${path}.sumOfSquares`);
    if (count === 0) {
      if (min !== null || max !== null) throw new InputError(`${path}.min`, "expected min and max to be null when count is 0");
      if (sum.value() !== 0 || squares.value() !== 0) throw new InputError(`${path}.sum`, "expected zero sums when count is 0");
      return moments;
    }
    if (typeof min !== "number" || !Number.isFinite(min)) {
      throw new InputError(`${path}.min`, `expected a finite number, got ${describeValue(min)}`);
    }
    if (typeof max !== "number" || !Number.isFinite(max)) {
      throw new InputError(`${path}.max`, `expected a finite number, got ${describeValue(max)}`);
    }
    if (min > max) throw new InputError(`${path}.min`, `expected min <= max, got ${min} > ${max}`);
    if (squares.value() < 0) throw new InputError(`${path}.sumOfSquares`, "expected a non-negative sum of squares");
    moments.n = count;
    moments.lowest = min + 0;
    moments.highest = max + 0;
    moments.sum.addSum(sum);
    moments.sumOfSquares.addSum(squares);
    moments.squaresBound = squares.value() * 2;
    return moments;
  }

  /** Add x^2 = square + low to the sum of squares, or throw (unchanged) if it overflows. */
  private addSquareCarefully(x: number, square: number, low: number): void {
    const squares = this.sumOfSquares;
    try {
      squares.add(square);
    } catch {
      throw squaresOverflow(x);
    }
    try {
      squares.add(low);
    } catch {
      squares.add(-square);
      throw squaresOverflow(x);
    }
    this.squaresBound += square;
  }

  private assertNonEmpty(): void {
    if (this.n === 0) throw new InputError("", "expected at least one value, got none");
  }
}

function sumFromJSON(list: unknown, path: string): ExactSum {
  if (!Array.isArray(list)) throw new InputError(path, `expected an array of numbers, got ${describeValue(list)}`);
  for (let i = 0; i < list.length; i++) {
    const x: unknown = list[i];
    if (typeof x !== "number" || !Number.isFinite(x)) {
      throw new InputError(`${path}[${i}]`, `expected a finite number, got ${describeValue(x)}`);
    }
  }
  return ExactSum.fromPartials(list as number[]);
}

function squaresOverflow(x: number): InputError {
  return new InputError("x", `adding ${x} makes the sum of squares overflow double precision (about 1.8e308)`);
}

function badValue(x: number): InputError {
  if (typeof x !== "number" || !Number.isFinite(x)) {
    return new InputError("x", `expected a finite number, got ${describeValue(x)}`);
  }
  return new InputError("x", `${x} is too large: |x| must be at most 2^510 (about 3.35e153) for its square to be exact`);
}
