import { InputError } from "../errors.js";
import { BucketStore } from "./_internals/bucket-store.js";
import { assertProbability, describeValue } from "./_internals/validate.js";

/** Options of {@link LogSketch}. */
export interface LogSketchOptions {
  /**
   * Relative accuracy a of every estimated order statistic, in [1e-4, 0.5]; default
   * 0.005 (0.5%).
   */
  readonly relativeAccuracy?: number | undefined;
  /**
   * Values with |x| below this go to the zero bucket, estimated as 0 (absolute error
   * below the threshold); a positive number in [1e-300, 1e300]; default 1e-12.
   */
  readonly zeroThreshold?: number | undefined;
}

/** Serialized {@link LogSketch}: buckets as [index, count] pairs in ascending index order. */
export interface LogSketchJSON {
  relativeAccuracy: number;
  zeroThreshold: number;
  /** Number of values with |x| below the zero threshold. */
  zeroCount: number;
  /** Buckets of the magnitudes of negative values (index of |x|), ascending index. */
  negative: [index: number, count: number][];
  /** Buckets of positive values, ascending index. */
  positive: [index: number, count: number][];
}

/** Default relative accuracy of a {@link LogSketch}. */
const DEFAULT_ACCURACY = 0.005;
/** Default zero threshold of a {@link LogSketch}. */
const DEFAULT_ZERO_THRESHOLD = 1e-12;
/**
 * Buckets are made narrower than the accuracy requires, by this relative margin, and the
 * representative is placed so as to leave a relative slack of about a * MARGIN at both
 * ends of a bucket: the rounding of the index and representative arithmetic (below 2e-9
 * of a bucket, about 4e-13 relative, for a >= 1e-4) then cannot take an estimate outside
 * the guarantee.
 */
export const MARGIN = 1e-7;

/**
 * A mergeable quantile sketch of signed values with integer counts (DDSketch): each
 * value falls in a logarithmic bucket of its magnitude, and every estimated order
 * statistic is within relative error `a` of the true one (plus the zero threshold,
 * when values below it are present).
 *
 * Buckets. Negative values, zero and positive values are kept apart: |x| below the
 * `zeroThreshold` (default 1e-12, absolute) counts in a zero bucket estimated as 0; any
 * other magnitude v falls in bucket floor(M l(v)), where for v = m 2^e (1 <= m < 2)
 * l(v) = e + (m - 1)(5 - m) / 3 is DDSketch's quadratic interpolation of log2 between
 * powers of two, and M = 3 / (4 ln gamma) with gamma = (1 + a) / (1 - a) (made 1e-7
 * narrower against rounding). Since dl / d(ln v) >= 4/3, each bucket spans a ratio
 * U / L <= gamma, and its representative, about L (1 + a), is within relative error a of
 * every value in it. The index needs only the bits of v and IEEE basic arithmetic, so a value
 * lands in the same bucket on every platform; the quadratic costs about 8% more buckets
 * than the exact logarithm (about 250 per decade at a = 0.005).
 *
 * Guarantee. Every value v is represented by an estimate within a |v| of it (within
 * zeroThreshold for |v| below the threshold); the estimated order statistics are these
 * estimates in sorted order, and since v - a |v| - t and v + a |v| + t both increase
 * with v, sorting preserves the bound: the estimate x^(j) of the j-th order statistic
 * x(j) satisfies |x^(j) - x(j)| <= a |x(j)| + zeroThreshold, and <= a |x(j)| when no
 * value lies below the threshold. {@link LogSketch.quantile} interpolates them as
 * Hyndman & Fan type 7 does, so |Q^(p) - Q(p)| <= a max(|x(j)|, |x(j+1)|) +
 * zeroThreshold for the two order statistics x(j), x(j+1) that the exact type 7
 * quantile reads. The bound is strict: buckets are narrowed by a relative 1e-7, more
 * than the rounding of the index arithmetic, and property tests check it without slack.
 *
 * Merging adds integer counts, so merged sketches are identical (as JSON) whatever the
 * order. Memory is bounded by the span of magnitudes, not the number of values: counts
 * sit in a dense window over the bucket indices seen; `add` allocates nothing once the
 * window covers the data. The sketch keeps no minimum or maximum: `quantile(0)` and
 * `quantile(1)` are estimates, and a caller that knows the exact extremes (from
 * {@link ExactMoments}) should clamp every estimate to [min, max].
 *
 * Definitions: C. Masson, J. E. Rim & H. K. Lee (2019), "DDSketch: a fast and
 * fully-mergeable quantile sketch with relative-error guarantees", PVLDB 12(12),
 * https://doi.org/10.14778/3352063.3352135; the interpolated mapping follows DataDog's
 * sketches-java `QuadraticallyInterpolatedMapping`; quantiles: Hyndman & Fan (1996),
 * https://doi.org/10.1080/00031305.1996.10473566.
 *
 * @example
 * const sketch = new LogSketch({ relativeAccuracy: 0.01 });
 * for (let i = 1; i <= 100; i++) sketch.add(i);
 * Math.abs(sketch.quantile(0.5) - 50.5) <= 0.01 * 51;
 * // => true
 */
export class LogSketch {
  /** The relative accuracy a. */
  readonly relativeAccuracy: number;
  /** Magnitudes below this are counted as zeros. */
  readonly zeroThreshold: number;
  private readonly multiplier: number;
  /** A bucket's representative is its lower bound times this, about 1 + a. */
  private readonly representativeFactor: number;
  private readonly positive = new BucketStore();
  private readonly negative = new BucketStore();
  private zeroCount = 0;
  /** Scratch for reading the exponent and significand of a double. */
  private readonly float: Float64Array;
  private readonly words: Uint32Array;
  private readonly highWord: number;

  /**
   * An empty sketch.
   *
   * @param options `relativeAccuracy` (default 0.005) and `zeroThreshold` (default 1e-12).
   * @throws {InputError} if an option is out of range.
   * @example
   * new LogSketch().count;
   * // => 0
   */
  constructor(options: LogSketchOptions = {}) {
    if (typeof options !== "object" || options === null) {
      throw new InputError("options", "expected an object such as { relativeAccuracy: 0.005 }");
    }
    const a = options.relativeAccuracy ?? DEFAULT_ACCURACY;
    const threshold = options.zeroThreshold ?? DEFAULT_ZERO_THRESHOLD;
    assertParameters("options", a, threshold);
    this.relativeAccuracy = a;
    this.zeroThreshold = threshold;
    this.multiplier = (3 / (4 * logGamma(a))) * (1 + MARGIN);
    this.representativeFactor = (1 + a) * (1 - a * MARGIN);
    this.float = new Float64Array(1);
    this.words = new Uint32Array(this.float.buffer);
    this.highWord = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
  }

  /** Number of values added. */
  get count(): number {
    return this.zeroCount + this.positive.total + this.negative.total;
  }

  /**
   * Add one value. Allocates nothing unless the value's bucket lies outside the range
   * of buckets seen so far.
   *
   * @param x a finite number.
   * @returns nothing.
   * @throws {InputError} if `x` is not a finite number.
   * @example
   * const sketch = new LogSketch();
   * sketch.add(-3); sketch.add(0); sketch.add(5);
   * sketch.count;
   * // => 3
   */
  add(x: number): void {
    if (typeof x !== "number" || x - x !== 0) throw new InputError("x", `expected a finite number, got ${describeValue(x)}`);
    if (x > 0) {
      if (x >= this.zeroThreshold) this.positive.add(this.indexOf(x), 1);
      else this.zeroCount++;
    } else if (-x >= this.zeroThreshold) this.negative.add(this.indexOf(-x), 1);
    else this.zeroCount++;
  }

  /**
   * Add the counts of another sketch (exact: integer counts, so the result does not
   * depend on the order of merging).
   *
   * @param other a sketch with the same relative accuracy and zero threshold (not
   * modified; may be this one).
   * @returns this sketch.
   * @throws {InputError} if the sketches' parameters differ.
   * @example
   * const a = new LogSketch(); a.add(1);
   * const b = new LogSketch(); b.add(2); b.add(3);
   * a.merge(b).count;
   * // => 3
   */
  merge(other: LogSketch): this {
    if (!(other instanceof LogSketch)) {
      throw new InputError("other", `expected a LogSketch, got ${describeValue(other)}`);
    }
    if (other.relativeAccuracy !== this.relativeAccuracy || other.zeroThreshold !== this.zeroThreshold) {
      throw new InputError(
        "other",
        `cannot merge a sketch with relative accuracy ${other.relativeAccuracy} and zero threshold ${other.zeroThreshold} ` +
          `into one with ${this.relativeAccuracy} and ${this.zeroThreshold}`,
      );
    }
    const count = this.count + other.count;
    if (!Number.isSafeInteger(count)) throw new InputError("other", `the merged count ${count} is not a safe integer`);
    this.positive.addStore(other.positive);
    this.negative.addStore(other.negative);
    this.zeroCount += other.zeroCount;
    return this;
  }

  /**
   * Estimated quantile, Hyndman & Fan type 7 on the estimated order statistics: with
   * h = (n - 1) p and j = floor(h), x^(j) + (h - j) (x^(j+1) - x^(j)).
   * Within a max(|x(j)|, |x(j+1)|) + zeroThreshold of the exact type 7 quantile (x(j),
   * x(j+1) the order statistics it reads); clamp to the exact [min, max] when known.
   *
   * @param p probability in [0, 1].
   * @returns the estimate.
   * @throws {InputError} if the sketch is empty or `p` is not in [0, 1].
   * @example
   * const sketch = new LogSketch();
   * for (const x of [-2, -1, 0, 1, 2]) sketch.add(x);
   * sketch.quantile(0.5);
   * // => 0
   */
  quantile(p: number): number {
    assertProbability("p", p);
    const n = this.assertNonEmpty();
    const h = (n - 1) * p;
    const j = Math.floor(h);
    const low = this.orderStatistic(j);
    if (j >= n - 1) return low;
    const high = this.orderStatistic(j + 1);
    const fraction = h - j;
    if (fraction === 0 || low === high) return low;
    const gap = high - low;
    const value = Number.isFinite(gap) ? low + fraction * gap : (1 - fraction) * low + fraction * high;
    return value < low ? low : value > high ? high : value;
  }

  /**
   * Estimated conditional value at risk: the mean of the worst (largest) 1 - level share
   * of the values, by Rockafellar & Uryasev's formula on the estimated order statistics
   * (as `conditionalValueAtRisk` does on exact ones): with k = max(ceil(n level), 1),
   * x^(k) + sum_{i > k} (x^(i) - x^(k)) / (n (1 - level)) (1-based), the largest
   * estimate at level 1, clamped to [quantile(level), largest estimate]. Since each
   * estimated order statistic is within a |x(i)| + zeroThreshold of the true one, the
   * result is within a max |x(i)| + zeroThreshold of the exact CVaR, the maximum over
   * the order statistics the formula and its clamps read (i >= floor((n - 1) level),
   * 0-based). Clamp to the exact maximum when known.
   *
   * Definition: R. T. Rockafellar & S. Uryasev (2002), https://doi.org/10.1016/S0378-4266(02)00271-6.
   *
   * @param level confidence level in [0, 1], e.g. 0.95.
   * @returns the estimate.
   * @throws {InputError} if the sketch is empty or `level` is not in [0, 1].
   * @example
   * const sketch = new LogSketch({ relativeAccuracy: 0.01 });
   * for (let i = 1; i <= 10; i++) sketch.add(i);
   * Math.abs(sketch.tailMean(0.75) - 9.2) <= 0.01 * 10;
   * // => true
   */
  tailMean(level: number): number {
    assertProbability("level", level);
    const n = this.assertNonEmpty();
    const largest = this.orderStatistic(n - 1);
    if (level === 1) return largest;
    const k = Math.max(Math.ceil(n * level), 1);
    const c = this.orderStatistic(k - 1);
    // Sum (x^(i) - c) over 0-based ranks i >= k, bucket by bucket, with Neumaier's
    // compensation (every term is >= 0).
    let sum = 0;
    let compensation = 0;
    let rank = 0;
    const addTerms = (value: number, count: number): void => {
      const end = rank + count;
      const from = Math.max(rank, k);
      rank = end;
      if (end <= from) return;
      const term = (end - from) * (value - c);
      const t = sum + term;
      compensation += sum >= term ? sum - t + term : term - t + sum;
      sum = t;
    };
    this.forEachAscending(addTerms);
    const cvar = c + (sum + compensation) / (n * (1 - level));
    const floor = this.quantile(level);
    return cvar < floor ? floor : cvar > largest ? largest : cvar;
  }

  /**
   * A plain-JSON record of the sketch. Buckets are listed as [index, count] pairs in
   * ascending index order, so equal sketches give identical JSON whatever the order of
   * adding and merging.
   *
   * @returns `{ relativeAccuracy, zeroThreshold, zeroCount, negative, positive }`.
   * @throws never.
   * @example
   * const sketch = new LogSketch();
   * sketch.add(1); sketch.add(1); sketch.add(0); sketch.add(-1);
   * sketch.toJSON();
   * // => { relativeAccuracy: 0.005, zeroThreshold: 1e-12, zeroCount: 1,
   * //      negative: [[0, 1]], positive: [[0, 2]] }
   */
  toJSON(): LogSketchJSON {
    return {
      relativeAccuracy: this.relativeAccuracy,
      zeroThreshold: this.zeroThreshold,
      zeroCount: this.zeroCount,
      negative: this.negative.pairs(),
      positive: this.positive.pairs(),
    };
  }

  /**
   * Rebuild a sketch from {@link LogSketch.toJSON} output (after `JSON.parse`).
   *
   * @param json a record `{ relativeAccuracy, zeroThreshold, zeroCount, negative, positive }`.
   * @param path where the record sits in a larger document, for error messages.
   * @returns a new sketch.
   * @throws {InputError} if the record is malformed: parameters out of range, counts not
   * positive safe integers, indices not integers in strictly ascending order or outside
   * the range the parameters allow.
   * @example
   * const json = { relativeAccuracy: 0.005, zeroThreshold: 1e-12, zeroCount: 0, negative: [], positive: [[0, 4]] };
   * LogSketch.fromJSON(json).quantile(0.5).toFixed(6);
   * // => "1.005000"
   */
  static fromJSON(json: LogSketchJSON, path = "json"): LogSketch {
    if (typeof json !== "object" || json === null) {
      throw new InputError(path, `expected a sketch record { relativeAccuracy, zeroThreshold, zeroCount, negative, positive }, got ${describeValue(json)}`);
    }
    assertParameters(path, json.relativeAccuracy, json.zeroThreshold);
    const sketch = new LogSketch({ relativeAccuracy: json.relativeAccuracy, zeroThreshold: json.zeroThreshold });
    const zeroCount: unknown = json.zeroCount;
    if (typeof zeroCount !== "number" || !Number.isSafeInteger(zeroCount) || zeroCount < 0) {
      throw new InputError(`${path}.zeroCount`, `expected a non-negative integer, got ${describeValue(zeroCount)}`);
    }
    // Every magnitude >= zeroThreshold has an index in [lowest, highest] (one index of
    // slack below for the rounding at the threshold itself).
    const lowest = sketch.indexOf(sketch.zeroThreshold) - 1;
    const highest = sketch.indexOf(Number.MAX_VALUE);
    sketch.zeroCount = zeroCount;
    readBuckets(json.negative, `${path}.negative`, sketch.negative, lowest, highest);
    readBuckets(json.positive, `${path}.positive`, sketch.positive, lowest, highest);
    if (!Number.isSafeInteger(sketch.count)) throw new InputError(path, `the total count ${sketch.count} is not a safe integer`);
    return sketch;
  }

  /** The bucket index of a magnitude v >= zeroThreshold (a normal double). */
  private indexOf(v: number): number {
    const float = this.float;
    const words = this.words;
    float[0] = v;
    const high = words[this.highWord]!;
    const exponent = (high >>> 20) - 1023;
    words[this.highWord] = (high & 0xfffff) | 0x3ff00000;
    const m = float[0]!;
    return Math.floor((exponent + ((m - 1) * (5 - m)) / 3) * this.multiplier);
  }

  /** The representative of the bucket of magnitudes with index `index`: L (1 + a) (1 - a 1e-7). */
  private representative(index: number): number {
    const l = index / this.multiplier;
    const exponent = Math.floor(l);
    const m = 3 - Math.sqrt(4 - 3 * (l - exponent));
    return Math.min(m * 2 ** exponent * this.representativeFactor, Number.MAX_VALUE);
  }

  /** The estimate of the 0-based `rank`-th order statistic (0 <= rank < count). */
  private orderStatistic(rank: number): number {
    let result = 0;
    let remaining = rank;
    this.forEachAscending((value, count) => {
      if (remaining < count) {
        result = value;
        return true;
      }
      remaining -= count;
      return false;
    });
    return result;
  }

  /**
   * Visit the buckets in ascending order of their values (negatives from the largest
   * magnitude down, then zeros, then positives), with each representative and count;
   * stops when `visit` returns true.
   */
  private forEachAscending(visit: (value: number, count: number) => boolean | void): void {
    const negative = this.negative;
    for (let i = negative.counts.length - 1; i >= 0; i--) {
      const count = negative.counts[i]!;
      if (count !== 0 && visit(-this.representative(negative.offset + i), count) === true) return;
    }
    if (this.zeroCount !== 0 && visit(0, this.zeroCount) === true) return;
    const positive = this.positive;
    for (let i = 0; i < positive.counts.length; i++) {
      const count = positive.counts[i]!;
      if (count !== 0 && visit(this.representative(positive.offset + i), count) === true) return;
    }
  }

  private assertNonEmpty(): number {
    const n = this.count;
    if (n === 0) throw new InputError("", "expected at least one value in the sketch, got none");
    return n;
  }
}

/** ln gamma = ln((1 + a) / (1 - a)) = 2 atanh(a), by its series (basic arithmetic only, so identical on every platform). */
function logGamma(a: number): number {
  const a2 = a * a;
  let power = a;
  let sum = 0;
  for (let k = 0; k < 80; k++) {
    sum += power / (2 * k + 1);
    power *= a2;
  }
  return 2 * sum;
}

function assertParameters(path: string, a: unknown, threshold: unknown): void {
  if (typeof a !== "number" || !(a >= 1e-4 && a <= 0.5)) {
    throw new InputError(`${path}.relativeAccuracy`, `expected a number in [1e-4, 0.5], got ${describeValue(a)}`);
  }
  if (typeof threshold !== "number" || !(threshold >= 1e-300 && threshold <= 1e300)) {
    throw new InputError(`${path}.zeroThreshold`, `expected a number in [1e-300, 1e300], got ${describeValue(threshold)}`);
  }
}

function readBuckets(pairs: unknown, path: string, store: BucketStore, lowest: number, highest: number): void {
  if (!Array.isArray(pairs)) throw new InputError(path, `expected an array of [index, count] pairs, got ${describeValue(pairs)}`);
  let previous = -Infinity;
  for (let i = 0; i < pairs.length; i++) {
    const pair: unknown = pairs[i];
    if (!Array.isArray(pair) || pair.length !== 2) {
      throw new InputError(`${path}[${i}]`, `expected an [index, count] pair, got ${describeValue(pair)}`);
    }
    const [index, count] = pair as unknown[];
    if (typeof index !== "number" || !Number.isSafeInteger(index) || index < lowest || index > highest) {
      throw new InputError(`${path}[${i}][0]`, `expected an integer index in [${lowest}, ${highest}], got ${describeValue(index)}`);
    }
    if (!(index > previous)) {
      throw new InputError(`${path}[${i}][0]`, `expected indices in strictly ascending order, got ${index} after ${previous}`);
    }
    if (typeof count !== "number" || !Number.isSafeInteger(count) || count < 1) {
      throw new InputError(`${path}[${i}][1]`, `expected a positive integer count, got ${describeValue(count)}`);
    }
    store.add(index, count);
    previous = index;
  }
}
