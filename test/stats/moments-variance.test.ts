import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { emptyMoments, momentsOf, momentsVariance } from "../../src/stats/index.js";
import { finiteValues } from "./_helpers.js";

describe("momentsVariance", () => {
  it("is m2 / (n - 1) (hand-computed)", () => {
    // [1, 2, 6]: mean 3, squared deviations 4 + 1 + 9 = 14, / 2 = 7.
    expect(momentsVariance(momentsOf([1, 2, 6]))).toBe(7);
  });

  it("gives R's var()", () => {
    // R: var(c(2, 4, 4, 4, 5, 5, 7, 9))  ->  4.571428571428571 (= 32 / 7)
    expect(momentsVariance(momentsOf([2, 4, 4, 4, 5, 5, 7, 9]))).toBeCloseTo(32 / 7, 14);
    // R: var(c(0.1, 0.2, 0.3))  ->  0.01
    expect(momentsVariance(momentsOf([0.1, 0.2, 0.3]))).toBeCloseTo(0.01, 15);
  });

  it("is 0 for a single value (nothing to estimate a spread from)", () => {
    expect(momentsVariance(momentsOf([42]))).toBe(0);
  });

  it("is never negative and is 0 for constant data", () => {
    fc.assert(
      fc.property(finiteValues, (values) => {
        expect(momentsVariance(momentsOf(values))).toBeGreaterThanOrEqual(0);
        expect(momentsVariance(momentsOf(values.map(() => values[0]!)))).toBe(0);
      }),
    );
  });

  it("rejects empty and malformed records", () => {
    expect(() => momentsVariance(emptyMoments())).toThrow(InputError);
    expect(() => momentsVariance(emptyMoments())).toThrowErrorMatchingInlineSnapshot(`[InputError: m.count: expected at least one value, got empty moments]`);
    expect(() => momentsVariance({ count: 2, mean: 1, m2: Number.NaN, min: 0, max: 2 })).toThrowErrorMatchingInlineSnapshot(`[InputError: m.m2: expected a finite number, got NaN]`);
  });
});
