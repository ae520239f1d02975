import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { quantile, quantileSorted } from "../../src/stats/index.js";
import { ascending, finiteValues, probability } from "./_helpers.js";

describe("quantile", () => {
  it("sorts before interpolating (hand-computed)", () => {
    // sorted: 1 1 3 4 5; h = 4 * 0.25 = 1 -> x[1] = 1; h = 4 * 0.6 = 2.4 -> 3 + 0.4 * 1.
    expect(quantile([3, 1, 4, 1, 5], 0.25)).toBe(1);
    expect(quantile([3, 1, 4, 1, 5], 0.6)).toBeCloseTo(3.4, 14);
    expect(quantile([3, 1, 4, 1, 5], 0)).toBe(1);
    expect(quantile([3, 1, 4, 1, 5], 1)).toBe(5);
  });

  it("gives R's values", () => {
    // R: quantile(c(3, 1, 4, 1, 5, 9, 2, 6), c(0.3, 0.5, 0.8))  ->  2.1  3.5  5.6
    const x = [3, 1, 4, 1, 5, 9, 2, 6];
    expect(quantile(x, 0.3)).toBeCloseTo(2.1, 14);
    expect(quantile(x, 0.5)).toBeCloseTo(3.5, 14);
    expect(quantile(x, 0.8)).toBeCloseTo(5.6, 14);
  });

  it("never modifies its input", () => {
    const values = [3, 1, 2];
    const typed = new Float64Array([3, 1, 2]);
    quantile(values, 0.5);
    quantile(typed, 0.5);
    expect(values).toEqual([3, 1, 2]);
    expect(Array.from(typed)).toEqual([3, 1, 2]);
  });

  it("equals quantileSorted of the sorted values, whatever their order", () => {
    fc.assert(
      fc.property(finiteValues, probability, (values, p) => {
        expect(quantile(values, p)).toBe(quantileSorted(ascending(values), p));
      }),
    );
  });

  it("rejects bad arguments", () => {
    expect(() => quantile([], 0.5)).toThrow(InputError);
    expect(() => quantile([], 0.5)).toThrowErrorMatchingInlineSnapshot(`[InputError: values: expected at least one value, got an empty array]`);
    expect(() => quantile([1, 2, Number.NaN], 0.5)).toThrowErrorMatchingInlineSnapshot(`[InputError: values[2]: expected a finite number, got NaN]`);
    expect(() => quantile([1, Number.POSITIVE_INFINITY], 0.5)).toThrowErrorMatchingInlineSnapshot(`[InputError: values[1]: expected a finite number, got Infinity]`);
    expect(() => quantile([1, 2], 2)).toThrowErrorMatchingInlineSnapshot(`[InputError: p: expected a probability in [0, 1], got 2]`);
  });
});
