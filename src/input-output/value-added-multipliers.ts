import { readSquareMatrix, readVector, requireFiniteResult } from "./_internals/input.js";
import { luSolveTranspose } from "../linear-algebra.js";
import { factorProductive } from "./_internals/productive.js";

/**
 * Value-added multipliers: the value added generated in all sectors per unit of final
 * demand for sector `j`.
 *
 * `m_j = sum_i v_i L_ij` (`m' = v' L`), with `v_i` = value added / output of sector `i`,
 * computed by solving `(I - A)^T m = v` without forming `L`. When `v` covers all primary
 * inputs (`sum_i a_ij + v_j = 1` for every `j`), every multiplier is 1.
 *
 * Definition: Miller & Blair (2009), *Input-Output Analysis: Foundations and Extensions*,
 * 2nd ed., §6.2 (income and value-added multipliers)
 * (https://doi.org/10.1017/CBO9780511626982).
 *
 * @param A technical coefficients (n x n, >= 0, productive).
 * @param v value-added coefficients, one per sector (finite; may be negative for a
 * sector that adds negative value).
 * @returns one multiplier per sector (a new array; the inputs are not modified).
 * @throws {InputError} if `A` is not a non-empty square matrix of finite non-negative
 * numbers or is not productive, or if `v` is not a vector of finite numbers with one
 * entry per sector.
 * @example
 * valueAddedMultipliers([[0.15, 0.25], [0.2, 0.05]], [0.65, 0.7]);
 * // => [1, 1]
 */
export function valueAddedMultipliers(A: readonly (readonly number[])[], v: readonly number[]): number[] {
  const { n, data } = readSquareMatrix("A", A, "nonNegative");
  const coefficients = readVector("v", v, n, "A", "finite");
  const multipliers = luSolveTranspose(factorProductive("A", data, n), coefficients);
  requireFiniteResult("valueAddedMultipliers", multipliers);
  return Array.from(multipliers);
}
