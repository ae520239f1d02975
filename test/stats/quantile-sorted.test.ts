import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { quantileSorted } from "../../src/stats/index.js";
import { ascending, finiteValues, probability, rQuantileType7 } from "./_helpers.js";

describe("quantileSorted", () => {
  it("interpolates between order statistics (hand-computed)", () => {
    // n = 4: h = 3p. p = 0.5 -> h = 1.5 -> 2 + 0.5 * (3 - 2).
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0)).toBe(1);
    expect(quantileSorted([1, 2, 3, 4], 1)).toBe(4);
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantileSorted([10], 0.3)).toBe(10);
    expect(quantileSorted([-5, -5, 0], 0.25)).toBe(-5);
    // subnormal values (fast-check seed -673561365): R's form rounds the half step to 0, ours to -5e-324; both in range
    expect(quantileSorted([-5e-324, -5e-324, 0, 0], 0.5)).toBe(-5e-324);
  });

  it("gives R's values", () => {
    // R: quantile(c(1, 3, 4, 7, 10, 15), c(0.1, 0.25, 0.5, 0.9))  ->  2  3.25  5.5  12.5
    const x = [1, 3, 4, 7, 10, 15];
    expect(quantileSorted(x, 0.1)).toBeCloseTo(2, 14);
    expect(quantileSorted(x, 0.25)).toBeCloseTo(3.25, 14);
    expect(quantileSorted(x, 0.5)).toBeCloseTo(5.5, 14);
    expect(quantileSorted(x, 0.9)).toBeCloseTo(12.5, 14);
    // R: quantile(1:10, 0.95)  ->  9.55
    expect(quantileSorted([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)).toBeCloseTo(9.55, 14);
  });

  it("accepts typed arrays and leaves the input unchanged", () => {
    const sorted = new Float64Array([1, 2, 4, 8]);
    expect(quantileSorted(sorted, 2 / 3)).toBe(4);
    expect(Array.from(sorted)).toEqual([1, 2, 4, 8]);
  });

  it("agrees with R's formula to rounding", () => {
    fc.assert(
      fc.property(finiteValues, probability, (values, p) => {
        const sorted = ascending(values);
        const expected = rQuantileType7(sorted, p);
        const scale = Math.max(Math.abs(sorted[0]!), Math.abs(sorted[sorted.length - 1]!));
        // R computes the fraction from 1 + (n - 1) p, which rounds differently: allow a few ulps per value.
        // (below the smallest normal number, rounding is absolute: a few subnormal steps)
        const tolerance = Math.max(4 * Number.EPSILON * (sorted.length + 2) * scale, 4 * Number.MIN_VALUE);
        expect(Math.abs(quantileSorted(sorted, p) - expected)).toBeLessThanOrEqual(tolerance);
      }),
    );
  });

  it("is monotone in p and stays within [min, max]", () => {
    fc.assert(
      fc.property(finiteValues, probability, probability, (values, p1, p2) => {
        const sorted = ascending(values);
        const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
        const qLo = quantileSorted(sorted, lo);
        const qHi = quantileSorted(sorted, hi);
        expect(qLo).toBeLessThanOrEqual(qHi);
        expect(qLo).toBeGreaterThanOrEqual(sorted[0]!);
        expect(qHi).toBeLessThanOrEqual(sorted[sorted.length - 1]!);
      }),
    );
  });

  it("rejects bad arguments with a message that says what was expected", () => {
    expect(() => quantileSorted([], 0.5)).toThrow(InputError);
    expect(() => quantileSorted([], 0.5)).toThrowErrorMatchingInlineSnapshot(`[InputError: sorted: expected at least one value, got an empty array]`);
    expect(() => quantileSorted([1, 2], 1.5)).toThrowErrorMatchingInlineSnapshot(`[InputError: p: expected a probability in [0, 1], got 1.5]`);
    expect(() => quantileSorted([1, 2], -0.1)).toThrowErrorMatchingInlineSnapshot(`[InputError: p: expected a probability in [0, 1], got -0.1]`);
    expect(() => quantileSorted([1, 2], Number.NaN)).toThrowErrorMatchingInlineSnapshot(`[InputError: p: expected a probability in [0, 1], got NaN]`);
    expect(() => quantileSorted([1, Number.NaN, 3], 0.5)).toThrowErrorMatchingInlineSnapshot(`[InputError: sorted[1]: expected a finite number, got NaN]`);
    expect(() => quantileSorted([1, 3, 2], 0.75)).toThrowErrorMatchingInlineSnapshot(`[InputError: sorted[2]: expected values in ascending order, got 2 after 3]`);
    expect(() => quantileSorted(null as unknown as number[], 0.5)).toThrowErrorMatchingInlineSnapshot(`[InputError: sorted: expected an array of numbers, got null]`);
  });
});
