import { InputError } from "../errors.js";
import { hillTQuantile } from "./_internals/hill-t-quantile.js";
import { normalQuantile } from "../random/normal-quantile.js";
import {
  inStudentTTail,
  logStudentTDensity,
  logStudentTTailOverDensity,
  studentTCentreOverDensity,
} from "./_internals/student-t-distribution.js";
import { studentTExpansion } from "./_internals/student-t-expansion.js";
import { describeValue } from "./_internals/validate.js";

/** Above this many degrees of freedom the Cornish-Fisher expansion is exact to rounding. */
const EXPANSION_DF = 1e5;
const MAX_STEPS = 40;

/**
 * Quantile of Student's t distribution: the t with P(T <= t) = p for `df` degrees of
 * freedom (R's `qt(p, df)`).
 *
 * Method: df = 1 (Cauchy) t = -cot(pi p) and df = 2, t = (2p - 1) / sqrt(2 p (1 - p)),
 * in closed form; otherwise G. W. Hill (1970), Algorithm 396, "Student's t-quantiles",
 * CACM 13(10), 619-620 (https://doi.org/10.1145/355598.355600) gives a starting value
 * that Newton steps refine against the exact tail P(T > t) = I_{df/(df+t^2)}(df/2, 1/2) / 2
 * (Abramowitz & Stegun 26.7.1), so the result is accurate to about 1e-12 relative. Above
 * 1e5 degrees of freedom the Cornish-Fisher expansion about the normal quantile
 * (Abramowitz & Stegun 26.7.5) is used; `df = Infinity` gives the normal quantile itself.
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
  const z = -normalQuantile(tail);
  if (df === Infinity) return z;
  if (df > EXPANSION_DF) return studentTExpansion(z, df);
  return refine(hillTQuantile(2 * tail, df), tail, df);
}

/**
 * Newton steps on P(T > t) = tail from a starting value t > 0. In the tail the step is
 * taken on ln P(T > t) against ln t (nearly linear there, so it cannot overshoot to a
 * negative t); in the centre on P(0 < T < t) = 1/2 - tail against t, with R's
 * second-order correction.
 */
function refine(start: number, tail: number, df: number): number {
  const logTail = Math.log(tail);
  const centre = 0.5 - tail;
  let t = start;
  for (let step = 0; step < MAX_STEPS && Number.isFinite(t); step++) {
    let next: number;
    if (inStudentTTail(t, df)) {
      // ln P(T > t) = ln f(t) + ln(t CF / df); d ln P / d ln t = -df / CF.
      const ratio = logStudentTTailOverDensity(t, df);
      const logP = logStudentTDensity(t, df) + ratio;
      const slope = Math.exp(Math.log(t) - ratio); // = t f / P = df / CF
      next = t * Math.exp((logP - logTail) / slope);
    } else {
      const density = Math.exp(logStudentTDensity(t, df));
      const delta = (centre - density * studentTCentreOverDensity(t, df)) / density;
      next = t + delta * (1 + (delta * (df + 1)) / (2 * (t + df / t)));
      if (!(next > 0)) next = t / 2;
    }
    const change = Math.abs(next - t);
    t = next;
    if (change <= 2e-16 * t) break;
  }
  return t;
}
