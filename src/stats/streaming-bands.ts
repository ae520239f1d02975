import { InputError } from "../errors.js";
import type { QuantileBands } from "./bands.js";
import { ExactSum } from "./exact-sum.js";
import { LogSketch, type LogSketchJSON, type LogSketchOptions } from "./log-sketch.js";
import { roundRatio, scaledSum } from "./_internals/exact-rational.js";
import { assertArrayLike, assertPositiveInteger, describeValue } from "./_internals/validate.js";

/** One period of a serialized {@link StreamingBands}. */
export interface StreamingBandsPeriodJSON {
  /** The exact sum of the period's values over runs, as canonical partials. */
  sum: number[];
  /** Smallest value in the period; null when there are no runs. */
  min: number | null;
  /** Largest value in the period; null when there are no runs. */
  max: number | null;
  sketch: LogSketchJSON;
}

/** Serialized {@link StreamingBands}: the run count and one record per period. */
export interface StreamingBandsJSON {
  runs: number;
  periods: StreamingBandsPeriodJSON[];
}

/**
 * Fan-chart bands of a time-indexed outcome, fed one run's series at a time, in memory
 * that does not grow with the number of runs, and merging exactly: per period an
 * {@link ExactSum} (for the mean), the minimum and maximum, and a {@link LogSketch}.
 * `summarize()` gives the shape of {@link quantileBands}: the means bit-identical to it
 * (the exact sum divided by the run count, correctly rounded) whatever the split and
 * merge order, and p05..p95 estimated by the sketches (within their relative accuracy)
 * and clamped to each period's [min, max].
 *
 * @example
 * const bands = new StreamingBands(2);
 * bands.addRun([1, 10]); bands.addRun([2, 20]); bands.addRun([3, 30]);
 * bands.summarize().mean;
 * // => [2, 20]
 */
export class StreamingBands {
  /** Number of periods of each run's series. */
  readonly periods: number;
  private runCount = 0;
  private readonly sums: ExactSum[] = [];
  private readonly lowest: Float64Array;
  private readonly highest: Float64Array;
  private readonly sketches: LogSketch[] = [];

  /**
   * Empty bands for series of `periods` values.
   *
   * @param periods number of periods, a positive integer.
   * @param options the sketches' `relativeAccuracy` (default 0.005) and `zeroThreshold`
   * (default 1e-12).
   * @throws {InputError} if `periods` is not a positive integer or an option is out of range.
   * @example
   * new StreamingBands(12).runs;
   * // => 0
   */
  constructor(periods: number, options: LogSketchOptions = {}) {
    assertPositiveInteger("periods", periods);
    this.periods = periods;
    this.lowest = new Float64Array(periods).fill(Infinity);
    this.highest = new Float64Array(periods).fill(-Infinity);
    for (let t = 0; t < periods; t++) {
      this.sums.push(new ExactSum());
      this.sketches.push(new LogSketch(options));
    }
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
   * @returns nothing.
   * @throws {InputError} if `offset` is not a non-negative integer, `values` is too short,
   * or a value is not a finite number; the bands are then unchanged.
   * @example
   * const bands = new StreamingBands(2);
   * bands.addRun(new Float64Array([9, 9, 1, 10]), 2);
   * bands.summarize().p50;
   * // => [1, 10]
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
      const x = values[offset + t]!;
      this.sums[t]!.add(x);
      this.sketches[t]!.add(x);
      // x + 0 records -0 as +0, so that min and max survive JSON.
      const value = x + 0;
      if (value < lowest[t]!) lowest[t] = value;
      if (value > highest[t]!) highest[t] = value;
    }
    this.runCount++;
  }

  /**
   * Add the runs summarised by other bands (exact; order-independent).
   *
   * @param other bands with the same number of periods and sketch parameters (not
   * modified; may be these).
   * @returns these bands.
   * @throws {InputError} if the periods or sketch parameters differ; nothing is merged then.
   * @example
   * const a = new StreamingBands(1); a.addRun([1]);
   * const b = new StreamingBands(1); b.addRun([2]);
   * a.merge(b).summarize().mean;
   * // => [1.5]
   */
  merge(other: StreamingBands): this {
    if (!(other instanceof StreamingBands)) {
      throw new InputError("other", `expected a StreamingBands, got ${describeValue(other)}`);
    }
    if (other.periods !== this.periods) {
      throw new InputError("other", `cannot merge bands of ${other.periods} periods into bands of ${this.periods}`);
    }
    const mine = this.sketches[0]!;
    const theirs = other.sketches[0]!;
    if (mine.relativeAccuracy !== theirs.relativeAccuracy || mine.zeroThreshold !== theirs.zeroThreshold) {
      throw new InputError(
        "other",
        `cannot merge bands whose sketches have relative accuracy ${theirs.relativeAccuracy} and zero threshold ` +
          `${theirs.zeroThreshold} into bands with ${mine.relativeAccuracy} and ${mine.zeroThreshold}`,
      );
    }
    const runs = this.runCount + other.runCount;
    for (let t = 0; t < this.periods; t++) {
      this.sums[t]!.addSum(other.sums[t]!);
      this.sketches[t]!.merge(other.sketches[t]!);
      this.lowest[t] = Math.min(this.lowest[t]!, other.lowest[t]!);
      this.highest[t] = Math.max(this.highest[t]!, other.highest[t]!);
    }
    this.runCount = runs;
    return this;
  }

  /**
   * The bands, in the shape of {@link quantileBands}: for each period the mean (exact sum
   * / runs, correctly rounded) and the sketch's type 7 quantiles at 5%, 25%, 50%, 75% and
   * 95%, clamped to the period's [min, max].
   *
   * @returns `{ mean, p05, p25, p50, p75, p95 }`, each an array of `periods` numbers.
   * @throws {InputError} if no run was added.
   * @example
   * const bands = new StreamingBands(1);
   * for (const x of [4, 4, 4]) bands.addRun([x]);
   * bands.summarize();
   * // => { mean: [4], p05: [4], p25: [4], p50: [4], p75: [4], p95: [4] }
   */
  summarize(): QuantileBands {
    const runs = this.runCount;
    if (runs === 0) throw new InputError("", "expected at least one run, got none");
    const bands: QuantileBands = { mean: [], p05: [], p25: [], p50: [], p75: [], p95: [] };
    for (let t = 0; t < this.periods; t++) {
      const sketch = this.sketches[t]!;
      const low = this.lowest[t]!;
      const high = this.highest[t]!;
      const q = (p: number): number => {
        const value = sketch.quantile(p);
        return value < low ? low : value > high ? high : value;
      };
      bands.mean.push(roundRatio(scaledSum(this.sums[t]!), BigInt(runs) << 1074n));
      bands.p05.push(q(0.05));
      bands.p25.push(q(0.25));
      bands.p50.push(q(0.5));
      bands.p75.push(q(0.75));
      bands.p95.push(q(0.95));
    }
    return bands;
  }

  /**
   * A plain-JSON record, identical for equal multisets of runs whatever the order.
   *
   * @returns `{ runs, periods: [{ sum, min, max, sketch }, ...] }`.
   * @throws never.
   * @example
   * const bands = new StreamingBands(1);
   * bands.addRun([2]);
   * bands.toJSON();
   * // => { runs: 1, periods: [{ sum: [2], min: 2, max: 2, sketch: { relativeAccuracy: 0.005,
   * //      zeroThreshold: 1e-12, zeroCount: 0, negative: [], positive: [[74, 1]] } }] }
   */
  toJSON(): StreamingBandsJSON {
    const empty = this.runCount === 0;
    const periods: StreamingBandsPeriodJSON[] = [];
    for (let t = 0; t < this.periods; t++) {
      periods.push({
        sum: this.sums[t]!.partials(),
        min: empty ? null : this.lowest[t]!,
        max: empty ? null : this.highest[t]!,
        sketch: this.sketches[t]!.toJSON(),
      });
    }
    return { runs: this.runCount, periods };
  }

  /**
   * Rebuild bands from {@link StreamingBands.toJSON} output (after `JSON.parse`).
   *
   * @param json a record `{ runs, periods }`.
   * @param path where the record sits in a larger document, for error messages.
   * @returns new bands.
   * @throws {InputError} if the record is malformed or inconsistent (a sketch whose count
   * is not `runs`, min > max, periods with different sketch parameters).
   * @example
   * const bands = new StreamingBands(2); bands.addRun([1, 2]); bands.addRun([3, 4]);
   * StreamingBands.fromJSON(JSON.parse(JSON.stringify(bands))).summarize().mean;
   * // => [2, 3]
   */
  static fromJSON(json: StreamingBandsJSON, path = "json"): StreamingBands {
    if (typeof json !== "object" || json === null) {
      throw new InputError(path, `expected a bands record { runs, periods }, got ${describeValue(json)}`);
    }
    const runs: unknown = json.runs;
    if (typeof runs !== "number" || !Number.isSafeInteger(runs) || runs < 0) {
      throw new InputError(`${path}.runs`, `expected a non-negative integer, got ${describeValue(runs)}`);
    }
    const periods: unknown = json.periods;
    if (!Array.isArray(periods) || periods.length === 0) {
      throw new InputError(`${path}.periods`, `expected a non-empty array of period records, got ${describeValue(periods)}`);
    }
    let bands: StreamingBands | undefined;
    for (let t = 0; t < periods.length; t++) {
      const where = `${path}.periods[${t}]`;
      const period: unknown = periods[t];
      if (typeof period !== "object" || period === null) {
        throw new InputError(where, `expected a record { sum, min, max, sketch }, got ${describeValue(period)}`);
      }
      const { sum, min, max, sketch: sketchJSON } = period as Record<string, unknown>;
      const sketch = LogSketch.fromJSON(sketchJSON as LogSketchJSON, `${where}.sketch`);
      bands ??= new StreamingBands(periods.length, {
        relativeAccuracy: sketch.relativeAccuracy,
        zeroThreshold: sketch.zeroThreshold,
      });
      const first = bands.sketches[0]!;
      if (sketch.relativeAccuracy !== first.relativeAccuracy || sketch.zeroThreshold !== first.zeroThreshold) {
        throw new InputError(`${where}.sketch`, "expected the same relative accuracy and zero threshold in every period");
      }
      if (sketch.count !== runs) throw new InputError(`${where}.sketch`, `expected ${runs} values (one per run), got ${sketch.count}`);
      if (!Array.isArray(sum)) throw new InputError(`${where}.sum`, `expected an array of numbers, got ${describeValue(sum)}`);
      for (let i = 0; i < sum.length; i++) {
        const x: unknown = sum[i];
        if (typeof x !== "number" || !Number.isFinite(x)) {
          throw new InputError(`${where}.sum[${i}]`, `expected a finite number, got ${describeValue(x)}`);
        }
      }
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
        bands.lowest[t] = min + 0;
        bands.highest[t] = max + 0;
      }
      bands.sums[t]!.addSum(ExactSum.fromPartials(sum as number[]));
      bands.sketches[t]!.merge(sketch);
    }
    bands!.runCount = runs;
    return bands!;
  }
}
