import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { ExactMoments, quantile, quantileBands } from "../../src/stats/index.js";
import { finiteValue } from "./_helpers.js";

describe("quantileBands", () => {
  it("reads the run-major layout and summarises each period (hand-computed)", () => {
    // runs 3, periods 2: period 0 = {1, 2, 3}, period 1 = {10, 20, 30}.
    // R: quantile(1:3, c(.05, .25, .5, .75, .95)) -> 1.1 1.5 2.0 2.5 2.9
    const bands = quantileBands(new Float64Array([1, 10, 2, 20, 3, 30]), 3, 2);
    expect(bands.mean).toEqual([2, 20]);
    expect(bands.p05[0]).toBeCloseTo(1.1, 14);
    expect(bands.p05[1]).toBeCloseTo(11, 13);
    expect(bands.p25).toEqual([1.5, 15]);
    expect(bands.p50).toEqual([2, 20]);
    expect(bands.p75).toEqual([2.5, 25]);
    expect(bands.p95[0]).toBeCloseTo(2.9, 14);
    expect(bands.p95[1]).toBeCloseTo(29, 13);
  });

  it("handles one run and one period", () => {
    expect(quantileBands([4, 5], 1, 2)).toEqual({ mean: [4, 5], p05: [4, 5], p25: [4, 5], p50: [4, 5], p75: [4, 5], p95: [4, 5] });
    expect(quantileBands([3, 1, 2], 3, 1).p50).toEqual([2]);
  });

  it("equals the quantiles of each period's column, and leaves the input unchanged", () => {
    const layout = fc
      .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 6 }))
      .chain(([runs, periods]) =>
        fc.record({
          runs: fc.constant(runs),
          periods: fc.constant(periods),
          values: fc.array(finiteValue, { minLength: runs * periods, maxLength: runs * periods }),
        }),
      );
    fc.assert(
      fc.property(layout, ({ runs, periods, values }) => {
        const input = new Float64Array(values);
        const bands = quantileBands(input, runs, periods);
        expect(Array.from(input)).toEqual(Array.from(new Float64Array(values)));
        for (const key of ["mean", "p05", "p25", "p50", "p75", "p95"] as const) expect(bands[key]).toHaveLength(periods);
        for (let t = 0; t < periods; t++) {
          const column = Array.from({ length: runs }, (_, r) => input[r * periods + t]!);
          const moments = new ExactMoments();
          for (const x of column) moments.add(x);
          expect(bands.mean[t]).toBe(moments.mean()); // the exact mean, correctly rounded
          expect(bands.p05[t]).toBe(quantile(column, 0.05));
          expect(bands.p50[t]).toBe(quantile(column, 0.5));
          expect(bands.p95[t]).toBe(quantile(column, 0.95));
          expect(bands.p05[t]!).toBeLessThanOrEqual(bands.p25[t]!);
          expect(bands.p25[t]!).toBeLessThanOrEqual(bands.p50[t]!);
          expect(bands.p50[t]!).toBeLessThanOrEqual(bands.p75[t]!);
          expect(bands.p75[t]!).toBeLessThanOrEqual(bands.p95[t]!);
        }
      }),
    );
  });

  it("rejects bad shapes and values", () => {
    expect(() => quantileBands(new Float64Array(5), 2, 3)).toThrow(InputError);
    expect(() => quantileBands(new Float64Array(5), 2, 3)).toThrowErrorMatchingInlineSnapshot(`[InputError: values: expected runs * periods = 2 * 3 = 6 values, got 5]`);
    expect(() => quantileBands(new Float64Array(0), 0, 3)).toThrowErrorMatchingInlineSnapshot(`[InputError: runs: expected a positive integer, got 0]`);
    expect(() => quantileBands(new Float64Array(6), 2, 1.5)).toThrowErrorMatchingInlineSnapshot(`[InputError: periods: expected a positive integer, got 1.5]`);
    expect(() => quantileBands(new Float64Array([1, 2, Number.NaN, 4]), 2, 2)).toThrowErrorMatchingInlineSnapshot(`[InputError: values[2]: expected a finite number, got NaN]`);
  });
});
