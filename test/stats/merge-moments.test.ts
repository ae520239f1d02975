import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { emptyMoments, mergeMoments, momentsOf, type Moments } from "../../src/stats/index.js";
import { closeRelative, finiteValues } from "./_helpers.js";

describe("mergeMoments", () => {
  it("merges two samples (hand-computed)", () => {
    // [1, 2] and [6]: delta = 6 - 1.5 = 4.5, mean = 1.5 + 4.5 / 3 = 3,
    // m2 = 0.5 + 0 + 4.5^2 * 2 * 1 / 3 = 14.
    expect(mergeMoments(momentsOf([1, 2]), momentsOf([6]))).toEqual({ count: 3, mean: 3, m2: 14, min: 1, max: 6 });
  });

  it("does not modify its arguments", () => {
    const a = momentsOf([1, 2]);
    const b = momentsOf([6]);
    const merged = mergeMoments(a, b);
    expect(a).toEqual({ count: 2, mean: 1.5, m2: 0.5, min: 1, max: 2 });
    expect(b).toEqual({ count: 1, mean: 6, m2: 0, min: 6, max: 6 });
    expect(merged).not.toBe(a);
    expect(mergeMoments(a, emptyMoments())).not.toBe(a);
  });

  it("merging the moments of any split equals the moments of the whole", () => {
    fc.assert(
      fc.property(
        finiteValues,
        fc.array(fc.nat(), { maxLength: 5 }),
        (values, cutSeeds) => {
          // Cut points (duplicates allowed: empty parts are part of "any split").
          const cuts = cutSeeds.map((c) => c % (values.length + 1)).sort((a, b) => a - b);
          const bounds = [0, ...cuts, values.length];
          let merged = emptyMoments();
          for (let i = 0; i + 1 < bounds.length; i++) {
            merged = mergeMoments(merged, momentsOf(values.slice(bounds[i], bounds[i + 1])));
          }
          const whole = momentsOf(values);
          const scale = Math.max(...values.map(Math.abs));
          expect(merged.count).toBe(whole.count);
          expect(merged.min).toBe(whole.min);
          expect(merged.max).toBe(whole.max);
          expect(closeRelative(merged.mean, whole.mean, 1e-9, 1e-6 * scale)).toBe(true);
          // m2 within 1e-9 relative, except where the data are ill-conditioned (spread tiny
          // against magnitude): a stored mean is rounded, which limits any merge to about
          // eps * n * scale^2 there.
          expect(closeRelative(merged.m2, whole.m2, 1e-9, 1e-12 * values.length * scale * scale)).toBe(true);
        },
      ),
    );
  });

  it("is exact for integer data merged in equal power-of-two blocks", () => {
    const exact = (values: readonly number[]) => {
      // n * mean = S and n * m2 = n * sum x^2 - S^2, computed exactly in BigInt.
      const n = BigInt(values.length);
      const s = values.reduce((acc, x) => acc + BigInt(x), 0n);
      const s2 = values.reduce((acc, x) => acc + BigInt(x) * BigInt(x), 0n);
      return { nMean: s, nM2: n * s2 - s * s };
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 7 }).chain((k) =>
          fc.array(fc.integer({ min: -100_000, max: 100_000 }), { minLength: 2 ** k, maxLength: 2 ** k }),
        ),
        (values) => {
          // Pairwise tree: singletons, then pairs, then fours, ...
          let level: Moments[] = values.map((x) => momentsOf([x]));
          while (level.length > 1) {
            const next: Moments[] = [];
            for (let i = 0; i < level.length; i += 2) next.push(mergeMoments(level[i]!, level[i + 1]!));
            level = next;
          }
          const merged = level[0]!;
          const { nMean, nM2 } = exact(values);
          const n = values.length;
          // Every intermediate is a dyadic rational that fits in 53 bits, so no rounding at all.
          expect(BigInt(merged.mean * n)).toBe(nMean);
          expect(BigInt(merged.m2 * n)).toBe(nM2);
          expect(merged.mean * n).toBe(Number(nMean));
          expect(merged.count).toBe(n);
        },
      ),
    );
  });

  it("keeps count, min and max exact whatever the data", () => {
    fc.assert(
      fc.property(finiteValues, finiteValues, (a, b) => {
        const merged = mergeMoments(momentsOf(a), momentsOf(b));
        expect(merged.count).toBe(a.length + b.length);
        expect(merged.min).toBe(Math.min(...a, ...b));
        expect(merged.max).toBe(Math.max(...a, ...b));
        expect(merged.mean).toBeGreaterThanOrEqual(merged.min);
        expect(merged.mean).toBeLessThanOrEqual(merged.max);
      }),
    );
  });

  it("rejects malformed records", () => {
    const good = momentsOf([1, 2]);
    expect(() => mergeMoments({ ...good, count: -1 }, good)).toThrow(InputError);
    expect(() => mergeMoments({ ...good, count: -1 }, good)).toThrowErrorMatchingInlineSnapshot(`[InputError: a.count: expected a non-negative integer, got -1]`);
    expect(() => mergeMoments(good, { ...good, count: 1.5 })).toThrowErrorMatchingInlineSnapshot(`[InputError: b.count: expected a non-negative integer, got 1.5]`);
    expect(() => mergeMoments(good, { ...good, mean: Number.NaN })).toThrowErrorMatchingInlineSnapshot(`[InputError: b.mean: expected a finite number, got NaN]`);
    expect(() => mergeMoments(good, { ...good, m2: -1 })).toThrowErrorMatchingInlineSnapshot(`[InputError: b.m2: expected a non-negative number, got -1]`);
    expect(() => mergeMoments(good, { ...good, min: 3 })).toThrowErrorMatchingInlineSnapshot(`[InputError: b.min: expected min <= max, got 3 > 2]`);
    expect(() => mergeMoments(null as unknown as Moments, good)).toThrowErrorMatchingInlineSnapshot(`[InputError: a: expected a moments record, got null]`);
  });
});
