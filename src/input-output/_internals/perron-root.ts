/**
 * The spectral radius of a non-negative square matrix (its Perron root), bracketed from
 * both sides so that periodic and reducible matrices are handled as well as primitive ones.
 */
import { isNonsingularMMatrix, shiftedNegation } from "../../linear-algebra.js";

/** Relative width of the final bracket around the spectral radius. */
const RELATIVE_TOLERANCE = 1e-12;
const MAX_POWER_ITERATIONS = 500;
const MAX_BISECTIONS = 200;
/** Below this an entry of the power-iteration vector is about to underflow. */
const TINY = 1e-250;

/**
 * Spectral radius of a non-negative matrix `a` of order `n` (entries must be finite and
 * >= 0; not checked here).
 *
 * 1. Start from the bounds `max_i a_ii`, min/max row and column sums.
 * 2. Power iteration on `A + s I` (the shift `s > 0` makes the Perron root strictly
 *    dominant, so periodic matrices converge too), narrowing the bracket with the
 *    Collatz-Wielandt bounds `min_i (Ax)_i / x_i <= rho <= max_i (Ax)_i / x_i`, valid for
 *    every positive `x`.
 * 3. If that has not closed the bracket (reducible matrices), bisect on the exact test
 *    `rho(A) < t` iff `t I - A` is a nonsingular M-matrix.
 */
export function perronRoot(a: Float64Array, n: number): number {
  let maxRow = 0;
  let minRow = Infinity;
  let maxColumn = 0;
  let minColumn = Infinity;
  let maxDiagonal = 0;
  for (let i = 0; i < n; i++) {
    let row = 0;
    let column = 0;
    for (let j = 0; j < n; j++) {
      row += a[i * n + j]!;
      column += a[j * n + i]!;
    }
    maxRow = Math.max(maxRow, row);
    minRow = Math.min(minRow, row);
    maxColumn = Math.max(maxColumn, column);
    minColumn = Math.min(minColumn, column);
    maxDiagonal = Math.max(maxDiagonal, a[i * n + i]!);
  }
  let upper = Math.min(maxRow, maxColumn);
  let lower = Math.max(maxDiagonal, minRow, minColumn);
  const closed = () => upper - lower <= RELATIVE_TOLERANCE * upper;
  if (upper === 0 || closed()) return (lower + upper) / 2;

  const shift = upper;
  const x = new Float64Array(n).fill(1);
  const ax = new Float64Array(n);
  for (let iteration = 0; iteration < MAX_POWER_ITERATIONS && !closed(); iteration++) {
    let low = Infinity;
    let high = 0;
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j < n; j++) sum += a[i * n + j]! * x[j]!;
      ax[i] = sum;
      const ratio = sum / x[i]!;
      if (ratio < low) low = ratio;
      if (ratio > high) high = ratio;
    }
    lower = Math.max(lower, low);
    upper = Math.min(upper, high);
    let largest = 0;
    for (let i = 0; i < n; i++) {
      const next = ax[i]! + shift * x[i]!;
      x[i] = next;
      if (next > largest) largest = next;
    }
    let smallest = Infinity;
    for (let i = 0; i < n; i++) {
      x[i] = x[i]! / largest;
      if (x[i]! < smallest) smallest = x[i]!;
    }
    if (smallest < TINY) break;
  }

  for (let bisection = 0; bisection < MAX_BISECTIONS && !closed(); bisection++) {
    const middle = (lower + upper) / 2;
    if (middle <= lower || middle >= upper) break;
    if (isNonsingularMMatrix(shiftedNegation(a, n, middle), n)) upper = middle;
    else lower = middle;
  }
  return (lower + upper) / 2;
}
