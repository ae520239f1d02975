import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { conditionalValueAtRisk, valueAtRisk } from "../../src/stats/index.js";
import { ascending, closeRelative, finiteValues, probability, tailIntegralCvar } from "./_helpers.js";

const oneToTen = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

describe("conditionalValueAtRisk", () => {
  it("is the mean of the worst 1 - level of runs (hand-computed)", () => {
    // level 0.8: the worst 20% are {9, 10}, mean 9.5.
    // R-U: k = ceil(10 * 0.8) = 8, c = 8, 8 + ((9 - 8) + (10 - 8)) / (10 * 0.2) = 9.5.
    expect(conditionalValueAtRisk(oneToTen, 0.8)).toBeCloseTo(9.5, 14);
    // level 0.75: the worst 25% are half of run 8, and 9, 10: (0.5 * 8 + 9 + 10) / 2.5 = 9.2.
    expect(conditionalValueAtRisk(oneToTen, 0.75)).toBeCloseTo(9.2, 14);
    // level 0.95: the worst 5% is half of the worst run: 10.
    expect(conditionalValueAtRisk(oneToTen, 0.95)).toBe(10);
    // level 0: the mean; level 1: the maximum.
    expect(conditionalValueAtRisk(oneToTen, 0)).toBeCloseTo(5.5, 14);
    expect(conditionalValueAtRisk(oneToTen, 1)).toBe(10);
  });

  it("does not plug the interpolated VaR into the formula (which would exceed the maximum)", () => {
    // Type 7 VaR of [0, 1] at 0.9 is 0.9, and 0.9 + E[(X - 0.9)+] / 0.1 = 0.9 + 0.05 / 0.1 = 1.4 > max.
    // The empirical 0.9-quantile is 1, so CVaR = 1.
    expect(valueAtRisk([0, 1], 0.9)).toBeCloseTo(0.9, 15);
    expect(conditionalValueAtRisk([0, 1], 0.9)).toBe(1);
    // Two runs at level 0.5: the worse half is {1}.
    expect(conditionalValueAtRisk([0, 1], 0.5)).toBe(1);
    // Ties at the boundary: [1, 2, 2, 2, 3] at 0.6: worst 40% = {2, 3}, mean 2.5.
    expect(conditionalValueAtRisk([1, 2, 2, 2, 3], 0.6)).toBeCloseTo(2.5, 14);
  });

  it("equals the tail integral of the empirical quantile function", () => {
    fc.assert(
      fc.property(finiteValues, probability, (values, level) => {
        const sorted = ascending(values);
        const scale = Math.max(Math.abs(sorted[0]!), Math.abs(sorted[sorted.length - 1]!));
        const expected = tailIntegralCvar(sorted, level);
        expect(closeRelative(conditionalValueAtRisk(sorted, level), expected, 1e-9, scale)).toBe(true);
      }),
    );
  });

  it("lies between VaR and the maximum", () => {
    fc.assert(
      fc.property(finiteValues, probability, (values, level) => {
        const sorted = ascending(values);
        const cvar = conditionalValueAtRisk(sorted, level);
        expect(cvar).toBeGreaterThanOrEqual(valueAtRisk(sorted, level));
        expect(cvar).toBeLessThanOrEqual(sorted[sorted.length - 1]!);
      }),
    );
  });

  it("is non-decreasing in the level", () => {
    fc.assert(
      fc.property(finiteValues, probability, probability, (values, a, b) => {
        const sorted = ascending(values);
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const scale = Math.max(Math.abs(sorted[0]!), Math.abs(sorted[sorted.length - 1]!));
        expect(conditionalValueAtRisk(sorted, lo)).toBeLessThanOrEqual(conditionalValueAtRisk(sorted, hi) + 1e-12 * scale);
      }),
    );
  });

  it("rejects bad arguments, including unsorted input", () => {
    expect(() => conditionalValueAtRisk(oneToTen, 1.01)).toThrow(InputError);
    expect(() => conditionalValueAtRisk(oneToTen, 1.01)).toThrowErrorMatchingInlineSnapshot(`[InputError: level: expected a probability in [0, 1], got 1.01]`);
    expect(() => conditionalValueAtRisk([], 0.95)).toThrowErrorMatchingInlineSnapshot(`[InputError: sorted: expected at least one value, got an empty array]`);
    expect(() => conditionalValueAtRisk([3, 1, 2], 0.5)).toThrowErrorMatchingInlineSnapshot(`[InputError: sorted[1]: expected values in ascending order, got 1 after 3]`);
    expect(() => conditionalValueAtRisk([1, 2, Number.NaN], 0.5)).toThrowErrorMatchingInlineSnapshot(`[InputError: sorted[2]: expected a finite number, got NaN]`);
  });
});
