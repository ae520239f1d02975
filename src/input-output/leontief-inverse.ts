import { readSquareMatrix, requireFiniteResult, toRows } from "./_internals/input.js";
import { luInverse } from "../linear-algebra.js";
import { factorProductive } from "./_internals/productive.js";

/**
 * The Leontief inverse (total requirements matrix): the output of sector `i` needed,
 * directly and indirectly, per unit of final demand for sector `j`.
 *
 * `L = (I - A)^-1`, computed by LU factorisation with partial pivoting. `A` must be
 * productive (spectral radius < 1), which for `A >= 0` is the same as `L` existing and
 * being entry-wise non-negative (Hawkins-Simon).
 *
 * Definition: Miller & Blair (2009), *Input-Output Analysis: Foundations and Extensions*,
 * 2nd ed., §2.2-2.3 (https://doi.org/10.1017/CBO9780511626982).
 *
 * To apply `L` to one final-demand vector, {@link totalOutput} is cheaper and more
 * accurate than forming `L`.
 *
 * @param A technical coefficients (n x n, >= 0), e.g. from {@link technicalCoefficients}.
 * @returns the n x n matrix `L` (a new array; `A` is not modified).
 * @throws {InputError} if `A` is not a non-empty square matrix of finite non-negative
 * numbers, or is not productive (the message gives its spectral radius).
 * @example
 * leontiefInverse([[0.15, 0.25], [0.2, 0.05]]);
 * // => [[1.2541, 0.3300], [0.2640, 1.1221]]
 */
export function leontiefInverse(A: readonly (readonly number[])[]): number[][] {
  const { n, data } = readSquareMatrix("A", A, "nonNegative");
  const inverse = luInverse(factorProductive("A", data, n));
  requireFiniteResult("leontiefInverse", inverse);
  return toRows(inverse, n);
}
