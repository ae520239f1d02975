import { interpolateSorted } from "./interpolate-sorted.js";

/**
 * Rockafellar-Uryasev CVaR of a checked, non-empty, ascending array (see
 * `conditionalValueAtRisk`): x(k) + sum_{i > k} (x(i) - x(k)) / (n (1 - level)) with
 * k = max(ceil(n level), 1), 1-based; the maximum at level 1. The excess is summed with
 * Neumaier compensation and the result clamped to [type 7 VaR, max] against rounding.
 */
export function tailMean(sorted: ArrayLike<number>, level: number): number {
  const n = sorted.length;
  const max = sorted[n - 1]!;
  if (level === 1) return max;
  const k = Math.max(Math.ceil(n * level), 1);
  const c = sorted[k - 1]!;
  let sum = 0;
  let compensation = 0;
  for (let i = k; i < n; i++) {
    const x = sorted[i]! - c;
    const t = sum + x;
    compensation += sum >= x ? sum - t + x : x - t + sum; // all terms are >= 0
    sum = t;
  }
  const cvar = c + (sum + compensation) / (n * (1 - level));
  const floor = interpolateSorted(sorted, level);
  return cvar < floor ? floor : cvar > max ? max : cvar;
}
