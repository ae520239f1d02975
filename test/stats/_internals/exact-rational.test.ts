import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ExactSum } from "../../../src/stats/index.js";
import { roundRatio, scaledSum } from "../../../src/stats/_internals/exact-rational.js";
import { anyMagnitude, roundRational, scaledExact } from "../_helpers.js";

const anyDouble = fc.double({ noNaN: true, noDefaultInfinity: true });

function quotient(values: readonly number[], divisor: number): number {
  const total = new ExactSum();
  for (const x of values) total.add(x);
  return roundRatio(scaledSum(total), BigInt(divisor) << 1074n);
}

describe("exact rational arithmetic", () => {
  it("scales an exact sum to an integer exactly", () => {
    fc.assert(
      fc.property(fc.array(anyMagnitude, { maxLength: 20 }), (values) => {
        const total = new ExactSum();
        for (const x of values) total.add(x);
        expect(scaledSum(total)).toBe(values.reduce((sum, x) => sum + scaledExact(x), 0n));
      }),
    );
  });

  it("divides a double by an integer as IEEE division does (correctly rounded), over the whole range", () => {
    const divisor = fc.oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 2 ** 53 }));
    fc.assert(
      fc.property(anyDouble, divisor, (x, n) => {
        // An exact zero sum gives +0; a negative quotient that rounds to zero gives -0, as IEEE does.
        expect(quotient([x], n)).toBe(Object.is(x, -0) ? 0 : x / n);
      }),
      { numRuns: 2000 },
    );
  });

  it("rounds exact sums divided by integers correctly (BigInt reference), ties to even", () => {
    expect(quotient([2 ** 54, 2], 4)).toBe(2 ** 52); // 2^52 + 0.5
    expect(quotient([2 ** 54, 6], 4)).toBe(2 ** 52 + 2); // 2^52 + 1.5
    expect(quotient([-(2 ** 54), -6], 4)).toBe(-(2 ** 52) - 2);
    expect(quotient([Number.MIN_VALUE], 2)).toBe(0); // half the smallest subnormal
    expect(quotient([3 * Number.MIN_VALUE], 2)).toBe(2 * Number.MIN_VALUE);
    expect(roundRatio(2n * scaledExact(Number.MAX_VALUE), 2n << 1074n)).toBe(Number.MAX_VALUE);
    expect(quotient([], 7)).toBe(0);
    const divisor = fc.oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 2 ** 53 }));
    fc.assert(
      fc.property(fc.array(anyMagnitude, { minLength: 1, maxLength: 20 }), divisor, (values, n) => {
        const exact = values.reduce((sum, x) => sum + scaledExact(x), 0n);
        expect(quotient(values, n)).toBe(roundRational(exact, BigInt(n) << 1074n));
      }),
      { numRuns: 2000 },
    );
  });

  it("overflows to infinity beyond the double range", () => {
    expect(roundRatio(1n << 1024n, 1n)).toBe(Infinity);
    expect(roundRatio(-(1n << 2000n), 3n)).toBe(-Infinity);
    expect(roundRatio((1n << 1024n) - (1n << 970n), 1n)).toBe(Infinity); // the halfway point rounds to even: up
    expect(roundRatio((1n << 1024n) - (1n << 970n) - 1n, 1n)).toBe(Number.MAX_VALUE);
  });
});
