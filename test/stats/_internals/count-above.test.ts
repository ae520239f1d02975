import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countAbove, countBelow } from "../../../src/stats/_internals/count-above.js";

// Few distinct values (ties, both zeros) and any doubles, sorted as typed arrays sort them.
const value = fc.oneof(fc.constantFrom(-0, 0, 1, -1, 2.5), fc.double({ noNaN: true, noDefaultInfinity: true }));
const sorted = fc.array(value, { maxLength: 60 }).map((xs) => new Float64Array(xs).sort());
const threshold = fc.oneof(fc.constantFrom(-0, 0, 1, -1, 2.5), fc.double({ noNaN: true }));

describe("countAbove and countBelow", () => {
  it("count what a scan counts: strictly above, strictly below (so -0 and +0 are neither above nor below 0)", () => {
    fc.assert(
      fc.property(sorted, threshold, (values, t) => {
        const all = Array.from(values);
        expect(countAbove(values, t)).toBe(all.filter((x) => x > t).length);
        expect(countBelow(values, t)).toBe(all.filter((x) => x < t).length);
      }),
      { numRuns: 500 },
    );
  });

  it("count the ends of an array of ties", () => {
    const values = new Float64Array([-1, -0, 0, 0, 2]);
    expect(countBelow(values, 0)).toBe(1);
    expect(countAbove(values, 0)).toBe(1);
    expect(countBelow(values, -1)).toBe(0);
    expect(countAbove(values, 2)).toBe(0);
  });
});
