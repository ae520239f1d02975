import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { StreamingSummary, summarizeOutcome, type StreamingSummaryJSON } from "../../src/stats/index.js";
import { finiteValue, mergeTree, outcomeData, splitOf } from "./_helpers.js";

function summaryOf(values: readonly number[], thresholds: readonly number[] = []): StreamingSummary {
  const summary = new StreamingSummary({ thresholds });
  for (const x of values) summary.add(x);
  return summary;
}

describe("StreamingSummary", () => {
  it("summarises 1..10 like summarizeOutcome, its quantiles within 0.5%", () => {
    const values = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    const s = summaryOf(values, [8, 0, 10, 5.5]).summarize();
    const exact = summarizeOutcome(values, { thresholds: [8, 0, 10, 5.5] });
    expect([s.count, s.mean, s.sd, s.se, s.min, s.max]).toEqual([exact.count, exact.mean, exact.sd, exact.se, exact.min, exact.max]);
    expect(s.exceedance).toEqual(exact.exceedance);
    // R: quantile(1:10, c(.01, .05, .1, .25, .5, .75, .9, .95, .99))
    const r = { p01: 1.09, p05: 1.45, p10: 1.9, p25: 3.25, p50: 5.5, p75: 7.75, p90: 9.1, p95: 9.55, p99: 9.91 };
    for (const [key, value] of Object.entries(r)) {
      expect(Math.abs(s[key as keyof typeof r] - value), key).toBeLessThanOrEqual(0.005 * Math.ceil(value));
    }
    expect(s.var95).toBe(s.p95);
    expect(s.var99).toBe(s.p99);
    expect(s.cvar95).toBe(10); // clamped to the exact maximum
    expect(s.cvar99).toBe(10);
  });

  it("orders its statistics: min <= p01 <= ... <= p99 <= max, var <= cvar <= max", () => {
    fc.assert(
      fc.property(outcomeData, (values) => {
        const s = summaryOf(values).summarize();
        const chain = [s.min, s.p01, s.p05, s.p10, s.p25, s.p50, s.p75, s.p90, s.p95, s.p99, s.max];
        for (let i = 1; i < chain.length; i++) expect(chain[i - 1]).toBeLessThanOrEqual(chain[i]!);
        expect(s.var95).toBeLessThanOrEqual(s.cvar95);
        expect(s.var99).toBeLessThanOrEqual(s.cvar99);
        expect(s.cvar99).toBeLessThanOrEqual(s.max);
      }),
    );
  });

  it("keeps its quantiles and CVaR within the sketch's accuracy of summarizeOutcome's", () => {
    fc.assert(
      fc.property(outcomeData, (values) => {
        const s = summaryOf(values).summarize();
        const exact = summarizeOutcome(values);
        const scale = Math.max(Math.abs(exact.min), Math.abs(exact.max));
        for (const key of ["p01", "p05", "p10", "p25", "p50", "p75", "p90", "p95", "p99", "var95", "cvar95", "var99", "cvar99"] as const) {
          expect(Math.abs(s[key] - exact[key]), key).toBeLessThanOrEqual(0.005 * scale * (1 + 1e-9) + 1e-12);
        }
      }),
    );
  });

  it("merges any split, in any order, into identical JSON and summaries", () => {
    fc.assert(
      fc.property(splitOf(outcomeData), fc.array(finiteValue, { maxLength: 3 }), ({ items, parts }, thresholds) => {
        const whole = summaryOf(items, thresholds);
        const folded = parts.map((part) => summaryOf(part, thresholds)).reduce((a, b) => a.merge(b), new StreamingSummary({ thresholds }));
        const tree = mergeTree(parts.map((part) => summaryOf(part, thresholds)));
        for (const merged of [folded, tree]) {
          expect(JSON.stringify(merged)).toBe(JSON.stringify(whole));
          expect(merged.summarize()).toEqual(whole.summarize());
        }
      }),
      { numRuns: 200 },
    );
  });

  it("round-trips through JSON text (a shard's summary file)", () => {
    fc.assert(
      fc.property(outcomeData, fc.array(finiteValue, { maxLength: 3 }), (values, thresholds) => {
        const summary = summaryOf(values, thresholds);
        const copy = StreamingSummary.fromJSON(JSON.parse(JSON.stringify(summary)) as StreamingSummaryJSON);
        // Compared as JSON text: a threshold of -0 comes back as 0 (JSON has no -0).
        expect(JSON.stringify(copy)).toBe(JSON.stringify(summary));
        expect(JSON.stringify(copy.summarize())).toBe(JSON.stringify(summary.summarize()));
      }),
    );
  });

  it("merges with itself", () => {
    const summary = summaryOf([1, 2, 6], [1.5]);
    summary.merge(summary);
    expect(summary.toJSON()).toEqual(summaryOf([1, 2, 6, 1, 2, 6], [1.5]).toJSON());
  });

  it("rejects bad input, mismatched merges and inconsistent JSON", () => {
    expect(() => new StreamingSummary().summarize()).toThrowErrorMatchingInlineSnapshot(`[InputError: expected at least one value, got none]`);
    expect(() => new StreamingSummary({ thresholds: [Number.NaN] })).toThrowErrorMatchingInlineSnapshot(`[InputError: options.thresholds[0]: expected a finite number, got NaN]`);
    expect(() => new StreamingSummary().add(Infinity)).toThrowErrorMatchingInlineSnapshot(`[InputError: x: expected a finite number, got Infinity]`);
    const summary = summaryOf([1], [1]);
    expect(() => summary.merge(summaryOf([2], [2]))).toThrowErrorMatchingInlineSnapshot(`[InputError: other: cannot merge summaries with thresholds [2] into [1]]`);
    expect(() => summary.merge(new StreamingSummary({ thresholds: [1], relativeAccuracy: 0.01 }))).toThrowErrorMatchingInlineSnapshot(`[InputError: other: cannot merge a summary whose sketch has relative accuracy 0.01 and zero threshold 1e-12 into one with 0.005 and 1e-12]`);
    expect(summary.count).toBe(1);
    const json = summaryOf([1, 2], [1]).toJSON();
    expect(() => StreamingSummary.fromJSON({ ...json, exceedanceCounts: [3] })).toThrowErrorMatchingInlineSnapshot(`[InputError: json.exceedanceCounts[0]: expected an integer in [0, 2], got 3]`);
    expect(() => StreamingSummary.fromJSON({ ...json, exceedanceCounts: [] })).toThrowErrorMatchingInlineSnapshot(`[InputError: json.exceedanceCounts: expected an array of 1 counts, one per threshold]`);
    expect(() => StreamingSummary.fromJSON({ ...json, sketch: summaryOf([1]).toJSON().sketch })).toThrowErrorMatchingInlineSnapshot(`[InputError: json.sketch: expected 2 values as in moments.count, got 1]`);
    expect(() => StreamingSummary.fromJSON({ ...json, moments: { ...json.moments, count: -2 } })).toThrow(InputError);
  });
});
