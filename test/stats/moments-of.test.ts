import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { momentsOf } from "../../src/stats/index.js";
import { closeRelative, finiteValues } from "./_helpers.js";

describe("momentsOf", () => {
  it("computes count, mean, m2, min, max (hand-computed)", () => {
    expect(momentsOf([1, 2, 6])).toEqual({ count: 3, mean: 3, m2: 14, min: 1, max: 6 });
    expect(momentsOf(new Float64Array([-1, 1]))).toEqual({ count: 2, mean: 0, m2: 2, min: -1, max: 1 });
  });

  it("is exact on a badly conditioned example", () => {
    // R: var(1e9 + c(4, 7, 13, 16))  ->  30; mean 1000000010
    const m = momentsOf([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]);
    expect(m.mean).toBe(1e9 + 10);
    expect(m.m2).toBe(90);
  });

  it("returns the empty record for an empty array", () => {
    expect(momentsOf([])).toEqual({ count: 0, mean: 0, m2: 0, min: Infinity, max: -Infinity });
  });

  it("keeps the mean within [min, max], even for repeated values that do not sum exactly", () => {
    expect(momentsOf([0.1, 0.1, 0.1]).mean).toBe(0.1);
    fc.assert(
      fc.property(finiteValues, (values) => {
        const m = momentsOf(values);
        expect(m.mean).toBeGreaterThanOrEqual(m.min);
        expect(m.mean).toBeLessThanOrEqual(m.max);
      }),
    );
  });

  it("agrees with a direct two-pass computation", () => {
    fc.assert(
      fc.property(finiteValues, (values) => {
        const n = values.length;
        const mean = values.reduce((a, b) => a + b, 0) / n;
        const m2 = values.reduce((a, x) => a + (x - mean) ** 2, 0);
        const scale = Math.max(...values.map(Math.abs));
        const m = momentsOf(values);
        expect(closeRelative(m.mean, mean, 1e-12, scale)).toBe(true);
        expect(closeRelative(m.m2, m2, 1e-9, 1e-12 * n * scale * scale)).toBe(true);
      }),
    );
  });

  it("does not modify its input", () => {
    const values = [3, 1, 2];
    momentsOf(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it("rejects values that are not finite, and overflow", () => {
    expect(() => momentsOf([1, Number.NaN])).toThrow(InputError);
    expect(() => momentsOf([1, Number.NaN])).toThrowErrorMatchingInlineSnapshot(`[InputError: values[1]: expected a finite number, got NaN]`);
    expect(() => momentsOf([Number.POSITIVE_INFINITY])).toThrowErrorMatchingInlineSnapshot(`[InputError: values[0]: expected a finite number, got Infinity]`);
    expect(() => momentsOf([1e308, -1e308])).toThrowErrorMatchingInlineSnapshot(`[InputError: values: magnitudes as large as 1e+308 overflow the mean or variance in double precision]`);
    expect(() => momentsOf("abc" as unknown as number[])).toThrowErrorMatchingInlineSnapshot(`[InputError: values: expected an array of numbers, got string]`);
  });
});
