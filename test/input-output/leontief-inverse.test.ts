import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { leontiefInverse } from "../../src/input-output/index.js";
import { expectMatrixNear, frozen, identity, iMinus, millerBlair, multiply, productiveMatrix, rows } from "./_helpers.js";

describe("leontiefInverse", () => {
  it("reproduces L of Miller & Blair (2009) §2.3.1", () => {
    // Published L = [[1.2541, 0.3300], [0.2640, 1.1221]] (4 decimals): Miller & Blair 2009,
    // §2.3.1, read second-hand from Lane (2016), which prints the same L from R's solve().
    const L = leontiefInverse(rows(millerBlair.A));
    expectMatrixNear(L, [
      [1.2541, 0.33],
      [0.264, 1.1221],
    ], 0.00005);
    // Exactly: (I - A)^-1 = [[0.95, 0.25], [0.2, 0.85]] / det, det = 0.85 * 0.95 - 0.25 * 0.2.
    const det = 0.7575;
    expectMatrixNear(L, [
      [0.95 / det, 0.25 / det],
      [0.2 / det, 0.85 / det],
    ], 1e-14);
  });

  it("inverts a 1 x 1 matrix", () => {
    expect(leontiefInverse([[0.5]])).toEqual([[2]]);
    expect(leontiefInverse([[0]])).toEqual([[1]]);
  });

  it("does not modify its argument", () => {
    expect(() => leontiefInverse(frozen(rows(millerBlair.A)))).not.toThrow();
  });

  it("rejects a matrix that is not productive, giving its spectral radius", () => {
    expect(() => leontiefInverse([[0.5, 0.6], [0.6, 0.5]])).toThrowErrorMatchingInlineSnapshot(`[InputError: A: not productive: spectral radius 1.1 >= 1; (I - A) has no non-negative inverse]`);
    // Columns summing to 1 (a closed economy): spectral radius exactly 1, I - A singular.
    expect(() => leontiefInverse([[0.5, 0.5], [0.5, 0.5]])).toThrowErrorMatchingInlineSnapshot(`[InputError: A: not productive: spectral radius 1 >= 1; (I - A) has no non-negative inverse]`);
  });

  it("property: L (I - A) = I and (I - A) L = I for productive A", () => {
    fc.assert(
      fc.property(productiveMatrix(), (A) => {
        const L = leontiefInverse(A);
        const I = identity(A.length);
        expectMatrixNear(multiply(L, iMinus(A)), I, 1e-10);
        expectMatrixNear(multiply(iMinus(A), L), I, 1e-10);
      }),
    );
  });

  it("property: L >= I entry-wise (L = I + A + A^2 + ...)", () => {
    fc.assert(
      fc.property(productiveMatrix(), (A) => {
        const L = leontiefInverse(A);
        L.forEach((row, i) => row.forEach((lij, j) => expect(lij).toBeGreaterThanOrEqual((i === j ? 1 : 0) - 1e-12)));
      }),
    );
  });
});
