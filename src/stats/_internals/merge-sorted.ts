/**
 * True when `a` goes before `b` in ascending order as `Float64Array#sort` orders numbers
 * (so -0 before +0), taking the left one on ties: merging keeps the sort's exact output.
 */
function leftFirst(a: number, b: number): boolean {
  return a < b || (a === b && (a !== 0 || 1 / a <= 1 / b));
}

function mergeTwo(left: Float64Array, right: Float64Array): Float64Array {
  const out = new Float64Array(left.length + right.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < left.length && j < right.length) out[k++] = leftFirst(left[i]!, right[j]!) ? left[i++]! : right[j++]!;
  while (i < left.length) out[k++] = left[i++]!;
  while (j < right.length) out[k++] = right[j++]!;
  return out;
}

/**
 * One ascending array of all the values of ascending arrays, bit for bit what sorting
 * their concatenation gives: pairwise merges, log2(k) passes over the values instead of
 * a sort's log2(n). The parts are not modified; a single part is returned as it is.
 */
export function mergeSorted(parts: readonly Float64Array[]): Float64Array {
  if (parts.length === 0) return new Float64Array(0);
  let level = parts;
  while (level.length > 1) {
    const next: Float64Array[] = [];
    for (let k = 0; k + 1 < level.length; k += 2) next.push(mergeTwo(level[k]!, level[k + 1]!));
    if (level.length % 2 === 1) next.push(level[level.length - 1]!);
    level = next;
  }
  return level[0]!;
}

/**
 * How many values of ascending `part[from .. to)` go before `value` in {@link leftFirst}'s
 * order (a prefix of the range): strictly before, or, with `ties`, before or equal.
 */
function countBefore(part: ArrayLike<number>, value: number, from: number, to: number, ties: boolean): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const x = part[middle]!;
    if (ties ? leftFirst(x, value) : !leftFirst(value, x)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The value at index `rank` (from 0) of the ascending union of ascending arrays: what
 * `mergeSorted(parts)[rank]` gives, -0 before +0 included, without merging. Each step takes
 * the middle of the widest remaining window as a pivot and narrows every window by binary
 * search: about (log2 n) steps of k binary searches for k parts of n values.
 */
export function selectSorted(parts: readonly ArrayLike<number>[], rank: number): number {
  const k = parts.length;
  const low = new Array<number>(k).fill(0);
  const high = parts.map((part) => part.length);
  let below = 0; // values known to go before every value left in the windows
  for (;;) {
    let widest = -1;
    for (let i = 0; i < k; i++) if (high[i]! > low[i]! && (widest < 0 || high[i]! - low[i]! > high[widest]! - low[widest]!)) widest = i;
    if (widest < 0) throw new Error(`internal error: rank ${rank} is beyond the values`);
    const pivot = parts[widest]![(low[widest]! + high[widest]!) >>> 1]!;
    let before = below;
    let notAfter = below;
    const lows = new Array<number>(k);
    const highs = new Array<number>(k);
    for (let i = 0; i < k; i++) {
      lows[i] = countBefore(parts[i]!, pivot, low[i]!, high[i]!, false);
      highs[i] = countBefore(parts[i]!, pivot, lows[i]!, high[i]!, true);
      before += lows[i]! - low[i]!;
      notAfter += highs[i]! - low[i]!;
    }
    if (rank < before) {
      for (let i = 0; i < k; i++) high[i] = lows[i]!;
    } else if (rank >= notAfter) {
      for (let i = 0; i < k; i++) low[i] = highs[i]!;
      below = notAfter;
    } else return pivot;
  }
}

/**
 * Where the first `rank` values of the ascending union of ascending arrays come from:
 * `split[i]` values of `parts[i]`, its first ones, summing to `rank`. As in
 * {@link mergeSorted}, equal values are taken from the lower-numbered part first, so
 * `mergeSorted(parts.map((part, i) => part.subarray(split[i])))` is, bit for bit, the last
 * values of `mergeSorted(parts)` from index `rank` on.
 */
export function splitSorted(parts: readonly Float64Array[], rank: number): number[] {
  const total = parts.reduce((n, part) => n + part.length, 0);
  if (rank >= total) return parts.map((part) => part.length);
  const pivot = selectSorted(parts, rank);
  const split = parts.map((part) => countBefore(part, pivot, 0, part.length, false));
  let needed = rank - split.reduce((a, b) => a + b, 0);
  for (let i = 0; i < parts.length && needed > 0; i++) {
    const take = Math.min(needed, countBefore(parts[i]!, pivot, split[i]!, parts[i]!.length, true) - split[i]!);
    split[i] = split[i]! + take;
    needed -= take;
  }
  return split;
}
