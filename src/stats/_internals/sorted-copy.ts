import { assertNonEmpty, copyFinite } from "./validate.js";

/**
 * A checked, ascending copy of `values`: every value must be a finite number and there
 * must be at least one. `values` itself is never modified.
 */
export function sortedCopy(name: string, values: unknown): Float64Array {
  const copy = copyFinite(name, values);
  assertNonEmpty(name, copy);
  // Float64Array#sort without a comparator sorts numerically; no NaN can be present.
  return copy.sort();
}
