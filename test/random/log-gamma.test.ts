import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { logGamma } from "../../src/random/index.js";
import { relativeError } from "./_helpers/accuracy.js";

// log |Γ(x)| at the double nearest each x, computed with mpmath 1.3.0 (mp.dps = 50,
// mp.log(abs(mp.gamma(x)))). Exact checks: Γ(1/2) = √π, Γ(3) = 2, Γ(10) = 9!, 99! for
// Γ(100); log Γ(1e-300) = 690.7755... (≈ -log x); DLMF 5.4 for half-integers.
const REFERENCE: readonly [number, number][] = [
  [1e-300, 690.7755278982137],
  [1e-8, 18.42068073818021],
  [0.001, 6.907178885383853],
  [0.1, 2.252712651734206],
  [0.5, 0.5723649429247001],
  [1.5, -0.12078223763524522],
  [2.5, 0.2846828704729192],
  [3, 0.6931471805599453],
  [7.5, 7.534364236758733],
  [10, 12.801827480081469],
  [30.5, 72.9534711841694],
  [100, 359.1342053695754],
  [171.5, 709.1431630309282],
  [1000, 5905.220423209181],
  [1e6, 12815504.569147611],
  [1e15, 3.3538776394910668e16],
  [-0.5, 1.2655121234846454],
  [-2.5, -0.056243716497674054],
  [-10.3, -14.457515440024205],
];

describe("logGamma", () => {
  it.each(REFERENCE)("log Γ(%d) matches mpmath to 1e-14", (x, want) => {
    expect(relativeError(logGamma(x), want)).toBeLessThan(1e-14);
  });

  it("is 0 at 1 and 2 to within 1e-15", () => {
    expect(Math.abs(logGamma(1))).toBeLessThan(1e-15);
    expect(Math.abs(logGamma(2))).toBeLessThan(1e-15);
  });

  it("satisfies log Γ(x + 1) = log Γ(x) + log x", () => {
    for (const x of [0.3, 1.7, 4.2, 12.5, 88.8]) {
      expect(Math.abs(logGamma(x + 1) - logGamma(x) - Math.log(x))).toBeLessThan(2e-14 * Math.max(1, logGamma(x + 1)));
    }
  });

  it("is +Infinity at the poles and at ±Infinity", () => {
    for (const x of [0, -1, -2, -30]) expect(logGamma(x)).toBe(Infinity);
    expect(logGamma(Infinity)).toBe(Infinity);
  });

  it("refuses NaN", () => {
    expect(() => logGamma(Number.NaN)).toThrow(InputError);
  });
});
