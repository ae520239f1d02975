import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { technicalCoefficients } from "../../src/input-output/index.js";
import { expectMatrixNear, frozen, millerBlair, rows, transactionsTable } from "./_helpers.js";

describe("technicalCoefficients", () => {
  it("reproduces A of Miller & Blair (2009) §2.3.1", () => {
    // Published A = [[.15, .25], [.20, .05]] (Miller & Blair 2009, §2.3.1; read second-hand
    // from Lane 2016 and Vargas, see _helpers.ts).
    const A = technicalCoefficients(rows(millerBlair.Z), [...millerBlair.x]);
    expectMatrixNear(A, [
      [0.15, 0.25],
      [0.2, 0.05],
    ], 1e-15);
  });

  it("gives a zero column to a sector with no output and no purchases", () => {
    const Z = [
      [1, 0, 2],
      [5, 0, 0],
      [3, 0, 4],
    ];
    expect(technicalCoefficients(Z, [10, 0, 20])).toEqual([
      [0.1, 0, 0.1],
      [0.5, 0, 0],
      [0.3, 0, 0.2],
    ]);
  });

  it("rejects a sector with no output that buys inputs", () => {
    expect(() => technicalCoefficients([[1, 2], [3, 4]], [10, 0])).toThrowErrorMatchingInlineSnapshot(`[InputError: x[1]: output is 0, but sector 1 buys inputs (Z[0][1] = 2); a sector with no output must have a zero column in Z]`);
  });

  it("rejects negative flows and outputs, naming the element", () => {
    expect(() => technicalCoefficients([[1, -2], [3, 4]], [10, 10])).toThrowErrorMatchingInlineSnapshot(`[InputError: Z[0][1]: expected a non-negative number, found -2]`);
    expect(() => technicalCoefficients([[1, 2], [3, 4]], [10, -1])).toThrowErrorMatchingInlineSnapshot(`[InputError: x[1]: expected a non-negative number, found -1]`);
  });

  it("rejects an output vector of the wrong length", () => {
    expect(() => technicalCoefficients([[1, 2], [3, 4]], [10, 10, 10])).toThrowErrorMatchingInlineSnapshot(`[InputError: x: expected 2 entries (one per sector of Z), found 3]`);
  });

  it("does not modify its arguments", () => {
    const Z = frozen(rows(millerBlair.Z));
    const x = frozen([...millerBlair.x]);
    expect(() => technicalCoefficients(Z, x)).not.toThrow();
    expect(Z).toEqual(millerBlair.Z);
  });

  it("property: A diag(x) gives back Z", () => {
    fc.assert(
      fc.property(transactionsTable, ({ Z, x }) => {
        const A = technicalCoefficients(Z, x);
        const back = A.map((row) => row.map((aij, j) => aij * x[j]!));
        expectMatrixNear(back, Z, 1e-9 * Math.max(1, ...x));
      }),
    );
  });
});
