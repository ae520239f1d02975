import { InputError } from "../errors.js";
import type { QuantileBands } from "./bands.js";
import { ExactSum } from "./exact-sum.js";
import { LogSketch, type LogSketchJSON } from "./log-sketch.js";
import { ExactColumns, type ExactColumnsRecord } from "./_internals/exact-columns.js";
import { roundRatio, scaledSum } from "./_internals/exact-rational.js";
import { assertSameKind, quantileColumns, type QuantileColumns, type QuantileOptions } from "./_internals/quantile-columns.js";
import { SketchColumns } from "./_internals/sketch-columns.js";
import { assertArrayLike, assertPositiveInteger, describeValue } from "./_internals/validate.js";

/** One period of a {@link BandsAccumulator} as JSON. */
export interface BandsPeriodJSON {
  /** The exact sum of the period's values over runs, as canonical partials. */
  sum: number[];
  /** Smallest value in the period; null when there are no runs. */
  min: number | null;
  /** Largest value in the period; null when there are no runs. */
  max: number | null;
  sketch: LogSketchJSON;
}

/** A {@link BandsAccumulator} of sketches as JSON (streaming summaries: a shard file). */
export interface BandsSketchJSON {
  runs: number;
  periods: BandsPeriodJSON[];
}

/**
 * A {@link BandsAccumulator} of every value as plain data (exact summaries: a worker's
 * message), in a few typed arrays whatever the number of periods.
 */
export interface BandsValuesRecord {
  runs: number;
  lowest: Float64Array;
  highest: Float64Array;
  /** Every value, one column per period. */
  values: ExactColumnsRecord;
}

export type BandsAccumulatorJSON = BandsSketchJSON | BandsValuesRecord;

/**
 * Fan-chart bands of a time-indexed outcome, fed one run's series at a time and merged
 * exactly: what every experiment keeps per policy and series outcome, with exact or
 * streaming summaries. Per period: the minimum and maximum, and the values kept for
 * quantiles, as in {@link OutcomeAccumulator}: every value (one column per period, room for
 * `capacity` runs made up front) or a {@link LogSketch} and an {@link ExactSum} per period.
 * `summarize()` gives the shape of `quantileBands`: the means exact (the exact sum over the
 * runs, correctly rounded; summed from the values when every value is kept) whatever the
 * split and merge order, and p05..p95 asked of the kept values, clamped to the period's
 * [min, max]. With every value kept, a period has no object of its own (the values of
 * every period sit in one array), so long series stay cheap to record and to send.
 *
 * @example
 * const bands = new BandsAccumulator(2, { quantiles: "exact" });
 * bands.addRun([1, 10]); bands.addRun([2, 20]); bands.addRun([3, 30]);
 * bands.summarize().p50;
 * // => [2, 20]
 */
export class BandsAccumulator {
  /** Number of periods of each run's series. */
  readonly periods: number;
  private runCount = 0;
  private readonly lowest: Float64Array;
  private readonly highest: Float64Array;
  private values: QuantileColumns;

  /**
   * Empty bands for series of `periods` values.
   *
   * @param options `quantiles` (`"exact"`, with an optional `capacity` in runs, or
   * `"sketch"`, with the sketches' `relativeAccuracy` and `zeroThreshold`).
   * @throws {InputError} if `periods` is not a positive integer or an option is out of range.
   */
  constructor(periods: number, options: QuantileOptions) {
    assertPositiveInteger("periods", periods);
    this.periods = periods;
    this.lowest = new Float64Array(periods).fill(Infinity);
    this.highest = new Float64Array(periods).fill(-Infinity);
    this.values = quantileColumns(periods, options);
  }

  /** Number of runs added. */
  get runs(): number {
    return this.runCount;
  }

  /**
   * Add one run's series: values[offset + t] for t = 0 .. periods - 1 (so one flat
   * run-major array can be fed run by run with offset = run * periods).
   *
   * @param values the series (not modified); finite numbers.
   * @param offset index of the run's first period in `values`, default 0.
   * @throws {InputError} if `offset` is not a non-negative integer, `values` is too short,
   * or a value is not a finite number; the bands are then unchanged.
   */
  addRun(values: ArrayLike<number>, offset = 0): void {
    assertArrayLike("values", values);
    if (typeof offset !== "number" || !Number.isSafeInteger(offset) || offset < 0) {
      throw new InputError("offset", `expected a non-negative integer, got ${describeValue(offset)}`);
    }
    const periods = this.periods;
    if (offset + periods > values.length) {
      throw new InputError("values", `expected at least offset + periods = ${offset + periods} values, got ${values.length}`);
    }
    for (let t = 0; t < periods; t++) {
      const x = values[offset + t];
      if (typeof x !== "number" || x - x !== 0) {
        throw new InputError(`values[${offset + t}]`, `expected a finite number, got ${describeValue(x)}`);
      }
    }
    const lowest = this.lowest;
    const highest = this.highest;
    for (let t = 0; t < periods; t++) {
      // x + 0 records -0 as +0, so that min and max survive JSON.
      const value = values[offset + t]! + 0;
      if (value < lowest[t]!) lowest[t] = value;
      if (value > highest[t]!) highest[t] = value;
    }
    this.values.addRow(values, offset);
    this.runCount++;
  }

  /**
   * Add the runs summarised by other bands (exact; order-independent; they are not
   * modified and may be these).
   *
   * @throws {InputError} if the periods or the way values are kept differ; nothing is merged then.
   */
  merge(other: BandsAccumulator): this {
    if (!(other instanceof BandsAccumulator)) {
      throw new InputError("other", `expected a BandsAccumulator, got ${describeValue(other)}`);
    }
    if (other.periods !== this.periods) {
      throw new InputError("other", `cannot merge bands of ${other.periods} periods into bands of ${this.periods}`);
    }
    assertSameKind(this.values, other.values);
    const runs = this.runCount + other.runCount;
    for (let t = 0; t < this.periods; t++) {
      this.lowest[t] = Math.min(this.lowest[t]!, other.lowest[t]!);
      this.highest[t] = Math.max(this.highest[t]!, other.highest[t]!);
    }
    this.values.merge(other.values);
    this.runCount = runs;
    return this;
  }

  /** Sort the kept values now (see {@link OutcomeAccumulator.sortValues}). */
  sortValues(): void {
    this.values.sort();
  }

  /**
   * The bands, in the shape of `quantileBands`: for each period the mean (exact sum /
   * runs, correctly rounded) and the type 7 quantiles at 5%, 25%, 50%, 75% and 95% of the
   * kept values (exact, or the sketch's estimates), clamped to the period's [min, max].
   *
   * @throws {InputError} if no run was added.
   */
  summarize(): QuantileBands {
    const bands: QuantileBands = { mean: [], p05: [], p25: [], p50: [], p75: [], p95: [] };
    for (let t = 0; t < this.periods; t++) this.appendPeriod(bands, t);
    return bands;
  }

  /**
   * Append period `t` to `bands`: what {@link BandsAccumulator.summarize} does for each
   * period, one at a time, so that a caller can pause in between.
   *
   * @throws {InputError} if no run was added.
   */
  appendPeriod(bands: QuantileBands, t: number): void {
    const runs = this.runCount;
    if (runs === 0) throw new InputError("", "expected at least one run, got none");
    const values = this.values.column(t);
    const low = this.lowest[t]!;
    const high = this.highest[t]!;
    const q = (p: number): number => {
      const value = values.quantile(p);
      return value < low ? low : value > high ? high : value;
    };
    bands.mean.push(roundRatio(scaledSum(this.values.sum(t)), BigInt(runs) << 1074n));
    bands.p05.push(q(0.05));
    bands.p25.push(q(0.25));
    bands.p50.push(q(0.5));
    bands.p75.push(q(0.75));
    bands.p95.push(q(0.95));
  }

  /**
   * The bands as plain data: with sketches, the JSON `{ runs, periods: [{ sum, min, max,
   * sketch }, ...] }`, identical for equal multisets of runs whatever the order; with every
   * value, a {@link BandsValuesRecord} (for a worker's message).
   */
  toJSON(): BandsAccumulatorJSON {
    const values = this.values;
    if (values instanceof ExactColumns) {
      return { runs: this.runCount, lowest: this.lowest.slice(), highest: this.highest.slice(), values: values.toRecord() };
    }
    const empty = this.runCount === 0;
    const periods: BandsPeriodJSON[] = [];
    for (let t = 0; t < this.periods; t++) {
      periods.push({
        sum: values.sum(t).partials(),
        min: empty ? null : this.lowest[t]!,
        max: empty ? null : this.highest[t]!,
        sketch: (values as SketchColumns).sketchJSON(t),
      });
    }
    return { runs: this.runCount, periods };
  }

  /**
   * Rebuild bands from {@link BandsAccumulator.toJSON} output (after `JSON.parse`, e.g. a
   * shard file, or a worker's message).
   *
   * @param path where the record sits in a larger document, for error messages.
   * @throws {InputError} if the record is malformed or inconsistent (a sketch whose count
   * is not `runs`, min > max, periods with different sketch parameters).
   */
  static fromJSON(json: BandsAccumulatorJSON, path = "json"): BandsAccumulator {
    if (typeof json !== "object" || json === null) {
      throw new InputError(path, `expected a bands record { runs, periods }, got ${describeValue(json)}`);
    }
    const runs: unknown = json.runs;
    if (typeof runs !== "number" || !Number.isSafeInteger(runs) || runs < 0) {
      throw new InputError(`${path}.runs`, `expected a non-negative integer, got ${describeValue(runs)}`);
    }
    return "values" in json ? BandsAccumulator.ofValues(json, runs, path) : BandsAccumulator.ofSketches(json, runs, path);
  }

  /** New bands of every run of `parts` (none of them modified). */
  static merged(parts: readonly BandsAccumulator[]): BandsAccumulator {
    const [first] = parts;
    if (first === undefined) throw new InputError("parts", "expected at least one accumulator");
    const total = new BandsAccumulator(first.periods, first.values.emptyOptions());
    for (const part of parts) total.merge(part);
    return total;
  }

  /** Bands from a {@link BandsValuesRecord} (a worker's message: its shape is trusted, its sizes checked). */
  private static ofValues(record: BandsValuesRecord, runs: number, path: string): BandsAccumulator {
    const { lowest, highest, values } = record;
    const periods = lowest.length;
    if (highest.length !== periods || values.length !== runs) throw new InputError(path, `expected ${periods} periods of ${runs} runs each`);
    const bands = new BandsAccumulator(periods, { quantiles: "exact" });
    bands.runCount = runs;
    bands.lowest.set(lowest);
    bands.highest.set(highest);
    bands.values = ExactColumns.fromRecord(periods, values, `${path}.values`);
    return bands;
  }

  /** Bands from {@link BandsSketchJSON} (a shard file: every field checked). */
  private static ofSketches(json: BandsSketchJSON, runs: number, path: string): BandsAccumulator {
    const periods: unknown = json.periods;
    if (!Array.isArray(periods) || periods.length === 0) {
      throw new InputError(`${path}.periods`, `expected a non-empty array of period records, got ${describeValue(periods)}`);
    }
    const sketches: LogSketch[] = [];
    const sums: ExactSum[] = [];
    const lowest = new Float64Array(periods.length).fill(Infinity);
    const highest = new Float64Array(periods.length).fill(-Infinity);
    for (let t = 0; t < periods.length; t++) {
      const where = `${path}.periods[${t}]`;
      const period: unknown = periods[t];
      if (typeof period !== "object" || period === null) {
        throw new InputError(where, `expected a record { sum, min, max, sketch }, got ${describeValue(period)}`);
      }
      const { sum, min, max, sketch: sketchJSON } = period as Record<string, unknown>;
      const sketch = LogSketch.fromJSON(sketchJSON as LogSketchJSON, `${where}.sketch`);
      const first = sketches[0] ?? sketch;
      if (sketch.relativeAccuracy !== first.relativeAccuracy || sketch.zeroThreshold !== first.zeroThreshold) {
        throw new InputError(`${where}.sketch`, "expected the same relative accuracy and zero threshold in every period");
      }
      if (sketch.count !== runs) throw new InputError(`${where}.sketch`, `expected ${runs} values (one per run), got ${sketch.count}`);
      sketches.push(sketch);
      if (!Array.isArray(sum)) throw new InputError(`${where}.sum`, `expected an array of numbers, got ${describeValue(sum)}`);
      for (let i = 0; i < sum.length; i++) {
        const x: unknown = sum[i];
        if (typeof x !== "number" || !Number.isFinite(x)) {
          throw new InputError(`${where}.sum[${i}]`, `expected a finite number, got ${describeValue(x)}`);
        }
      }
      sums.push(ExactSum.fromPartials(sum as number[]));
      if (runs === 0) {
        if (min !== null || max !== null) throw new InputError(`${where}.min`, "expected min and max to be null when runs is 0");
      } else {
        if (typeof min !== "number" || !Number.isFinite(min)) {
          throw new InputError(`${where}.min`, `expected a finite number, got ${describeValue(min)}`);
        }
        if (typeof max !== "number" || !Number.isFinite(max)) {
          throw new InputError(`${where}.max`, `expected a finite number, got ${describeValue(max)}`);
        }
        if (min > max) throw new InputError(`${where}.min`, `expected min <= max, got ${min} > ${max}`);
        lowest[t] = min + 0;
        highest[t] = max + 0;
      }
    }
    const bands = new BandsAccumulator(periods.length, { quantiles: "exact" });
    bands.runCount = runs;
    bands.lowest.set(lowest);
    bands.highest.set(highest);
    bands.values = new SketchColumns(sketches, sums);
    return bands;
  }
}
