import { InputError } from "../errors.js";
import { ExactMoments, type ExactMomentsJSON } from "./exact-moments.js";
import type { PairedDifference } from "./paired.js";
import { studentTQuantile } from "./student-t.js";
import { momentStatistics } from "./_internals/moment-statistics.js";
import { describeValue } from "./_internals/validate.js";

/** A {@link PairedAccumulator} as JSON. */
export interface PairedAccumulatorJSON {
  /** Exact moments of the differences. */
  moments: ExactMomentsJSON;
  /** Number of differences below 0 (the policy's loss lower). */
  lowerCount: number;
  /** Number of differences above 0 (the policy's loss higher). */
  higherCount: number;
}

/**
 * A policy compared with a baseline over common random numbers, fed one run's difference
 * d = policy - baseline at a time: the {@link ExactMoments} of d and the integer counts of
 * d < 0 and d > 0. The paired statistics need nothing else, so exact and streaming
 * summaries keep the same parts, in memory that does not grow with the runs, and merge
 * exactly: `summarize()` gives the same bits whatever the split and merge order. `add`
 * allocates nothing.
 *
 * The difference is the caller's to compute (policy_i - baseline_i in run i, the same
 * run index, hence the same random numbers, in both).
 *
 * @example
 * const paired = new PairedAccumulator();
 * for (const d of [-1, 0, -2, -1]) paired.add(d);
 * paired.summarize();
 * // => { count: 4, mean: -1, sd: 0.816496580927726, se: 0.408248290463863,
 * //      ci95Low: -2.299228263625111, ci95High: 0.2992282636251109,
 * //      probabilityLower: 0.75, probabilityHigher: 0 }
 */
export class PairedAccumulator {
  private readonly moments = new ExactMoments();
  private lowerCount = 0;
  private higherCount = 0;

  /** Number of differences added. */
  get count(): number {
    return this.moments.count;
  }

  /** Add the exact moments of the differences to `target`. */
  mergeMomentsInto(target: ExactMoments): void {
    target.merge(this.moments);
  }

  /**
   * Add one run's difference, policy - baseline.
   *
   * @param difference a finite number, |d| <= 2^510 (about 3.35e153).
   * @throws {InputError} as {@link ExactMoments.add} does; nothing is added then.
   */
  add(difference: number): void {
    this.moments.add(difference);
    if (difference < 0) this.lowerCount++;
    else if (difference > 0) this.higherCount++;
  }

  /**
   * Add the differences summarised by another comparison (exact; order-independent; it is
   * not modified and may be this one).
   *
   * @throws {InputError} if `other` is not a PairedAccumulator.
   */
  merge(other: PairedAccumulator): this {
    if (!(other instanceof PairedAccumulator)) {
      throw new InputError("other", `expected a PairedAccumulator, got ${describeValue(other)}`);
    }
    const lower = other.lowerCount;
    const higher = other.higherCount;
    this.moments.merge(other.moments);
    this.lowerCount += lower;
    this.higherCount += higher;
    return this;
  }

  /**
   * The paired statistics, in the shape of `pairedDifference`: mean, sd and se from the
   * exact moments of the differences (see `summarizeOutcome`), the 95% t interval
   * mean ± t_{0.975, n-1} se (collapsed to [mean, mean] with one pair), and the shares of
   * d < 0 and d > 0.
   *
   * @throws {InputError} if no difference was added.
   */
  summarize(): PairedDifference {
    if (this.moments.count === 0) throw new InputError("", "expected at least one difference, got none");
    const { count, mean, sd, se } = momentStatistics(this.moments);
    const halfWidth = count > 1 ? studentTQuantile(0.975, count - 1) * se : 0;
    return {
      count,
      mean,
      sd,
      se,
      ci95Low: mean - halfWidth,
      ci95High: mean + halfWidth,
      probabilityLower: this.lowerCount / count,
      probabilityHigher: this.higherCount / count,
    };
  }

  /** A plain-JSON record, identical for equal multisets of differences whatever the order. */
  toJSON(): PairedAccumulatorJSON {
    return { moments: this.moments.toJSON(), lowerCount: this.lowerCount, higherCount: this.higherCount };
  }

  /**
   * Rebuild a comparison from {@link PairedAccumulator.toJSON} output (after `JSON.parse`).
   *
   * @param path where the record sits in a larger document, for error messages.
   * @throws {InputError} if the record is malformed, or the counts are negative, not
   * integers, or add up to more than the number of differences.
   */
  static fromJSON(json: PairedAccumulatorJSON, path = "json"): PairedAccumulator {
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
    const paired = new PairedAccumulator();
    paired.moments.merge(moments);
    paired.lowerCount = lower as number;
    paired.higherCount = higher as number;
    return paired;
  }

  /** A new comparison of every difference of `parts` (none of them modified). */
  static merged(parts: readonly PairedAccumulator[]): PairedAccumulator {
    const total = new PairedAccumulator();
    for (const part of parts) total.merge(part);
    return total;
  }
}
