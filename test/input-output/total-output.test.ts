import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { leontiefInverse, totalOutput } from "../../src/input-output/index.js";
import { expectVectorNear, frozen, millerBlair, multiplyVector, productiveMatrix, rows } from "./_helpers.js";

describe("totalOutput", () => {
  const A = rows(millerBlair.A);

  it("gives back the table's output for the table's final demand (Miller & Blair 2009, §2.3.1)", () => {
    expectVectorNear(totalOutput(A, [...millerBlair.f]), [1000, 2000], 1e-9);
  });

  it("reproduces the new output for f = [600, 1500] (Miller & Blair 2009, §2.3.1)", () => {
    // Published x = [1247.52, 1841.58]: Miller & Blair 2009 §2.3.1, read second-hand from
    // Vargas's R script, whose new table has total outputs 1247.52 and 1841.58.
    expectVectorNear(totalOutput(A, [600, 1500]), [1247.52, 1841.58], 0.005);
  });

  it("maps a change in final demand, which may be negative, to a change in output", () => {
    // Δf = [600, 1500] - [350, 1700]; Δx = [1247.52 - 1000, 1841.58 - 2000].
    expectVectorNear(totalOutput(A, [250, -200]), [247.52, -158.42], 0.005);
  });

  it("does not modify its arguments", () => {
    expect(() => totalOutput(frozen(A), frozen([600, 1500]))).not.toThrow();
  });

  it("rejects a final demand of the wrong length or with a non-finite entry", () => {
    expect(() => totalOutput(A, [600])).toThrowErrorMatchingInlineSnapshot(`[InputError: f: expected 2 entries (one per sector of A), found 1]`);
    expect(() => totalOutput(A, [600, Infinity])).toThrowErrorMatchingInlineSnapshot(`[InputError: f[1]: expected a finite number, found Infinity]`);
  });

  it("property: totalOutput(A, f) = L f", () => {
    fc.assert(
      fc.property(
        productiveMatrix().chain((A) =>
          fc.tuple(fc.constant(A), fc.array(fc.double({ min: -1000, max: 1000, noNaN: true }), { minLength: A.length, maxLength: A.length })),
        ),
        ([A, f]) => {
          expectVectorNear(totalOutput(A, f), multiplyVector(leontiefInverse(A), f), 1e-8);
        },
      ),
    );
  });
});
