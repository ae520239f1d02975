import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { regularizedIncompleteBeta } from "../../src/random/index.js";
import { relativeError } from "./_helpers/accuracy.js";

// I_x(a, b) at the double nearest x, from mpmath 1.3.0 (mp.dps = 40) as
// x^a (1-x)^b / (a B(a, b)) 2F1(a + b, 1; a + 1; x) (DLMF 8.17.8), through
// I_x(a, b) = 1 - I_{1-x}(b, a) above the mean.
const REFERENCE: readonly [number, number, number, number][] = [
  [0.3, 0.5, 2.5, 0.7968893362799451],
  [0.001, 0.2, 3, 0.3314585160989153],
  [0.9, 5, 0.3, 0.18915060861296631],
  [0.2, 10, 10, 0.0015791205491671046],
  [1e-10, 2, 5, 1.4999999996000002e-19],
  [0.999, 3, 0.7, 0.981785175090461],
  [0.45, 100, 120, 0.4478012301477076],
  [0.01, 1000, 50000, 5.545810692673352e-83],
  [0.66, 10000, 5000, 0.041968085837987675],
  [0.67, 10000, 5000, 0.8066298947138695],
  [0.1, 0.05, 0.05, 0.4494690911478137],
  [0.95, 0.5, 0.5, 0.8564337068712936],
  [0.5, 30, 30, 0.5],
  [1e-5, 0.5, 40, 0.02249424725410791],
];

describe("regularizedIncompleteBeta", () => {
  it.each(REFERENCE)("I_%d(%d, %d) matches mpmath to 1e-13", (x, a, b, want) => {
    expect(relativeError(regularizedIncompleteBeta(x, a, b), want)).toBeLessThan(1e-13);
  });

  it("matches closed forms: the binomial sum, x^a, 1 - (1-x)^b and the arcsine law", () => {
    // I_x(2, 3) = Σ_{j=2}^{4} C(4, j) x^j (1-x)^(4-j) (DLMF 8.17.5)
    const x = 0.4;
    expect(relativeError(regularizedIncompleteBeta(x, 2, 3), 0.5248)).toBeLessThan(1e-14);
    for (const t of [1e-8, 0.2, 0.7, 0.99]) {
      expect(relativeError(regularizedIncompleteBeta(t, 3.5, 1), t ** 3.5)).toBeLessThan(1e-14);
      expect(relativeError(regularizedIncompleteBeta(t, 1, 2.5), -Math.expm1(2.5 * Math.log1p(-t)))).toBeLessThan(1e-14);
      expect(relativeError(regularizedIncompleteBeta(t, 0.5, 0.5), (2 / Math.PI) * Math.asin(Math.sqrt(t)))).toBeLessThan(1e-14);
    }
  });

  it("satisfies the symmetry I_x(a, b) = 1 - I_{1-x}(b, a)", () => {
    for (const [a, b] of [[0.7, 3], [2, 2], [15, 40], [300, 20]] as const) {
      for (const x of [0.125, 0.25, 0.5, 0.75, 0.875]) {
        expect(Math.abs(regularizedIncompleteBeta(x, a, b) + regularizedIncompleteBeta(1 - x, b, a) - 1)).toBeLessThan(1e-14);
      }
    }
  });

  it("is 0 at 0, 1 at 1 and non-decreasing", () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
    let previous = 0;
    for (let i = 1; i <= 1000; i++) {
      const value = regularizedIncompleteBeta(i / 1000, 0.8, 4.5);
      expect(value).toBeGreaterThanOrEqual(previous);
      previous = value;
    }
  });

  it("refuses arguments outside its domain", () => {
    expect(() => regularizedIncompleteBeta(1.5, 2, 3)).toThrow("x: expected a number in [0, 1], found 1.5");
    expect(() => regularizedIncompleteBeta(0.5, 0, 3)).toThrow("a: expected a finite number > 0, found 0");
    expect(() => regularizedIncompleteBeta(0.5, 2, Infinity)).toThrow("b: expected a finite number > 0, found Infinity");
    expect(() => regularizedIncompleteBeta(Number.NaN, 2, 3)).toThrow(InputError);
  });
});
