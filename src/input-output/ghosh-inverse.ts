import { readSquareMatrix, requireFiniteResult, toRows } from "./_internals/input.js";
import { luInverse } from "../linear-algebra.js";
import { factorProductive } from "./_internals/productive.js";

/**
 * The Ghosh (output) inverse of the supply-side input-output model: the output of sector
 * `j` that follows, directly and indirectly, from one unit of primary inputs (value
 * added) in sector `i`.
 *
 * `G = (I - B)^-1`, with `B` the allocation coefficients; the supply-side model is
 * `x' = v' G`, with `v_j` the value added (primary inputs) of sector `j`. `G` is similar
 * to the Leontief inverse: `G = diag(x)^-1 L diag(x)`.
 *
 * Definition: Ghosh (1958), *Economica* 25(97), 58-64; Miller & Blair (2009),
 * *Input-Output Analysis: Foundations and Extensions*, 2nd ed., §12.1
 * (https://doi.org/10.1017/CBO9780511626982).
 *
 * @param B allocation coefficients (n x n, >= 0, productive), e.g. from
 * {@link allocationCoefficients}.
 * @returns the n x n matrix `G` (a new array; `B` is not modified).
 * @throws {InputError} if `B` is not a non-empty square matrix of finite non-negative
 * numbers, or is not productive (the message gives its spectral radius).
 * @example
 * ghoshInverse([[0.15, 0.5], [0.1, 0.05]]);
 * // => [[1.2541, 0.6601], [0.1320, 1.1221]]
 */
export function ghoshInverse(B: readonly (readonly number[])[]): number[][] {
  const { n, data } = readSquareMatrix("B", B, "nonNegative");
  const inverse = luInverse(factorProductive("B", data, n));
  requireFiniteResult("ghoshInverse", inverse);
  return toRows(inverse, n);
}
