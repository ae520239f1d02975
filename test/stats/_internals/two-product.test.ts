import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { productError, squareError, twoProduct } from "../../../src/stats/_internals/two-product.js";
import { scaledExact } from "../_helpers.js";

/** Doubles with |x| in [2^-400, 2^400]: no product of two of them underflows or overflows. */
const moderate = fc.oneof(
  fc.double({ min: 2 ** -400, max: 2 ** 400, noNaN: true }),
  fc.double({ min: -(2 ** 400), max: -(2 ** -400), noNaN: true }),
);

describe("twoProduct", () => {
  it("is exact: high + low = a b (BigInt reference)", () => {
    fc.assert(
      fc.property(moderate, moderate, (a, b) => {
        const [high, low] = twoProduct(a, b);
        expect(high).toBe(a * b);
        // a b = (A / 2^1074)(B / 2^1074); high + low = (H + L) / 2^1074.
        expect((scaledExact(high) + scaledExact(low)) << 1074n).toBe(scaledExact(a) * scaledExact(b));
        expect(productError(a, b, high)).toBe(low);
      }),
      { numRuns: 1000 },
    );
  });

  it("squares exactly", () => {
    fc.assert(
      fc.property(moderate, (x) => {
        const square = x * x;
        const low = squareError(x, square);
        expect((scaledExact(square) + scaledExact(low)) << 1074n).toBe(scaledExact(x) ** 2n);
      }),
      { numRuns: 1000 },
    );
  });

  it("is exact with an integer factor, even for subnormal products", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e-300, noNaN: true }), fc.integer({ min: 1, max: 2 ** 53 - 1 }), (q, n) => {
        const [high, low] = twoProduct(q, n);
        expect(scaledExact(high) + scaledExact(low)).toBe(scaledExact(q) * BigInt(n));
      }),
      { numRuns: 1000 },
    );
  });
});
