import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { quantileSorted, valueAtRisk } from "../../src/stats/index.js";
import { ascending, finiteValues, probability } from "./_helpers.js";

const oneToTen = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

describe("valueAtRisk", () => {
  it("is the upper-tail quantile at the level (hand-computed)", () => {
    // n = 10, h = 9 * 0.95 = 8.55 -> 9 + 0.55 * (10 - 9) = 9.55; R: quantile(1:10, 0.95) -> 9.55
    expect(valueAtRisk(oneToTen, 0.95)).toBeCloseTo(9.55, 14);
    // R: quantile(1:10, 0.99) -> 9.91
    expect(valueAtRisk(oneToTen, 0.99)).toBeCloseTo(9.91, 14);
    expect(valueAtRisk(oneToTen, 1)).toBe(10);
    expect(valueAtRisk(oneToTen, 0)).toBe(1);
  });

  it("means the loss exceeded with probability 1 - level", () => {
    // 100 runs with losses 1..100: about 5 runs exceed the 95% VaR.
    const losses = Array.from({ length: 100 }, (_, i) => i + 1);
    const v = valueAtRisk(losses, 0.95);
    expect(losses.filter((x) => x > v).length).toBe(5);
  });

  it("equals quantileSorted at the level", () => {
    fc.assert(
      fc.property(finiteValues, probability, (values, level) => {
        const sorted = ascending(values);
        expect(valueAtRisk(sorted, level)).toBe(quantileSorted(sorted, level));
      }),
    );
  });

  it("names the level in its messages", () => {
    expect(() => valueAtRisk(oneToTen, 95)).toThrow(InputError);
    expect(() => valueAtRisk(oneToTen, 95)).toThrowErrorMatchingInlineSnapshot(`[InputError: level: expected a probability in [0, 1], got 95]`);
    expect(() => valueAtRisk([], 0.95)).toThrowErrorMatchingInlineSnapshot(`[InputError: sorted: expected at least one value, got an empty array]`);
    expect(() => valueAtRisk([1, 5, Number.NaN], 0.95)).toThrowErrorMatchingInlineSnapshot(`[InputError: sorted[2]: expected a finite number, got NaN]`);
  });
});
