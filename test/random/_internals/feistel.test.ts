import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  FEISTEL_ROUNDS,
  feistelHalfBits,
  feistelPermute,
} from "../../../src/random/_internals/feistel.js";

const permutation = (n: number, keys: Uint32Array): number[] => {
  const halfBits = feistelHalfBits(n);
  return Array.from({ length: n }, (_, i) => feistelPermute(i, n, halfBits, keys, 0));
};
const isBijection = (image: number[]): boolean => {
  const seen = new Uint8Array(image.length);
  for (const j of image) {
    if (!Number.isInteger(j) || j < 0 || j >= image.length || seen[j] === 1) return false;
    seen[j] = 1;
  }
  return true;
};
const keysArbitrary = fc
  .array(fc.integer({ min: 0, max: 0xffffffff }), { minLength: FEISTEL_ROUNDS, maxLength: FEISTEL_ROUNDS })
  .map((keys) => Uint32Array.from(keys));

describe("feistelPermute", () => {
  it("takes the least power of four that covers n", () => {
    expect([1, 2, 4, 5, 16, 17, 1000, 2 ** 20, 2 ** 32].map(feistelHalfBits)).toEqual([0, 1, 1, 2, 2, 3, 5, 10, 16]);
  });

  it("is a bijection of 0..n-1 for n = 1, 2, 3, 1000, 1023, 1024, 1025, 4096 and any keys (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(1, 2, 3, 1000, 1023, 1024, 1025, 4096), keysArbitrary, (n, keys) =>
        isBijection(permutation(n, keys)),
      ),
      { seed: 1979, numRuns: 200 },
    );
  });

  it("is a bijection for any n up to 5000 and any keys (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), keysArbitrary, (n, keys) => isBijection(permutation(n, keys))),
      { seed: 1988, numRuns: 300 },
    );
  });

  it("handles the largest domain, 2^32, without leaving it", () => {
    const keys = Uint32Array.from({ length: FEISTEL_ROUNDS }, (_, r) => 0x9e3779b9 * (r + 1));
    for (const i of [0, 1, 2 ** 31, 2 ** 32 - 1]) {
      const j = feistelPermute(i, 2 ** 32, 16, keys, 0);
      expect(Number.isInteger(j) && j >= 0 && j < 2 ** 32).toBe(true);
    }
  });

  it("draws each of the 6 permutations of 3 items about equally often over keys (chi-square, alpha = 0.001)", () => {
    const counts = new Map<string, number>();
    const trials = 6000;
    for (let t = 0; t < trials; t++) {
      const keys = Uint32Array.from({ length: FEISTEL_ROUNDS }, (_, r) => Math.imul(t + 1, 0x9e3779b9) ^ Math.imul(r + 7, 0x85ebca6b));
      const key = permutation(3, keys).join("");
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    const expected = trials / 6;
    const chiSquare = [...counts.values()].reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(20.52); // chi-square 0.999 quantile, 5 degrees of freedom
  });
});
