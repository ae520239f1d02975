import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dynamicInoperability, inoperability } from "../../src/input-output/index.js";
import { expectMatrixNear, expectVectorNear, frozen, productiveMatrix } from "./_helpers.js";

describe("dynamicInoperability", () => {
  // The two-sector example of Lian & Haimes (2006), read second-hand from stigrs/diim:
  // A* in tests/test_case10_amat.csv, K = diag(0.2, 0.2) in tests/test_case10_kmat.csv,
  // a constant c* = [0, 0.1] over 100 steps (tests/test_case10.inp).
  const Astar = [
    [0.15, 0.5],
    [0.1, 0.05],
  ];
  const lianHaimes = { Astar, K: [0.2, 0.2], cstar: [0, 0.1], q0: [0, 0] };

  it("converges to the static solution of the Lian & Haimes (2006) example", () => {
    // Static q = [0.066, 0.112] ("Correct answer (Lian & Haimes, 2006)" in stigrs/diim's
    // tests); stigrs/diim checks that 100 steps of the discrete DIIM reach it within 1e-6.
    const path = dynamicInoperability({ ...lianHaimes, steps: 100 });
    expect(path).toHaveLength(101);
    expectVectorNear(path[100]!, inoperability(Astar, [0, 0.1]), 1e-6);
    expectVectorNear(path[100]!, [0.066, 0.112], 0.0005);
  });

  it("pins the first steps (computed by hand)", () => {
    // q(1) = 0.2 [0, 0.1] = [0, 0.02]; q(2) = q(1) + 0.2 ([0.01, 0.001] + [0, 0.1] - [0, 0.02]).
    expectMatrixNear(dynamicInoperability({ ...lianHaimes, steps: 2 }), [
      [0, 0],
      [0, 0.02],
      [0.002, 0.0362],
    ], 1e-15);
  });

  it("returns q0 alone for zero steps, as a copy", () => {
    const q0 = [0.1, 0.2];
    const path = dynamicInoperability({ ...lianHaimes, q0, steps: 0 });
    expect(path).toEqual([[0.1, 0.2]]);
    expect(path[0]).not.toBe(q0);
    expect(dynamicInoperability({ ...lianHaimes, cstar: [], steps: 0 })).toEqual([[0, 0]]);
  });

  it("applies one perturbation per step when given a series", () => {
    // Perturbation during the first 10 steps only, then recovery towards 0.
    const steps = 200;
    const cstar = Array.from({ length: steps }, (_, t) => (t < 10 ? [0, 0.1] : [0, 0]));
    const path = dynamicInoperability({ ...lianHaimes, cstar, steps });
    const peak = path[10]![1]!;
    expect(peak).toBeGreaterThan(0.05);
    expect(path[11]![1]!).toBeLessThan(peak);
    expect(path[steps]![1]!).toBeLessThan(1e-8);
  });

  it("freezes a sector with k = 0 and jumps in one step with k = 1 and no interdependency", () => {
    expect(dynamicInoperability({ Astar: [[0]], K: [0], cstar: [0.5], q0: [0.3], steps: 3 })).toEqual([[0.3], [0.3], [0.3], [0.3]]);
    expect(dynamicInoperability({ Astar: [[0]], K: [1], cstar: [0.5], q0: [0], steps: 2 })).toEqual([[0], [0.5], [0.5]]);
  });

  it("clips each step to [0, 1] and continues from the clipped value", () => {
    // Unclipped: q(1) = 0.8 + (0.4 + 0.9 - 0.8) = 1.3; from 1: q(2) = 1 + (0.5 + 0.9 - 1) = 1.4.
    expect(dynamicInoperability({ Astar: [[0.5]], K: [1], cstar: [0.9], q0: [0.8], steps: 2 })).toEqual([[0.8], [1], [1]]);
  });

  it("does not modify its arguments", () => {
    const input = frozen({ ...lianHaimes, cstar: [[0, 0.1], [0, 0.1]], steps: 2 });
    expect(() => dynamicInoperability(input)).not.toThrow();
  });

  it("rejects bad coefficients, series and step counts", () => {
    expect(() => dynamicInoperability({ ...lianHaimes, K: [0.2, 1.5], steps: 5 })).toThrowErrorMatchingInlineSnapshot(`[InputError: K[1]: expected a resilience coefficient in [0, 1], found 1.5; with k > 1 the discrete model overshoots (use a longer recovery time or a shorter period)]`);
    expect(() => dynamicInoperability({ ...lianHaimes, cstar: [[0, 0.1]], steps: 5 })).toThrowErrorMatchingInlineSnapshot(`[InputError: cstar: expected 5 vectors (one per step), found 1]`);
    expect(() => dynamicInoperability({ ...lianHaimes, cstar: [[0, 0.1], [0, 2]], steps: 2 })).toThrowErrorMatchingInlineSnapshot(`[InputError: cstar[1][1]: expected a number in [0, 1], found 2]`);
    expect(() => dynamicInoperability({ ...lianHaimes, steps: 2.5 })).toThrowErrorMatchingInlineSnapshot(`[InputError: steps: expected an integer >= 0, found 2.5]`);
    expect(() => dynamicInoperability({ ...lianHaimes, q0: [0, -0.1], steps: 2 })).toThrowErrorMatchingInlineSnapshot(`[InputError: q0[1]: expected a number in [0, 1], found -0.1]`);
  });

  it("property: with a constant c* and a static solution inside [0, 1], the path converges to it", () => {
    // A* with row sums <= 0.9 and k_i >= 0.2: each step contracts the distance to the
    // equilibrium by at least 1 - 0.2 * (1 - 0.9) = 0.98, so 2000 steps are plenty.
    // c*_i <= 0.1 (1 - 0.9) keeps the static solution <= 0.1, so nothing is clipped.
    const scenario = productiveMatrix({ maxSum: 0.9, rowSums: true }).chain((Astar) => {
      const n = Astar.length;
      const vector = (min: number, max: number) => fc.array(fc.double({ min, max, noNaN: true }), { minLength: n, maxLength: n });
      return fc.record({ Astar: fc.constant(Astar), K: vector(0.2, 1), cstar: vector(0, 0.01), q0: vector(0, 1) });
    });
    fc.assert(
      fc.property(scenario, (input) => {
        const path = dynamicInoperability({ ...input, steps: 2000 });
        expectVectorNear(path[2000]!, inoperability(input.Astar, input.cstar), 1e-9);
      }),
      { numRuns: 50 },
    );
  });
});
