import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isNonsingularMMatrix, luFactor, luInverse, luSolve, luSolveTranspose, transpose } from "../src/linear-algebra.js";

const flat = (m: number[][]) => Float64Array.from(m.flat());
const matVec = (m: Float64Array, n: number, v: Float64Array) => Array.from({ length: n }, (_, i) => v.reduce((s, vj, j) => s + m[i * n + j]! * vj, 0));

describe("LU with partial pivoting", () => {
  it("solves a system that needs a row exchange", () => {
    const f = luFactor(flat([[0, 1], [1, 0]]), 2)!;
    expect(Array.from(luSolve(f, Float64Array.from([3, 4])))).toEqual([4, 3]);
  });

  it("solves with the transpose after row exchanges", () => {
    const m = flat([[1, 2, 3], [4, 5, 6], [7, 8, 10]]);
    const f = luFactor(m, 3)!;
    expect(Array.from(f.perm)).not.toEqual([0, 1, 2]);
    const b = Float64Array.from([1, 2, 3]);
    matVec(transpose(m, 3), 3, luSolveTranspose(f, b)).forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 12));
    matVec(m, 3, luSolve(f, b)).forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 12));
  });

  it("reports a singular matrix", () => {
    expect(luFactor(flat([[1, 2], [2, 4]]), 2)).toBeUndefined();
    expect(luFactor(flat([[0, 0], [0, 0]]), 2)).toBeUndefined();
  });

  const system = fc.integer({ min: 1, max: 6 }).chain((n) =>
    fc.tuple(
      fc.constant(n),
      fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: n * n, maxLength: n * n }),
      fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n, maxLength: n }),
    ),
  );

  it("property: M x = b and M' y = b are solved (diagonally dominant M)", () => {
    fc.assert(
      fc.property(system, ([n, entries, rhs]) => {
        const m = Float64Array.from(entries);
        for (let i = 0; i < n; i++) m[i * n + i] = m[i * n + i]! + (m[i * n + i]! >= 0 ? n : -n);
        const b = Float64Array.from(rhs);
        const f = luFactor(m, n)!;
        matVec(m, n, luSolve(f, b)).forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 9));
        matVec(transpose(m, n), n, luSolveTranspose(f, b)).forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 9));
        const inverse = luInverse(f);
        matVec(m, n, Float64Array.from({ length: n }, (_, i) => inverse[i * n]!)).forEach((v, i) => expect(v).toBeCloseTo(i === 0 ? 1 : 0, 9));
      }),
    );
  });
});

describe("isNonsingularMMatrix", () => {
  it("accepts I - A for productive A and rejects it otherwise", () => {
    expect(isNonsingularMMatrix(flat([[0.85, -0.25], [-0.2, 0.95]]), 2)).toBe(true);
    expect(isNonsingularMMatrix(flat([[0.5, -0.5], [-0.5, 0.5]]), 2)).toBe(false); // singular
    expect(isNonsingularMMatrix(flat([[0.5, -0.6], [-0.6, 0.5]]), 2)).toBe(false); // rho(A) = 1.1
  });
});
