import { InputError } from "../../errors.js";
import { ExactSum } from "../exact-sum.js";
import { interpolateOrdered } from "./interpolate-sorted.js";
import { mergeSorted, selectSorted, splitSorted } from "./merge-sorted.js";
import type { OrderStatistics, QuantileColumns, QuantileOptions } from "./quantile-columns.js";
import { tailMeanOrdered, tailStart } from "./tail-mean.js";

/** {@link ExactColumns} as plain data (a worker's message): column k's `length` values at `values[k * length ..]`. */
export interface ExactColumnsRecord {
  readonly length: number;
  readonly values: Float64Array;
  /** Every column is ascending (a worker sorts them before sending). */
  readonly sorted: boolean;
}

/**
 * Blocks of fewer rows are copied when merged rather than shared: selecting order
 * statistics across many small parts (an experiment of few runs and long series, split into
 * ranges of a few runs each) costs more than sorting them together.
 */
const SHARED_BLOCK_ROWS = 256;

/**
 * Rows of values in column-major layout: column k's values at
 * `values[k * capacity .. k * capacity + length)`. Once shared by a merge a block takes no
 * more rows, only sorting in place, which changes no statistic.
 */
class Block {
  length = 0;
  shared = false;
  /** Column k is ascending while `sortedLength[k] === length`. */
  readonly sortedLength: Float64Array;

  constructor(
    public values: Float64Array,
    public capacity: number,
    columns: number,
  ) {
    this.sortedLength = new Float64Array(columns).fill(-1);
  }

  column(k: number): Float64Array {
    return this.values.subarray(k * this.capacity, k * this.capacity + this.length);
  }

  /** Column k, sorted in place first if it is not yet. */
  sortedColumn(k: number): Float64Array {
    const column = this.column(k);
    if (this.sortedLength[k] !== this.length) {
      column.sort();
      this.sortedLength[k] = this.length;
    }
    return column;
  }

  /** True when every column is ascending. */
  sorted(): boolean {
    return this.sortedLength.every((n) => n === this.length);
  }
}

/**
 * Every value of each column, for exact order statistics. Room for `capacity` rows is
 * made up front (a range of runs knows its length), so adding allocates nothing until it
 * is full (then the room doubles). A merge takes the other's large blocks of values as
 * they are (neither store adds to a shared block again), so merging the ranges of an
 * experiment copies little; it copies the rows of small blocks. Columns are sorted in place
 * when first read, or by `sort()` in the worker that recorded them.
 */
export class ExactColumns implements QuantileColumns {
  readonly columns: number;
  /** blocks[0] takes new rows (unless shared); the others came with merges. */
  private readonly blocks: Block[];

  constructor(columns: number, capacity: number) {
    this.columns = columns;
    this.blocks = [new Block(new Float64Array(columns * capacity), capacity, columns)];
  }

  describe(): string {
    return "every value";
  }

  emptyOptions(): QuantileOptions {
    return { quantiles: "exact" };
  }

  add(x: number): void {
    const block = this.writable(1);
    block.values[block.length++] = x;
  }

  addRow(values: ArrayLike<number>, offset: number): void {
    const block = this.writable(1);
    const { capacity, length } = block;
    const stored = block.values;
    for (let k = 0; k < this.columns; k++) stored[k * capacity + length] = values[offset + k]!;
    block.length = length + 1;
  }

  merge(other: QuantileColumns): void {
    if (!(other instanceof ExactColumns) || other.columns !== this.columns) throw new Error("internal error: merging values kept in other ways");
    const blocks = other.blocks.filter((block) => block.length > 0);
    for (const block of blocks) {
      if (block.length < SHARED_BLOCK_ROWS) {
        this.copyRows(block);
      } else {
        block.shared = true;
        this.blocks.push(block);
      }
    }
  }

  sort(): void {
    for (const block of this.blocks) for (let k = 0; k < this.columns; k++) block.sortedColumn(k);
  }

  column(k: number): OrderStatistics {
    const parts: Float64Array[] = [];
    for (const block of this.blocks) if (block.length > 0) parts.push(block.sortedColumn(k));
    return new SortedParts(parts);
  }

  sum(k: number): ExactSum {
    const total = new ExactSum();
    for (const block of this.blocks) {
      const column = block.column(k);
      for (let i = 0; i < column.length; i++) total.add(column[i]!);
    }
    return total;
  }

  /** The values as plain data, in one block (the values themselves when they fill one block exactly, else a copy). */
  toRecord(): ExactColumnsRecord {
    const blocks = this.blocks.filter((block) => block.length > 0);
    const length = blocks.reduce((n, block) => n + block.length, 0);
    const single = blocks.length === 1 ? blocks[0]! : undefined;
    const sorted = single?.sorted() ?? length === 0;
    if (single !== undefined && single.capacity === length) return { length, values: single.values, sorted };
    const values = new Float64Array(length * this.columns);
    for (let k = 0, at = 0; k < this.columns; k++) {
      for (const block of blocks) {
        values.set(block.column(k), at);
        at += block.length;
      }
    }
    return { length, values, sorted };
  }

  /** The inverse of {@link ExactColumns.toRecord}. */
  static fromRecord(columns: number, record: ExactColumnsRecord, path: string): ExactColumns {
    const { length, values, sorted } = record;
    if (!Number.isSafeInteger(length) || length < 0 || !(values instanceof Float64Array) || values.length !== length * columns) {
      throw new InputError(path, `expected ${columns} columns of values of the same length`);
    }
    const store = new ExactColumns(columns, 0);
    const block = new Block(values, length, columns);
    block.length = length;
    if (sorted) block.sortedLength.fill(length);
    store.blocks[0] = block;
    return store;
  }

  /** Append the rows of `source` (which may be blocks[0] itself) to blocks[0]. */
  private copyRows(source: Block): void {
    const rows = source.length;
    const target = this.writable(rows);
    const { capacity, length } = target;
    for (let k = 0; k < this.columns; k++) {
      for (let r = 0; r < rows; r++) target.values[k * capacity + length + r] = source.values[k * source.capacity + r]!;
    }
    target.length = length + rows;
  }

  /** The block that takes the next `rows` rows: blocks[0], with room made if it lacks it, or a new one if it is shared. */
  private writable(rows: number): Block {
    let block = this.blocks[0]!;
    if (block.shared) {
      const capacity = Math.max(16, rows);
      block = new Block(new Float64Array(capacity * this.columns), capacity, this.columns);
      this.blocks.unshift(block);
    } else if (block.length + rows > block.capacity) {
      const capacity = Math.max(16, 2 * block.capacity, block.length + rows);
      const values = new Float64Array(capacity * this.columns);
      for (let k = 0; k < this.columns; k++) values.set(block.column(k), k * capacity);
      block.values = values;
      block.capacity = capacity;
    }
    return block;
  }
}

/**
 * Exact order statistics of the union of ascending parts (the ranges of runs), read across
 * them without merging them all: a quantile's two order statistics are selected from the
 * parts, and a tail mean merges only the values it reads (the top 5% or 1%), in the order a
 * full merge gives them. So the statistics are bit for bit those of sorting every value,
 * and the main thread, which summarises after the workers have sorted their ranges, does
 * little more than a few binary searches per statistic (bench/summarising.mjs).
 */
class SortedParts implements OrderStatistics {
  private readonly count: number;
  private readonly at: (i: number) => number;

  constructor(private readonly parts: readonly Float64Array[]) {
    this.count = parts.reduce((n, part) => n + part.length, 0);
    const only = parts.length === 1 ? parts[0]! : undefined;
    this.at = only === undefined ? (i) => selectSorted(parts, i) : (i) => only[i]!;
  }

  quantile(p: number): number {
    return interpolateOrdered(this.count, p, this.at);
  }

  tailMean(level: number): number {
    const { count, parts } = this;
    const start = tailStart(count, level);
    const split = splitSorted(parts, start);
    const tail = mergeSorted(parts.map((part, k) => part.subarray(split[k])));
    return tailMeanOrdered(count, level, (i) => tail[i - start]!);
  }

  forEachValue(visit: (value: number, count: number) => void): void {
    for (const part of this.parts) for (let i = 0; i < part.length; i++) visit(part[i]!, 1);
  }
}
