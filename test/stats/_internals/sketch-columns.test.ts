import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LogSketch } from "../../../src/stats/log-sketch.js";
import { SketchColumns } from "../../../src/stats/_internals/sketch-columns.js";

describe("SketchColumns", () => {
  it("gives each bucket's middle for histograms: within a relative 1.01 a of every value in the bucket (a <= 0.01)", () => {
    // powers of two lie at the edges of buckets, where the middle is farthest. (This property
    // found, 2026-12-05, that the middle left out LogSketch's 1e-7 margin of the multiplier:
    // it drifted by l * 1e-7, 1.025 a at 2.9e135 for a = 0.001, 1.07 a near 1e300.)
    const magnitude = fc.oneof(fc.double({ min: 1e-12, max: 1e300, noNaN: true }), fc.double({ min: 0.5, max: 2, noNaN: true }), fc.integer({ min: -39, max: 1000 }).map((e) => 2 ** e));
    fc.assert(
      fc.property(magnitude, fc.boolean(), fc.constantFrom(0.001, 0.005, 0.01), (size, negative, relativeAccuracy) => {
        const x = negative ? -size : size;
        const store = SketchColumns.empty(1, { relativeAccuracy });
        store.add(x);
        const visited: [number, number][] = [];
        store.column(0).forEachValue((value, count) => visited.push([value, count]));
        expect(visited).toHaveLength(1);
        const [middle, count] = visited[0]!;
        expect(count).toBe(1);
        expect(Math.abs(middle - x)).toBeLessThanOrEqual(1.01 * relativeAccuracy * Math.abs(x));
        // in the bucket whose representative LogSketch estimates the value by
        const sketch = new LogSketch({ relativeAccuracy });
        sketch.add(x);
        expect(Math.abs(middle - sketch.quantile(0.5))).toBeLessThanOrEqual(2 * relativeAccuracy * Math.abs(x));
      }),
      { numRuns: 500 },
    );
  });

  it("counts values below the zero threshold at 0, and keeps exact sums", () => {
    const store = SketchColumns.empty(2, {});
    store.addRow([1e-13, 0.1], 0);
    store.addRow([-0, 0.2], 0);
    const visited: [number, number][] = [];
    store.column(0).forEachValue((value, count) => visited.push([value, count]));
    expect(visited).toEqual([[0, 2]]);
    expect(store.sum(1).value()).toBe(0.30000000000000004);
  });
});
