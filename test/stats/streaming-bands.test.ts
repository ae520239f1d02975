import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { StreamingBands, quantileBands, type StreamingBandsJSON } from "../../src/stats/index.js";
import { finiteValue, mergeTree, splitOf } from "./_helpers.js";

function bandsOf(runs: readonly number[][], periods: number): StreamingBands {
  const bands = new StreamingBands(periods);
  for (const run of runs) bands.addRun(run);
  return bands;
}

const layout = fc.integer({ min: 1, max: 5 }).chain((periods) =>
  fc.record({
    periods: fc.constant(periods),
    runs: fc.array(fc.array(finiteValue, { minLength: periods, maxLength: periods }), { minLength: 1, maxLength: 30 }),
  }),
);

describe("StreamingBands", () => {
  it("summarises the run-major example of quantileBands (hand-computed)", () => {
    const bands = bandsOf([[1, 10], [2, 20], [3, 30]], 2).summarize();
    expect(bands.mean).toEqual([2, 20]);
    expect(Math.abs(bands.p50[0]! - 2)).toBeLessThanOrEqual(0.005 * 2);
    expect(Math.abs(bands.p50[1]! - 20)).toBeLessThanOrEqual(0.005 * 20);
    expect(bands.p05[0]).toBeCloseTo(1.1, 1);
    expect(bands.p95[1]).toBeCloseTo(29, 0);
  });

  it("reads a flat run-major array run by run through the offset", () => {
    const flat = new Float64Array([1, 10, 2, 20, 3, 30]);
    const bands = new StreamingBands(2);
    for (let r = 0; r < 3; r++) bands.addRun(flat, r * 2);
    expect(bands.toJSON()).toEqual(bandsOf([[1, 10], [2, 20], [3, 30]], 2).toJSON());
  });

  it("keeps each band within the sketch's accuracy of quantileBands, and within [min, max]", () => {
    fc.assert(
      fc.property(layout, ({ periods, runs }) => {
        const streaming = bandsOf(runs, periods).summarize();
        const exact = quantileBands(runs.flat(), runs.length, periods);
        for (let t = 0; t < periods; t++) {
          const column = runs.map((run) => run[t]!);
          const scale = Math.max(...column.map(Math.abs));
          for (const key of ["p05", "p25", "p50", "p75", "p95"] as const) {
            expect(Math.abs(streaming[key][t]! - exact[key][t]!)).toBeLessThanOrEqual(0.005 * scale * (1 + 1e-9) + 1e-12);
            expect(streaming[key][t]!).toBeGreaterThanOrEqual(Math.min(...column));
            expect(streaming[key][t]!).toBeLessThanOrEqual(Math.max(...column));
          }
        }
      }),
    );
  });

  it("merges any split of runs, in any order, into identical JSON and bands", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((periods) =>
          fc.record({
            periods: fc.constant(periods),
            split: splitOf(fc.array(fc.array(finiteValue, { minLength: periods, maxLength: periods }), { minLength: 1, maxLength: 30 })),
          }),
        ),
        ({ periods, split }) => {
          const whole = bandsOf(split.items, periods);
          const folded = split.parts.map((part) => bandsOf(part, periods)).reduce((a, b) => a.merge(b), new StreamingBands(periods));
          const tree = mergeTree(split.parts.map((part) => bandsOf(part, periods)));
          for (const merged of [folded, tree]) {
            expect(JSON.stringify(merged)).toBe(JSON.stringify(whole));
            expect(merged.summarize()).toEqual(whole.summarize());
          }
        },
      ),
    );
  });

  it("round-trips through JSON text, and merges with itself", () => {
    const bands = bandsOf([[1, -2], [0.5, 7]], 2);
    const copy = StreamingBands.fromJSON(JSON.parse(JSON.stringify(bands)) as StreamingBandsJSON);
    expect(copy.summarize()).toEqual(bands.summarize());
    bands.merge(bands);
    expect(bands.toJSON()).toEqual(bandsOf([[1, -2], [0.5, 7], [1, -2], [0.5, 7]], 2).toJSON());
    expect(StreamingBands.fromJSON(new StreamingBands(3).toJSON()).runs).toBe(0);
  });

  it("rejects bad runs, without changing, and mismatched merges and JSON", () => {
    const bands = bandsOf([[1, 2]], 2);
    expect(() => new StreamingBands(0)).toThrowErrorMatchingInlineSnapshot(`[InputError: periods: expected a positive integer, got 0]`);
    expect(() => bands.addRun([1])).toThrowErrorMatchingInlineSnapshot(`[InputError: values: expected at least offset + periods = 2 values, got 1]`);
    expect(() => bands.addRun([1, 2, 3], 1.5)).toThrowErrorMatchingInlineSnapshot(`[InputError: offset: expected a non-negative integer, got 1.5]`);
    expect(() => bands.addRun([5, Number.NaN])).toThrowErrorMatchingInlineSnapshot(`[InputError: values[1]: expected a finite number, got NaN]`);
    expect(bands.toJSON()).toEqual(bandsOf([[1, 2]], 2).toJSON());
    expect(() => bands.merge(new StreamingBands(3))).toThrowErrorMatchingInlineSnapshot(`[InputError: other: cannot merge bands of 3 periods into bands of 2]`);
    expect(() => bands.merge(new StreamingBands(2, { relativeAccuracy: 0.01 }))).toThrowErrorMatchingInlineSnapshot(`[InputError: other: cannot merge bands whose sketches have relative accuracy 0.01 and zero threshold 1e-12 into bands with 0.005 and 1e-12]`);
    expect(() => new StreamingBands(1).summarize()).toThrowErrorMatchingInlineSnapshot(`[InputError: expected at least one run, got none]`);
    const json = bands.toJSON();
    expect(() => StreamingBands.fromJSON({ ...json, runs: 2 })).toThrowErrorMatchingInlineSnapshot(`[InputError: json.periods[0].sketch: expected 2 values (one per run), got 1]`);
    expect(() => StreamingBands.fromJSON({ ...json, periods: [{ ...json.periods[0]!, min: 9 }, json.periods[1]!] })).toThrowErrorMatchingInlineSnapshot(`[InputError: json.periods[0].min: expected min <= max, got 9 > 1]`);
  });
});
