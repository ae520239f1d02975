/**
 * Hyndman & Fan type 7 quantile of a non-empty ascending array, without argument checks.
 *
 * With n values x[0] <= ... <= x[n-1], h = (n - 1) p and j = floor(h):
 * Q(p) = x[j] + (h - j) (x[j+1] - x[j]).
 *
 * The result is clamped to [x[j], x[j+1]], so it is monotone in `p` even with rounding
 * (R's `(1 - f) x[j] + f x[j+1]` can step back by one unit in the last place).
 */
export function interpolateSorted(sorted: ArrayLike<number>, p: number): number {
  return interpolateOrdered(sorted.length, p, (i) => sorted[i]!);
}

/** {@link interpolateSorted} over `count` values read in ascending order by `at(i)`, 0 <= i < count. */
export function interpolateOrdered(count: number, p: number, at: (i: number) => number): number {
  const last = count - 1;
  const h = last * p;
  const j = Math.floor(h);
  const low = at(j);
  if (j >= last) return at(last);
  const high = at(j + 1);
  const fraction = h - j;
  if (fraction === 0 || low === high) return low;
  const gap = high - low;
  // `gap` overflows only for values near ±1.8e308; fall back to the weighted form there.
  const value = Number.isFinite(gap) ? low + fraction * gap : (1 - fraction) * low + fraction * high;
  return value < low ? low : value > high ? high : value;
}
