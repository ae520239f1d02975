import { interpolateOrdered } from "./interpolate-sorted.js";

/**
 * Rockafellar-Uryasev CVaR of a checked, non-empty, ascending array (see
 * `conditionalValueAtRisk`): x(k) + sum_{i > k} (x(i) - x(k)) / (n (1 - level)) with
 * k = max(ceil(n level), 1), 1-based; the maximum at level 1. The excess is summed with
 * Neumaier compensation and the result clamped to [type 7 VaR, max] against rounding.
 */
export function tailMean(sorted: ArrayLike<number>, level: number): number {
  return tailMeanOrdered(sorted.length, level, (i) => sorted[i]!);
}

/**
 * {@link tailMean} over `n` values read in ascending order by `at(i)`. It reads only
 * indices from {@link tailStart}`(n, level)` on, so the values below the tail need not be at hand.
 */
export function tailMeanOrdered(n: number, level: number, at: (i: number) => number): number {
  const max = at(n - 1);
  if (level === 1) return max;
  const k = Math.max(Math.ceil(n * level), 1);
  const c = at(k - 1);
  let sum = 0;
  let compensation = 0;
  for (let i = k; i < n; i++) {
    const x = at(i) - c;
    const t = sum + x;
    compensation += sum >= x ? sum - t + x : x - t + sum; // all terms are >= 0
    sum = t;
  }
  const cvar = c + (sum + compensation) / (n * (1 - level));
  const floor = interpolateOrdered(n, level, at);
  return cvar < floor ? floor : cvar > max ? max : cvar;
}

/** The lowest index {@link tailMeanOrdered} reads for `n` values at `level`. */
export function tailStart(n: number, level: number): number {
  if (level === 1) return n - 1;
  return Math.max(0, Math.min(Math.max(Math.ceil(n * level), 1) - 1, Math.floor((n - 1) * level)));
}
