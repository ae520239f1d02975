import { readSquareMatrix, readVector, requireFiniteResult } from "./_internals/input.js";
import { luSolve } from "../linear-algebra.js";
import { factorProductive } from "./_internals/productive.js";

/**
 * Equilibrium inoperability of each sector in the static (demand-reduction)
 * inoperability input-output model: the share of its planned output a sector loses.
 *
 * `q = (I - A*)^-1 c*`, computed by solving `(I - A*) q = c*`, then clipped to `[0, 1]`.
 *
 * Clipping: inoperability is a share of planned output lost, so it cannot exceed 1
 * (total failure) nor fall below 0, but the linear model gives `q_i > 1` when the
 * perturbation is large. Such entries are truncated to 1 after solving; the system is not
 * re-solved with the truncated values, so sectors downstream of a failed sector still
 * see its untruncated inoperability. Entries below 0 can only come from rounding.
 *
 * Definition: Haimes & Jiang (2001), "Leontief-based model of risk in complex
 * interconnected infrastructures", *J. Infrastructure Systems* 7(1), 1-12
 * (https://doi.org/10.1061/(ASCE)1076-0342(2001)7:1(1)); Santos & Haimes (2004),
 * *Risk Analysis* 24(6), 1437-1451.
 *
 * @param Astar interdependency matrix `A*` (n x n, >= 0, productive), e.g. from
 * {@link interdependencyMatrix}.
 * @param cstar demand perturbation `c*`, one entry per sector in `[0, 1]`: the reduction
 * of final demand as a share of planned output.
 * @returns the inoperability `q`, one entry per sector in `[0, 1]` (a new array; the
 * inputs are not modified).
 * @throws {InputError} if `Astar` is not a non-empty square matrix of finite
 * non-negative numbers or is not productive, or if `cstar` is not a vector of numbers in
 * `[0, 1]` with one entry per sector.
 * @example
 * inoperability([[0, 0.8], [0.2, 0]], [0, 0.6]);
 * // => [0.5714, 0.7143]
 */
export function inoperability(Astar: readonly (readonly number[])[], cstar: readonly number[]): number[] {
  const { n, data } = readSquareMatrix("Astar", Astar, "nonNegative");
  const perturbation = readVector("cstar", cstar, n, "Astar", "share");
  const q = luSolve(factorProductive("Astar", data, n), perturbation);
  requireFiniteResult("inoperability", q);
  return Array.from(q, (qi) => Math.min(1, Math.max(0, qi)));
}
