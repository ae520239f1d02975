import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { addToMoments, emptyMoments, momentsOf } from "../../src/stats/index.js";
import { closeRelative, finiteValues } from "./_helpers.js";

describe("addToMoments", () => {
  it("updates the record in place (hand-computed)", () => {
    // 2 4 4 4 5 5 7 9: mean 5, squared deviations 9+1+1+1+0+0+4+16 = 32.
    const m = emptyMoments();
    for (const x of [2, 4, 4, 4, 5, 5, 7, 9]) expect(addToMoments(m, x)).toBeUndefined();
    expect(m).toEqual({ count: 8, mean: 5, m2: 32, min: 2, max: 9 });
  });

  it("keeps the same object (no new record per value)", () => {
    const m = emptyMoments();
    const before = m;
    addToMoments(m, 1);
    addToMoments(m, -1);
    expect(m).toBe(before);
    expect(m).toEqual({ count: 2, mean: 0, m2: 2, min: -1, max: 1 });
  });

  it("is exact for a single value", () => {
    const m = emptyMoments();
    addToMoments(m, 0.1);
    expect(m).toEqual({ count: 1, mean: 0.1, m2: 0, min: 0.1, max: 0.1 });
  });

  it("stays accurate far from zero (where the textbook sum-of-squares formula fails)", () => {
    // R: var(1e9 + c(4, 7, 13, 16))  ->  30
    const m = emptyMoments();
    for (const x of [4, 7, 13, 16]) addToMoments(m, 1e9 + x);
    expect(m.mean).toBe(1e9 + 10);
    expect(m.m2 / 3).toBeCloseTo(30, 6);
  });

  it("agrees with momentsOf on any array", () => {
    fc.assert(
      fc.property(finiteValues, (values) => {
        const m = emptyMoments();
        for (const x of values) addToMoments(m, x);
        const whole = momentsOf(values);
        const scale = Math.max(...values.map(Math.abs));
        expect(m.count).toBe(whole.count);
        expect(m.min).toBe(whole.min);
        expect(m.max).toBe(whole.max);
        expect(closeRelative(m.mean, whole.mean, 1e-12, scale)).toBe(true);
        expect(closeRelative(m.m2, whole.m2, 1e-9, 1e-12 * values.length * scale * scale)).toBe(true);
      }),
    );
  });

  it("rejects a value that is not finite and leaves the record unchanged", () => {
    const m = emptyMoments();
    addToMoments(m, 3);
    expect(() => addToMoments(m, Number.NaN)).toThrow(InputError);
    expect(() => addToMoments(m, Number.NaN)).toThrowErrorMatchingInlineSnapshot(`[InputError: x: expected a finite number, got NaN]`);
    expect(() => addToMoments(m, Number.NEGATIVE_INFINITY)).toThrowErrorMatchingInlineSnapshot(`[InputError: x: expected a finite number, got -Infinity]`);
    expect(m).toEqual({ count: 1, mean: 3, m2: 0, min: 3, max: 3 });
  });
});
