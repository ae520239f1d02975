import { InputError } from "../errors.js";
import { erfc } from "./erf.js";

/** 1/√2 = SQRT1_2 + SQRT1_2_LOW to about 1e-33. */
const SQRT1_2_LOW = -4.833646656726457e-17;
/** 2/√π. */
const TWO_OVER_SQRT_PI = 1.1283791670955126;
/** Dekker's splitting constant 2^27 + 1. */
const SPLITTER = 134217729;

/**
 * Cumulative distribution function of the standard normal distribution, `Φ(x) = P(Z <= x)`.
 *
 * Method: `Φ(x) = erfc(-x/√2) / 2` (https://dlmf.nist.gov/7.18 with 7.2.E2), with erfc
 * from fdlibm, so the lower tail keeps its relative accuracy: `normalCdf(-10)` is
 * 7.6e-24, not 0. In the lower tail the rounding error of `-x/√2` (which erfc would
 * amplify by 2x²) is recovered exactly with Dekker's two-product (Dekker 1971,
 * Numer. Math. 18:224) and fed back as a first-order correction, so the relative
 * error stays near 1e-15 down to x = -38. For an upper tail `P(Z > x)` use `normalCdf(-x)`.
 *
 * @param x - any number; `normalCdf(-Infinity) = 0`, `normalCdf(Infinity) = 1`.
 * @returns Φ(x), in [0, 1].
 * @throws {InputError} if `x` is NaN.
 * @example
 * normalCdf(1.96); // => 0.9750021048517795
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) throw new InputError("x", "expected a number, found NaN");
  const z = -x * Math.SQRT1_2;
  if (x >= -1 || x < -40) return 0.5 * erfc(z);
  // z + dz = -x/√2 exactly (to ~1e-33): dz is the rounding error of the product plus
  // the part of 1/√2 that SQRT1_2 leaves out.
  const c = SPLITTER * x;
  const xHigh = c - (c - x);
  const xLow = x - xHigh;
  const s = SPLITTER * Math.SQRT1_2;
  const sHigh = s - (s - Math.SQRT1_2);
  const sLow = Math.SQRT1_2 - sHigh;
  const productError = ((xHigh * sHigh - x * Math.SQRT1_2) + xHigh * sLow + xLow * sHigh) + xLow * sLow;
  const dz = -productError - x * SQRT1_2_LOW;
  // erfc(z + dz) = erfc(z) - dz (2/√π) e^(-z²) + O(dz²)
  return 0.5 * (erfc(z) - dz * TWO_OVER_SQRT_PI * Math.exp(-z * z));
}
