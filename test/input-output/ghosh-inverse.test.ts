import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocationCoefficients, ghoshInverse, leontiefInverse, technicalCoefficients } from "../../src/input-output/index.js";
import { columnSums, expectMatrixNear, expectVectorNear, frozen, identity, iMinus, millerBlair, multiply, rows, transactionsTable, vectorTimes } from "./_helpers.js";

describe("ghoshInverse", () => {
  const B = allocationCoefficients(rows(millerBlair.Z), [...millerBlair.x]);

  it("computes G for the Miller & Blair (2009) two-sector table", () => {
    // We did not find a published G for a table we could use (the Ghosh example of
    // Miller & Blair 2009 §12.1 was not available to us). Computed by hand:
    // (I - B)^-1 = [[0.95, 0.5], [0.1, 0.85]] / 0.7575.
    expectMatrixNear(ghoshInverse(B), [
      [0.95 / 0.7575, 0.5 / 0.7575],
      [0.1 / 0.7575, 0.85 / 0.7575],
    ], 1e-14);
    // G = diag(x)^-1 L diag(x), with the published L (Miller & Blair 2009, §2.3.1):
    // G_12 = 0.3300 * 2000 / 1000, G_21 = 0.2640 * 1000 / 2000.
    expectMatrixNear(ghoshInverse(B), [
      [1.2541, 0.66],
      [0.132, 1.1221],
    ], 0.0001);
  });

  it("reproduces the table's output from its value added: x' = v' G (Miller & Blair 2009 table)", () => {
    // Value added (payments sector) 650 and 1400, outputs 1000 and 2000.
    expectVectorNear(vectorTimes([...millerBlair.valueAdded], ghoshInverse(B)), [1000, 2000], 1e-9);
  });

  it("does not modify its argument", () => {
    expect(() => ghoshInverse(frozen(B))).not.toThrow();
  });

  it("rejects allocation coefficients that are not productive", () => {
    expect(() => ghoshInverse([[0.5, 0.7], [0.9, 0.2]])).toThrowErrorMatchingInlineSnapshot(`[InputError: B: not productive: spectral radius 1.158 >= 1; (I - B) has no non-negative inverse]`);
  });

  it("property: (I - B) G = I", () => {
    fc.assert(
      fc.property(transactionsTable, ({ Z, x }) => {
        const B = allocationCoefficients(Z, x);
        expectMatrixNear(multiply(iMinus(B), ghoshInverse(B)), identity(x.length), 1e-9);
      }),
    );
  });

  it("property: the supply-side model reproduces x from v (x' = v' G, v_j = x_j - sum_i Z_ij)", () => {
    fc.assert(
      fc.property(transactionsTable, ({ Z, x }) => {
        const v = columnSums(Z).map((used, j) => x[j]! - used);
        const G = ghoshInverse(allocationCoefficients(Z, x));
        expectVectorNear(vectorTimes(v, G), x, 1e-9 * Math.max(...x));
      }),
    );
  });

  it("property: G = diag(x)^-1 L diag(x)", () => {
    fc.assert(
      fc.property(transactionsTable, ({ Z, x }) => {
        const G = ghoshInverse(allocationCoefficients(Z, x));
        const L = leontiefInverse(technicalCoefficients(Z, x));
        const similar = L.map((row, i) => row.map((lij, j) => (lij * x[j]!) / x[i]!));
        G.forEach((row, i) => row.forEach((gij, j) => expect(Math.abs(gij - similar[i]![j]!)).toBeLessThanOrEqual(1e-8 * Math.max(1, Math.abs(gij)))));
      }),
    );
  });
});
