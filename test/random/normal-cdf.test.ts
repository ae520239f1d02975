import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { normalCdf } from "../../src/random/index.js";
import { relativeError } from "./_helpers/accuracy.js";

// Φ(x) computed with mpmath 1.3.0 (mp.dps = 50, mp.ncdf). Φ(-1.96) = 0.0249979 and
// Φ(-3) = 0.0013499 as in every normal table; Φ(-10) = 7.6198530241605e-24 (DLMF 7.2.2).
const REFERENCE: readonly [number, number][] = [
  [-37.5, 4.605353009581955e-308],
  [-30, 4.906713927148187e-198],
  [-20, 2.7536241186062337e-89],
  [-10, 7.619853024160525e-24],
  [-5, 2.866515718791939e-7],
  [-3, 0.0013498980316300946],
  [-1.96, 0.024997895148220435],
  [-1, 0.15865525393145705],
  [-0.5, 0.3085375387259869],
  [0, 0.5],
  [0.5, 0.6914624612740131],
  [1, 0.8413447460685429],
  [1.96, 0.9750021048517795],
  [3, 0.9986501019683699],
  [8, 0.9999999999999993],
];

describe("normalCdf", () => {
  it.each(REFERENCE)("Φ(%d) is within 3 ulp of mpmath, including the far lower tail", (x, want) => {
    expect(relativeError(normalCdf(x), want)).toBeLessThanOrEqual(3 * Number.EPSILON);
  });

  it("is 0 and 1 at the infinities", () => {
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
  });

  it("satisfies Φ(x) + Φ(-x) = 1", () => {
    for (const x of [0.1, 0.7, 1.3, 2.9, 4.4]) expect(Math.abs(normalCdf(x) + normalCdf(-x) - 1)).toBeLessThan(2e-16);
  });

  it("refuses NaN", () => {
    expect(() => normalCdf(Number.NaN)).toThrow(InputError);
  });
});
