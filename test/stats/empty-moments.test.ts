import { describe, expect, it } from "vitest";
import { addToMoments, emptyMoments, mergeMoments, momentsOf } from "../../src/stats/index.js";

describe("emptyMoments", () => {
  it("is the empty record: count 0, min +Infinity, max -Infinity", () => {
    expect(emptyMoments()).toEqual({ count: 0, mean: 0, m2: 0, min: Infinity, max: -Infinity });
  });

  it("returns a new record each time", () => {
    const a = emptyMoments();
    addToMoments(a, 5);
    expect(emptyMoments()).toEqual({ count: 0, mean: 0, m2: 0, min: Infinity, max: -Infinity });
  });

  it("is the identity of merging, on either side", () => {
    const m = momentsOf([1.5, -2, 7]);
    expect(mergeMoments(emptyMoments(), m)).toEqual(m);
    expect(mergeMoments(m, emptyMoments())).toEqual(m);
    expect(mergeMoments(emptyMoments(), emptyMoments())).toEqual(emptyMoments());
  });

  it("equals the moments of an empty array", () => {
    expect(momentsOf([])).toEqual(emptyMoments());
  });
});
