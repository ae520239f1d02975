/**
 * Reading the arguments of the input-output functions: shape, finiteness and sign checks
 * that name the element at fault, and conversion to flat row-major `Float64Array`s for
 * the numeric code. Nothing here is exported from the package.
 */
import { InputError } from "../../errors.js";

/** What an entry must be, beyond a finite number. */
export type EntryRule = "finite" | "nonNegative" | "share";

/** A square matrix read from user input: its order and its entries, row-major. */
export interface SquareMatrix {
  readonly n: number;
  readonly data: Float64Array;
}

/** `1 entry`, `2 entries`. */
export function count(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** Short description of a value that was not what we expected, for error messages. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return "a string";
  return `a value of type ${typeof value}`;
}

/** Check one number read from user input; `path` names it (e.g. `A[2][1]`). */
export function readNumber(path: string, value: unknown, rule: EntryRule): number {
  if (typeof value !== "number") throw new InputError(path, `expected a number, found ${describeValue(value)}`);
  if (!Number.isFinite(value)) throw new InputError(path, `expected a finite number, found ${value}`);
  if (rule === "nonNegative" && value < 0) throw new InputError(path, `expected a non-negative number, found ${value}`);
  if (rule === "share" && (value < 0 || value > 1)) throw new InputError(path, `expected a number in [0, 1], found ${value}`);
  return value;
}

/**
 * Read a non-empty square matrix given as an array of rows; throws an `InputError`
 * naming the argument, the row or the entry at fault.
 */
export function readSquareMatrix(name: string, value: unknown, rule: EntryRule): SquareMatrix {
  if (!Array.isArray(value)) {
    throw new InputError(name, `expected a square matrix (an array of rows), found ${describeValue(value)}`);
  }
  const n = value.length;
  if (n === 0) throw new InputError(name, "expected a square matrix with at least one row, found an empty array");
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const row: unknown = value[i];
    if (!Array.isArray(row)) {
      throw new InputError(`${name}[${i}]`, `expected a row (an array of ${count(n, "number", "numbers")}), found ${describeValue(row)}`);
    }
    if (row.length !== n) {
      throw new InputError(`${name}[${i}]`, `expected ${count(n, "entry", "entries")} (${name} must be square, ${n} x ${n}), found ${row.length}`);
    }
    for (let j = 0; j < n; j++) data[i * n + j] = readNumber(`${name}[${i}][${j}]`, row[j], rule);
  }
  return { n, data };
}

/**
 * Read a vector that must have one entry per sector of the matrix `matrixName`
 * (of order `n`).
 */
export function readVector(name: string, value: unknown, n: number, matrixName: string, rule: EntryRule): Float64Array {
  if (!Array.isArray(value)) {
    throw new InputError(name, `expected an array of ${count(n, "number", "numbers")} (one per sector of ${matrixName}), found ${describeValue(value)}`);
  }
  if (value.length !== n) {
    throw new InputError(name, `expected ${count(n, "entry", "entries")} (one per sector of ${matrixName}), found ${value.length}`);
  }
  const data = new Float64Array(n);
  for (let i = 0; i < n; i++) data[i] = readNumber(`${name}[${i}]`, value[i], rule);
  return data;
}

/**
 * Check that a computed result is finite before it is returned (an overflow from extreme
 * inputs must not leak out as Infinity or NaN).
 */
export function requireFiniteResult(what: string, data: Float64Array): void {
  for (let k = 0; k < data.length; k++) {
    if (!Number.isFinite(data[k]!)) {
      throw new InputError("", `${what} overflowed to a non-finite value; the inputs are too large or too close to zero to compute it`);
    }
  }
}

/** Row-major flat matrix of order `n` to an array of rows. */
export function toRows(data: Float64Array, n: number): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) rows.push(Array.from(data.subarray(i * n, (i + 1) * n)));
  return rows;
}

/** Format a number for an error message: short, but never rounded to a misleading value. */
export function formatNumber(value: number): string {
  return String(Number(value.toPrecision(4)));
}
