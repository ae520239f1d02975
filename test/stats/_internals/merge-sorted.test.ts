import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergeSorted, selectSorted, splitSorted } from "../../../src/stats/_internals/merge-sorted.js";

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

  it("split at each rank into prefixes of the parts whose suffixes merge to the merge's suffix", () => {
    fc.assert(
      fc.property(sortedParts, (parts) => {
        const merged = mergeSorted(parts);
        for (let rank = 0; rank <= merged.length; rank++) {
          const split = splitSorted(parts, rank);
          expect(split.reduce((a, b) => a + b, 0)).toBe(rank);
          split.forEach((s, i) => expect(s).toBeLessThanOrEqual(parts[i]!.length));
          expect(bits(mergeSorted(parts.map((part, i) => part.subarray(split[i]))))).toEqual(bits(merged.subarray(rank)));
          expect(bits(mergeSorted(parts.map((part, i) => part.subarray(0, split[i]))))).toEqual(bits(merged.subarray(0, rank)));
        }
      }),
      { numRuns: 200 },
    );
  });

  it("take tied values from the lower-numbered part first when splitting, as the merge does", () => {
    const parts = [new Float64Array([1, 2]), new Float64Array([2, 2]), new Float64Array([0, 2])];
    expect(splitSorted(parts, 3)).toEqual([2, 0, 1]);
    expect(splitSorted(parts, 4)).toEqual([2, 1, 1]);
    expect(splitSorted(parts, 6)).toEqual([2, 2, 2]);
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
