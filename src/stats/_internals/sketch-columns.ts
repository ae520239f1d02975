import { ExactSum } from "../exact-sum.js";
import { LogSketch, MARGIN, type LogSketchJSON, type LogSketchOptions } from "../log-sketch.js";
import type { OrderStatistics, QuantileColumns, QuantileOptions } from "./quantile-columns.js";

/**
 * A {@link LogSketch} and an {@link ExactSum} per column: quantile and tail-mean estimates
 * within the sketch's relative accuracy, in memory bounded by the span of magnitudes, never
 * by the number of values. Merging adds integer counts and exact sums, so any split and
 * merge order gives the same sketches and sums.
 */
export class SketchColumns implements QuantileColumns {
  readonly columns: number;

  /**
   * A store of these sketches and sums, one of each per column, the sketches all of the
   * same parameters (taken over, not copied).
   */
  constructor(
    private readonly sketches: readonly LogSketch[],
    private readonly sums: readonly ExactSum[],
  ) {
    this.columns = sketches.length;
  }

  /** Empty sketches and sums for `columns` columns. */
  static empty(columns: number, options: LogSketchOptions): SketchColumns {
    const sketchOptions = { relativeAccuracy: options.relativeAccuracy, zeroThreshold: options.zeroThreshold };
    return new SketchColumns(
      Array.from({ length: columns }, () => new LogSketch(sketchOptions)),
      Array.from({ length: columns }, () => new ExactSum()),
    );
  }

  describe(): string {
    const sketch = this.sketches[0]!;
    return `a sketch of relative accuracy ${sketch.relativeAccuracy} and zero threshold ${sketch.zeroThreshold}`;
  }

  emptyOptions(): QuantileOptions {
    const sketch = this.sketches[0]!;
    return { quantiles: "sketch", relativeAccuracy: sketch.relativeAccuracy, zeroThreshold: sketch.zeroThreshold };
  }

  add(x: number): void {
    this.sketches[0]!.add(x);
    this.sums[0]!.add(x);
  }

  addRow(values: ArrayLike<number>, offset: number): void {
    const { sketches, sums } = this;
    for (let k = 0; k < sketches.length; k++) {
      const x = values[offset + k]!;
      sketches[k]!.add(x);
      sums[k]!.add(x);
    }
  }

  merge(other: QuantileColumns): void {
    if (!(other instanceof SketchColumns) || other.columns !== this.columns) throw new Error("internal error: merging values kept in other ways");
    for (let k = 0; k < this.columns; k++) {
      this.sketches[k]!.merge(other.sketches[k]!);
      this.sums[k]!.addSum(other.sums[k]!);
    }
  }

  sort(): void {
    // nothing to sort in a sketch
  }

  column(k: number): OrderStatistics {
    return new SketchStatistics(this.sketches[k]!);
  }

  sum(k: number): ExactSum {
    return this.sums[k]!;
  }

  /** Column k's sketch as JSON. */
  sketchJSON(k: number): LogSketchJSON {
    return this.sketches[k]!.toJSON();
  }
}

/** A sketch's estimates, read as order statistics. */
class SketchStatistics implements OrderStatistics {
  constructor(private readonly sketch: LogSketch) {}

  quantile(p: number): number {
    return this.sketch.quantile(p);
  }

  tailMean(level: number): number {
    return this.sketch.tailMean(level);
  }

  /** Each bucket's middle (see {@link bucketMiddle}) with its count: negative buckets, the zero bucket, positive buckets. */
  forEachValue(visit: (value: number, count: number) => void): void {
    const json = this.sketch.toJSON();
    for (const [index, count] of json.negative) visit(-bucketMiddle(index, json.relativeAccuracy), count);
    if (json.zeroCount > 0) visit(0, json.zeroCount);
    for (const [index, count] of json.positive) visit(bucketMiddle(index, json.relativeAccuracy), count);
  }
}

/**
 * A value of the sketch bucket with index `index` (of magnitudes, relative accuracy `a`),
 * from the bucket mapping LogSketch documents: bucket floor(M l(v)), with
 * l(v) = e + (m - 1)(5 - m) / 3 for v = m 2^e and M = 3 / (4 ln gamma), gamma = (1 + a) / (1 - a).
 * The bucket's middle in l, inverted: within the bucket, so within about a relative `a`
 * of every value counted in it (l is not quite a logarithm: at most 1.01 a for a <= 0.01,
 * the default being 0.005; test/stats/_internals/sketch-columns.test.ts).
 */
function bucketMiddle(index: number, a: number): number {
  // ln gamma = 2 atanh(a) by its series, basic arithmetic only (as LogSketch computes it), so
  // the value is the same on every platform
  let lnGamma = 0;
  for (let k = 0, power = a; k < 80; k++, power *= a * a) lnGamma += power / (2 * k + 1);
  // (with LogSketch's margin: without it the middle drifts from the bucket by l * 1e-7, a
  // relative 2.5% of a at 1e135 for a = 0.001)
  const multiplier = (3 / (8 * lnGamma)) * (1 + MARGIN);
  const l = (index + 0.5) / multiplier;
  const exponent = Math.floor(l);
  const m = 3 - Math.sqrt(4 - 3 * (l - exponent));
  return m * 2 ** exponent;
}
