import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cases } from "../_helpers/quick.js";
import { InputError } from "../../src/errors.js";
import { LogSketch, conditionalValueAtRisk, quantileSorted, type LogSketchJSON } from "../../src/stats/index.js";
import { ascending, mergeTree, probability, sketchData, splitOf } from "./_helpers.js";

function sketchOf(values: readonly number[], relativeAccuracy = 0.005): LogSketch {
  const sketch = new LogSketch({ relativeAccuracy });
  for (const x of values) sketch.add(x);
  return sketch;
}

const accuracy = fc.constantFrom(1e-4, 0.001, 0.005, 0.01, 0.05, 0.2, 0.5);
const THRESHOLD = 1e-12;

/** The bound of the sketch's documented guarantee for the type 7 quantile at p. */
function quantileBound(sorted: readonly number[], p: number, a: number): number {
  const h = (sorted.length - 1) * p;
  const low = Math.abs(sorted[Math.floor(h)]!);
  const high = Math.abs(sorted[Math.ceil(h)]!);
  return a * Math.max(low, high) + THRESHOLD;
}

describe("LogSketch", () => {
  it("estimates every quantile within relative accuracy a of the neighbouring order statistics", () => {
    const ps = [0, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 1];
    fc.assert(
      fc.property(sketchData, accuracy, probability, (values, a, p) => {
        const sketch = sketchOf(values, a);
        const sorted = ascending(values);
        for (const q of [...ps, p]) {
          const exact = quantileSorted(sorted, q);
          const estimate = sketch.quantile(q);
          expect(Math.abs(estimate - exact)).toBeLessThanOrEqual(quantileBound(sorted, q, a));
        }
      }),
      { numRuns: cases(500) },
    );
  });

  it("holds the bound for values on and beside bucket boundaries", () => {
    // Find the boundary between the buckets of v and the next one by bisection on a
    // one-value sketch (its index is in the JSON), then test the values around it.
    const indexOf = (a: number, v: number) => sketchOf([v], a).toJSON().positive[0]![0];
    fc.assert(
      fc.property(fc.double({ min: 1e-10, max: 1e250, noNaN: true }), accuracy, (v, a) => {
        const probe = a;
        const k = indexOf(probe, v);
        let low = v;
        let high = v * (1 + 2 * a) * (1 + 2 * a);
        while (indexOf(probe, high) === k) high *= 1 + a;
        for (let i = 0; i < 200 && low < high; i++) {
          const middle = low + (high - low) / 2;
          if (middle === low || middle === high) break;
          if (indexOf(probe, middle) === k) low = middle;
          else high = middle;
        }
        for (const x of [low, high, low * (1 - 2 ** -52), high * (1 + 2 ** -52)]) {
          const estimate = sketchOf([x], a).quantile(0.5);
          expect(Math.abs(estimate - x)).toBeLessThanOrEqual(a * x);
          expect(Math.abs(-sketchOf([-x], a).quantile(0.5) - x)).toBeLessThanOrEqual(a * x);
        }
      }),
      { numRuns: cases(200) },
    );
  });

  it("holds the bound at powers of two and the ends of the double range", () => {
    for (const a of [1e-4, 0.005, 0.5]) {
      for (let e = -39; e <= 1023; e += 1) {
        for (const x of [2 ** e, 2 ** e * (1 - 2 ** -53), 2 ** e * (1 + 2 ** -52), Number.MAX_VALUE]) {
          expect(Math.abs(sketchOf([x], a).quantile(1) - x)).toBeLessThanOrEqual(a * x);
        }
      }
    }
  });

  it("estimates CVaR within a times the tail's largest magnitude", () => {
    fc.assert(
      fc.property(sketchData, accuracy, fc.constantFrom(0, 0.5, 0.9, 0.95, 0.99, 1), (values, a, level) => {
        const sorted = ascending(values);
        const exact = conditionalValueAtRisk(sorted, level);
        const estimate = sketchOf(values, a).tailMean(level);
        const from = Math.floor((sorted.length - 1) * level);
        const largest = Math.max(...sorted.slice(from).map(Math.abs));
        expect(Math.abs(estimate - exact)).toBeLessThanOrEqual(a * largest * (1 + 1e-9) + THRESHOLD);
      }),
      { numRuns: cases(500) },
    );
  });

  it("merges with itself, doubling every count", () => {
    const sketch = sketchOf([-2, 0, 1, 1, 300]);
    sketch.merge(sketch);
    expect(sketch.toJSON()).toEqual(sketchOf([-2, 0, 1, 1, 300, -2, 0, 1, 1, 300]).toJSON());
  });

  it("counts zeros and values below the zero threshold as 0", () => {
    const sketch = sketchOf([0, -0, 1e-13, -1e-13, 5]);
    expect(sketch.count).toBe(5);
    expect(sketch.toJSON().zeroCount).toBe(4);
    expect(sketch.quantile(0)).toBe(0);
    expect(sketch.quantile(0.75)).toBe(0);
  });

  it("merges any split, in any order, into identical JSON and quantiles", () => {
    fc.assert(
      fc.property(splitOf(sketchData), ({ items, parts }) => {
        const whole = sketchOf(items);
        const folded = parts.map((part) => sketchOf(part)).reduce((a, b) => a.merge(b), new LogSketch());
        const tree = mergeTree(parts.map((part) => sketchOf(part)));
        for (const merged of [folded, tree]) {
          expect(JSON.stringify(merged)).toBe(JSON.stringify(whole));
          expect(merged.quantile(0.37)).toBe(whole.quantile(0.37));
          expect(merged.tailMean(0.9)).toBe(whole.tailMean(0.9));
        }
        expect(JSON.stringify(sketchOf([...items].reverse()))).toBe(JSON.stringify(whole));
      }),
      { numRuns: cases(300) },
    );
  });

  it("round-trips through JSON text, with buckets in ascending index order", () => {
    fc.assert(
      fc.property(sketchData, (values) => {
        const sketch = sketchOf(values);
        const json = sketch.toJSON();
        for (const pairs of [json.negative, json.positive]) {
          for (let i = 1; i < pairs.length; i++) expect(pairs[i]![0]).toBeGreaterThan(pairs[i - 1]![0]);
        }
        const copy = LogSketch.fromJSON(JSON.parse(JSON.stringify(json)) as LogSketchJSON);
        expect(copy.toJSON()).toEqual(json);
        expect(copy.quantile(0.5)).toBe(sketch.quantile(0.5));
      }),
    );
  });

  it("keeps memory bounded by the span of magnitudes, not the number of values", () => {
    const sketch = new LogSketch();
    for (let i = 0; i < 200_000; i++) sketch.add(1e3 + (i % 1000) * 1e3); // 1e3 .. 1e6
    const buckets = sketch.toJSON().positive.length;
    expect(buckets).toBeLessThanOrEqual(3 * 250 + 1); // about 250 buckets per decade at a = 0.005
    expect(sketch.count).toBe(200_000);
  });

  it("rejects bad options, values, probabilities and merges", () => {
    expect(() => new LogSketch({ relativeAccuracy: 0 })).toThrowErrorMatchingInlineSnapshot(`[InputError: options.relativeAccuracy: expected a number in [1e-4, 0.5], got 0]`);
    expect(() => new LogSketch({ zeroThreshold: 0 })).toThrowErrorMatchingInlineSnapshot(`[InputError: options.zeroThreshold: expected a number in [1e-300, 1e300], got 0]`);
    expect(() => new LogSketch().add(Number.NaN)).toThrowErrorMatchingInlineSnapshot(`[InputError: x: expected a finite number, got NaN]`);
    expect(() => new LogSketch().add("1" as unknown as number)).toThrowErrorMatchingInlineSnapshot(`[InputError: x: expected a finite number, got string]`);
    expect(() => new LogSketch().quantile(0.5)).toThrowErrorMatchingInlineSnapshot(`[InputError: expected at least one value in the sketch, got none]`);
    expect(() => sketchOf([1]).quantile(2)).toThrowErrorMatchingInlineSnapshot(`[InputError: p: expected a probability in [0, 1], got 2]`);
    expect(() => sketchOf([1]).tailMean(-1)).toThrowErrorMatchingInlineSnapshot(`[InputError: level: expected a probability in [0, 1], got -1]`);
    expect(() => sketchOf([1]).merge(sketchOf([1], 0.01))).toThrowErrorMatchingInlineSnapshot(`[InputError: other: cannot merge a sketch with relative accuracy 0.01 and zero threshold 1e-12 into one with 0.005 and 1e-12]`);
    expect(() => sketchOf([1]).merge(new LogSketch({ zeroThreshold: 1e-9 }))).toThrow(InputError);
  });

  it("rejects malformed JSON", () => {
    const good: LogSketchJSON = { relativeAccuracy: 0.005, zeroThreshold: 1e-12, zeroCount: 1, negative: [], positive: [[3, 2], [7, 1]] };
    const bad = (patch: object) => () => LogSketch.fromJSON({ ...good, ...patch } as LogSketchJSON);
    expect(bad({ relativeAccuracy: 2 })).toThrowErrorMatchingInlineSnapshot(`[InputError: json.relativeAccuracy: expected a number in [1e-4, 0.5], got 2]`);
    expect(bad({ zeroCount: 0.5 })).toThrowErrorMatchingInlineSnapshot(`[InputError: json.zeroCount: expected a non-negative integer, got 0.5]`);
    expect(bad({ positive: [[7, 1], [3, 2]] })).toThrowErrorMatchingInlineSnapshot(`[InputError: json.positive[1][0]: expected indices in strictly ascending order, got 3 after 7]`);
    expect(bad({ positive: [[3, 0]] })).toThrowErrorMatchingInlineSnapshot(`[InputError: json.positive[0][1]: expected a positive integer count, got 0]`);
    expect(bad({ negative: [[1e9, 1]] })).toThrowErrorMatchingInlineSnapshot(`[InputError: json.negative[0][0]: expected an integer index in [-2992, 76799], got 1000000000]`);
    expect(bad({ negative: 4 })).toThrowErrorMatchingInlineSnapshot(`[InputError: json.negative: expected an array of [index, count] pairs, got 4]`);
  });
});
