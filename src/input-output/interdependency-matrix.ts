import { InputError } from "../errors.js";
import { formatNumber, readSquareMatrix, readVector, requireFiniteResult, toRows } from "./_internals/input.js";

/**
 * The interdependency matrix `A*` of the inoperability input-output model (IIM): the
 * inoperability passed to sector `i` per unit of inoperability of sector `j`.
 *
 * `A* = diag(x)^-1 A diag(x)`, i.e. `a*_ij = a_ij x_j / x_i` (= `Z_ij / x_i`, the
 * allocation coefficients). `A*` is similar to `A`, so it has the same spectral radius.
 * A sector with no output (`x_i = 0`) that supplies nothing gets a zero row.
 *
 * Definition: Santos & Haimes (2004), "Modeling the demand reduction input-output (I-O)
 * inoperability due to terrorism of interconnected infrastructures", *Risk Analysis*
 * 24(6), 1437-1451; Haimes et al. (2005), *J. Infrastructure Systems* 11(2), 67-79
 * (https://doi.org/10.1061/(ASCE)1076-0342(2005)11:2(67)).
 *
 * @param A technical coefficients (n x n, >= 0).
 * @param x planned (as-planned) output of each sector (n entries, >= 0).
 * @returns the n x n matrix `A*` (a new array; the inputs are not modified).
 * @throws {InputError} if `A` is not a non-empty square matrix, `x` does not have one
 * entry per sector, an entry is not a finite non-negative number, or a sector has zero
 * output but supplies other sectors.
 * @example
 * interdependencyMatrix([[0.15, 0.25], [0.2, 0.05]], [1000, 2000]);
 * // => [[0.15, 0.5], [0.1, 0.05]]
 */
export function interdependencyMatrix(A: readonly (readonly number[])[], x: readonly number[]): number[][] {
  const { n, data: a } = readSquareMatrix("A", A, "nonNegative");
  const output = readVector("x", x, n, "A", "nonNegative");
  const astar = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const xi = output[i]!;
    for (let j = 0; j < n; j++) {
      const flow = a[i * n + j]! * output[j]!;
      if (xi === 0) {
        if (flow !== 0) {
          throw new InputError(
            `x[${i}]`,
            `output is 0, but sector ${i} supplies sector ${j} (A[${i}][${j}] * x[${j}] = ${formatNumber(flow)}); a sector with no output must supply nothing`,
          );
        }
        continue;
      }
      astar[i * n + j] = flow / xi;
    }
  }
  requireFiniteResult("interdependencyMatrix", astar);
  return toRows(astar, n);
}
