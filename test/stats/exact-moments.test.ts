import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { ExactMoments, type ExactMomentsJSON } from "../../src/stats/index.js";
import { mergeTree, nearlyEqualValues, roundRational, scaledExact, splitOf, squarableValue } from "./_helpers.js";

function momentsOfValues(values: readonly number[]): ExactMoments {
  const m = new ExactMoments();
  for (const x of values) m.add(x);
  return m;
}

/** Exact mean and sample variance, correctly rounded (BigInt rationals). */
function reference(values: readonly number[]): { mean: number; variance: number } {
  const n = BigInt(values.length);
  let s1 = 0n;
  let s2 = 0n;
  for (const x of values) {
    const scaled = scaledExact(x);
    s1 += scaled;
    s2 += scaled * scaled;
  }
  const mean = roundRational(s1, n << 1074n);
  // variance = (n S2 - S1^2) / (n (n - 1)), with S1 = s1 / 2^1074 and S2 = s2 / 2^2148.
  const variance = n > 1n ? roundRational(n * s2 - s1 * s1, (n * (n - 1n)) << 2148n) : 0;
  return { mean, variance };
}

const samples = fc.oneof(fc.array(squarableValue, { minLength: 1, maxLength: 50 }), nearlyEqualValues);

describe("ExactMoments", () => {
  it("summarises 1, 2, 6 and 1..10 exactly", () => {
    const m = momentsOfValues([1, 2, 6]);
    expect([m.count, m.min, m.max, m.mean(), m.variance()]).toEqual([3, 1, 6, 3, 7]);
    const tens = momentsOfValues(Array.from({ length: 10 }, (_, i) => 10 - i));
    expect(tens.mean()).toBe(5.5);
    expect(tens.variance()).toBe(55 / 6); // R: var(1:10) = 9.166667
  });

  it("has variance 0 for one value, and no statistics when empty", () => {
    expect(momentsOfValues([4]).variance()).toBe(0);
    const empty = new ExactMoments();
    expect([empty.count, empty.min, empty.max]).toEqual([0, Infinity, -Infinity]);
    expect(() => empty.mean()).toThrowErrorMatchingInlineSnapshot(`[InputError: expected at least one value, got none]`);
    expect(() => empty.variance()).toThrow(InputError);
  });

  it("gives a correctly rounded mean and variance (BigInt reference)", () => {
    fc.assert(
      fc.property(samples, (values) => {
        const m = momentsOfValues(values);
        const exact = reference(values);
        expect(m.mean()).toBe(exact.mean);
        expect(m.variance()).toBe(exact.variance);
      }),
      { numRuns: 500 },
    );
  });

  it("agrees with a two-pass sum of squared deviations from the exact mean (rational arithmetic)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 2, maxLength: 40 }), fc.integer({ min: 0, max: 30 }), (integers, shift) => {
        // Values k 2^-shift: the exact mean is S / n, and sum (x - S/n)^2 = sum (n x - S)^2 / n^2.
        const values = integers.map((k) => k * 2 ** -shift);
        const n = BigInt(values.length);
        const total = integers.reduce((a, k) => a + BigInt(k), 0n);
        const deviations = integers.reduce((a, k) => a + (n * BigInt(k) - total) ** 2n, 0n);
        // variance = deviations / (n^2 (n - 1) 2^(2 shift))
        const expected = roundRational(deviations, (n * n * (n - 1n)) << BigInt(2 * shift));
        expect(momentsOfValues(values).variance()).toBe(expected);
      }),
    );
  });

  it("keeps the variance of values a few ulps apart (where naive formulas give 0 or garbage)", () => {
    const m = momentsOfValues([1, 1 + 2 ** -52]);
    expect(m.variance()).toBe(2 ** -105); // 2 (ulp / 2)^2 / 1
    const big = momentsOfValues([1e15 + 1, 1e15 + 2, 1e15 + 3, 1e15 + 4]);
    expect(big.variance()).toBe(5 / 3);
  });

  it("is exact for huge magnitudes, where n sum(x^2) is far beyond the double range", () => {
    const values = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? 1e150 : -1e150) * (1 + i / 1000));
    const exact = reference(values);
    const m = momentsOfValues(values);
    expect(m.mean()).toBe(exact.mean);
    expect(m.variance()).toBe(exact.variance);
  });

  it("merges any split, in any order, into bit-identical statistics and JSON", () => {
    fc.assert(
      fc.property(splitOf(samples), ({ items, parts }) => {
        const whole = momentsOfValues(items);
        const accumulators = parts.map(momentsOfValues);
        const folded = accumulators.reduce((a, b) => a.merge(b), new ExactMoments());
        const tree = mergeTree(parts.map(momentsOfValues));
        for (const merged of [folded, tree]) {
          expect(merged.count).toBe(whole.count);
          expect(Object.is(merged.min, whole.min)).toBe(true);
          expect(Object.is(merged.max, whole.max)).toBe(true);
          expect(Object.is(merged.mean(), whole.mean())).toBe(true);
          expect(Object.is(merged.variance(), whole.variance())).toBe(true);
          expect(merged.toJSON()).toEqual(whole.toJSON());
        }
      }),
      { numRuns: 300 },
    );
  });

  it("round-trips through JSON text", () => {
    fc.assert(
      fc.property(fc.array(squarableValue, { maxLength: 30 }), (values) => {
        const m = momentsOfValues(values);
        const copy = ExactMoments.fromJSON(JSON.parse(JSON.stringify(m)) as ExactMomentsJSON);
        expect(copy.toJSON()).toEqual(m.toJSON());
        if (values.length > 0) {
          expect(copy.mean()).toBe(m.mean());
          expect(copy.variance()).toBe(m.variance());
        }
      }),
    );
  });

  it("merges with itself", () => {
    const m = momentsOfValues([1, 2, 6]);
    m.merge(m);
    expect(m.toJSON()).toEqual(momentsOfValues([1, 2, 6, 1, 2, 6]).toJSON());
  });

  it("rejects values that are not finite or whose squares overflow, without changing", () => {
    const m = momentsOfValues(Array.from({ length: 19 }, () => 3e153)); // sum of squares 1.71e308
    expect(() => m.add(Number.NaN)).toThrowErrorMatchingInlineSnapshot(`[InputError: x: expected a finite number, got NaN]`);
    expect(() => m.add("1" as unknown as number)).toThrowErrorMatchingInlineSnapshot(`[InputError: x: expected a finite number, got string]`);
    expect(() => m.add(-Infinity)).toThrowErrorMatchingInlineSnapshot(`[InputError: x: expected a finite number, got -Infinity]`);
    expect(() => m.add(2e154)).toThrowErrorMatchingInlineSnapshot(`[InputError: x: 2e+154 is too large: |x| must be at most 2^510 (about 3.35e153) for its square to be exact]`);
    expect(() => m.add(3e153)).toThrowErrorMatchingInlineSnapshot(`[InputError: x: adding 3e+153 makes the sum of squares overflow double precision (about 1.8e308)]`);
    expect(m.count).toBe(19);
    expect(m.variance()).toBe(0);
    expect(() => m.merge({} as ExactMoments)).toThrowErrorMatchingInlineSnapshot(`[InputError: other: expected an ExactMoments, got object]`);
  });

  it("rejects malformed JSON", () => {
    const good: ExactMomentsJSON = { count: 2, min: 1, max: 3, sum: [4], sumOfSquares: [10] };
    const bad = (patch: object) => () => ExactMoments.fromJSON({ ...good, ...patch } as ExactMomentsJSON);
    expect(bad({ count: -1 })).toThrowErrorMatchingInlineSnapshot(`[InputError: json.count: expected a non-negative integer, got -1]`);
    expect(bad({ min: null })).toThrowErrorMatchingInlineSnapshot(`[InputError: json.min: expected a finite number, got null]`);
    expect(bad({ min: 5 })).toThrowErrorMatchingInlineSnapshot(`[InputError: json.min: expected min <= max, got 5 > 3]`);
    expect(bad({ sum: [1, "2"] })).toThrowErrorMatchingInlineSnapshot(`[InputError: json.sum[1]: expected a finite number, got string]`);
    expect(bad({ sumOfSquares: [-1] })).toThrowErrorMatchingInlineSnapshot(`[InputError: json.sumOfSquares: expected a non-negative sum of squares]`);
    expect(bad({ count: 0 })).toThrowErrorMatchingInlineSnapshot(`[InputError: json.min: expected min and max to be null when count is 0]`);
    expect(() => ExactMoments.fromJSON(null as unknown as ExactMomentsJSON)).toThrowErrorMatchingInlineSnapshot(`[InputError: json: expected a moments record { count, min, max, sum, sumOfSquares }, got null]`);
  });
});
