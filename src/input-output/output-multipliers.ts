import { readSquareMatrix, requireFiniteResult } from "./_internals/input.js";
import { luSolveTranspose } from "../linear-algebra.js";
import { factorProductive } from "./_internals/productive.js";

/**
 * Simple (type-I) output multipliers: the total output of all sectors needed per unit of
 * final demand for sector `j`.
 *
 * `m_j = sum_i L_ij`, the column sums of `L = (I - A)^-1`, computed by solving
 * `(I - A)^T m = 1` without forming `L`.
 *
 * Definition: Miller & Blair (2009), *Input-Output Analysis: Foundations and Extensions*,
 * 2nd ed., §6.2 (https://doi.org/10.1017/CBO9780511626982).
 *
 * @param A technical coefficients (n x n, >= 0, productive).
 * @returns one multiplier per sector (a new array; `A` is not modified).
 * @throws {InputError} if `A` is not a non-empty square matrix of finite non-negative
 * numbers, or is not productive.
 * @example
 * outputMultipliers([[0.15, 0.25], [0.2, 0.05]]);
 * // => [1.5182, 1.4521]
 */
export function outputMultipliers(A: readonly (readonly number[])[]): number[] {
  const { n, data } = readSquareMatrix("A", A, "nonNegative");
  const ones = new Float64Array(n).fill(1);
  const multipliers = luSolveTranspose(factorProductive("A", data, n), ones);
  requireFiniteResult("outputMultipliers", multipliers);
  return Array.from(multipliers);
}
