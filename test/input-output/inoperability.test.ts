import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inoperability, leontiefInverse } from "../../src/input-output/index.js";
import { expectVectorNear, frozen, iMinus, multiplyVector, productiveMatrix } from "./_helpers.js";

describe("inoperability", () => {
  it("reproduces the two-system example of Haimes & Jiang (2001)", () => {
    // A* = [[0, 0.8], [0.2, 0]], c* = [0, 0.6] -> q = [0.571, 0.714]: read second-hand from
    // the tests of stigrs/diim (tests/test_diim.cpp, test_case1, "Correct answer (Haimes &
    // Jiang, 2001)", with A* from tests/test_case1.csv). Their four-system example
    // (q = [0.70, 0.78, 1, 1] for c* = [0, 0.5, 0, 0]) is not reproduced: its A* was not in
    // any source we could read.
    expectVectorNear(inoperability([[0, 0.8], [0.2, 0]], [0, 0.6]), [0.571, 0.714], 0.0005);
  });

  it("reproduces the static solution of the Lian & Haimes (2006) two-sector example", () => {
    // A* = [[0.15, 0.5], [0.1, 0.05]], c* = [0, 0.1] -> q = [0.066, 0.112]: read second-hand
    // from stigrs/diim (tests/test_diim.cpp, test_case7, "Correct answer (Lian & Haimes, 2006)").
    expectVectorNear(inoperability([[0.15, 0.5], [0.1, 0.05]], [0, 0.1]), [0.066, 0.112], 0.0005);
  });

  it("clips inoperability above 1 to 1, after solving", () => {
    // Unclipped: q_2 = 1 / 0.84 = 1.190..., q_1 = 0.8 q_2 = 0.952...
    expectVectorNear(inoperability([[0, 0.8], [0.2, 0]], [0, 1]), [0.8 / 0.84, 1], 1e-12);
  });

  it("does not modify its arguments", () => {
    expect(() => inoperability(frozen([[0, 0.8], [0.2, 0]]), frozen([0, 0.6]))).not.toThrow();
  });

  it("rejects a perturbation outside [0, 1] and an A* that is not productive", () => {
    expect(() => inoperability([[0, 0.8], [0.2, 0]], [0, 1.5])).toThrowErrorMatchingInlineSnapshot(`[InputError: cstar[1]: expected a number in [0, 1], found 1.5]`);
    expect(() => inoperability([[0, 2], [0.6, 0]], [0, 0.5])).toThrowErrorMatchingInlineSnapshot(`[InputError: Astar: not productive: spectral radius 1.095 >= 1; (I - Astar) has no non-negative inverse]`);
  });

  const withPerturbation = productiveMatrix().chain((Astar) =>
    fc.tuple(fc.constant(Astar), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: Astar.length, maxLength: Astar.length })),
  );

  it("property: every q_i is in [0, 1]", () => {
    fc.assert(
      fc.property(withPerturbation, ([Astar, cstar]) => {
        for (const qi of inoperability(Astar, cstar)) {
          expect(qi).toBeGreaterThanOrEqual(0);
          expect(qi).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it("property: q = clip((I - A*)^-1 c*), and solves (I - A*) q = c* when nothing is clipped", () => {
    fc.assert(
      fc.property(withPerturbation, ([Astar, cstar]) => {
        const q = inoperability(Astar, cstar);
        const unclipped = multiplyVector(leontiefInverse(Astar), cstar);
        expectVectorNear(q, unclipped.map((v) => Math.min(1, Math.max(0, v))), 1e-9);
        if (unclipped.every((v) => v <= 1)) expectVectorNear(multiplyVector(iMinus(Astar), q), cstar, 1e-9);
      }),
    );
  });
});
