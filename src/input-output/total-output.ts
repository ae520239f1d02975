import { readSquareMatrix, readVector, requireFiniteResult } from "./_internals/input.js";
import { luSolve } from "../linear-algebra.js";
import { factorProductive } from "./_internals/productive.js";

/**
 * Total output that satisfies a final demand in the demand-driven (Leontief) model.
 *
 * `x = (I - A)^-1 f = L f`, computed by solving `(I - A) x = f` (LU with partial
 * pivoting), without forming `L`.
 *
 * Definition: Miller & Blair (2009), *Input-Output Analysis: Foundations and Extensions*,
 * 2nd ed., §2.2-2.3 (https://doi.org/10.1017/CBO9780511626982).
 *
 * @param A technical coefficients (n x n, >= 0, productive).
 * @param f final demand, one entry per sector. Entries may be negative (a change in
 * final demand, `Δf`, gives the change in output, `Δx = L Δf`).
 * @returns the output vector `x` (a new array; the inputs are not modified).
 * @throws {InputError} if `A` is not a non-empty square matrix of finite non-negative
 * numbers or is not productive, or if `f` is not a vector of finite numbers with one
 * entry per sector.
 * @example
 * totalOutput([[0.15, 0.25], [0.2, 0.05]], [600, 1500]);
 * // => [1247.52, 1841.58]
 */
export function totalOutput(A: readonly (readonly number[])[], f: readonly number[]): number[] {
  const { n, data } = readSquareMatrix("A", A, "nonNegative");
  const demand = readVector("f", f, n, "A", "finite");
  const x = luSolve(factorProductive("A", data, n), demand);
  requireFiniteResult("totalOutput", x);
  return Array.from(x);
}
