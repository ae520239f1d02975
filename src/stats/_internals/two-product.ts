/** Veltkamp's splitting constant for binary64: 2^27 + 1. */
export const SPLITTER = 134217729;

/**
 * The largest magnitude whose square {@link squareError} handles: 2^510 (about 3.35e153).
 * Just below sqrt(MAX_VALUE) the split's high part, rounded up, has a square that overflows.
 */
export const LARGEST_SQUARABLE = 2 ** 510;

/**
 * The rounding error of a product: the `low` with a * b = product + low exactly, where
 * `product` = fl(a * b). Dekker's TwoProduct with Veltkamp's split (JavaScript has no
 * fused multiply-add): a = ah + al with ah, al of at most 26 significant bits, likewise
 * b, so every partial product ah bh, ah bl, al bh, al bl is exact and
 * low = ((ah bh - product) + ah bl + al bh) + al bl.
 *
 * Exact when |a|, |b| < 2^996 (the split does not overflow), the product is finite and
 * nothing underflows: in particular when one factor is an integer below 2^53 in
 * magnitude, or |a b| >= 2^-969. Otherwise the result is still a deterministic function
 * of (a, b), only not the exact error.
 *
 * Definition: T. J. Dekker (1971), "A floating-point technique for extending the
 * available precision", Numerische Mathematik 18, 224-242,
 * https://doi.org/10.1007/BF01397083 (mul12, split with Veltkamp's constant).
 */
export function productError(a: number, b: number, product: number): number {
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ah * bh - product + ah * bl + al * bh + al * bl;
}

/**
 * The error of a square, x * x = square + low exactly (see {@link productError}), for
 * |x| <= {@link LARGEST_SQUARABLE}.
 */
export function squareError(x: number, square: number): number {
  const t = SPLITTER * x;
  const xh = t - (t - x);
  const xl = x - xh;
  return xh * xh - square + 2 * xh * xl + xl * xl;
}

/**
 * The exact product of two doubles as an unevaluated pair [high, low]: high = fl(a b)
 * and a b = high + low exactly (Dekker 1971, https://doi.org/10.1007/BF01397083; the
 * conditions are those of {@link productError}). Allocates the pair; hot loops call
 * {@link productError} instead.
 */
export function twoProduct(a: number, b: number): [high: number, low: number] {
  const high = a * b;
  return [high, productError(a, b, high)];
}
