import { normalQuantile } from "../../random/normal-quantile.js";

/**
 * Starting value for the upper Student t quantile: G. W. Hill (1970), Algorithm 396,
 * "Student's t-quantiles", Communications of the ACM 13(10), 619-620,
 * https://doi.org/10.1145/355598.355600, in the form used by R's `qt`.
 * `twoSided` is P = 2 P(T > t) in (0, 1]; `df` > 2 (1 and 2 have closed forms).
 * Accurate to a few significant digits; {@link studentTQuantile} refines it.
 */
export function hillTQuantile(twoSided: number, df: number): number {
  const a = 1 / (df - 0.5);
  const b = 48 / (a * a);
  let c = ((20700 * a) / b - 98) * a - 16;
  c = c * a + 96.36;
  const d = ((94.5 / (b + c) - 3) / b + 1) * Math.sqrt((a * Math.PI) / 2) * df;
  let y = Math.pow(d * twoSided, 2 / df);
  if ((df < 2.1 && twoSided > 0.5) || y > 0.05 + a) {
    // Asymptotic inverse expansion about the normal.
    const x = normalQuantile(0.5 * twoSided);
    if (df < 5) c += 0.3 * (df - 4.5) * (x + 0.6);
    c = (((0.05 * d * x - 5) * x - 7) * x - 2) * x + b + c;
    y = (((((0.4 * x * x + 6.3) * x * x + 36) * x * x + 94.5) / c - x * x - 3) / b + 1) * x;
    y = Math.expm1(a * y * y);
  } else if (y > 1e-100) {
    y = ((1 / (((df + 6) / (df * y) - 0.089 * d - 0.822) * (df + 2) * 3) + 0.5 / (df + 4)) * y - 1) *
        ((df + 1) / (df + 2)) +
      1 / y;
  } else {
    // Far tail, where 1/y could overflow: the leading term t = sqrt(df) (d P)^(-1/df),
    // in logarithms (the next terms are relatively O(y)).
    return Math.exp(0.5 * Math.log(df) - (Math.log(d) + Math.log(twoSided)) / df);
  }
  return Math.sqrt(df * y);
}
