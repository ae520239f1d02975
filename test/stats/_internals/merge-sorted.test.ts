import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergeSorted, selectSorted } from "../../../src/stats/_internals/merge-sorted.js";

/** Bit patterns, so that -0 and +0 count as different. */
const bits = (values: ArrayLike<number>) => Array.from(values, (x) => (Object.is(x, -0) ? "-0" : String(x)));

// Few distinct values (ties across parts) with both zeros, and any doubles.
const value = fc.oneof(fc.constantFrom(-0, 0, 1, -1, 2.5), fc.double({ noNaN: true, noDefaultInfinity: true }));
const sortedParts = fc.array(fc.array(value, { maxLength: 40 }).map((xs) => new Float64Array(xs).sort()), { minLength: 1, maxLength: 9 });

describe("mergeSorted and selectSorted", () => {
  it("merge to what sorting the concatenation gives, bit for bit (-0 before +0)", () => {
    fc.assert(
      fc.property(sortedParts, (parts) => {
        const all = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
        let at = 0;
        for (const part of parts) {
          all.set(part, at);
          at += part.length;
        }
        expect(bits(mergeSorted(parts))).toEqual(bits(all.sort()));
      }),
      { numRuns: 300 },
    );
  });

  it("select each order statistic of the union without merging", () => {
    fc.assert(
      fc.property(sortedParts, (parts) => {
        const merged = mergeSorted(parts);
        for (let rank = 0; rank < merged.length; rank++) expect(bits([selectSorted(parts, rank)])).toEqual(bits([merged[rank]!]));
      }),
      { numRuns: 300 },
    );
  });

  it("order -0 before +0 however the zeros are spread (hand-made case)", () => {
    const parts = [new Float64Array([0, 0]), new Float64Array([-0]), new Float64Array([-1, -0, 0])];
    expect(bits(mergeSorted(parts))).toEqual(["-1", "-0", "-0", "0", "0", "0"]);
    expect(bits([0, 1, 2, 3, 4, 5].map((r) => selectSorted(parts, r)))).toEqual(["-1", "-0", "-0", "0", "0", "0"]);
    expect(() => selectSorted(parts, 6)).toThrow(/beyond the values/);
  });

  it("return a single part as it is, and nothing for no parts", () => {
    const only = new Float64Array([1, 2]);
    expect(mergeSorted([only])).toBe(only);
    expect(mergeSorted([]).length).toBe(0);
  });
});
