import { InputError } from "../errors.js";
import { ExactMoments, type ExactMomentsJSON } from "./exact-moments.js";
import type { PairedDifference } from "./paired.js";
import { pairedStatistics } from "./_internals/paired-statistics.js";
import { describeValue } from "./_internals/validate.js";

/** Serialized {@link StreamingPaired}. */
export interface StreamingPairedJSON {
  /** Exact moments of the differences. */
  moments: ExactMomentsJSON;
  /** Number of differences below 0 (the policy's loss lower). */
  lowerCount: number;
  /** Number of differences above 0 (the policy's loss higher). */
  higherCount: number;
}

/**
 * A policy compared with a baseline over common random numbers, fed one run's difference
 * d = policy - baseline at a time, in constant memory, and merging exactly: the
 * {@link ExactMoments} of d and the integer counts of d < 0 and d > 0. `summarize()` gives
 * the fields of {@link pairedDifference}, bit-identical to it for the same runs whatever
 * the split and merge order. `add` allocates nothing.
 *
 * The difference is the caller's to compute (policy_i - baseline_i in run i, the same
 * run index, hence the same random numbers, in both).
 *
 * @example
 * const paired = new StreamingPaired();
 * for (const d of [-1, 0, -2, -1]) paired.add(d);
 * paired.summarize();
 * // => { count: 4, mean: -1, sd: 0.816496580927726, se: 0.408248290463863,
 * //      ci95Low: -2.299228263625111, ci95High: 0.2992282636251109,
 * //      probabilityLower: 0.75, probabilityHigher: 0 }
 */
export class StreamingPaired {
  private readonly moments = new ExactMoments();
  private lowerCount = 0;
  private higherCount = 0;

  /** Number of differences added. */
  get count(): number {
    return this.moments.count;
  }

  /**
   * Add one run's difference, policy - baseline.
   *
   * @param difference a finite number, |d| <= 2^510 (about 3.35e153).
   * @returns nothing.
   * @throws {InputError} as {@link ExactMoments.add} does; nothing is added then.
   * @example
   * const paired = new StreamingPaired();
   * paired.add(-2); paired.add(0);
   * paired.count;
   * // => 2
   */
  add(difference: number): void {
    this.moments.add(difference);
    if (difference < 0) this.lowerCount++;
    else if (difference > 0) this.higherCount++;
  }

  /**
   * Add the differences summarised by another comparison (exact; order-independent).
   *
   * @param other another comparison (not modified; may be this one).
   * @returns this comparison.
   * @throws {InputError} if `other` is not a StreamingPaired.
   * @example
   * const a = new StreamingPaired(); a.add(1);
   * const b = new StreamingPaired(); b.add(3);
   * a.merge(b).summarize().mean;
   * // => 2
   */
  merge(other: StreamingPaired): this {
    if (!(other instanceof StreamingPaired)) {
      throw new InputError("other", `expected a StreamingPaired, got ${describeValue(other)}`);
    }
    const lower = other.lowerCount;
    const higher = other.higherCount;
    this.moments.merge(other.moments);
    this.lowerCount += lower;
    this.higherCount += higher;
    return this;
  }

  /**
   * The paired statistics, in the shape of {@link pairedDifference}: mean, sd, se and the
   * 95% t interval from the exact moments of the differences, and the shares of d < 0
   * and d > 0.
   *
   * @returns the statistics.
   * @throws {InputError} if no difference was added.
   * @example
   * const paired = new StreamingPaired();
   * paired.add(2);
   * paired.summarize().ci95Low;
   * // => 2
   */
  summarize(): PairedDifference {
    if (this.moments.count === 0) throw new InputError("", "expected at least one difference, got none");
    return pairedStatistics(this.moments, this.lowerCount, this.higherCount);
  }

  /**
   * A plain-JSON record, identical for equal multisets of differences whatever the order.
   *
   * @returns `{ moments, lowerCount, higherCount }`.
   * @throws never.
   * @example
   * const paired = new StreamingPaired();
   * paired.add(-1.5);
   * paired.toJSON();
   * // => { moments: { count: 1, min: -1.5, max: -1.5, sum: [-1.5], sumOfSquares: [2.25] },
   * //      lowerCount: 1, higherCount: 0 }
   */
  toJSON(): StreamingPairedJSON {
    return { moments: this.moments.toJSON(), lowerCount: this.lowerCount, higherCount: this.higherCount };
  }

  /**
   * Rebuild a comparison from {@link StreamingPaired.toJSON} output (after `JSON.parse`).
   *
   * @param json a record `{ moments, lowerCount, higherCount }`.
   * @param path where the record sits in a larger document, for error messages.
   * @returns a new comparison.
   * @throws {InputError} if the record is malformed, or the counts are negative, not
   * integers, or add up to more than the number of differences.
   * @example
   * const json = { moments: { count: 2, min: -1, max: 3, sum: [2], sumOfSquares: [10] }, lowerCount: 1, higherCount: 1 };
   * StreamingPaired.fromJSON(json).summarize().probabilityHigher;
   * // => 0.5
   */
  static fromJSON(json: StreamingPairedJSON, path = "json"): StreamingPaired {
    if (typeof json !== "object" || json === null) {
      throw new InputError(path, `expected a record { moments, lowerCount, higherCount }, got ${describeValue(json)}`);
    }
    const moments = ExactMoments.fromJSON(json.moments, `${path}.moments`);
    const lower: unknown = json.lowerCount;
    const higher: unknown = json.higherCount;
    for (const [name, value] of [["lowerCount", lower], ["higherCount", higher]] as const) {
      if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
        throw new InputError(`${path}.${name}`, `expected a non-negative integer, got ${describeValue(value)}`);
      }
    }
    if ((lower as number) + (higher as number) > moments.count) {
      throw new InputError(path, `expected lowerCount + higherCount <= moments.count = ${moments.count}`);
    }
    const paired = new StreamingPaired();
    paired.moments.merge(moments);
    paired.lowerCount = lower as number;
    paired.higherCount = higher as number;
    return paired;
  }
}
