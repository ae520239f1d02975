import { readSquareMatrix } from "./_internals/input.js";
import { perronRoot } from "./_internals/perron-root.js";

/**
 * Spectral radius of a non-negative square matrix: the largest modulus of its
 * eigenvalues, which for a non-negative matrix is itself an eigenvalue (the Perron root).
 * A coefficient matrix `A` is productive when this is < 1.
 *
 * `rho(A) = max |lambda_i(A)|`. Computed by power iteration on `A + s I` with
 * Collatz-Wielandt bounds `min_i (Ax)_i / x_i <= rho(A) <= max_i (Ax)_i / x_i`, and, for
 * reducible matrices where those bounds stall, by bisection on the exact test
 * "`t I - A` is a nonsingular M-matrix" (iff `rho(A) < t`). Accurate to about 1e-12,
 * relative.
 *
 * Definition: Miller & Blair (2009), *Input-Output Analysis: Foundations and Extensions*,
 * 2nd ed., appendix 2.1 (Hawkins-Simon conditions)
 * (https://doi.org/10.1017/CBO9780511626982); Berman & Plemmons (1994), *Nonnegative
 * Matrices in the Mathematical Sciences*, SIAM, ch. 2 and 6.
 *
 * @param A a square matrix of finite non-negative numbers (general real matrices, whose
 * dominant eigenvalue may be complex, are not supported).
 * @returns the spectral radius, >= 0.
 * @throws {InputError} if `A` is not a non-empty square matrix of finite non-negative
 * numbers.
 * @example
 * spectralRadius([[0.15, 0.25], [0.2, 0.05]]);
 * // => 0.3291
 */
export function spectralRadius(A: readonly (readonly number[])[]): number {
  const { n, data } = readSquareMatrix("A", A, "nonNegative");
  return perronRoot(data, n);
}
