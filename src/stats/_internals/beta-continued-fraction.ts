const TINY = 1e-300;
const TOLERANCE = 1e-15;
const MAX_TERMS = 100_000;

/**
 * The continued fraction of the regularized incomplete beta function,
 * I_x(a, b) = x^a (1 - x)^b / (a B(a, b)) * CF, evaluated with the modified Lentz method
 * (Press et al., Numerical Recipes, 3rd ed., §6.4). It converges quickly for
 * x < (a + 1) / (a + b + 2); use the symmetry I_x(a, b) = 1 - I_{1-x}(b, a) otherwise.
 */
export function betaContinuedFraction(x: number, a: number, b: number): number {
  const aPlusB = a + b;
  let c = 1;
  let d = 1 - (aPlusB * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let fraction = d;
  for (let m = 1; m <= MAX_TERMS; m++) {
    const twoM = 2 * m;
    // Even step.
    let term = (m * (b - m) * x) / ((a - 1 + twoM) * (a + twoM));
    d = 1 + term * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + term / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    fraction *= d * c;
    // Odd step.
    term = (-(a + m) * (aPlusB + m) * x) / ((a + twoM) * (a + 1 + twoM));
    d = 1 + term * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + term / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    fraction *= step;
    if (Math.abs(step - 1) <= TOLERANCE) break;
  }
  return fraction;
}
