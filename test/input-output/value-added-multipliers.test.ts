import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { leontiefInverse, totalOutput, valueAddedMultipliers } from "../../src/input-output/index.js";
import { columnSums, expectVectorNear, millerBlair, productiveMatrix, rows, vectorTimes } from "./_helpers.js";

describe("valueAddedMultipliers", () => {
  const A = rows(millerBlair.A);
  // Value-added coefficients of Miller & Blair (2009) §2.3.1: payments 650 and 1400 on
  // outputs 1000 and 2000.
  const v = millerBlair.valueAdded.map((va, j) => va / millerBlair.x[j]!);

  it("is 1 for every sector when value added covers all primary inputs (Miller & Blair example)", () => {
    // Each column of A plus v sums to 1 (0.15 + 0.20 + 0.65, 0.25 + 0.05 + 0.70), so
    // v' L = 1' (I - A) L = 1'.
    expectVectorNear(valueAddedMultipliers(A, v), [1, 1], 1e-14);
  });

  it("gives the value added of the new final demand [600, 1500] (Miller & Blair 2009, §2.3.1)", () => {
    // Published new payments row: 810.89 and 1289.11, total 3200 - 1100 = 2100 (read
    // second-hand from Vargas's R script). Total value added = m' f.
    const f = [600, 1500];
    const x = totalOutput(A, f);
    expectVectorNear(x.map((xj, j) => v[j]! * xj), [810.89, 1289.11], 0.005);
    const m = valueAddedMultipliers(A, v);
    expect(m[0]! * f[0]! + m[1]! * f[1]!).toBeCloseTo(2100, 9);
  });

  it("rejects value-added coefficients that are not finite", () => {
    expect(() => valueAddedMultipliers(A, [0.65, Number.NaN])).toThrowErrorMatchingInlineSnapshot(`[InputError: v[1]: expected a finite number, found NaN]`);
  });

  it("property: m' = v' L", () => {
    fc.assert(
      fc.property(
        productiveMatrix().chain((A) =>
          fc.tuple(fc.constant(A), fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: A.length, maxLength: A.length })),
        ),
        ([A, v]) => {
          expectVectorNear(valueAddedMultipliers(A, v), vectorTimes(v, leontiefInverse(A)), 1e-9);
        },
      ),
    );
  });

  it("property: all 1 when v_j = 1 - sum_i a_ij (column-balanced table)", () => {
    fc.assert(
      fc.property(productiveMatrix(), (A) => {
        const balanced = columnSums(A).map((s) => 1 - s);
        expectVectorNear(valueAddedMultipliers(A, balanced), balanced.map(() => 1), 1e-9);
      }),
    );
  });
});
