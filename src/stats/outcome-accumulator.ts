import { InputError } from "../errors.js";
import { ExactMoments, type ExactMomentsJSON } from "./exact-moments.js";
import { LogSketch, type LogSketchJSON } from "./log-sketch.js";
import type { OutcomeStatistics } from "./summary.js";
import { ExactColumns, type ExactColumnsRecord } from "./_internals/exact-columns.js";
import { binOf, histogramEdges } from "./_internals/histogram-bins.js";
import { momentStatistics } from "./_internals/moment-statistics.js";
import { assertSameKind, quantileColumns, type QuantileColumns, type QuantileOptions } from "./_internals/quantile-columns.js";
import { SketchColumns } from "./_internals/sketch-columns.js";
import { assertArrayLike, assertFinite, describeValue } from "./_internals/validate.js";

export type { QuantileOptions } from "./_internals/quantile-columns.js";
export type { ExactColumnsRecord } from "./_internals/exact-columns.js";

/**
 * How an outcome's runs are distributed: `counts[k]` runs fall in the bin from
 * `edges[k]` to `edges[k + 1]` (the last bin includes its upper edge). About 30
 * equal-width bins from the smallest to the largest value; outcomes that take whole
 * values (`ruleFired`, `firstFiring`) get one bin per whole number, centred on it, when
 * they span at most 61 of them. With streaming summaries the counts come from the
 * quantile sketch (each value placed within the sketch's relative accuracy).
 */
export interface Histogram {
  readonly edges: readonly number[];
  readonly counts: readonly number[];
}

/** Options of {@link OutcomeAccumulator}: how values are kept for quantiles, and the exceedance thresholds. */
export type OutcomeAccumulatorOptions = QuantileOptions & {
  /** Loss levels whose exceedance probability P(X > threshold) is wanted; finite numbers. */
  readonly thresholds?: ArrayLike<number> | undefined;
};

/** An {@link OutcomeAccumulator} as plain data: JSON (a shard file) with a sketch, a worker's message with every value. */
export interface OutcomeAccumulatorJSON {
  /** The thresholds, in the order given. */
  thresholds: number[];
  /** Number of values strictly above each threshold. */
  exceedanceCounts: number[];
  moments: ExactMomentsJSON;
  /** Streaming summaries: the quantile sketch. */
  sketch?: LogSketchJSON;
  /** Exact summaries: every value. */
  values?: ExactColumnsRecord;
}

/**
 * The summary of one outcome over runs, fed one value at a time and merged exactly:
 * what every experiment keeps per policy and outcome, with exact or streaming summaries.
 *
 * Parts: {@link ExactMoments} (count, min, max, exact sums), one integer count per
 * threshold of the values strictly above it, and the values kept for quantiles: every
 * value (`quantiles: "exact"`, room for `capacity` made up front) or a {@link LogSketch}
 * (`quantiles: "sketch"`: memory that does not grow with the values). `summarize()`
 * reads every statistic the same way from either: count, mean, sd, se, min, max and the
 * exceedance probabilities exact and bit-identical whatever the split and merge order;
 * the quantiles, VaR and CVaR asked of the kept values (exact type 7 and
 * Rockafellar-Uryasev, or the sketch's estimates), each clamped to the exact [min, max]
 * (CVaR to [VaR, max]), which changes no exact value.
 *
 * @example
 * const accumulator = new OutcomeAccumulator({ quantiles: "exact", thresholds: [8] });
 * for (let i = 1; i <= 10; i++) accumulator.add(i);
 * const s = accumulator.summarize();
 * [s.mean, s.p50, s.exceedance[0].probability];
 * // => [5.5, 5.5, 0.2]
 */
export class OutcomeAccumulator {
  /** The exceedance thresholds, in the order given. */
  readonly thresholds: readonly number[];
  private readonly moments = new ExactMoments();
  private readonly levels: Float64Array;
  private readonly exceedanceCounts: Float64Array;
  private values: QuantileColumns;

  /**
   * An empty accumulator.
   *
   * @param options `quantiles` (`"exact"`, with an optional `capacity`, or `"sketch"`,
   * with the sketch's `relativeAccuracy` and `zeroThreshold`) and `thresholds` (default none).
   * @throws {InputError} if a threshold is not a finite number or an option is out of range.
   */
  constructor(options: OutcomeAccumulatorOptions) {
    if (typeof options !== "object" || options === null) {
      throw new InputError("options", "expected an object such as { quantiles: \"exact\", thresholds: [...] }");
    }
    const thresholds = options.thresholds ?? [];
    assertArrayLike("options.thresholds", thresholds);
    for (let i = 0; i < thresholds.length; i++) assertFinite(`options.thresholds[${i}]`, thresholds[i]);
    this.levels = Float64Array.from(thresholds as ArrayLike<number>);
    this.thresholds = Object.freeze(Array.from(this.levels));
    this.exceedanceCounts = new Float64Array(this.levels.length);
    this.values = quantileColumns(1, options);
  }

  /** Number of values added. */
  get count(): number {
    return this.moments.count;
  }

  /** Add this accumulator's exact moments to `target` (cheap: no values are copied). */
  mergeMomentsInto(target: ExactMoments): void {
    target.merge(this.moments);
  }

  /**
   * Add one value (one run's outcome). Allocates nothing while there is room (exact) or
   * once the sketch's window covers the data.
   *
   * @param x a finite number, |x| <= 2^510 (about 3.35e153).
   * @throws {InputError} as {@link ExactMoments.add} does; the accumulator is then unchanged.
   */
  add(x: number): void {
    this.moments.add(x);
    this.values.add(x);
    const levels = this.levels;
    const counts = this.exceedanceCounts;
    for (let i = 0; i < levels.length; i++) if (x > levels[i]!) counts[i] = counts[i]! + 1;
  }

  /**
   * Add the values summarised by another accumulator (copied; it is not modified and may
   * be this one). The result does not depend on the order of merging.
   *
   * @throws {InputError} if the thresholds or the way values are kept differ; nothing is merged then.
   */
  merge(other: OutcomeAccumulator): this {
    if (!(other instanceof OutcomeAccumulator)) {
      throw new InputError("other", `expected an OutcomeAccumulator, got ${describeValue(other)}`);
    }
    assertSameThresholds(this.thresholds, other.thresholds);
    assertSameKind(this.values, other.values);
    const counts = Float64Array.from(other.exceedanceCounts);
    this.moments.merge(other.moments);
    this.values.merge(other.values);
    for (let i = 0; i < counts.length; i++) this.exceedanceCounts[i] = this.exceedanceCounts[i]! + counts[i]!;
    return this;
  }

  /**
   * Sort the kept values now (exact) rather than when they are first summarised: a worker
   * does it for its range, in parallel with the others, so that merging only merges sorted
   * values. Nothing to do for a sketch.
   */
  sortValues(): void {
    this.values.sort();
  }

  /**
   * The statistics of the values added so far, in the shape of `summarizeOutcome`.
   *
   * @throws {InputError} if no value was added.
   */
  summarize(): OutcomeStatistics {
    const moments = momentStatistics(this.nonEmptyMoments());
    const { count, min, max } = moments;
    const exceedance: { threshold: number; probability: number }[] = [];
    for (let i = 0; i < this.levels.length; i++) {
      exceedance.push({ threshold: this.levels[i]!, probability: this.exceedanceCounts[i]! / count });
    }
    const values = this.values.column(0);
    const quantile = (p: number) => clamp(values.quantile(p), min, max);
    const var95 = quantile(0.95);
    const var99 = quantile(0.99);
    return {
      ...moments,
      p01: quantile(0.01),
      p05: quantile(0.05),
      p10: quantile(0.1),
      p25: quantile(0.25),
      p50: quantile(0.5),
      p75: quantile(0.75),
      p90: quantile(0.9),
      p95: var95,
      p99: var99,
      var95,
      cvar95: clamp(values.tailMean(0.95), var95, max),
      var99,
      cvar99: clamp(values.tailMean(0.99), var99, max),
      exceedance,
    };
  }

  /**
   * The histogram of the values added so far: edges from the exact min to max (see
   * {@link Histogram}; `whole` for outcomes that take whole values), counts of every value
   * (exact) or of each sketch bucket's middle, clamped to [min, max].
   *
   * @throws {InputError} if no value was added.
   */
  histogram(whole: boolean): Histogram {
    const { min, max } = this.nonEmptyMoments();
    const edges = histogramEdges(min, max, whole);
    const counts = new Array<number>(edges.length - 1).fill(0);
    // A sketch bucket's middle lies within its relative accuracy of every value in it: a
    // bucket that may hold the exact min or max is counted there, so that an atom at an
    // extreme (runs at a price cap, losses of exactly 0) stays in its bin.
    const options = this.values.emptyOptions();
    const accuracy = options.quantiles === "sketch" ? 1.07 * (options.relativeAccuracy ?? 0) : 0;
    this.values.column(0).forEachValue((value, count) => {
      const near = (x: number) => Math.abs(value - x) <= accuracy * Math.abs(value);
      const placed = value <= min || near(min) ? min : value >= max || near(max) ? max : value;
      const k = binOf(placed, edges);
      counts[k] = counts[k]! + count;
    });
    return { edges, counts };
  }

  /**
   * The accumulator as plain data: `{ thresholds, exceedanceCounts, moments, sketch }`
   * (JSON, identical for equal multisets of values whatever the order of adding and
   * merging), or `{ ..., values }` with every value (for a worker's message).
   */
  toJSON(): OutcomeAccumulatorJSON {
    const values = this.values;
    return {
      thresholds: Array.from(this.levels),
      exceedanceCounts: Array.from(this.exceedanceCounts),
      moments: this.moments.toJSON(),
      ...(values instanceof SketchColumns ? { sketch: values.sketchJSON(0) } : { values: (values as ExactColumns).toRecord() }),
    };
  }

  /**
   * Rebuild an accumulator from {@link OutcomeAccumulator.toJSON} output (after
   * `JSON.parse`, e.g. a shard file, or a worker's message).
   *
   * @param path where the record sits in a larger document, for error messages.
   * @throws {InputError} if the record is malformed or inconsistent (counts that differ
   * between its parts, an exceedance count above the number of values).
   */
  static fromJSON(json: OutcomeAccumulatorJSON, path = "json"): OutcomeAccumulator {
    if (typeof json !== "object" || json === null) {
      throw new InputError(path, `expected a summary record { thresholds, exceedanceCounts, moments, sketch }, got ${describeValue(json)}`);
    }
    const thresholds: unknown = json.thresholds;
    if (!Array.isArray(thresholds)) {
      throw new InputError(`${path}.thresholds`, `expected an array of numbers, got ${describeValue(thresholds)}`);
    }
    for (let i = 0; i < thresholds.length; i++) assertFinite(`${path}.thresholds[${i}]`, thresholds[i]);
    const moments = ExactMoments.fromJSON(json.moments, `${path}.moments`);
    const accumulator = new OutcomeAccumulator({ quantiles: "exact", thresholds: thresholds as number[] });
    if (json.values === undefined) {
      const sketch = LogSketch.fromJSON(json.sketch as LogSketchJSON, `${path}.sketch`);
      if (sketch.count !== moments.count) {
        throw new InputError(`${path}.sketch`, `expected ${moments.count} values as in moments.count, got ${sketch.count}`);
      }
      accumulator.values = new SketchColumns([sketch], [moments.sum.clone()]);
    } else {
      const values = ExactColumns.fromRecord(1, json.values, `${path}.values`);
      if (json.values.length !== moments.count) {
        throw new InputError(`${path}.values`, `expected ${moments.count} values as in moments.count, got ${json.values.length}`);
      }
      accumulator.values = values;
    }
    const counts: unknown = json.exceedanceCounts;
    if (!Array.isArray(counts) || counts.length !== thresholds.length) {
      throw new InputError(`${path}.exceedanceCounts`, `expected an array of ${thresholds.length} counts, one per threshold`);
    }
    for (let i = 0; i < counts.length; i++) {
      const count: unknown = counts[i];
      if (typeof count !== "number" || !Number.isSafeInteger(count) || count < 0 || count > moments.count) {
        throw new InputError(`${path}.exceedanceCounts[${i}]`, `expected an integer in [0, ${moments.count}], got ${describeValue(count)}`);
      }
      accumulator.exceedanceCounts[i] = count;
    }
    accumulator.moments.merge(moments);
    return accumulator;
  }

  /** A new accumulator of every value of `parts` (none of them modified): what one accumulator fed all their values gives. */
  static merged(parts: readonly OutcomeAccumulator[]): OutcomeAccumulator {
    const [first] = parts;
    if (first === undefined) throw new InputError("parts", "expected at least one accumulator");
    const total = new OutcomeAccumulator({ ...first.values.emptyOptions(), thresholds: first.thresholds });
    for (const part of parts) total.merge(part);
    return total;
  }

  private nonEmptyMoments(): ExactMoments {
    if (this.moments.count === 0) throw new InputError("", "expected at least one value, got none");
    return this.moments;
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
