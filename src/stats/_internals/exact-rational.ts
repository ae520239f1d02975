import type { ExactSum } from "../exact-sum.js";

/**
 * Exact rational arithmetic on sums of doubles, for the few divisions a summary makes
 * (means, variances): every double is an integer multiple of 2^-1074, so an exact sum is
 * an integer N (the sum times 2^1074) and a statistic such as N / (n 2^1074) is an exact
 * rational, rounded once at the end. BigInt keeps this simple and exact over the whole
 * double range (subnormal to 1.8e308), at a cost of microseconds per statistic, never in
 * a per-value loop.
 */

/** The exact sum held by `sum`, times 2^1074, as a BigInt. */
export function scaledSum(sum: ExactSum): bigint {
  const view = new DataView(new ArrayBuffer(8));
  const partials = sum.partials();
  let total = 0n;
  for (let i = 0; i < partials.length; i++) total += scaledDouble(view, partials[i]!);
  return total;
}

/** A finite double times 2^1074, exactly, as a BigInt. */
function scaledDouble(view: DataView, x: number): bigint {
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  // A normal double is (2^52 + fraction) 2^(exponent - 1075); a subnormal, fraction 2^-1074.
  const magnitude = exponent === 0 ? fraction : (fraction | 0x10000000000000n) << BigInt(exponent - 1);
  return bits >> 63n === 1n ? -magnitude : magnitude;
}

/**
 * numerator / denominator (denominator > 0), correctly rounded to the nearest double,
 * ties to even; +-Infinity beyond the double range, and subnormal results on the
 * subnormal grid (multiples of 2^-1074).
 */
export function roundRatio(numerator: bigint, denominator: bigint): number {
  if (numerator === 0n) return 0;
  const negative = numerator < 0n;
  const a = negative ? -numerator : numerator;
  // Find e with 2^52 <= a / (denominator 2^e) < 2^53, or e = -1074 for subnormal results.
  let e = Math.max(bitLength(a) - bitLength(denominator) - 53, -1074);
  let q = 0n;
  let r = 0n;
  let d = denominator;
  for (;;) {
    const n = e >= 0 ? a : a << BigInt(-e);
    d = e >= 0 ? denominator << BigInt(e) : denominator;
    q = n / d;
    r = n % d;
    if (q >= 0x20000000000000n) e++;
    else if (q < 0x10000000000000n && e > -1074) e--;
    else break;
  }
  // Round half to even on the remainder.
  const twice = 2n * r;
  if (twice > d || (twice === d && (q & 1n) === 1n)) q++;
  // q <= 2^53 and e >= -1074: q 2^e is exact whenever it is representable.
  const magnitude = e > 1023 ? Infinity : Number(q) * 2 ** e;
  return negative ? -magnitude : magnitude;
}

/** The number of bits of a positive BigInt. */
function bitLength(v: bigint): number {
  const hex = v.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(Number.parseInt(hex[0]!, 16)));
}
