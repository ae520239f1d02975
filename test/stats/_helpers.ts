/**
 * Shared helpers for the statistics tests: fast-check arbitraries and small, obviously
 * correct reference implementations to compare the library against.
 */
import fc from "fast-check";

/** Finite doubles of moderate size (losses in a simulation), no NaN, no infinities. */
export const finiteValue = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });

/** Non-empty arrays of finite values. */
export const finiteValues = fc.array(finiteValue, { minLength: 1, maxLength: 60 });

/** Probabilities in [0, 1], including both ends. */
export const probability = fc.oneof(fc.constantFrom(0, 1, 0.5), fc.double({ min: 0, max: 1, noNaN: true }));

/** An ascending copy, by an ordinary comparator sort (independent of Float64Array#sort). */
export function ascending(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/**
 * R's `quantile(x, p, type = 7)` as R writes it (src/library/stats/R/quantile.R):
 * index = 1 + (n - 1) p, lo = floor(index), hi = ceiling(index),
 * q = x[lo], and where index > lo and x[hi] != q: q = (1 - h) q + h x[hi], h = index - lo.
 */
export function rQuantileType7(sorted: readonly number[], p: number): number {
  const n = sorted.length;
  const index = 1 + (n - 1) * p;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const q = sorted[lo - 1]!;
  const high = sorted[hi - 1]!;
  if (index > lo && high !== q) {
    const h = index - lo;
    return (1 - h) * q + h * high;
  }
  return q;
}

/**
 * CVaR as the mean of the upper tail of the empirical distribution,
 * (1 / (1 - level)) * integral from level to 1 of the step quantile function
 * q(u) = x(ceil(n u)): each order statistic x(i) carries the mass of
 * ((i-1)/n, i/n] that lies above `level`. Independent of the library's formula.
 */
export function tailIntegralCvar(sorted: readonly number[], level: number): number {
  const n = sorted.length;
  if (level === 1) return sorted[n - 1]!;
  let integral = 0;
  for (let i = 1; i <= n; i++) {
    const mass = Math.max(0, i / n - Math.max(level, (i - 1) / n));
    integral += mass * sorted[i - 1]!;
  }
  return integral / (1 - level);
}

/**
 * |a - b| <= tolerance * max(|a|, |b|, floor), or |a - b| <= 1e-300 (differences that
 * small come from subnormal inputs, where every operation rounds to a whole subnormal step).
 */
export function closeRelative(a: number, b: number, tolerance: number, floor = 0): boolean {
  const difference = Math.abs(a - b);
  return difference <= 1e-300 || difference <= tolerance * Math.max(Math.abs(a), Math.abs(b), floor);
}
