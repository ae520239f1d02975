import { InputError } from "../errors.js";
import { formatNumber, readSquareMatrix, readVector, requireFiniteResult, toRows } from "./_internals/input.js";

/**
 * Allocation (output) coefficients of an input-output table, the Ghosh model's
 * coefficients: the share of sector `i`'s output sold to sector `j`.
 *
 * `B_ij = Z_ij / x_i`, i.e. `B = diag(x)^-1 Z`. A sector with no output (`x_i = 0`) and
 * no sales to other sectors (a zero row of `Z`) gets a zero row of `B`.
 *
 * Definition: Miller & Blair (2009), *Input-Output Analysis: Foundations and Extensions*,
 * 2nd ed., §12.1 (https://doi.org/10.1017/CBO9780511626982).
 *
 * @param Z interindustry flows, `Z[i][j]` = sales of sector `i` to sector `j` (n x n, >= 0).
 * @param x total output of each sector (n entries, >= 0).
 * @returns the n x n matrix `B` (a new array; the inputs are not modified).
 * @throws {InputError} if `Z` is not a non-empty square matrix, `x` does not have one
 * entry per sector, an entry is not a finite non-negative number, or a sector has zero
 * output but sells to other sectors.
 * @example
 * allocationCoefficients([[150, 500], [200, 100]], [1000, 2000]);
 * // => [[0.15, 0.5], [0.1, 0.05]]
 */
export function allocationCoefficients(Z: readonly (readonly number[])[], x: readonly number[]): number[][] {
  const { n, data: z } = readSquareMatrix("Z", Z, "nonNegative");
  const output = readVector("x", x, n, "Z", "nonNegative");
  const b = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const xi = output[i]!;
    for (let j = 0; j < n; j++) {
      const zij = z[i * n + j]!;
      if (xi === 0) {
        if (zij !== 0) {
          throw new InputError(
            `x[${i}]`,
            `output is 0, but sector ${i} sells to other sectors (Z[${i}][${j}] = ${formatNumber(zij)}); a sector with no output must have a zero row in Z`,
          );
        }
        continue;
      }
      b[i * n + j] = zij / xi;
    }
  }
  requireFiniteResult("allocationCoefficients", b);
  return toRows(b, n);
}
