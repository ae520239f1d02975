import { betaContinuedFraction } from "./beta-continued-fraction.js";
import { logBetaHalf } from "./log-beta-half.js";

/** ln(1 + t^2 / df) without overflow for huge t. */
export function log1pSquareOver(t: number, df: number): number {
  const r = t / Math.sqrt(df);
  return r < 1e150 ? Math.log1p(r * r) : 2 * Math.log(r);
}

/**
 * ln f(t) for Student's t with `df` degrees of freedom:
 * f(t) = (1 + t^2/df)^(-(df + 1)/2) / (sqrt(df) B(df/2, 1/2)).
 */
export function logStudentTDensity(t: number, df: number): number {
  return -0.5 * (df + 1) * log1pSquareOver(t, df) - 0.5 * Math.log(df) - logBetaHalf(df / 2);
}

/**
 * Whether P(T > t) is computed directly (`true`, the tail) or as 1/2 - P(0 < T < t)
 * (`false`, the centre): the continued fraction converges fast on that side, which is
 * x = df / (df + t^2) < (a + 1) / (a + b + 2) with a = df/2, b = 1/2, i.e.
 * t^2 > 3 df / (df + 2).
 */
export function inStudentTTail(t: number, df: number): boolean {
  return t * t > (3 * df) / (df + 2);
}

/**
 * For t >= 0 in the tail: ln P(T > t) - ln f(t) = ln(t CF / df), where CF is the
 * continued fraction of I_x(df/2, 1/2), x = df / (df + t^2), since
 * P(T > t) = I_x(df/2, 1/2) / 2 (Abramowitz & Stegun 26.7.1 and 26.5.x).
 */
export function logStudentTTailOverDensity(t: number, df: number): number {
  const r = t / Math.sqrt(df);
  const x = r < 1e150 ? 1 / (1 + r * r) : 0;
  return Math.log(t / df) + Math.log(betaContinuedFraction(x, df / 2, 0.5));
}

/**
 * For t >= 0 in the centre: P(0 < T < t) / f(t) = t CF, where CF is the continued
 * fraction of I_y(1/2, df/2), y = t^2 / (df + t^2), since P(0 < T < t) = I_y(1/2, df/2) / 2.
 */
export function studentTCentreOverDensity(t: number, df: number): number {
  const y = (t * t) / (df + t * t);
  return t * betaContinuedFraction(y, 0.5, df / 2);
}
