import { InputError } from "../errors.js";
import { inverseRegularizedIncompleteBeta } from "../random/inverse-regularized-incomplete-beta.js";
import { normalQuantile } from "../random/normal-quantile.js";
import { studentTExpansion } from "./_internals/student-t-expansion.js";
import { describeValue } from "./_internals/validate.js";

/** Above this many degrees of freedom the Cornish-Fisher expansion is exact to rounding. */
const EXPANSION_DF = 1e5;
/**
 * Below this x = df / (df + t^2) the inverse incomplete beta would lose digits to
 * underflow (subnormals start at 2.2e-308); only df below about 2.3 reaches it.
 */
const SMALLEST_X = 1e-280;
/** The probability the far tail is solved at before rescaling: its x is below 1e-85. */
const SCALED_TAIL = 1e-100;

/**
 * Quantile of Student's t distribution: the t with P(T <= t) = p for `df` degrees of
 * freedom (R's `qt(p, df)`).
 *
 * Method: df = 1 (Cauchy) t = -cot(pi p) and df = 2, t = (2p - 1) / sqrt(2 p (1 - p)),
 * in closed form; otherwise from P(T > t) = I_x(df/2, 1/2) / 2 with x = df / (df + t^2)
 * (Abramowitz & Stegun 26.7.1): for p > 1/2, x = I^{-1}(2(1 - p); df/2, 1/2) from
 * `inverseRegularizedIncompleteBeta` and t = sqrt(df (1 - x) / x), symmetric for
 * p < 1/2. Near the centre (1 - p >= 1/4, or (1 - p) df >= 1) the mirror problem
 * y = 1 - x = I^{-1}(2p - 1; 1/2, df/2) is solved instead, so that 1 - x keeps its
 * digits; where x would underflow, I_x ∝ x^(df/2) rescales it. Accurate to about
 * 1e-12 relative (1e-14 typically, worst near df = 1e5) while min(p, 1 - p) is a
 * normal double (>= 2.2e-308); below that, for df above about 2.3, the subnormal values
 * of I cost digits. Above 1e5 degrees of freedom the Cornish-Fisher expansion about
 * the normal quantile (Abramowitz & Stegun 26.7.5) is used; `df = Infinity` gives the
 * normal quantile itself.
 *
 * @param p probability, strictly between 0 and 1.
 * @param df degrees of freedom, a real number >= 1 (not necessarily an integer), or `Infinity`.
 * @returns the quantile; negative for p < 1/2, 0 for p = 1/2, and -q(1 - p) = q(p).
 * @throws {InputError} if `p` is not strictly between 0 and 1, if `df` is NaN or below 1,
 * or if p is so close to 0 or 1 that the quantile overflows.
 * @example
 * studentTQuantile(0.975, 5);
 * // => 2.570581835636314
 */
export function studentTQuantile(p: number, df: number): number {
  if (typeof p !== "number" || !(p > 0 && p < 1)) {
    throw new InputError("p", `expected a probability strictly between 0 and 1, got ${describeValue(p)}`);
  }
  if (typeof df !== "number" || !(df >= 1)) {
    throw new InputError("df", `expected degrees of freedom >= 1, got ${describeValue(df)}`);
  }
  if (p === 0.5) return 0;
  // Work with the upper tail probability `tail` < 1/2; 1 - p is exact for p >= 1/2.
  const tail = p < 0.5 ? p : 1 - p;
  const t = upperTQuantile(tail, df);
  if (!Number.isFinite(t)) {
    throw new InputError("p", `${p} is too close to ${p < 0.5 ? 0 : 1} for a finite quantile with df = ${df}`);
  }
  return p < 0.5 ? -t : t;
}

/** The t > 0 with P(T > t) = tail, for 0 < tail < 1/2. */
function upperTQuantile(tail: number, df: number): number {
  if (df === 1) return 1 / Math.tan(Math.PI * tail);
  if (df === 2) return (1 - 2 * tail) / Math.sqrt(2 * tail * (1 - tail));
  if (df > EXPANSION_DF) {
    const z = -normalQuantile(tail);
    return df === Infinity ? z : studentTExpansion(z, df);
  }
  if (tail >= 0.25 || tail * df >= 1) {
    // Centre: solve for 1 - x = t^2 / (df + t^2) itself. Taking 1 - x from x would cost
    // t about 1e-16 (df + t^2) / t^2 relative; the rounding of 1 - 2 tail (exact for
    // tail >= 1/4, and whenever tail = 1 - p) costs about 1e-16 / (t f(t)), f the
    // density, and t f(t) ~ tail t^2 df / (df + t^2), so this side wins where tail df > 1.
    const y = inverseRegularizedIncompleteBeta(1 - 2 * tail, 0.5, df / 2);
    return Math.sqrt((df * y) / (1 - y));
  }
  const x = inverseRegularizedIncompleteBeta(2 * tail, df / 2, 0.5);
  if (x >= SMALLEST_X) return Math.sqrt((df * (1 - x)) / x);
  // Far tail: for x this small I_x(df/2, 1/2) = C x^(df/2) to double precision, so
  // x = x1 (2 tail / SCALED_TAIL)^(2/df) where I_{x1} = SCALED_TAIL, and 1 - x = 1.
  const x1 = inverseRegularizedIncompleteBeta(SCALED_TAIL, df / 2, 0.5);
  return Math.sqrt(df / x1) * Math.pow(SCALED_TAIL / (2 * tail), 1 / df);
}
