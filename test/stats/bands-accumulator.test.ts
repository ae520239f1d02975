import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BandsAccumulator, type BandsAccumulatorJSON, type BandsSketchJSON } from "../../src/stats/bands-accumulator.js";
import { quantile, quantileBands } from "../../src/stats/index.js";
import type { QuantileOptions } from "../../src/stats/outcome-accumulator.js";
import { finiteValue, mergeTree, splitOf } from "./_helpers.js";

const exact: QuantileOptions = { quantiles: "exact" };
const sketch: QuantileOptions = { quantiles: "sketch" };

function bandsOf(runs: readonly number[][], periods: number, options: QuantileOptions): BandsAccumulator {
  const bands = new BandsAccumulator(periods, options);
  for (const run of runs) bands.addRun(run);
  return bands;
}

/** Exact JSON, -0 kept apart from 0. */
const exactJSON = (value: unknown) => JSON.stringify(value, (_, v: unknown) => (Object.is(v, -0) ? "-0" : v));

const layout = fc.integer({ min: 1, max: 5 }).chain((periods) =>
  fc.record({
    periods: fc.constant(periods),
    runs: fc.array(fc.array(finiteValue, { minLength: periods, maxLength: periods }), { minLength: 1, maxLength: 30 }),
  }),
);

const splitLayout = fc.integer({ min: 1, max: 4 }).chain((periods) =>
  fc.record({
    periods: fc.constant(periods),
    split: splitOf(fc.array(fc.array(fc.oneof(finiteValue, fc.constantFrom(0, -0)), { minLength: periods, maxLength: periods }), { minLength: 1, maxLength: 30 })),
  }),
);

describe("BandsAccumulator, every value kept (exact summaries)", () => {
  it("gives each period's exact quantiles", () => {
    fc.assert(
      fc.property(layout, ({ periods, runs }) => {
        const bands = bandsOf(runs, periods, { quantiles: "exact", capacity: runs.length }).summarize();
        for (let t = 0; t < periods; t++) {
          const column = runs.map((run) => run[t]!);
          expect(bands.p05[t]).toBe(quantile(column, 0.05));
          expect(bands.p50[t]).toBe(quantile(column, 0.5));
          expect(bands.p95[t]).toBe(quantile(column, 0.95));
        }
      }),
    );
  });

  it("gives the same bits however the runs are split, sorted early, sent and merged", () => {
    fc.assert(
      fc.property(splitLayout, ({ periods, split }) => {
        const whole = exactJSON(bandsOf(split.items, periods, exact).summarize());
        const ranges = () =>
          split.parts.map((part) => {
            const range = bandsOf(part, periods, { quantiles: "exact", capacity: part.length });
            range.sortValues(); // as a worker does before sending its range
            return BandsAccumulator.fromJSON(structuredClone(range.toJSON()));
          });
        expect(exactJSON(BandsAccumulator.merged(ranges()).summarize())).toBe(whole);
        expect(exactJSON(mergeTree(ranges()).summarize())).toBe(whole);
        expect(exactJSON(quantileBands(split.items.flat(), split.items.length, periods))).toBe(whole);
      }),
    );
  });

  it("gives the same bits over large parts (selected across, not merged)", () => {
    const tied = fc.oneof(fc.constantFrom(-0, 0, 1, -1, 2.5), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }));
    const run = fc.tuple(tied, tied);
    fc.assert(
      fc.property(fc.array(fc.array(run, { minLength: 256, maxLength: 300 }), { minLength: 2, maxLength: 3 }), (parts) => {
        const merged = BandsAccumulator.merged(parts.map((part) => bandsOf(part, 2, { quantiles: "exact", capacity: part.length })));
        expect(exactJSON(merged.summarize())).toBe(exactJSON(bandsOf(parts.flat(), 2, exact).summarize()));
      }),
      { numRuns: 20 },
    );
  });
});

describe("BandsAccumulator, a sketch per period (streaming summaries)", () => {
  it("reads a flat run-major array run by run through the offset", () => {
    const flat = new Float64Array([1, 10, 2, 20, 3, 30]);
    const bands = new BandsAccumulator(2, sketch);
    for (let r = 0; r < 3; r++) bands.addRun(flat, r * 2);
    expect(bands.toJSON()).toEqual(bandsOf([[1, 10], [2, 20], [3, 30]], 2, sketch).toJSON());
  });

  it("keeps each band within the sketch's accuracy of the exact one, and within [min, max]; the means bit-identical", () => {
    fc.assert(
      fc.property(layout, ({ periods, runs }) => {
        const streaming = bandsOf(runs, periods, sketch).summarize();
        const exactBands = bandsOf(runs, periods, exact).summarize();
        expect(streaming.mean).toEqual(exactBands.mean);
        for (let t = 0; t < periods; t++) {
          const column = runs.map((run) => run[t]!);
          const scale = Math.max(...column.map(Math.abs));
          for (const key of ["p05", "p25", "p50", "p75", "p95"] as const) {
            expect(Math.abs(streaming[key][t]! - exactBands[key][t]!)).toBeLessThanOrEqual(0.005 * scale * (1 + 1e-9) + 1e-12);
            expect(streaming[key][t]!).toBeGreaterThanOrEqual(Math.min(...column));
            expect(streaming[key][t]!).toBeLessThanOrEqual(Math.max(...column));
          }
        }
      }),
    );
  });

  it("merges any split of runs, in any order, into identical JSON and bands", () => {
    fc.assert(
      fc.property(splitLayout, ({ periods, split }) => {
        const whole = bandsOf(split.items, periods, sketch);
        const folded = BandsAccumulator.merged(split.parts.map((part) => bandsOf(part, periods, sketch)));
        const tree = mergeTree(split.parts.map((part) => bandsOf(part, periods, sketch)));
        for (const merged of [folded, tree]) {
          expect(JSON.stringify(merged)).toBe(JSON.stringify(whole));
          expect(merged.summarize()).toEqual(whole.summarize());
        }
      }),
    );
  });

  it("round-trips through JSON text", () => {
    const bands = bandsOf([[1, -2], [0.5, 7]], 2, sketch);
    const copy = BandsAccumulator.fromJSON(JSON.parse(JSON.stringify(bands)) as BandsAccumulatorJSON);
    expect(copy.summarize()).toEqual(bands.summarize());
    expect(BandsAccumulator.fromJSON(new BandsAccumulator(3, sketch).toJSON()).runs).toBe(0);
  });
});

describe("BandsAccumulator, either way", () => {
  it("merges with itself", () => {
    for (const options of [exact, sketch]) {
      const bands = bandsOf([[1, -2], [0.5, 7]], 2, options);
      bands.merge(bands);
      expect(bands.summarize()).toEqual(bandsOf([[1, -2], [0.5, 7], [1, -2], [0.5, 7]], 2, options).summarize());
    }
  });

  it("rejects bad runs, without changing, and mismatched merges and records", () => {
    const bands = bandsOf([[1, 2]], 2, sketch);
    expect(() => new BandsAccumulator(0, sketch)).toThrowErrorMatchingInlineSnapshot(`[InputError: periods: expected a positive integer, got 0]`);
    expect(() => bands.addRun([1])).toThrowErrorMatchingInlineSnapshot(`[InputError: values: expected at least offset + periods = 2 values, got 1]`);
    expect(() => bands.addRun([1, 2, 3], 1.5)).toThrowErrorMatchingInlineSnapshot(`[InputError: offset: expected a non-negative integer, got 1.5]`);
    expect(() => bands.addRun([5, Number.NaN])).toThrowErrorMatchingInlineSnapshot(`[InputError: values[1]: expected a finite number, got NaN]`);
    expect(bands.toJSON()).toEqual(bandsOf([[1, 2]], 2, sketch).toJSON());
    expect(() => bands.merge(new BandsAccumulator(3, sketch))).toThrowErrorMatchingInlineSnapshot(`[InputError: other: cannot merge bands of 3 periods into bands of 2]`);
    expect(() => bands.merge(new BandsAccumulator(2, { quantiles: "sketch", relativeAccuracy: 0.01 }))).toThrowErrorMatchingInlineSnapshot(`[InputError: other: cannot merge values kept as a sketch of relative accuracy 0.01 and zero threshold 1e-12 into values kept as a sketch of relative accuracy 0.005 and zero threshold 1e-12]`);
    expect(() => new BandsAccumulator(1, exact).summarize()).toThrowErrorMatchingInlineSnapshot(`[InputError: expected at least one run, got none]`);
    const json = bands.toJSON() as BandsSketchJSON;
    expect(() => BandsAccumulator.fromJSON({ ...json, runs: 2 })).toThrowErrorMatchingInlineSnapshot(`[InputError: json.periods[0].sketch: expected 2 values (one per run), got 1]`);
    expect(() => BandsAccumulator.fromJSON({ ...json, periods: [{ ...json.periods[0]!, min: 9 }, json.periods[1]!] })).toThrowErrorMatchingInlineSnapshot(`[InputError: json.periods[0].min: expected min <= max, got 9 > 1]`);
    const values = bandsOf([[1, 2]], 2, exact).toJSON();
    expect(() => BandsAccumulator.fromJSON({ ...values, runs: 2 }, "data")).toThrowErrorMatchingInlineSnapshot(`[InputError: data: expected 2 periods of 2 runs each]`);
  });
});
