import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pairedDifference } from "../../src/stats/index.js";
import { PairedAccumulator, type PairedAccumulatorJSON } from "../../src/stats/paired-accumulator.js";
import { finiteValue, mergeTree, splitOf } from "./_helpers.js";

function pairedOf(differences: readonly number[]): PairedAccumulator {
  const paired = new PairedAccumulator();
  for (const d of differences) paired.add(d);
  return paired;
}

describe("PairedAccumulator", () => {
  it("gives R's paired t interval", () => {
    // R: t.test(c(1, 2, 3, 4), c(2, 2, 5, 5), paired = TRUE)$conf.int -> -2.2992283  0.2992283
    const r = pairedOf([-1, 0, -2, -1]).summarize();
    expect(r).toEqual(pairedDifference([1, 2, 3, 4], [2, 2, 5, 5]));
    expect(r.ci95Low).toBeCloseTo(-2.2992283, 7);
    expect(r.ci95High).toBeCloseTo(0.2992283, 7);
    expect([r.probabilityLower, r.probabilityHigher]).toEqual([0.75, 0]);
  });

  it("collapses the interval with one pair, and has no statistics when empty", () => {
    expect(pairedOf([2]).summarize()).toEqual({ count: 1, mean: 2, sd: 0, se: 0, ci95Low: 2, ci95High: 2, probabilityLower: 0, probabilityHigher: 1 });
    expect(() => new PairedAccumulator().summarize()).toThrowErrorMatchingInlineSnapshot(`[InputError: expected at least one difference, got none]`);
  });

  it("merges any split, in any order, into identical JSON and statistics", () => {
    fc.assert(
      fc.property(splitOf(fc.array(finiteValue, { minLength: 1, maxLength: 60 })), ({ items, parts }) => {
        const whole = pairedOf(items);
        const folded = PairedAccumulator.merged(parts.map(pairedOf));
        const tree = mergeTree(parts.map(pairedOf));
        for (const merged of [folded, tree]) {
          expect(merged.toJSON()).toEqual(whole.toJSON());
          expect(merged.summarize()).toEqual(whole.summarize());
        }
      }),
    );
  });

  it("round-trips through JSON text, and merges with itself", () => {
    const paired = pairedOf([-1.5, 0, 2, 2]);
    const copy = PairedAccumulator.fromJSON(JSON.parse(JSON.stringify(paired)) as PairedAccumulatorJSON);
    expect(copy.summarize()).toEqual(paired.summarize());
    paired.merge(paired);
    expect(paired.toJSON()).toEqual(pairedOf([-1.5, 0, 2, 2, -1.5, 0, 2, 2]).toJSON());
  });

  it("rejects bad differences and inconsistent JSON", () => {
    expect(() => new PairedAccumulator().add(Number.NaN)).toThrowErrorMatchingInlineSnapshot(`[InputError: x: expected a finite number, got NaN]`);
    const json = pairedOf([-1, 1]).toJSON();
    expect(() => PairedAccumulator.fromJSON({ ...json, lowerCount: 2 })).toThrowErrorMatchingInlineSnapshot(`[InputError: json: expected lowerCount + higherCount <= moments.count = 2]`);
    expect(() => PairedAccumulator.fromJSON({ ...json, higherCount: -1 })).toThrowErrorMatchingInlineSnapshot(`[InputError: json.higherCount: expected a non-negative integer, got -1]`);
    expect(() => new PairedAccumulator().merge({} as PairedAccumulator)).toThrowErrorMatchingInlineSnapshot(`[InputError: other: expected a PairedAccumulator, got object]`);
  });
});
