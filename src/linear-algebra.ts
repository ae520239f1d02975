/**
 * Dense linear algebra on flat row-major `Float64Array`s: LU factorisation with partial
 * pivoting, solves, inverse, and the M-matrix test behind every productivity check.
 * Hand-written so that the main bundle needs no numeric library.
 */

const EPSILON = Number.EPSILON;

/** Largest absolute entry. */
export function maxAbs(m: Float64Array): number {
  let largest = 0;
  for (let k = 0; k < m.length; k++) {
    const a = Math.abs(m[k]!);
    if (a > largest) largest = a;
  }
  return largest;
}

/** `s I - A` for a square matrix `A` of order `n`. */
export function shiftedNegation(a: Float64Array, n: number, s: number): Float64Array {
  const m = new Float64Array(n * n);
  for (let k = 0; k < n * n; k++) m[k] = -a[k]!;
  for (let i = 0; i < n; i++) m[i * n + i] = m[i * n + i]! + s;
  return m;
}

/** The transpose of a square matrix of order `n`. */
export function transpose(a: Float64Array, n: number): Float64Array {
  const t = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) t[j * n + i] = a[i * n + j]!;
  return t;
}

/**
 * Factors `P M = L U` of a square matrix: `lu` holds `U` on and above the diagonal and
 * the multipliers of `L` (unit diagonal) below it; row `i` of `P M` is row `perm[i]` of `M`.
 */
export interface LuFactors {
  readonly n: number;
  readonly lu: Float64Array;
  readonly perm: Int32Array;
}

/**
 * LU factorisation with partial pivoting (Gaussian elimination, choosing the largest
 * pivot in each column). Returns `undefined` when `m` is singular to working precision:
 * a pivot no larger than `n * eps * max|m_ij|`.
 */
export function luFactor(m: Float64Array, n: number): LuFactors | undefined {
  const lu = Float64Array.from(m);
  const perm = new Int32Array(n);
  return luFactorInPlace(lu, perm, n, n * EPSILON * maxAbs(m)) ? { n, lu, perm } : undefined;
}

/**
 * {@link luFactor} in place, allocating nothing: overwrites the first `n * n` entries of `lu`
 * (row-major, order `n`) with its factors and `perm` with the row order. Returns false at a
 * pivot no larger than `tolerance` (the factors are then incomplete).
 */
export function luFactorInPlace(lu: Float64Array, perm: Int32Array, n: number, tolerance: number): boolean {
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let k = 0; k < n; k++) {
    let pivotRow = k;
    let pivotAbs = Math.abs(lu[k * n + k]!);
    for (let i = k + 1; i < n; i++) {
      const a = Math.abs(lu[i * n + k]!);
      if (a > pivotAbs) {
        pivotAbs = a;
        pivotRow = i;
      }
    }
    if (!(pivotAbs > tolerance)) return false;
    if (pivotRow !== k) {
      for (let j = 0; j < n; j++) {
        const t = lu[k * n + j]!;
        lu[k * n + j] = lu[pivotRow * n + j]!;
        lu[pivotRow * n + j] = t;
      }
      const t = perm[k]!;
      perm[k] = perm[pivotRow]!;
      perm[pivotRow] = t;
    }
    const pivot = lu[k * n + k]!;
    for (let i = k + 1; i < n; i++) {
      const multiplier = lu[i * n + k]! / pivot;
      lu[i * n + k] = multiplier;
      if (multiplier === 0) continue;
      for (let j = k + 1; j < n; j++) lu[i * n + j] = lu[i * n + j]! - multiplier * lu[k * n + j]!;
    }
  }
  return true;
}

/** Solve `M x = b` from the factors of `M`. */
export function luSolve(factors: LuFactors, b: Float64Array): Float64Array {
  const x = new Float64Array(factors.n);
  luSolveInPlace(factors.lu, factors.perm, factors.n, b, x);
  return x;
}

/** {@link luSolve} into `x` (length at least `n`, not `b`), allocating nothing. */
export function luSolveInPlace(lu: Float64Array, perm: Int32Array, n: number, b: Float64Array, x: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let sum = b[perm[i]!]!;
    for (let j = 0; j < i; j++) sum -= lu[i * n + j]! * x[j]!;
    x[i] = sum;
  }
  for (let i = n - 1; i >= 0; i--) {
    let sum = x[i]!;
    for (let j = i + 1; j < n; j++) sum -= lu[i * n + j]! * x[j]!;
    x[i] = sum / lu[i * n + i]!;
  }
}

/**
 * Solve `M^T y = b` from the factors of `M` (`P M = L U`, so `M^T = U^T L^T P`):
 * forward substitution with `U^T`, back substitution with `L^T`, then undo `P`.
 */
export function luSolveTranspose(factors: LuFactors, b: Float64Array): Float64Array {
  const { n, lu, perm } = factors;
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i]!;
    for (let j = 0; j < i; j++) sum -= lu[j * n + i]! * z[j]!;
    z[i] = sum / lu[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let sum = z[i]!;
    for (let j = i + 1; j < n; j++) sum -= lu[j * n + i]! * z[j]!;
    z[i] = sum;
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[perm[i]!] = z[i]!;
  return y;
}

/** The inverse of `M` from its factors, one solve per column of the identity. */
export function luInverse(factors: LuFactors): Float64Array {
  const { n } = factors;
  const inverse = new Float64Array(n * n);
  const unit = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    unit.fill(0);
    unit[j] = 1;
    const column = luSolve(factors, unit);
    for (let i = 0; i < n; i++) inverse[i * n + j] = column[i]!;
  }
  return inverse;
}

/**
 * Whether a Z-matrix `m` (non-positive off the diagonal, e.g. `s I - A` with `A >= 0`) is a
 * nonsingular M-matrix, i.e. has an inverse that is entry-wise non-negative. For Z-matrices
 * this holds exactly when every leading principal minor is positive, that is when
 * Gaussian elimination without pivoting meets only positive pivots (Berman & Plemmons,
 * *Nonnegative Matrices in the Mathematical Sciences*, 1994, ch. 6, theorem 2.3).
 * A pivot within `4 n eps max|m_ij|` of zero counts as zero.
 */
export function isNonsingularMMatrix(m: Float64Array, n: number): boolean {
  const w = Float64Array.from(m);
  const tolerance = 4 * n * EPSILON * maxAbs(m);
  for (let k = 0; k < n; k++) {
    const pivot = w[k * n + k]!;
    if (!(pivot > tolerance)) return false;
    for (let i = k + 1; i < n; i++) {
      const multiplier = w[i * n + k]! / pivot;
      if (multiplier === 0) continue;
      for (let j = k + 1; j < n; j++) w[i * n + j] = w[i * n + j]! - multiplier * w[k * n + j]!;
    }
  }
  return true;
}
