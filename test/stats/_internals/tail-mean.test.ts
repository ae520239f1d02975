import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tailMean, tailMeanOrdered, tailStart } from "../../../src/stats/_internals/tail-mean.js";

describe("tailStart", () => {
  it("is the lowest index tailMeanOrdered reads, so a merged tail holds every value it needs", () => {
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

  it("reads the tail means from the top values only (a hand-made case of 20 values)", () => {
    const sorted = Array.from({ length: 20 }, (_, i) => i);
    const start = tailStart(20, 0.95);
    expect(start).toBe(18);
    expect(tailMeanOrdered(20, 0.95, (i) => (i >= start ? sorted[i]! : Number.NaN))).toBe(tailMean(sorted, 0.95));
  });
});
