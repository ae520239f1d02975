import { InputError } from "../errors.js";
import { ExactMoments, type ExactMomentsJSON } from "./exact-moments.js";
import { LogSketch, type LogSketchJSON, type LogSketchOptions } from "./log-sketch.js";
import type { OutcomeStatistics } from "./summary.js";
import { outcomeStatistics } from "./_internals/outcome-statistics.js";
import { momentStatistics } from "./_internals/moment-statistics.js";
import { assertArrayLike, assertFinite, describeValue } from "./_internals/validate.js";

/** Options of {@link StreamingSummary}: the sketch's options and the exceedance thresholds. */
export interface StreamingSummaryOptions extends LogSketchOptions {
  /** Loss levels whose exceedance probability P(X > threshold) is wanted; finite numbers. */
  readonly thresholds?: ArrayLike<number> | undefined;
}

/** Serialized {@link StreamingSummary}. */
export interface StreamingSummaryJSON {
  /** The thresholds, in the order given. */
  thresholds: number[];
  /** Number of values strictly above each threshold. */
  exceedanceCounts: number[];
  moments: ExactMomentsJSON;
  sketch: LogSketchJSON;
}

/**
 * A summary of one outcome over runs that is fed one value at a time, in constant memory,
 * and merges exactly: the same fields as {@link summarizeOutcome}, with count, mean, sd,
 * se, min, max and the exceedance probabilities bit-identical to it (and to any other
 * split and merge order of the same values), and the quantiles, VaR and CVaR estimated by
 * a {@link LogSketch} within its relative accuracy.
 *
 * Parts: {@link ExactMoments} (count, min, max, exact sums), a {@link LogSketch}, and one
 * integer count per threshold of the values strictly above it (so P(X > t) = count / n is
 * exact). `add` allocates nothing once the sketch's window covers the data.
 * In `summarize()` every quantile estimate is clamped to the exact [min, max], and each
 * CVaR estimate to [VaR, max].
 *
 * @example
 * const summary = new StreamingSummary({ thresholds: [8] });
 * for (let i = 1; i <= 10; i++) summary.add(i);
 * const s = summary.summarize();
 * [s.mean, s.min, s.max, s.exceedance[0].probability];
 * // => [5.5, 1, 10, 0.2]
 */
export class StreamingSummary {
  /** The exceedance thresholds, in the order given. */
  readonly thresholds: readonly number[];
  private readonly moments = new ExactMoments();
  private readonly sketch: LogSketch;
  private readonly levels: Float64Array;
  private readonly exceedanceCounts: Float64Array;

  /**
   * An empty summary.
   *
   * @param options `thresholds` (default none), and the sketch's `relativeAccuracy`
   * (default 0.005) and `zeroThreshold` (default 1e-12).
   * @throws {InputError} if a threshold is not a finite number or a sketch option is out
   * of range.
   * @example
   * new StreamingSummary({ thresholds: [1e9] }).count;
   * // => 0
   */
  constructor(options: StreamingSummaryOptions = {}) {
    if (typeof options !== "object" || options === null) {
      throw new InputError("options", "expected an object such as { thresholds: [...] }");
    }
    const thresholds = options.thresholds ?? [];
    assertArrayLike("options.thresholds", thresholds);
    for (let i = 0; i < thresholds.length; i++) assertFinite(`options.thresholds[${i}]`, thresholds[i]);
    this.levels = Float64Array.from(thresholds as ArrayLike<number>);
    this.thresholds = Object.freeze(Array.from(this.levels));
    this.exceedanceCounts = new Float64Array(this.levels.length);
    this.sketch = new LogSketch({ relativeAccuracy: options.relativeAccuracy, zeroThreshold: options.zeroThreshold });
  }

  /** Number of values added. */
  get count(): number {
    return this.moments.count;
  }

  /**
   * Add one value (one run's outcome). Allocates nothing once warm.
   *
   * @param x a finite number, |x| <= 2^510 (about 3.35e153).
   * @returns nothing.
   * @throws {InputError} as {@link ExactMoments.add} does; the summary is then unchanged.
   * @example
   * const summary = new StreamingSummary();
   * summary.add(3); summary.add(-1);
   * summary.count;
   * // => 2
   */
  add(x: number): void {
    this.moments.add(x);
    this.sketch.add(x);
    const levels = this.levels;
    const counts = this.exceedanceCounts;
    for (let i = 0; i < levels.length; i++) if (x > levels[i]!) counts[i] = counts[i]! + 1;
  }

  /**
   * Add the values summarised by another summary (exact for everything but the sketch,
   * whose integer counts also merge exactly; the result does not depend on the order of
   * merging).
   *
   * @param other a summary with the same thresholds (same order) and sketch parameters
   * (not modified; may be this one).
   * @returns this summary.
   * @throws {InputError} if the thresholds or the sketch parameters differ; nothing is
   * merged then.
   * @example
   * const a = new StreamingSummary(); a.add(1); a.add(2);
   * const b = new StreamingSummary(); b.add(6);
   * a.merge(b).summarize().sd;
   * // => 2.6457513110645907
   */
  merge(other: StreamingSummary): this {
    if (!(other instanceof StreamingSummary)) {
      throw new InputError("other", `expected a StreamingSummary, got ${describeValue(other)}`);
    }
    assertSameThresholds(this.thresholds, other.thresholds);
    const sketch = other.sketch;
    if (sketch.relativeAccuracy !== this.sketch.relativeAccuracy || sketch.zeroThreshold !== this.sketch.zeroThreshold) {
      throw new InputError(
        "other",
        `cannot merge a summary whose sketch has relative accuracy ${sketch.relativeAccuracy} and zero threshold ` +
          `${sketch.zeroThreshold} into one with ${this.sketch.relativeAccuracy} and ${this.sketch.zeroThreshold}`,
      );
    }
    const counts = Float64Array.from(other.exceedanceCounts);
    this.moments.merge(other.moments);
    this.sketch.merge(sketch);
    for (let i = 0; i < counts.length; i++) this.exceedanceCounts[i] = this.exceedanceCounts[i]! + counts[i]!;
    return this;
  }

  /**
   * The statistics of the values added so far, in the shape of {@link summarizeOutcome}:
   * count, mean, sd, se, min, max and exceedance exact (bit-identical to
   * summarizeOutcome of the same values); p01..p99, var95, var99 from the sketch clamped
   * to [min, max], each within a max(|x(j)|, |x(j+1)|) + zeroThreshold of the exact
   * type 7 quantile (x(j), x(j+1) the order statistics it reads; see {@link LogSketch});
   * cvar95, cvar99 from the sketch clamped to [VaR, max], within a times the largest
   * magnitude in the tail, plus zeroThreshold, of the exact CVaR.
   *
   * @returns the statistics.
   * @throws {InputError} if no value was added.
   * @example
   * const summary = new StreamingSummary();
   * for (const x of [7, 7, 7]) summary.add(x);
   * const s = summary.summarize();
   * [s.mean, s.sd, s.p50, s.cvar99];
   * // => [7, 0, 7, 7]
   */
  summarize(): OutcomeStatistics {
    if (this.moments.count === 0) throw new InputError("", "expected at least one value, got none");
    const moments = momentStatistics(this.moments);
    const { count, min, max } = moments;
    const sketch = this.sketch;
    const exceedance: { threshold: number; probability: number }[] = [];
    for (let i = 0; i < this.levels.length; i++) {
      exceedance.push({ threshold: this.levels[i]!, probability: this.exceedanceCounts[i]! / count });
    }
    return outcomeStatistics(
      moments,
      (p) => clamp(sketch.quantile(p), min, max),
      (level, valueAtRisk) => clamp(sketch.tailMean(level), valueAtRisk, max),
      exceedance,
    );
  }

  /**
   * A plain-JSON record of the summary, identical for equal multisets of values whatever
   * the order of adding and merging (a threshold given as -0 is written as 0).
   *
   * @returns `{ thresholds, exceedanceCounts, moments, sketch }`.
   * @throws never.
   * @example
   * const summary = new StreamingSummary({ thresholds: [0] });
   * summary.add(1);
   * summary.toJSON();
   * // => { thresholds: [0], exceedanceCounts: [1],
   * //      moments: { count: 1, min: 1, max: 1, sum: [1], sumOfSquares: [1] },
   * //      sketch: { relativeAccuracy: 0.005, zeroThreshold: 1e-12, zeroCount: 0,
   * //                negative: [], positive: [[0, 1]] } }
   */
  toJSON(): StreamingSummaryJSON {
    return {
      thresholds: Array.from(this.levels),
      exceedanceCounts: Array.from(this.exceedanceCounts),
      moments: this.moments.toJSON(),
      sketch: this.sketch.toJSON(),
    };
  }

  /**
   * Rebuild a summary from {@link StreamingSummary.toJSON} output (after `JSON.parse`),
   * e.g. one shard's summary file.
   *
   * @param json a record `{ thresholds, exceedanceCounts, moments, sketch }`.
   * @param path where the record sits in a larger document, for error messages.
   * @returns a new summary.
   * @throws {InputError} if the record is malformed or inconsistent (counts that differ
   * between its parts, an exceedance count above the number of values).
   * @example
   * const summary = new StreamingSummary(); summary.add(2); summary.add(4);
   * StreamingSummary.fromJSON(JSON.parse(JSON.stringify(summary))).summarize().mean;
   * // => 3
   */
  static fromJSON(json: StreamingSummaryJSON, path = "json"): StreamingSummary {
    if (typeof json !== "object" || json === null) {
      throw new InputError(path, `expected a summary record { thresholds, exceedanceCounts, moments, sketch }, got ${describeValue(json)}`);
    }
    const thresholds: unknown = json.thresholds;
    if (!Array.isArray(thresholds)) {
      throw new InputError(`${path}.thresholds`, `expected an array of numbers, got ${describeValue(thresholds)}`);
    }
    for (let i = 0; i < thresholds.length; i++) assertFinite(`${path}.thresholds[${i}]`, thresholds[i]);
    const moments = ExactMoments.fromJSON(json.moments, `${path}.moments`);
    const sketch = LogSketch.fromJSON(json.sketch, `${path}.sketch`);
    if (sketch.count !== moments.count) {
      throw new InputError(`${path}.sketch`, `expected ${moments.count} values as in moments.count, got ${sketch.count}`);
    }
    const counts: unknown = json.exceedanceCounts;
    if (!Array.isArray(counts) || counts.length !== thresholds.length) {
      throw new InputError(`${path}.exceedanceCounts`, `expected an array of ${thresholds.length} counts, one per threshold`);
    }
    const summary = new StreamingSummary({
      thresholds: thresholds as number[],
      relativeAccuracy: sketch.relativeAccuracy,
      zeroThreshold: sketch.zeroThreshold,
    });
    for (let i = 0; i < counts.length; i++) {
      const count: unknown = counts[i];
      if (typeof count !== "number" || !Number.isSafeInteger(count) || count < 0 || count > moments.count) {
        throw new InputError(`${path}.exceedanceCounts[${i}]`, `expected an integer in [0, ${moments.count}], got ${describeValue(count)}`);
      }
      summary.exceedanceCounts[i] = count;
    }
    summary.moments.merge(moments);
    summary.sketch.merge(sketch);
    return summary;
  }
}

function clamp(value: number, low: number, high: number): number {
  return value < low ? low : value > high ? high : value;
}

function assertSameThresholds(mine: readonly number[], theirs: readonly number[]): void {
  const same = mine.length === theirs.length && mine.every((t, i) => t === theirs[i]);
  if (!same) {
    throw new InputError("other", `cannot merge summaries with thresholds [${theirs.join(", ")}] into [${mine.join(", ")}]`);
  }
}
