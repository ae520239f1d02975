const HALF_LOG_PI = 0.5723649429247001; // ln(pi) / 2 = ln Γ(1/2)

/**
 * Stirling's remainder s(z) = ln Γ(z) - [(z - 1/2) ln z - z + ln(2 pi) / 2], for z >= 10,
 * from its asymptotic series (Abramowitz & Stegun 6.1.41); truncation error < 1e-15.
 */
function stirlingRemainder(z: number): number {
  const w = 1 / (z * z);
  return (
    (1 / 12 - w * (1 / 360 - w * (1 / 1260 - w * (1 / 1680 - w * (1 / 1188 - (w * 691) / 360360))))) / z
  );
}

/**
 * ln B(a, 1/2) for a > 0, accurate to about 1e-15 absolute for every a (no cancellation
 * between two large ln Γ values, so it stays accurate for a in the millions).
 *
 * For a < 10 it steps up with B(a, b) = B(a + 1, b) (a + b) / a; for a >= 10,
 * ln B(a, 1/2) = -a ln(1 + 1/(2a)) + 1/2 - (ln a) / 2 + (ln pi) / 2 + s(a) - s(a + 1/2),
 * which is Stirling's formula for ln Γ(a) + ln Γ(1/2) - ln Γ(a + 1/2) written so that
 * the large terms cancel analytically.
 */
export function logBetaHalf(a: number): number {
  let shift = 0;
  while (a < 10) {
    shift += Math.log1p(0.5 / a);
    a += 1;
  }
  return (
    shift -
    a * Math.log1p(0.5 / a) +
    0.5 -
    0.5 * Math.log(a) +
    HALF_LOG_PI +
    stirlingRemainder(a) -
    stirlingRemainder(a + 0.5)
  );
}
