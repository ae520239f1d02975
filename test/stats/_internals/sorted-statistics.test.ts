import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exactMomentsOf } from "../../../src/stats/_internals/exact-moments-of.js";
import { mergeSorted } from "../../../src/stats/_internals/merge-sorted.js";
import { statisticsOfSorted, statisticsOfSortedParts } from "../../../src/stats/_internals/sorted-statistics.js";
import { tailMeanOrdered, tailStart } from "../../../src/stats/_internals/tail-mean.js";

/** Exact JSON, -0 kept apart from 0. */
const exactJSON = (value: unknown) => JSON.stringify(value, (_, v: unknown) => (Object.is(v, -0) ? "-0" : v));

// ties across parts, both zeros, and doubles of any size (cancellation in the tail sums)
const value = fc.oneof(fc.constantFrom(-0, 0, 1, -1, 2.5, 1e150), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }));
const part = fc.array(value, { maxLength: 60 }).map((xs) => new Float64Array(xs).sort());
const parts = fc.array(part, { minLength: 1, maxLength: 7 }).filter((ps) => ps.some((p) => p.length > 0));

describe("statisticsOfSortedParts", () => {
  it("gives what statisticsOfSorted gives on the merged values, bit for bit", () => {
    fc.assert(
      fc.property(parts, fc.array(value, { maxLength: 3 }), (ps, thresholds) => {
        const merged = mergeSorted(ps);
        const moments = () => exactMomentsOf("values", merged);
        expect(exactJSON(statisticsOfSortedParts(ps, moments(), thresholds))).toBe(exactJSON(statisticsOfSorted(merged, moments(), thresholds)));
      }),
      { numRuns: 400 },
    );
  });

  it("reads the tail means from the top values only (a hand-made case of 20 values in 3 parts)", () => {
    const ps = [new Float64Array([0, 3, 6, 9, 12, 15, 18]), new Float64Array([1, 4, 7, 10, 13, 16, 19]), new Float64Array([2, 5, 8, 11, 14, 17])];
    const merged = mergeSorted(ps);
    const fromParts = statisticsOfSortedParts(ps, exactMomentsOf("values", merged), [10]);
    expect(fromParts.cvar95).toBe(19);
    expect(fromParts.exceedance).toEqual([{ threshold: 10, probability: 9 / 20 }]);
    expect(fromParts).toEqual(statisticsOfSorted(merged, exactMomentsOf("values", merged), [10]));
  });
});

describe("tailStart", () => {
  it("is the lowest index tailMeanOrdered reads, so the merged tail holds every value it needs", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.constantFrom(0.5, 0.9, 0.95, 0.99, 1), (n, level) => {
        let lowest = n;
        tailMeanOrdered(n, level, (i) => {
          lowest = Math.min(lowest, i);
          return i;
        });
        expect(tailStart(n, level)).toBe(lowest);
      }),
      { numRuns: 500 },
    );
  });
});
