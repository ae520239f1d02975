/**
 * Mean and variance of a distribution on a bounded interval from its quantile function:
 * `E[X] = ∫₀¹ Q(u) du` and `Var X = ∫₀¹ (Q(u) - E[X])² du`, by tanh-sinh (double
 * exponential) quadrature (Takahasi & Mori 1974, "Double exponential formulas for
 * numerical integration", Publ. RIMS Kyoto 9:721–741).
 *
 * Q is bounded but may have infinite derivatives at 0 and 1 (a triangular quantile is
 * a + c√u near 0), which tanh-sinh handles with its doubly exponential clustering of
 * nodes at the ends. Points where Q is not smooth inside (the mode of a triangular)
 * are passed as `breaks` and the integral is split there. Both moments are accumulated
 * about a shift c = Q(1/2) in one pass (E[X] = c + E[X - c], Var = E[(X - c)²] -
 * E[X - c]²), which loses at most a factor 2 to cancellation since |mean - median| <= sd.
 */

const HALF_PI = Math.PI / 2;
/** Nodes beyond |t| = 3.5 carry weights below 3e-21 of the interval: negligible for bounded Q. */
const T_MAX = 3.5;
const MAX_LEVEL = 11;
const MIN_LEVEL = 3;
const RELATIVE_TOLERANCE = 1e-13;

interface Sums {
  first: number; // ∫ (Q - c)
  second: number; // ∫ (Q - c)²
  absolute: number; // ∫ |Q - c|
}

/** Add h * Σ w(t) f(x(t)) over t = start, start + stride, ... up to T_MAX, both signs. */
function addNodes(
  quantile: (u: number) => number,
  shift: number,
  left: number,
  right: number,
  h: number,
  start: number,
  stride: number,
  sums: Sums,
): void {
  const halfWidth = (right - left) / 2;
  for (let k = start; k * h <= T_MAX; k += stride) {
    const t = k * h;
    const s = HALF_PI * Math.sinh(t);
    const e = Math.exp(-2 * s); // s >= 0
    // 1 - tanh(s) = 2e / (1 + e); 1 / cosh(s)² = 4e / (1 + e)²
    const distance = (halfWidth * 2 * e) / (1 + e);
    const weight = h * halfWidth * HALF_PI * Math.cosh(t) * ((4 * e) / ((1 + e) * (1 + e)));
    if (weight === 0) break;
    const upper = quantile(right - distance) - shift;
    sums.first += weight * upper;
    sums.second += weight * upper * upper;
    sums.absolute += weight * Math.abs(upper);
    if (k === 0) continue; // the centre is counted once
    const lower = quantile(left + distance) - shift;
    sums.first += weight * lower;
    sums.second += weight * lower * lower;
    sums.absolute += weight * Math.abs(lower);
  }
}

/** ∫ over [left, right] of (Q - shift) and (Q - shift)², refined until both settle. */
function integratePiece(quantile: (u: number) => number, shift: number, left: number, right: number): Sums {
  let h = 0.5;
  const sums: Sums = { first: 0, second: 0, absolute: 0 };
  addNodes(quantile, shift, left, right, h, 0, 1, sums);
  for (let level = 1; level <= MAX_LEVEL; level++) {
    const previousFirst = sums.first;
    const previousSecond = sums.second;
    // Halving h: the old sums (weights times the old h) are halved, the odd nodes added.
    sums.first /= 2;
    sums.second /= 2;
    sums.absolute /= 2;
    h /= 2;
    addNodes(quantile, shift, left, right, h, 1, 2, sums);
    const settled =
      Math.abs(sums.first - previousFirst) <= RELATIVE_TOLERANCE * sums.absolute &&
      Math.abs(sums.second - previousSecond) <= RELATIVE_TOLERANCE * sums.second;
    if (level >= MIN_LEVEL && settled) break;
  }
  return sums;
}

/** Mean and variance of the distribution with quantile function `quantile` on (0, 1). */
export function momentsFromQuantile(
  quantile: (u: number) => number,
  breaks: readonly number[],
): { mean: number; variance: number } {
  const shift = quantile(0.5);
  const points = [0, ...breaks.filter((u) => u > 0 && u < 1).sort((a, b) => a - b), 1];
  let first = 0;
  let second = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const left = points[i] as number;
    const right = points[i + 1] as number;
    if (right <= left) continue;
    const piece = integratePiece(quantile, shift, left, right);
    first += piece.first;
    second += piece.second;
  }
  return { mean: shift + first, variance: Math.max(0, second - first * first) };
}
