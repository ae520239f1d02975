import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocationCoefficients, interdependencyMatrix, technicalCoefficients } from "../../src/input-output/index.js";
import { expectMatrixNear, frozen, millerBlair, rows, transactionsTable } from "./_helpers.js";

describe("allocationCoefficients", () => {
  it("computes B for the Miller & Blair (2009) two-sector table", () => {
    // B_ij = Z_ij / x_i from the table of Miller & Blair (2009) §2.3.1. We did not find
    // B printed for this table in a source we could read (§12.1 of the book was not
    // available to us); the values are exact ratios of the table: 150/1000, 500/1000,
    // 200/2000, 100/2000.
    const B = allocationCoefficients(rows(millerBlair.Z), [...millerBlair.x]);
    expectMatrixNear(B, [
      [0.15, 0.5],
      [0.1, 0.05],
    ], 1e-15);
  });

  it("gives a zero row to a sector with no output and no sales", () => {
    expect(allocationCoefficients([[2, 0], [0, 0]], [4, 0])).toEqual([
      [0.5, 0],
      [0, 0],
    ]);
  });

  it("rejects a sector with no output that sells to others", () => {
    expect(() => allocationCoefficients([[1, 2], [3, 4]], [10, 0])).toThrowErrorMatchingInlineSnapshot(`[InputError: x[1]: output is 0, but sector 1 sells to other sectors (Z[1][0] = 3); a sector with no output must have a zero row in Z]`);
  });

  it("does not modify its arguments", () => {
    expect(() => allocationCoefficients(frozen(rows(millerBlair.Z)), frozen([...millerBlair.x]))).not.toThrow();
  });

  it("property: B equals the IIM's A* = diag(x)^-1 A diag(x)", () => {
    fc.assert(
      fc.property(transactionsTable, ({ Z, x }) => {
        const B = allocationCoefficients(Z, x);
        const Astar = interdependencyMatrix(technicalCoefficients(Z, x), x);
        expectMatrixNear(B, Astar, 1e-12);
      }),
    );
  });
});
