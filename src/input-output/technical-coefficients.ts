import { InputError } from "../errors.js";
import { formatNumber, readSquareMatrix, readVector, requireFiniteResult, toRows } from "./_internals/input.js";

/**
 * Technical (input) coefficients of an input-output table: the input from sector `i`
 * used per unit of output of sector `j`.
 *
 * `A_ij = Z_ij / x_j`, i.e. `A = Z diag(x)^-1`. A sector with no output (`x_j = 0`) and
 * no purchases (a zero column of `Z`) gets a zero column of `A`.
 *
 * Definition: Miller & Blair (2009), *Input-Output Analysis: Foundations and Extensions*,
 * 2nd ed., §2.2 (https://doi.org/10.1017/CBO9780511626982).
 *
 * @param Z interindustry flows, `Z[i][j]` = sales of sector `i` to sector `j` (n x n, >= 0).
 * @param x total output of each sector (n entries, >= 0).
 * @returns the n x n matrix `A` (a new array; the inputs are not modified).
 * @throws {InputError} if `Z` is not a non-empty square matrix, `x` does not have one
 * entry per sector, an entry is not a finite non-negative number, or a sector has zero
 * output but buys inputs.
 * @example
 * technicalCoefficients([[150, 500], [200, 100]], [1000, 2000]);
 * // => [[0.15, 0.25], [0.2, 0.05]]
 */
export function technicalCoefficients(Z: readonly (readonly number[])[], x: readonly number[]): number[][] {
  const { n, data: z } = readSquareMatrix("Z", Z, "nonNegative");
  const output = readVector("x", x, n, "Z", "nonNegative");
  const a = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const xj = output[j]!;
    for (let i = 0; i < n; i++) {
      const zij = z[i * n + j]!;
      if (xj === 0) {
        if (zij !== 0) {
          throw new InputError(
            `x[${j}]`,
            `output is 0, but sector ${j} buys inputs (Z[${i}][${j}] = ${formatNumber(zij)}); a sector with no output must have a zero column in Z`,
          );
        }
        continue;
      }
      a[i * n + j] = zij / xj;
    }
  }
  requireFiniteResult("technicalCoefficients", a);
  return toRows(a, n);
}
