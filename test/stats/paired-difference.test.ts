import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { pairedDifference } from "../../src/stats/index.js";
import { finiteValues } from "./_helpers.js";

describe("pairedDifference", () => {
  it("gives R's paired t interval", () => {
    // d = [-1, 0, -2, -1]: mean -1, sd sqrt(2/3), se sqrt(2/3)/2.
    // R: t.test(c(1, 2, 3, 4), c(2, 2, 5, 5), paired = TRUE)$conf.int -> -2.2992283  0.2992283
    const r = pairedDifference([1, 2, 3, 4], [2, 2, 5, 5]);
    expect(r.count).toBe(4);
    expect(r.mean).toBe(-1);
    expect(r.sd).toBeCloseTo(Math.sqrt(2 / 3), 15);
    expect(r.se).toBeCloseTo(Math.sqrt(2 / 3) / 2, 15);
    expect(r.ci95Low).toBeCloseTo(-2.2992283, 7);
    expect(r.ci95High).toBeCloseTo(0.2992283, 7);
    expect(r.probabilityLower).toBe(0.75);
    expect(r.probabilityHigher).toBe(0);
  });

  it("uses t with n - 1 degrees of freedom (hand-computed, n = 2)", () => {
    // d = [1, 3]: mean 2, sd sqrt(2), se 1, t_{0.975, 1} = 12.706204736174705.
    const r = pairedDifference(new Float64Array([11, 13]), new Float64Array([10, 10]));
    expect(r.ci95Low).toBeCloseTo(2 - 12.706204736174705, 12);
    expect(r.ci95High).toBeCloseTo(2 + 12.706204736174705, 12);
    expect(r.probabilityHigher).toBe(1);
  });

  it("of identical arrays is all zeros, with the interval [0, 0]", () => {
    fc.assert(
      fc.property(finiteValues, (values) => {
        expect(pairedDifference(values, [...values])).toEqual({
          count: values.length,
          mean: 0,
          sd: 0,
          se: 0,
          ci95Low: 0,
          ci95High: 0,
          probabilityLower: 0,
          probabilityHigher: 0,
        });
      }),
    );
  });

  it("changes sign when policy and baseline swap, and contains its mean", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -1000, max: 1000 })), { minLength: 2, maxLength: 40 }),
        (pairs) => {
          const a = pairs.map(([x]) => x);
          const b = pairs.map(([, y]) => y);
          const ab = pairedDifference(a, b);
          const ba = pairedDifference(b, a);
          expect(ba.mean).toBeCloseTo(-ab.mean, 10);
          expect(ba.probabilityLower).toBe(ab.probabilityHigher);
          expect(ba.probabilityHigher).toBe(ab.probabilityLower);
          expect(ab.probabilityLower + ab.probabilityHigher).toBeLessThanOrEqual(1);
          expect(ab.ci95Low).toBeLessThanOrEqual(ab.mean);
          expect(ab.ci95High).toBeGreaterThanOrEqual(ab.mean);
        },
      ),
    );
  });

  it("collapses the interval to the mean with a single pair", () => {
    expect(pairedDifference([5], [3])).toEqual({
      count: 1,
      mean: 2,
      sd: 0,
      se: 0,
      ci95Low: 2,
      ci95High: 2,
      probabilityLower: 0,
      probabilityHigher: 1,
    });
  });

  it("does not modify its inputs", () => {
    const a = [1, 2];
    const b = [3, 1];
    pairedDifference(a, b);
    expect(a).toEqual([1, 2]);
    expect(b).toEqual([3, 1]);
  });

  it("rejects unequal lengths, empty and non-finite input", () => {
    expect(() => pairedDifference([1, 2], [1])).toThrow(InputError);
    expect(() => pairedDifference([1, 2], [1])).toThrowErrorMatchingInlineSnapshot(`[InputError: baseline: expected as many runs as the policy (2), got 1]`);
    expect(() => pairedDifference([], [])).toThrowErrorMatchingInlineSnapshot(`[InputError: policy: expected at least one value, got an empty array]`);
    expect(() => pairedDifference([1, Number.NaN], [1, 2])).toThrowErrorMatchingInlineSnapshot(`[InputError: policy[1]: expected a finite number, got NaN]`);
    expect(() => pairedDifference([1, 2], [1, Number.POSITIVE_INFINITY])).toThrowErrorMatchingInlineSnapshot(`[InputError: baseline[1]: expected a finite number, got Infinity]`);
    expect(() => pairedDifference([1e308], [-1e308])).toThrowErrorMatchingInlineSnapshot(`[InputError: policy[0]: the difference 1e+308 - -1e+308 overflows double precision]`);
  });
});
