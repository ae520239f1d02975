import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { conditionalValueAtRisk, quantile, summarizeOutcome } from "../../src/stats/index.js";
import { OutcomeAccumulator, type OutcomeAccumulatorJSON, type QuantileOptions } from "../../src/stats/outcome-accumulator.js";
import { ascending, finiteValue, mergeTree, outcomeData, splitOf } from "./_helpers.js";

const exact: QuantileOptions = { quantiles: "exact" };
const sketch: QuantileOptions = { quantiles: "sketch" };

function accumulatorOf(values: readonly number[], options: QuantileOptions, thresholds: readonly number[] = []): OutcomeAccumulator {
  const accumulator = new OutcomeAccumulator({ ...options, thresholds });
  for (const x of values) accumulator.add(x);
  return accumulator;
}

/** Exact JSON, -0 kept apart from 0. */
const exactJSON = (value: unknown) => JSON.stringify(value, (_, v: unknown) => (Object.is(v, -0) ? "-0" : v));

/** Through JSON text as a shard file goes (a sketch), or through a structured clone as a worker's message goes (every value). */
const copied = (json: OutcomeAccumulatorJSON): OutcomeAccumulatorJSON => (json.values === undefined ? (JSON.parse(JSON.stringify(json)) as OutcomeAccumulatorJSON) : structuredClone(json));

describe("OutcomeAccumulator, every value kept (exact summaries)", () => {
  it("gives R's quantiles and the Rockafellar-Uryasev CVaR of the values", () => {
    fc.assert(
      fc.property(outcomeData, (values) => {
        const s = accumulatorOf(values, exact).summarize();
        expect(s.p25).toBe(quantile(values, 0.25));
        expect(s.p99).toBe(quantile(values, 0.99));
        expect(s.cvar95).toBe(conditionalValueAtRisk(ascending(values), 0.95));
      }),
    );
  });

  it("gives the same bits, histogram included, however the values are split, sorted early, sent and merged", () => {
    fc.assert(
      fc.property(splitOf(outcomeData), fc.array(finiteValue, { maxLength: 3 }), fc.boolean(), ({ items, parts }, thresholds, whole) => {
        const one = accumulatorOf(items, exact, thresholds);
        const expected = exactJSON([one.summarize(), one.histogram(whole)]);
        const ranges = () =>
          parts.map((part) => {
            const range = accumulatorOf(part, { quantiles: "exact", capacity: part.length }, thresholds);
            range.sortValues(); // as a worker does before sending its range
            return OutcomeAccumulator.fromJSON(copied(range.toJSON()));
          });
        const folded = OutcomeAccumulator.merged(ranges());
        const tree = mergeTree(ranges());
        for (const merged of [folded, tree]) expect(exactJSON([merged.summarize(), merged.histogram(whole)])).toBe(expected);
        expect(exactJSON(one.summarize())).toBe(exactJSON(summarizeOutcome(items, { thresholds })));
      }),
      { numRuns: 200 },
    );
  });

  it("makes room up front, and more when it is full", () => {
    const values = Array.from({ length: 100 }, (_, i) => (i * 37) % 101);
    expect(accumulatorOf(values, exact).summarize()).toEqual(accumulatorOf(values, { quantiles: "exact", capacity: 100 }).summarize());
    const grown = accumulatorOf(values.slice(0, 50), { quantiles: "exact", capacity: 50 });
    grown.summarize(); // sorts what it holds so far
    for (const x of values.slice(50)) grown.add(x);
    expect(grown.summarize()).toEqual(summarizeOutcome(values));
  });

  it("takes large merged parts over without copying them, small ones by copy; neither side's later values reach the other", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 600 }), { minLength: 1, maxLength: 5 }), fc.integer(), (sizes, seed) => {
        let state = seed;
        const next = () => (state = (Math.imul(state, 1103515245) + 12345) | 0) / 2 ** 31;
        const parts = sizes.map((n) => Array.from({ length: n }, () => (next() > 0.9 ? 0 : Math.round(next() * 1e6) / 7)));
        // room to spare, so that a value added after the merge would land in the very block merged
        const ranges = parts.map((part) => accumulatorOf(part, { quantiles: "exact", capacity: part.length + 8 }));
        const [first, ...rest] = ranges;
        for (const range of rest) first!.merge(range);
        rest.at(-1)?.add(-1); // after the merge: reaches neither first nor its values
        first!.add(1e6);
        const all = [...parts.flat(), 1e6];
        expect(exactJSON([first!.summarize(), first!.histogram(false)])).toBe(exactJSON([summarizeOutcome(all), accumulatorOf(all, exact).histogram(false)]));
        if (rest.length > 0) expect(rest.at(-1)!.summarize()).toEqual(summarizeOutcome([...parts.at(-1)!, -1]));
      }),
      { numRuns: 60 },
    );
  });
});

describe("OutcomeAccumulator, every value kept, over large parts (selected across, not merged)", () => {
  // parts of at least 256 values are taken over as they are, and order statistics selected across them
  const tied = fc.oneof(fc.constantFrom(-0, 0, 1, -1, 2.5, 1e150), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }));
  const largeParts = fc.array(fc.array(tied, { minLength: 256, maxLength: 400 }), { minLength: 1, maxLength: 4 });

  it("gives the bits of one accumulator of every value, sorted where they were recorded or not", () => {
    fc.assert(
      fc.property(largeParts, fc.array(tied, { maxLength: 3 }), fc.boolean(), (parts, thresholds, sortEarly) => {
        const ranges = parts.map((part) => {
          const range = accumulatorOf(part, { quantiles: "exact", capacity: part.length }, thresholds);
          if (sortEarly) range.sortValues();
          return range;
        });
        const merged = OutcomeAccumulator.merged(ranges);
        const one = accumulatorOf(parts.flat(), exact, thresholds);
        expect(exactJSON([merged.summarize(), merged.histogram(false)])).toBe(exactJSON([one.summarize(), one.histogram(false)]));
      }),
      { numRuns: 40 },
    );
  });
});

describe("OutcomeAccumulator, a sketch (streaming summaries)", () => {
  it("summarises 1..10 like summarizeOutcome, its quantiles within 0.5%", () => {
    const values = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    const s = accumulatorOf(values, sketch, [8, 0, 10, 5.5]).summarize();
    const exactSummary = summarizeOutcome(values, { thresholds: [8, 0, 10, 5.5] });
    expect([s.count, s.mean, s.sd, s.se, s.min, s.max]).toEqual([exactSummary.count, exactSummary.mean, exactSummary.sd, exactSummary.se, exactSummary.min, exactSummary.max]);
    expect(s.exceedance).toEqual(exactSummary.exceedance);
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
        const s = accumulatorOf(values, sketch).summarize();
        const chain = [s.min, s.p01, s.p05, s.p10, s.p25, s.p50, s.p75, s.p90, s.p95, s.p99, s.max];
        for (let i = 1; i < chain.length; i++) expect(chain[i - 1]).toBeLessThanOrEqual(chain[i]!);
        expect(s.var95).toBeLessThanOrEqual(s.cvar95);
        expect(s.var99).toBeLessThanOrEqual(s.cvar99);
        expect(s.cvar99).toBeLessThanOrEqual(s.max);
      }),
    );
  });

  it("keeps its quantiles and CVaR within the sketch's accuracy of the exact ones", () => {
    fc.assert(
      fc.property(outcomeData, (values) => {
        const s = accumulatorOf(values, sketch).summarize();
        const exactSummary = summarizeOutcome(values);
        const scale = Math.max(Math.abs(exactSummary.min), Math.abs(exactSummary.max));
        for (const key of ["p01", "p05", "p10", "p25", "p50", "p75", "p90", "p95", "p99", "var95", "cvar95", "var99", "cvar99"] as const) {
          expect(Math.abs(s[key] - exactSummary[key]), key).toBeLessThanOrEqual(0.005 * scale * (1 + 1e-9) + 1e-12);
        }
      }),
    );
  });

  it("merges any split, in any order, into identical JSON and summaries", () => {
    fc.assert(
      fc.property(splitOf(outcomeData), fc.array(finiteValue, { maxLength: 3 }), ({ items, parts }, thresholds) => {
        const whole = accumulatorOf(items, sketch, thresholds);
        const folded = OutcomeAccumulator.merged(parts.map((part) => accumulatorOf(part, sketch, thresholds)));
        const tree = mergeTree(parts.map((part) => accumulatorOf(part, sketch, thresholds)));
        for (const merged of [folded, tree]) {
          expect(JSON.stringify(merged)).toBe(JSON.stringify(whole));
          expect(merged.summarize()).toEqual(whole.summarize());
          expect(merged.histogram(false)).toEqual(whole.histogram(false));
        }
      }),
      { numRuns: 200 },
    );
  });

  it("round-trips through JSON text (a shard's summary file)", () => {
    fc.assert(
      fc.property(outcomeData, fc.array(finiteValue, { maxLength: 3 }), (values, thresholds) => {
        const accumulator = accumulatorOf(values, sketch, thresholds);
        const copy = OutcomeAccumulator.fromJSON(copied(accumulator.toJSON()));
        // Compared as JSON text: a threshold of -0 comes back as 0 (JSON has no -0).
        expect(JSON.stringify(copy)).toBe(JSON.stringify(accumulator));
        expect(JSON.stringify(copy.summarize())).toBe(JSON.stringify(accumulator.summarize()));
      }),
    );
  });
});

describe("OutcomeAccumulator, either way", () => {
  it("agrees bit for bit on count, mean, sd, se, min, max and exceedance", () => {
    fc.assert(
      fc.property(outcomeData, fc.array(finiteValue, { maxLength: 4 }), (values, thresholds) => {
        const a = accumulatorOf(values, exact, thresholds).summarize();
        const b = accumulatorOf(values, sketch, thresholds).summarize();
        expect(exactJSON([a.count, a.mean, a.sd, a.se, a.min, a.max, a.exceedance])).toBe(exactJSON([b.count, b.mean, b.sd, b.se, b.min, b.max, b.exceedance]));
      }),
    );
  });

  it("merges with itself", () => {
    for (const options of [exact, sketch]) {
      const accumulator = accumulatorOf([1, 2, 6], options, [1.5]);
      accumulator.merge(accumulator);
      expect(accumulator.summarize()).toEqual(accumulatorOf([1, 2, 6, 1, 2, 6], options, [1.5]).summarize());
    }
  });

  it("rejects bad input, mismatched merges and inconsistent records", () => {
    expect(() => new OutcomeAccumulator(sketch).summarize()).toThrowErrorMatchingInlineSnapshot(`[InputError: expected at least one value, got none]`);
    expect(() => new OutcomeAccumulator(exact).histogram(false)).toThrowErrorMatchingInlineSnapshot(`[InputError: expected at least one value, got none]`);
    expect(() => new OutcomeAccumulator({ ...sketch, thresholds: [Number.NaN] })).toThrowErrorMatchingInlineSnapshot(`[InputError: options.thresholds[0]: expected a finite number, got NaN]`);
    expect(() => new OutcomeAccumulator({ quantiles: "all" } as unknown as QuantileOptions)).toThrowErrorMatchingInlineSnapshot(`[InputError: options.quantiles: expected "exact" or "sketch", got all]`);
    expect(() => new OutcomeAccumulator(exact).add(Infinity)).toThrowErrorMatchingInlineSnapshot(`[InputError: x: expected a finite number, got Infinity]`);
    const accumulator = accumulatorOf([1], sketch, [1]);
    expect(() => accumulator.merge(accumulatorOf([2], sketch, [2]))).toThrowErrorMatchingInlineSnapshot(`[InputError: other: cannot merge summaries with thresholds [2] into [1]]`);
    expect(() => accumulator.merge(accumulatorOf([2], { quantiles: "sketch", relativeAccuracy: 0.01 }, [1]))).toThrowErrorMatchingInlineSnapshot(`[InputError: other: cannot merge values kept as a sketch of relative accuracy 0.01 and zero threshold 1e-12 into values kept as a sketch of relative accuracy 0.005 and zero threshold 1e-12]`);
    expect(() => accumulator.merge(accumulatorOf([2], exact, [1]))).toThrowErrorMatchingInlineSnapshot(`[InputError: other: cannot merge values kept as every value into values kept as a sketch of relative accuracy 0.005 and zero threshold 1e-12]`);
    expect(accumulator.count).toBe(1);
    const json = accumulatorOf([1, 2], sketch, [1]).toJSON();
    expect(() => OutcomeAccumulator.fromJSON({ ...json, exceedanceCounts: [3] })).toThrowErrorMatchingInlineSnapshot(`[InputError: json.exceedanceCounts[0]: expected an integer in [0, 2], got 3]`);
    expect(() => OutcomeAccumulator.fromJSON({ ...json, exceedanceCounts: [] })).toThrowErrorMatchingInlineSnapshot(`[InputError: json.exceedanceCounts: expected an array of 1 counts, one per threshold]`);
    expect(() => OutcomeAccumulator.fromJSON({ ...json, sketch: accumulatorOf([1], sketch).toJSON().sketch! })).toThrowErrorMatchingInlineSnapshot(`[InputError: json.sketch: expected 2 values as in moments.count, got 1]`);
    expect(() => OutcomeAccumulator.fromJSON({ ...json, moments: { ...json.moments, count: -2 } })).toThrow(InputError);
    const values = accumulatorOf([1, 2], exact).toJSON();
    expect(() => OutcomeAccumulator.fromJSON({ ...values, values: { ...values.values!, length: 3 } }, "data")).toThrowErrorMatchingInlineSnapshot(`[InputError: data.values: expected 1 columns of values of the same length]`);
  });
});
