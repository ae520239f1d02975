import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { leontiefInverse, outputMultipliers } from "../../src/input-output/index.js";
import { columnSums, expectVectorNear, millerBlair, productiveMatrix, rows } from "./_helpers.js";

describe("outputMultipliers", () => {
  it("gives the column sums of the published L of Miller & Blair (2009) §2.3.1", () => {
    // We did not find the book's printed multipliers for this example in a source we could
    // read (§6.2 was not available to us). From the published L (see leontief-inverse.test.ts):
    // 1.2541 + 0.2640 = 1.5181 and 0.3300 + 1.1221 = 1.4521, each sum good to 1e-4.
    expectVectorNear(outputMultipliers(rows(millerBlair.A)), [1.5181, 1.4521], 0.0002);
    // Exactly: 1.15 / 0.7575 and 1.10 / 0.7575.
    expectVectorNear(outputMultipliers(rows(millerBlair.A)), [1.15 / 0.7575, 1.1 / 0.7575], 1e-14);
  });

  it("is right when factoring I - A needs row exchanges", () => {
    // I - A = [[0.1, 0], [-0.5, 0.9]]: partial pivoting swaps the rows. L = [[10, 0], [50/9, 10/9]].
    expectVectorNear(outputMultipliers([[0.9, 0], [0.5, 0.1]]), [10 + 50 / 9, 10 / 9], 1e-12);
  });

  it("rejects a matrix that is not productive", () => {
    expect(() => outputMultipliers([[1.2]])).toThrowErrorMatchingInlineSnapshot(`[InputError: A: not productive: spectral radius 1.2 >= 1; (I - A) has no non-negative inverse]`);
  });

  it("property: equal to the column sums of leontiefInverse(A) (a different code path)", () => {
    fc.assert(
      fc.property(productiveMatrix(), (A) => {
        expectVectorNear(outputMultipliers(A), columnSums(leontiefInverse(A)), 1e-9);
      }),
    );
  });

  it("property: every multiplier is >= 1", () => {
    fc.assert(
      fc.property(productiveMatrix(), (A) => {
        for (const m of outputMultipliers(A)) expect(m).toBeGreaterThanOrEqual(1 - 1e-12);
      }),
    );
  });
});
