import { InputError } from "../../errors.js";
import type { ExactSum } from "../exact-sum.js";
import type { LogSketchOptions } from "../log-sketch.js";
import { ExactColumns } from "./exact-columns.js";
import { SketchColumns } from "./sketch-columns.js";
import { describeValue } from "./validate.js";

/** What summarising reads from one column of values: quantiles, tail means, and the values for a histogram. */
export interface OrderStatistics {
  /** The type 7 quantile at `p` (exact, or the sketch's estimate). */
  quantile(p: number): number;
  /** The Rockafellar-Uryasev CVaR at `level` (exact, or the sketch's estimate). */
  tailMean(level: number): number;
  /** Every value with its count: each value once (exact), or each bucket's middle and count (sketch). */
  forEachValue(visit: (value: number, count: number) => void): void;
}

/**
 * The values of one or more columns (an outcome: one; a series: one per period), kept for
 * their quantiles: every value (exact quantiles) or a {@link LogSketch} per column
 * (estimates within its relative accuracy, in memory that does not grow with the values).
 * The accumulators hold one and read every quantile through it, so exact and streaming
 * summaries share one code path.
 */
export interface QuantileColumns {
  readonly columns: number;
  /** How the values are kept, in words; two can merge when theirs are the same. */
  describe(): string;
  /** Add a value to column 0 (of a one-column store). Values are checked finite by the caller. */
  add(x: number): void;
  /** Add values[offset + k] to column k, for each column. */
  addRow(values: ArrayLike<number>, offset: number): void;
  /** Add the values of another store of the same kind (it is not modified; may be this one). */
  merge(other: QuantileColumns): void;
  /** Get ready to be merged: exact columns sort their values now (where the values were recorded); sketches have nothing to do. */
  sort(): void;
  /** What summarising reads from column `k`. */
  column(k: number): OrderStatistics;
  /**
   * The exact sum of column `k`'s values (for a mean): summed from the values when every
   * value is kept, kept as values come when they are not. Read it; do not add to it.
   */
  sum(k: number): ExactSum;
  /** The options of an empty store of the same kind and parameters. */
  emptyOptions(): QuantileOptions;
}

/** How values are kept for quantiles: every one (`capacity`: room made up front), or in a sketch per column. */
export type QuantileOptions = { readonly quantiles: "exact"; readonly capacity?: number } | ({ readonly quantiles: "sketch" } & LogSketchOptions);

/** A store of `columns` columns, as `options` asks. */
export function quantileColumns(columns: number, options: QuantileOptions): QuantileColumns {
  if (typeof options !== "object" || options === null) {
    throw new InputError("options", `expected { quantiles: "exact" } or { quantiles: "sketch" }, got ${describeValue(options)}`);
  }
  if (options.quantiles === "exact") return new ExactColumns(columns, options.capacity ?? 0);
  if (options.quantiles === "sketch") return SketchColumns.empty(columns, options);
  throw new InputError("options.quantiles", `expected "exact" or "sketch", got ${String((options as { quantiles?: unknown }).quantiles)}`);
}

/** Throw unless two stores keep values the same way, so that they can merge. */
export function assertSameKind(mine: QuantileColumns, theirs: QuantileColumns): void {
  if (mine.describe() !== theirs.describe()) {
    throw new InputError("other", `cannot merge values kept as ${theirs.describe()} into values kept as ${mine.describe()}`);
  }
}
