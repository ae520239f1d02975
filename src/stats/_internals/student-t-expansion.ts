/**
 * Upper Student t quantile for large `df` from the normal quantile `z` by the
 * Cornish-Fisher expansion in 1/df (Abramowitz & Stegun 26.7.5):
 * t = z + g1/df + g2/df^2 + g3/df^3 + g4/df^4 with
 * g1 = (z^3 + z)/4, g2 = (5z^5 + 16z^3 + 3z)/96, g3 = (3z^7 + 19z^5 + 17z^3 - 15z)/384,
 * g4 = (79z^9 + 776z^7 + 1482z^5 - 1920z^3 - 945z)/92160.
 */
export function studentTExpansion(z: number, df: number): number {
  const z2 = z * z;
  const g1 = ((z2 + 1) * z) / 4;
  const g2 = (((5 * z2 + 16) * z2 + 3) * z) / 96;
  const g3 = ((((3 * z2 + 19) * z2 + 17) * z2 - 15) * z) / 384;
  const g4 = (((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z) / 92160;
  const w = 1 / df;
  return z + w * (g1 + w * (g2 + w * (g3 + w * g4)));
}
