import { InputError } from "../../errors.js";
import { assertArrayLike, assertFinite, assertNonEmpty, assertProbability } from "./validate.js";

/**
 * The O(1) checks of a quantile of presorted data: `sorted` is a non-empty array, `p`
 * (called `pName` in messages) is in [0, 1], and the two order statistics that the type 7
 * quantile at `p` reads are finite and in order. The rest of `sorted` is trusted.
 */
export function assertQuantileArguments(sorted: unknown, pName: string, p: unknown): asserts sorted is ArrayLike<number> {
  assertArrayLike("sorted", sorted);
  assertNonEmpty("sorted", sorted);
  assertProbability(pName, p);
  const last = sorted.length - 1;
  const j = Math.min(Math.floor(last * p), last);
  const low = sorted[j];
  assertFinite(`sorted[${j}]`, low);
  if (j === last) return;
  const high = sorted[j + 1];
  assertFinite(`sorted[${j + 1}]`, high);
  if (high < low) {
    throw new InputError(`sorted[${j + 1}]`, `expected values in ascending order, got ${high} after ${low}`);
  }
}
