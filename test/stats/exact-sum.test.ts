import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { ExactSum } from "../../src/stats/index.js";
import { anyMagnitude, exactSumReference, splitOf } from "./_helpers.js";

function sumOf(values: readonly number[]): ExactSum {
  const total = new ExactSum();
  for (const x of values) total.add(x);
  return total;
}

describe("ExactSum", () => {
  it("gives CPython's math.fsum results (Lib/test/test_math.py testFsum)", () => {
    const cases: [number[], number][] = [
      [[], 0],
      [[0], 0],
      [[1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50], 1e-100],
      [[2 ** 53, -0.5, -(2 ** -54)], 2 ** 53 - 1],
      [[2 ** 53, 1.0, 2 ** -100], 2 ** 53 + 2],
      [[2 ** 53 + 10, 1.0, 2 ** -100], 2 ** 53 + 12],
      [[2 ** 53 - 4, 0.5, 2 ** -54], 2 ** 53 - 3],
      [[1.7976931348623157e308, -1.7976931348623157e308 / 2 ** 1, -1.7976931348623157e308 / 2], 0],
      [Array.from({ length: 10 }, () => 0.1), 1],
      [Array.from({ length: 1000 }, (_, i) => 1 / (i + 1)), 7.485470860550345],
    ];
    for (const [values, expected] of cases) expect(sumOf(values).value()).toBe(expected);
  });

  it("rounds halfway cases to even only when the partials below say it is a tie", () => {
    expect(sumOf([1, 2 ** -53]).value()).toBe(1); // exact tie: to even
    expect(sumOf([1, 2 ** -53, 2 ** -80]).value()).toBe(1 + 2 ** -52); // just above the tie
    expect(sumOf([1, 2 ** -53, -(2 ** -80)]).value()).toBe(1); // just below
    expect(sumOf([1 + 2 ** -52, 2 ** -53]).value()).toBe(1 + 2 ** -51); // tie to even, upward
  });

  it("is the exact sum correctly rounded, for doubles of every magnitude", () => {
    fc.assert(
      fc.property(fc.array(anyMagnitude, { maxLength: 60 }), (values) => {
        expect(sumOf(values).value()).toBe(exactSumReference(values));
      }),
      { numRuns: 300 },
    );
  });

  it("does not depend on the order of adding, nor on how accumulators are split and merged", () => {
    fc.assert(
      fc.property(splitOf(fc.array(anyMagnitude, { maxLength: 60 })), ({ items, parts }) => {
        const whole = sumOf(items);
        const merged = parts.map(sumOf).reduce((a, b) => a.addSum(b), new ExactSum());
        expect(Object.is(merged.value(), whole.value())).toBe(true);
        expect(sumOf([...items].reverse()).value()).toBe(whole.value());
        expect(merged.partials()).toEqual(whole.partials());
      }),
      { numRuns: 300 },
    );
  });

  it("writes the exact sum canonically, and reads it back", () => {
    fc.assert(
      fc.property(fc.array(anyMagnitude, { maxLength: 40 }), (values) => {
        const total = sumOf(values);
        const partials = total.partials();
        // Canonical: each entry is the correctly rounded rest, so the first is the value.
        expect(partials[0] ?? 0).toBe(total.value());
        for (let i = 1; i < partials.length; i++) {
          expect(Math.abs(partials[i]!)).toBeLessThanOrEqual(Math.abs(partials[i - 1]!) * 2 ** -52);
        }
        expect(exactSumReference(partials)).toBe(total.value());
        const copy = ExactSum.fromPartials(partials);
        expect(copy.partials()).toEqual(partials);
        expect(ExactSum.fromPartials([...partials].reverse()).partials()).toEqual(partials);
      }),
    );
  });

  it("merges with itself and clones independently", () => {
    const total = sumOf([1e16, 1, 0.5]);
    const copy = total.clone();
    total.addSum(total);
    expect(total.partials()).toEqual(sumOf([2e16, 2, 1]).partials());
    expect(copy.value()).toBe(1e16 + 2);
  });

  it("grows its partials only as far as the values' spread of magnitudes needs", () => {
    const total = new ExactSum();
    for (let i = 0; i < 100_000; i++) total.add(Math.sin(i) * 1e6);
    expect(total.partials().length).toBeLessThanOrEqual(3);
  });

  it("rejects values that are not finite, and sums that overflow, without changing", () => {
    const total = sumOf([Number.MAX_VALUE]);
    expect(() => total.add(Number.NaN)).toThrowErrorMatchingInlineSnapshot(`[InputError: x: expected a finite number, got NaN]`);
    expect(() => total.add(Infinity)).toThrow(InputError);
    expect(() => total.add("1" as unknown as number)).toThrowErrorMatchingInlineSnapshot(`[InputError: x: expected a finite number, got string]`);
    expect(() => total.add(Number.MAX_VALUE)).toThrowErrorMatchingInlineSnapshot(`[InputError: x: adding 1.7976931348623157e+308 makes the running sum overflow double precision (about 1.8e308)]`);
    expect(total.value()).toBe(Number.MAX_VALUE);
    total.add(-Number.MAX_VALUE / 2);
    total.add(Number.MAX_VALUE / 2);
    expect(total.value()).toBe(Number.MAX_VALUE);
    expect(() => ExactSum.fromPartials([1, Number.NaN])).toThrowErrorMatchingInlineSnapshot(`[InputError: partials[1]: expected a finite number, got NaN]`);
    expect(() => ExactSum.fromPartials(3 as unknown as number[])).toThrowErrorMatchingInlineSnapshot(`[InputError: partials: expected an array of numbers, got 3]`);
    expect(() => total.addSum({} as ExactSum)).toThrowErrorMatchingInlineSnapshot(`[InputError: other: expected an ExactSum, got object]`);
  });
});
