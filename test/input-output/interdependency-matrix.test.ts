import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { interdependencyMatrix, spectralRadius } from "../../src/input-output/index.js";
import { expectMatrixNear, frozen, millerBlair, productiveMatrix, rows } from "./_helpers.js";

describe("interdependencyMatrix", () => {
  it("normalises the Miller & Blair (2009) A into the A* of the Lian & Haimes (2006) two-sector example", () => {
    // A* = [[0.15, 0.50], [0.10, 0.05]] is the interdependency matrix of the two-sector
    // example of Lian & Haimes (2006), read second-hand from the tests of stigrs/diim
    // (tests/test_case10_amat.csv, labelled "Lian & Haimes, 2006"). It is the Miller &
    // Blair A normalised with x = [1000, 2000]: a*_12 = 0.25 * 2000 / 1000.
    expectMatrixNear(interdependencyMatrix(rows(millerBlair.A), [...millerBlair.x]), [
      [0.15, 0.5],
      [0.1, 0.05],
    ], 1e-15);
  });

  it("gives a zero row to a sector with no output that supplies nothing", () => {
    expect(interdependencyMatrix([[0.1, 0.2], [0, 0.3]], [10, 0])).toEqual([
      [0.1, 0],
      [0, 0],
    ]);
  });

  it("rejects a sector with no output that supplies others", () => {
    expect(() => interdependencyMatrix([[0.1, 0.2], [0.4, 0.3]], [10, 0])).toThrowErrorMatchingInlineSnapshot(`[InputError: x[1]: output is 0, but sector 1 supplies sector 0 (A[1][0] * x[0] = 4); a sector with no output must supply nothing]`);
  });

  it("does not modify its arguments", () => {
    expect(() => interdependencyMatrix(frozen(rows(millerBlair.A)), frozen([...millerBlair.x]))).not.toThrow();
  });

  it("property: A* has the spectral radius of A (they are similar)", () => {
    fc.assert(
      fc.property(
        productiveMatrix().chain((A) =>
          fc.tuple(fc.constant(A), fc.array(fc.double({ min: 0.1, max: 100, noNaN: true }), { minLength: A.length, maxLength: A.length })),
        ),
        ([A, x]) => {
          const rho = spectralRadius(A);
          expect(Math.abs(spectralRadius(interdependencyMatrix(A, x)) - rho)).toBeLessThanOrEqual(1e-9);
        },
      ),
    );
  });
});
