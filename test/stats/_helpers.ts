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

/** A double's exact value times 2^1074, as a BigInt (every double is a multiple of 2^-1074). */
export function scaledExact(x: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  const magnitude = exponent === 0 ? fraction : (fraction | (1n << 52n)) << BigInt(exponent - 1);
  return negative ? -magnitude : magnitude;
}

/** The rational numerator / denominator (denominator > 0) correctly rounded to a double, ties to even. */
export function roundRational(numerator: bigint, denominator: bigint): number {
  if (numerator === 0n) return 0;
  const negative = numerator < 0n;
  const a = negative ? -numerator : numerator;
  // Choose e with 2^52 <= a / (denominator 2^e) < 2^53, but e >= -1074 (subnormals).
  let e = Math.max(a.toString(2).length - denominator.toString(2).length - 53, -1074);
  const scaled = (shift: number): [bigint, bigint] =>
    shift >= 0 ? [a, denominator << BigInt(shift)] : [a << BigInt(-shift), denominator];
  for (;;) {
    const [n, d] = scaled(e);
    if (n / d >= 1n << 53n) e++;
    else if (n / d < 1n << 52n && e > -1074) e--;
    else break;
  }
  const [n, d] = scaled(e);
  let q = n / d;
  const twice = 2n * (n % d);
  if (twice > d || (twice === d && q % 2n === 1n)) q++;
  let result = Number(q);
  // Scale by 2^e in exact steps (each intermediate is a representable double).
  while (e > 0) {
    const step = Math.min(e, 1000);
    result *= 2 ** step;
    e -= step;
  }
  while (e < 0) {
    const step = Math.max(e, -1000);
    result *= 2 ** step;
    e -= step;
  }
  return negative ? -result : result;
}

/** Doubles of every magnitude from subnormal to 1e300, both signs and zeros. */
export const anyMagnitude = fc.double({ min: -1e300, max: 1e300, noNaN: true });

/**
 * Doubles whose squares neither overflow nor underflow (|x| in [1e-140, 1e140], or 0),
 * so that sums of squares are exact: values for checking moments against exact references.
 */
export const squarableValue = fc.oneof(
  fc.constant(0),
  fc.double({ min: 1e-140, max: 1e140, noNaN: true }),
  fc.double({ min: -1e140, max: -1e-140, noNaN: true }),
  fc.integer({ min: -1000, max: 1000 }),
);

/** Values clustered within a few ulps of a common base (|base| >= 1e-100): the hardest case for variances. */
export const nearlyEqualValues = fc
  .tuple(
    fc.double({ min: 1e-100, max: 1e12, noNaN: true }),
    fc.boolean(),
    fc.array(fc.integer({ min: -8, max: 8 }), { minLength: 2, maxLength: 30 }),
  )
  .map(([magnitude, negative, steps]) => {
    const base = negative ? -magnitude : magnitude;
    const ulp = magnitude * 2 ** -52;
    return steps.map((k) => base + k * ulp);
  });

/**
 * Signed data for quantile sketches and summaries: all-negative, mixed, with exact zeros
 * and values below the zero threshold, and magnitudes from subnormal up to `largest`.
 */
export function signedData(largest: number): fc.Arbitrary<number[]> {
  return fc.oneof(
    fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 80 }),
    fc.array(fc.double({ min: -1e9, max: -1e-3, noNaN: true }), { minLength: 1, maxLength: 80 }),
    fc.array(fc.oneof(fc.constant(0), fc.constant(-0), fc.double({ min: -1e-13, max: 1e-13, noNaN: true }), fc.double({ min: -50, max: 50, noNaN: true })), { minLength: 1, maxLength: 80 }),
    fc.array(fc.double({ min: -largest, max: largest, noNaN: true }), { minLength: 1, maxLength: 80 }),
    fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 80 }),
  );
}

/** Signed data for sketches, magnitudes up to 1e300. */
export const sketchData = signedData(1e300);

/** Signed data for summaries (whose exact moments take |x| <= 2^510), magnitudes up to 1e150. */
export const outcomeData = signedData(1e150);

/**
 * A split of `items` into parts, and an order for merging them: each item is assigned to
 * one of up to 8 parts, and the parts are listed in a random order (empty parts kept, as
 * a worker with no runs would give).
 */
export function splitOf<T>(items: fc.Arbitrary<T[]>): fc.Arbitrary<{ items: T[]; parts: T[][] }> {
  return items.chain((list) =>
    fc
      .tuple(
        fc.array(fc.integer({ min: 0, max: 7 }), { minLength: list.length, maxLength: list.length }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 8, maxLength: 8 }),
      )
      .map(([assignment, keys]) => {
        const parts: T[][] = Array.from({ length: 8 }, () => []);
        list.forEach((item, i) => parts[assignment[i]!]!.push(item));
        const order = parts.map((_, i) => i).sort((a, b) => keys[a]! - keys[b]! || a - b);
        return { items: list, parts: order.map((i) => parts[i]!) };
      }),
  );
}

/** Merge accumulators as a balanced tree (a different association than a left fold). */
export function mergeTree<T extends { merge(other: T): T }>(list: T[]): T {
  if (list.length === 1) return list[0]!;
  const middle = list.length >> 1;
  return mergeTree(list.slice(0, middle)).merge(mergeTree(list.slice(middle)));
}

/** The exact sum of doubles, correctly rounded (BigInt reference). */
export function exactSumReference(values: readonly number[]): number {
  let total = 0n;
  for (const x of values) total += scaledExact(x);
  return roundRational(total, 1n << 1074n);
}
