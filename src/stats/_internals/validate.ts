import { InputError } from "../../errors.js";

/** How a bad value is shown in a message: numbers as written, anything else by its type. */
export function describeValue(value: unknown): string {
  if (typeof value === "number") return String(value);
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value;
}

/** Throw unless `values` has a numeric `length` (an array or typed array). */
export function assertArrayLike(name: string, values: unknown): asserts values is ArrayLike<unknown> {
  const length = (values as { length?: unknown } | null | undefined)?.length;
  if (typeof values !== "object" || values === null || typeof length !== "number") {
    throw new InputError(name, `expected an array of numbers, got ${describeValue(values)}`);
  }
}

/** Throw unless `values` has at least one element. */
export function assertNonEmpty(name: string, values: ArrayLike<unknown>): void {
  if (values.length === 0) throw new InputError(name, "expected at least one value, got an empty array");
}

/** Throw unless `value` is a finite number; `name` is the path shown in the message. */
export function assertFinite(name: string, value: unknown): asserts value is number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new InputError(name, `expected a finite number, got ${describeValue(value)}`);
  }
}

/** Throw unless every element of `values` is a finite number. */
export function assertAllFinite(name: string, values: ArrayLike<unknown>): void {
  for (let i = 0; i < values.length; i++) assertFinite(`${name}[${i}]`, values[i]);
}

/** A checked copy: a new `Float64Array` of `values`, each a finite number. */
export function copyFinite(name: string, values: unknown): Float64Array {
  assertArrayLike(name, values);
  const copy = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    assertFinite(`${name}[${i}]`, value);
    copy[i] = value;
  }
  return copy;
}

/** Throw unless `p` is a probability in the closed interval [0, 1]. */
export function assertProbability(name: string, p: unknown): asserts p is number {
  if (typeof p !== "number" || !(p >= 0 && p <= 1)) {
    throw new InputError(name, `expected a probability in [0, 1], got ${describeValue(p)}`);
  }
}

/** Throw unless `n` is a positive safe integer. */
export function assertPositiveInteger(name: string, n: unknown): asserts n is number {
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 1) {
    throw new InputError(name, `expected a positive integer, got ${describeValue(n)}`);
  }
}

/** Throw unless `sorted` is in ascending order (it must already be known to be finite). */
export function assertAscending(name: string, sorted: ArrayLike<number>): void {
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]! < sorted[i - 1]!) {
      throw new InputError(
        `${name}[${i}]`,
        `expected values in ascending order, got ${sorted[i]} after ${sorted[i - 1]}`,
      );
    }
  }
}
