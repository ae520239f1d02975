/** Shared data, arbitraries and matrix helpers for the input-output tests. */
import fc from "fast-check";
import { expect } from "vitest";

/**
 * The two-sector example of Miller & Blair (2009), *Input-Output Analysis*, 2nd ed.,
 * §2.3.1 (Table 2.3): flows Z, final demand f, total output x, value added (payments
 * sector) 650 and 1400. Read second-hand from reproductions of the table: N. Lane,
 * "Input-Output Tables & the Leontief Inverse in R - Part I" (2016, repository
 * nathanlane/hugoblog, content/posts/2016-07-11-leontiefpart1.md) and R. Vargas,
 * "El Modelo de Insumo Producto" (an R teaching script that reproduces the example).
 */
export const millerBlair = {
  Z: [
    [150, 500],
    [200, 100],
  ],
  f: [350, 1700],
  x: [1000, 2000],
  valueAdded: [650, 1400],
  A: [
    [0.15, 0.25],
    [0.2, 0.05],
  ],
} as const;

/** Copy to plain mutable arrays (the `as const` data above is readonly). */
export const rows = (m: readonly (readonly number[])[]): number[][] => m.map((row) => [...row]);

export function identity(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

export function multiply(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number[][] {
  return a.map((row) => b[0]!.map((_, j) => row.reduce((sum, aik, k) => sum + aik * b[k]![j]!, 0)));
}

export function multiplyVector(a: readonly (readonly number[])[], v: readonly number[]): number[] {
  return a.map((row) => row.reduce((sum, aij, j) => sum + aij * v[j]!, 0));
}

/** `v' M` as a plain array. */
export function vectorTimes(v: readonly number[], m: readonly (readonly number[])[]): number[] {
  return m[0]!.map((_, j) => v.reduce((sum, vi, i) => sum + vi * m[i]![j]!, 0));
}

export function iMinus(a: readonly (readonly number[])[]): number[][] {
  return a.map((row, i) => row.map((aij, j) => (i === j ? 1 : 0) - aij));
}

export function transposeOf(a: readonly (readonly number[])[]): number[][] {
  return a[0]!.map((_, j) => a.map((row) => row[j]!));
}

export function columnSums(a: readonly (readonly number[])[]): number[] {
  return a[0]!.map((_, j) => a.reduce((sum, row) => sum + row[j]!, 0));
}

/** Every entry within `tolerance` of the expected one (absolute). */
export function expectMatrixNear(actual: readonly (readonly number[])[], expected: readonly (readonly number[])[], tolerance: number): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, i) => expectVectorNear(row, expected[i]!, tolerance));
}

export function expectVectorNear(actual: readonly number[], expected: readonly number[], tolerance: number): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((value, i) => {
    if (!(Math.abs(value - expected[i]!) <= tolerance)) {
      throw new Error(`entry ${i}: expected ${expected[i]} within ${tolerance}, found ${value} (all: ${JSON.stringify(actual)})`);
    }
  });
}

/** A non-negative entry, often exactly 0 (real tables are sparse). */
const entry = fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 3, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) });

/** A non-negative n x n matrix with entries in [0, 1]. */
export const nonNegativeMatrix = (n: number) => fc.array(fc.array(entry, { minLength: n, maxLength: n }), { minLength: n, maxLength: n });

/**
 * A productive matrix of order 1..maxOrder: non-negative, scaled so that its largest row
 * sum (or, transposed, its largest column sum, unless `rowSums` is set) is at most
 * `maxSum` < 1, which bounds its spectral radius by `maxSum`.
 */
export function productiveMatrix({ maxOrder = 6, maxSum = 0.95, rowSums = false } = {}): fc.Arbitrary<number[][]> {
  return fc
    .integer({ min: 1, max: maxOrder })
    .chain((n) => fc.tuple(nonNegativeMatrix(n), fc.double({ min: 0, max: maxSum, noNaN: true }), rowSums ? fc.constant(false) : fc.boolean()))
    .map(([m, target, byColumns]) => {
      const largest = Math.max(...m.map((row) => row.reduce((s, v) => s + v, 0)));
      const scale = largest > 1e-12 ? target / largest : 0;
      const scaled = m.map((row) => row.map((v) => v * scale));
      return byColumns ? transposeOf(scaled) : scaled;
    });
}

/** A transactions table: flows Z >= 0 and a strictly positive final demand f, with x = Z 1 + f. */
export const transactionsTable = fc
  .integer({ min: 1, max: 6 })
  .chain((n) =>
    fc.record({
      Z: fc.array(fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1000, noNaN: true })), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
      f: fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), { minLength: n, maxLength: n }),
    }),
  )
  .map(({ Z, f }) => ({ Z, f, x: Z.map((row, i) => row.reduce((s, v) => s + v, 0) + f[i]!) }));

/** Deep-frozen copy, to prove a function does not write to its arguments. */
export function frozen<T>(value: T): T {
  if (Array.isArray(value)) return Object.freeze(value.map((v: unknown) => frozen(v))) as T;
  if (typeof value === "object" && value !== null) {
    return Object.freeze(Object.fromEntries(Object.entries(value).map(([k, v]) => [k, frozen(v)]))) as T;
  }
  return value;
}
