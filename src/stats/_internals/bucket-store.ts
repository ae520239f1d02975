/**
 * Integer counts per bucket index, held in a dense window of a Float64Array (counts are
 * exact integers up to 2^53) that grows to cover the indices seen. Adding to a bucket
 * inside the window allocates nothing; the window is reallocated, with slack on both
 * sides, only when an index falls outside it, so its size is bounded by about twice the
 * span of indices seen (for a log sketch: the span of magnitudes, never the number of
 * values).
 */
export class BucketStore {
  /** counts[i] is the count of bucket index offset + i. */
  counts = new Float64Array(0);
  offset = 0;
  /** Sum of all counts. */
  total = 0;

  /** Add `count` (a positive integer) to bucket `index` (an integer). */
  add(index: number, count: number): void {
    const i = index - this.offset;
    const counts = this.counts;
    if (i >= 0 && i < counts.length) counts[i] = counts[i]! + count;
    else this.extendTo(index)[index - this.offset] = count;
    this.total += count;
  }

  /** Add every count of another store. */
  addStore(other: BucketStore): void {
    const counts = other.counts;
    for (let i = 0; i < counts.length; i++) {
      const count = counts[i]!;
      if (count !== 0) this.add(other.offset + i, count);
    }
  }

  /** The lowest index with a non-zero count, or NaN when empty. */
  lowestIndex(): number {
    const counts = this.counts;
    for (let i = 0; i < counts.length; i++) if (counts[i] !== 0) return this.offset + i;
    return Number.NaN;
  }

  /** The highest index with a non-zero count, or NaN when empty. */
  highestIndex(): number {
    const counts = this.counts;
    for (let i = counts.length - 1; i >= 0; i--) if (counts[i] !== 0) return this.offset + i;
    return Number.NaN;
  }

  /** The count of bucket `index` (0 outside the window). */
  countAt(index: number): number {
    const i = index - this.offset;
    return i >= 0 && i < this.counts.length ? this.counts[i]! : 0;
  }

  /** The non-zero buckets as [index, count] pairs in ascending index order. */
  pairs(): [number, number][] {
    const out: [number, number][] = [];
    const counts = this.counts;
    for (let i = 0; i < counts.length; i++) if (counts[i] !== 0) out.push([this.offset + i, counts[i]!]);
    return out;
  }

  /** Reallocate the window so that it covers `index`; returns the new counts array. */
  private extendTo(index: number): Float64Array {
    const old = this.counts;
    const low = old.length === 0 ? index : Math.min(this.offset, index);
    const high = old.length === 0 ? index : Math.max(this.offset + old.length - 1, index);
    const needed = high - low + 1;
    const length = Math.max(2 * needed, 2 * old.length, 32);
    const offset = low - Math.floor((length - needed) / 2);
    const counts = new Float64Array(length);
    if (old.length > 0) counts.set(old, this.offset - offset);
    this.counts = counts;
    this.offset = offset;
    return counts;
  }
}
