/**
 * The productivity check shared by every function that inverts `I - A`: a clear error
 * when `A` is not productive, and the LU factors of `I - A` when it is.
 */
import { InputError } from "../../errors.js";
import { formatNumber } from "./input.js";
import { isNonsingularMMatrix, type LuFactors, luFactor, shiftedNegation } from "../../linear-algebra.js";
import { perronRoot } from "./perron-root.js";

/**
 * Factor `I - A` for a non-negative matrix `A` (named `name` in messages), after checking
 * that `A` is productive: spectral radius < 1, equivalently (Hawkins-Simon) `I - A` is a
 * nonsingular M-matrix, whose inverse exists and is entry-wise non-negative.
 *
 * @throws {InputError} when `A` is not productive (the message gives its spectral radius)
 * or when `I - A` is singular to working precision.
 */
export function factorProductive(name: string, a: Float64Array, n: number): LuFactors {
  const iMinusA = shiftedNegation(a, n, 1);
  if (!isNonsingularMMatrix(iMinusA, n)) {
    const radius = perronRoot(a, n);
    throw new InputError(
      name,
      `not productive: spectral radius ${formatNumber(radius)} >= 1; (I - ${name}) has no non-negative inverse`,
    );
  }
  const factors = luFactor(iMinusA, n);
  if (factors === undefined) throw new InputError(name, `(I - ${name}) is singular to working precision`);
  return factors;
}
