/**
 * Regularized incomplete beta function I_x(a, b), its complement and its inverse:
 * the unchecked numeric core behind `regularizedIncompleteBeta`,
 * `inverseRegularizedIncompleteBeta` and the beta and PERT distributions.
 *
 * Every function takes x together with y = 1 - x, computed by the caller without
 * cancellation (a scaled beta computes `(max - v) / (max - min)`), so both tails keep
 * their relative accuracy, and a {@link BetaShape} holding what depends on (a, b) only
 * (log B(a, b)), computed once per distribution rather than once per evaluation.
 */
import { logGamma } from "../log-gamma.js";

const LOG_SQRT_2PI = 0.9189385332046728;
const CONTINUED_FRACTION_MAX_TERMS = 10_000;
/** Parameters from this value up use Stirling's series in the prefactor. */
const STIRLING_FROM = 10;

/**
 * Stirling remainder `log Γ(x) - [(x - 1/2) log x - x + log √(2π)]` for x >= 10, from the
 * asymptotic series with Bernoulli numbers (https://dlmf.nist.gov/5.11.E1), 8 terms:
 * absolute error below 1e-16 at x = 10.
 */
function stirlingRemainder(x: number): number {
  const z = 1 / (x * x);
  return (
    (1 / 12 -
      z *
        (1 / 360 -
          z * (1 / 1260 - z * (1 / 1680 - z * (1 / 1188 - z * (691 / 360360 - z * (1 / 156 - z * (3617 / 122400)))))))) /
    x
  );
}

/** log Γ(big) - log Γ(big + small) for big >= 10, without the cancellation of the two log Γ. */
function logGammaRatio(big: number, small: number): number {
  return (
    -(big - 0.5) * Math.log1p(small / big) -
    small * Math.log(big + small) +
    small +
    stirlingRemainder(big) -
    stirlingRemainder(big + small)
  );
}

/** log B(a, b) = log Γ(a) + log Γ(b) - log Γ(a + b), for a, b > 0. */
export function logBeta(a: number, b: number): number {
  const small = Math.min(a, b);
  const big = Math.max(a, b);
  if (big < STIRLING_FROM) return logGamma(a) + logGamma(b) - logGamma(a + b);
  if (small < STIRLING_FROM) return logGamma(small) + logGammaRatio(big, small);
  const s = a + b;
  const logShareA = a < b ? Math.log(a / s) : Math.log1p(-b / s);
  const logShareB = b < a ? Math.log(b / s) : Math.log1p(-a / s);
  return (
    LOG_SQRT_2PI -
    0.5 * Math.log(s) +
    (a - 0.5) * logShareA +
    (b - 0.5) * logShareB +
    stirlingRemainder(a) +
    stirlingRemainder(b) -
    stirlingRemainder(s)
  );
}

/** What the functions below need of the shape parameters (a, b), computed once. */
export interface BetaShape {
  readonly a: number;
  readonly b: number;
  /** log B(a, b). */
  readonly logBeta: number;
  /** a, b >= 10: the prefactor is written around the mode with Stirling's series. */
  readonly nearMode: boolean;
  /** log √(ab / (2π(a + b))) - [remainder(a) + remainder(b) - remainder(a + b)], when nearMode. */
  readonly modeConstant: number;
}

export function betaShape(a: number, b: number): BetaShape {
  const nearMode = a >= STIRLING_FROM && b >= STIRLING_FROM;
  return {
    a,
    b,
    logBeta: logBeta(a, b),
    nearMode,
    modeConstant: nearMode
      ? 0.5 * Math.log((a / (a + b)) * b) -
        LOG_SQRT_2PI -
        (stirlingRemainder(a) + stirlingRemainder(b) - stirlingRemainder(a + b))
      : 0,
  };
}

/** The same shape with a and b exchanged: the distribution of 1 - X. */
export function mirrorShape(shape: BetaShape): BetaShape {
  return { ...shape, a: shape.b, b: shape.a };
}

/**
 * log(x^a y^b / B(a, b)) with y = 1 - x: the prefactor of the continued fraction
 * (divided by y it is x times the beta density at x), symmetric under exchanging
 * (x, a) with (y, b). For a, b >= 10 it is written around the mode, as in DiDonato &
 * Morris (1992), "Algorithm 708: significant digit computation of the incomplete beta
 * function ratios", ACM TOMS 18(3):360–373: with d = x b - y a,
 * `a log1p(d/a) + b log1p(-d/b) + log √(ab / (2π(a+b))) - [stirling terms]`,
 * which avoids subtracting log Γ values of size a log a.
 */
export function logBetaPrefactor(shape: BetaShape, x: number, y: number): number {
  const { a, b } = shape;
  if (shape.nearMode) {
    // x / x0 = 1 + d / a and y / y0 = 1 - d / b, with x0 = a / (a + b) near the mode.
    const d = x * b - y * a;
    const ra = d / a;
    const rb = -d / b;
    const logRatioX = Math.abs(ra) < 0.5 ? Math.log1p(ra) : Math.log((x * (a + b)) / a);
    const logRatioY = Math.abs(rb) < 0.5 ? Math.log1p(rb) : Math.log((y * (a + b)) / b);
    return a * logRatioX + b * logRatioY + shape.modeConstant;
  }
  const logX = x <= 0.5 ? Math.log(x) : Math.log1p(-y);
  const logY = y <= 0.5 ? Math.log(y) : Math.log1p(-x);
  return a * logX + b * logY - shape.logBeta;
}

/**
 * Continued fraction for I_x(a, b) (Numerical Recipes 3rd ed. §6.4, eq. 6.4.5), evaluated
 * by the modified Lentz method (Lentz 1976; Thompson & Barnett 1986). Converges fast
 * for x < (a + 1) / (a + b + 2).
 */
function betaContinuedFraction(x: number, a: number, b: number): number {
  // Constants as local literals: with a module-level constant assigned to d and c, V8 boxed
  // them into new heap numbers on every iteration (about 20 KB per run of the seed scenario).
  const tiny = 1e-300; // below this |d| or |c| the Lentz recurrences would divide by ~0; NR's FPMIN
  const epsilon = 2.220446049250313e-16; // Number.EPSILON
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= CONTINUED_FRACTION_MAX_TERMS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) <= epsilon) break;
  }
  return h;
}

/**
 * I_x(a, b) (or, with `upper`, 1 - I_x(a, b) = I_y(b, a)) for x in (0, 1), y = 1 - x,
 * given `logPrefactor = logBetaPrefactor(shape, x, y)`. Whichever tail the continued
 * fraction converges for is computed directly and keeps its relative accuracy; the
 * other is 1 minus it.
 */
function incompleteBetaFromPrefactor(
  shape: BetaShape,
  x: number,
  y: number,
  logPrefactor: number,
  upper: boolean,
): number {
  const { a, b } = shape;
  if (x * (a + b + 2) < a + 1) {
    const lower = (Math.exp(logPrefactor) * betaContinuedFraction(x, a, b)) / a;
    return upper ? 1 - lower : Math.min(lower, 1);
  }
  const complement = (Math.exp(logPrefactor) * betaContinuedFraction(y, b, a)) / b;
  return upper ? Math.min(complement, 1) : 1 - complement;
}

/**
 * I_x(a, b) (or, with `upper`, 1 - I_x(a, b) = I_y(b, a)) for x in [0, 1], y = 1 - x,
 * a, b > 0.
 */
export function incompleteBeta(shape: BetaShape, x: number, y: number, upper: boolean): number {
  if (x <= 0) return upper ? 1 : 0;
  if (y <= 0) return upper ? 0 : 1;
  return incompleteBetaFromPrefactor(shape, x, y, logBetaPrefactor(shape, x, y), upper);
}

/**
 * Starting point for the inverse (Numerical Recipes 3rd ed. §6.4, `invbetai`): a normal
 * approximation (Abramowitz & Stegun 26.5.22 with 26.2.22) when a, b >= 1, otherwise the
 * leading power of the nearer tail.
 */
function initialGuess(p: number, a: number, b: number): number {
  if (a >= 1 && b >= 1) {
    const t = Math.sqrt(-2 * Math.log(p < 0.5 ? p : 1 - p));
    const r = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
    const z = p < 0.5 ? -r : r;
    const al = (z * z - 3) / 6;
    const h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
    const w = (z * Math.sqrt(al + h)) / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5 / 6 - 2 / (3 * h));
    return a / (a + b * Math.exp(2 * w));
  }
  const logA = Math.log(a / (a + b));
  const logB = Math.log(b / (a + b));
  const t = Math.exp(a * logA) / a;
  const u = Math.exp(b * logB) / b;
  const w = t + u;
  if (p < t / w) return Math.pow(a * w * p, 1 / a);
  return 1 - Math.pow(b * w * (1 - p), 1 / b);
}

/** A Newton step this small, relative to min(1, |t|), ends the search (see `solve`). */
const NEWTON_SETTLED = 1e-9;

/** exp(t) is the smallest positive double near here: the lower end of the search in t = log x. */
const LOG_SMALLEST = -744;

/**
 * x with I_x(a, b) = p, for p in (0, 1): Newton's method on h(t) = log I(e^t) - log p in
 * t = log x, kept inside a bracket [lo, hi] by bisection whenever a step would leave it.
 * In the left tail I ≈ C x^a, so h is close to linear in t and Newton converges from a
 * poor start; near x = 1, t ≈ x - 1 keeps the distance to 1 (and y = -expm1(t) is exact
 * enough), so both ends keep their accuracy without a mirror problem whose target 1 - p
 * could round away. Stops after a Newton step below 1e-9 min(1, |t|) (relative to both
 * x and 1 - x; quadratic convergence leaves an error of order 1e-18), or when a step or
 * the bracket is below a quarter ulp, 5.6e-17 max(1, |t|), where the rounding of I
 * itself decides. An answer below the smallest double comes out as about 5e-324.
 */
function solve(p: number, shape: BetaShape): number {
  const { a, b } = shape;
  let lo = -Infinity; // I(e^lo) < p
  let hi = 0; // I(e^hi) > p
  const logP = Math.log(p);
  const guess = initialGuess(p, a, b);
  // Where the guess underflows or fails, start from the tail's leading term I ≈ x^a / (a B(a, b)).
  let t =
    guess >= 1
      ? -Number.EPSILON
      : guess > 0
        ? Math.log(guess)
        : (logP + Math.log(a) + shape.logBeta) / a;
  t = Math.min(Math.max(t, LOG_SMALLEST), -Number.MIN_VALUE);
  for (let iteration = 0; iteration < 300; iteration++) {
    const x = Math.exp(t);
    const y = -Math.expm1(t);
    const logPrefactor = logBetaPrefactor(shape, x, y);
    const cdf = incompleteBetaFromPrefactor(shape, x, y, logPrefactor, false);
    if (cdf === p) return x;
    if (cdf < p) lo = t;
    else hi = t;
    // d log I / d t = x * density(x) / I, with x * density(x) = x^a y^(b-1) / B(a, b).
    const logCdf = Math.log(cdf);
    const newton = t - (logCdf - logP) * Math.exp(logCdf - (logPrefactor - Math.log(y)));
    // Newton converges quadratically: after a Newton step below 1e-9 of the scale, the
    // error left is of order 1e-18, below what I's own rounding lets further steps
    // resolve. (Such a step may land a rounding error beyond the bracket: clamp it.)
    if (Math.abs(newton - t) <= NEWTON_SETTLED * Math.min(1, Math.abs(t))) {
      return Math.exp(Math.min(Math.max(newton, lo), hi));
    }
    const next =
      newton > lo && newton < hi
        ? newton
        : lo === -Infinity
          ? Math.max(Math.min(2 * t, t - 1), LOG_SMALLEST)
          : 0.5 * (lo + hi);
    const tolerance = 0.25 * Number.EPSILON * Math.max(1, Math.abs(next));
    if (Math.abs(next - t) <= tolerance || hi - lo <= tolerance) return Math.exp(next);
    t = next;
  }
  return Math.exp(t);
}

/** x in [0, 1] with I_x(a, b) = p, for p in [0, 1] and a, b > 0. */
export function inverseIncompleteBeta(shape: BetaShape, p: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  return solve(p, shape);
}
