import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { inverseRegularizedIncompleteBeta, regularizedIncompleteBeta } from "../../src/random/index.js";
import { relativeError } from "./_helpers/accuracy.js";

// x with I_x(a, b) = p for the double nearest p, by 400 bisection steps on log x in
// mpmath 1.3.0 (mp.dps = 40, I as in regularizedIncompleteBeta.test.ts). Closed forms:
// (1e-300, 1, 2): x = 1 - sqrt(1 - p) ≈ p/2; (1e-12, 1/2, 1/2): x = sin²(πp/2); (1/2, a, a): 1/2.
const REFERENCE: readonly [number, number, number, number][] = [
  [1e-300, 1, 2, 5e-301],
  [1e-300, 30, 5, 6.989673513975212e-11],
  [1e-100, 2, 2, 5.773502691896258e-51],
  [1e-12, 0.5, 0.5, 2.4674011002723395e-24],
  [1e-6, 2, 5, 0.0002582878293540636],
  [0.01, 0.2, 3, 2.4953435373464008e-11],
  [0.3, 5, 1.5, 0.7045614627530669],
  [0.5, 2, 3, 0.38572756813238956],
  [0.5, 30, 30, 0.5],
  [0.7, 0.05, 1e5, 4.6656589999292974e-9],
  [0.9, 100, 120, 0.4976241955263912],
  [0.99, 0.5, 40, 0.08006523508303096],
  [0.999999, 3, 0.7, 0.9999999991812193],
  [0.999, 1000, 50000, 0.021558803120109677],
  [0.25, 1e4, 5e3, 0.6640745839913516],
];

describe("inverseRegularizedIncompleteBeta", () => {
  it.each(REFERENCE)("the %d-quantile of beta(%d, %d) matches mpmath to 1e-12", (p, a, b, want) => {
    expect(relativeError(inverseRegularizedIncompleteBeta(p, a, b), want)).toBeLessThan(1e-12);
  });

  it("inverts regularizedIncompleteBeta for any shapes and probabilities (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 200, noNaN: true }),
        fc.double({ min: 0.05, max: 200, noNaN: true }),
        fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }),
        (a, b, p) => {
          const x = inverseRegularizedIncompleteBeta(p, a, b);
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1);
          // Compare in the smaller tail, where the probability keeps its relative accuracy,
          // allowing for the CDF's step across one ulp of x (near 1 a double resolves x
          // only to 1.1e-16, which can move a steep CDF by far more than 1e-10).
          const tail = (t: number): number => {
            const cdf = regularizedIncompleteBeta(Math.min(1, Math.max(0, t)), a, b);
            return p <= 0.5 ? cdf : 1 - cdf;
          };
          const want = p <= 0.5 ? p : 1 - p;
          const ulp = Math.max(Number.MIN_VALUE, x * Number.EPSILON);
          const step = Math.abs(tail(x + ulp) - tail(x - ulp));
          expect(Math.abs(tail(x) - want)).toBeLessThanOrEqual(1e-10 * want + step);
        },
      ),
      { seed: 20240611, numRuns: 300 },
    );
  });

  it("gives 0 and 1 at the ends", () => {
    expect(inverseRegularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(inverseRegularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });

  it("refuses arguments outside its domain", () => {
    expect(() => inverseRegularizedIncompleteBeta(-1, 2, 3)).toThrow("p: expected a probability in [0, 1], found -1");
    expect(() => inverseRegularizedIncompleteBeta(0.5, -2, 3)).toThrow("a: expected a finite number > 0, found -2");
    expect(() => inverseRegularizedIncompleteBeta(Number.NaN, 2, 3)).toThrow(InputError);
  });
});
