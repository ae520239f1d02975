import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { conditionalValueAtRisk, quantile, summarizeOutcome } from "../../src/stats/index.js";
import { ascending, finiteValue, finiteValues } from "./_helpers.js";

const oneToTen = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];

describe("summarizeOutcome", () => {
  it("summarises 1..10 as R does", () => {
    const s = summarizeOutcome(oneToTen, { thresholds: [8, 0, 10, 5.5] });
    expect(s.count).toBe(10);
    expect(s.mean).toBe(5.5); // R: mean(1:10)
    expect(s.sd).toBeCloseTo(3.0276503540974917, 14); // R: sd(1:10) -> 3.02765
    expect(s.se).toBeCloseTo(3.0276503540974917 / Math.sqrt(10), 14);
    expect(s.min).toBe(1);
    expect(s.max).toBe(10);
    // R: quantile(1:10, c(.01, .05, .1, .25, .5, .75, .9, .95, .99))
    //    -> 1.09 1.45 1.90 3.25 5.50 7.75 9.10 9.55 9.91
    const expected = { p01: 1.09, p05: 1.45, p10: 1.9, p25: 3.25, p50: 5.5, p75: 7.75, p90: 9.1, p95: 9.55, p99: 9.91 };
    for (const [key, value] of Object.entries(expected)) {
      expect(s[key as keyof typeof expected], key).toBeCloseTo(value, 13);
    }
    expect(s.var95).toBe(s.p95);
    expect(s.var99).toBe(s.p99);
    // Worst 5% and worst 1% of ten runs both lie within the worst run.
    expect(s.cvar95).toBe(10);
    expect(s.cvar99).toBe(10);
    // P(X > t), strictly greater, in the order given.
    expect(s.exceedance).toEqual([
      { threshold: 8, probability: 0.2 },
      { threshold: 0, probability: 1 },
      { threshold: 10, probability: 0 },
      { threshold: 5.5, probability: 0.5 },
    ]);
  });

  it("gives CVaR below the maximum when the tail has several runs", () => {
    // 1..100: worst 5% = {96..100}, mean 98; worst 1% = {100}.
    const s = summarizeOutcome(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(s.cvar95).toBeCloseTo(98, 12);
    expect(s.cvar99).toBe(100);
    expect(s.exceedance).toEqual([]);
  });

  it("has sd = se = 0 for a single run", () => {
    const s = summarizeOutcome([7]);
    expect(s).toMatchObject({ count: 1, mean: 7, sd: 0, se: 0, min: 7, max: 7, p01: 7, p99: 7, cvar95: 7 });
  });

  it("does not modify its input", () => {
    const values = new Float64Array([3, 1, 2]);
    summarizeOutcome(values, { thresholds: [1] });
    expect(Array.from(values)).toEqual([3, 1, 2]);
  });

  it("orders its statistics: min <= p01 <= ... <= p99 <= max, var <= cvar <= max", () => {
    fc.assert(
      fc.property(finiteValues, (values) => {
        const s = summarizeOutcome(values);
        const chain = [s.min, s.p01, s.p05, s.p10, s.p25, s.p50, s.p75, s.p90, s.p95, s.p99, s.max];
        for (let i = 1; i < chain.length; i++) expect(chain[i - 1]).toBeLessThanOrEqual(chain[i]!);
        expect(s.var95).toBeLessThanOrEqual(s.cvar95);
        expect(s.var99).toBeLessThanOrEqual(s.cvar99);
        expect(s.cvar95).toBeLessThanOrEqual(s.cvar99);
        expect(s.cvar99).toBeLessThanOrEqual(s.max);
        expect(s.mean).toBeGreaterThanOrEqual(s.min);
        expect(s.mean).toBeLessThanOrEqual(s.max);
        expect(s.sd).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("agrees with the single-purpose functions", () => {
    fc.assert(
      fc.property(finiteValues, fc.array(finiteValue, { maxLength: 4 }), (values, thresholds) => {
        const s = summarizeOutcome(values, { thresholds });
        expect(s.p25).toBe(quantile(values, 0.25));
        expect(s.cvar95).toBe(conditionalValueAtRisk(ascending(values), 0.95));
        expect(s.exceedance.map((e) => e.threshold)).toEqual(thresholds);
        thresholds.forEach((t, i) => {
          expect(s.exceedance[i]!.probability).toBe(values.filter((x) => x > t).length / values.length);
        });
      }),
    );
  });

  it("rejects bad values and thresholds", () => {
    expect(() => summarizeOutcome([])).toThrow(InputError);
    expect(() => summarizeOutcome([])).toThrowErrorMatchingInlineSnapshot(`[InputError: values: expected at least one value, got an empty array]`);
    expect(() => summarizeOutcome([1, Number.NaN])).toThrowErrorMatchingInlineSnapshot(`[InputError: values[1]: expected a finite number, got NaN]`);
    expect(() => summarizeOutcome([1, 2], { thresholds: [1, Number.NaN] })).toThrowErrorMatchingInlineSnapshot(`[InputError: options.thresholds[1]: expected a finite number, got NaN]`);
    expect(() => summarizeOutcome([1, 2], { thresholds: 3 as unknown as number[] })).toThrowErrorMatchingInlineSnapshot(`[InputError: options.thresholds: expected an array of numbers, got 3]`);
  });
});
