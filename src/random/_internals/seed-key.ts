import { InputError } from "../../errors.js";

/**
 * The text a seed contributes to every generator key: the string itself, or the number
 * as JavaScript prints it (so `42` and `"42"` name the same streams, and `-0` is `0`).
 * @throws {InputError} unless the seed is a non-empty string or a finite number.
 */
export function seedText(seed: string | number): string {
  if (typeof seed === "string" && seed.length > 0) return seed;
  if (typeof seed === "number" && Number.isFinite(seed)) return String(seed);
  const found = typeof seed === "string" ? "an empty string" : typeof seed === "number" ? String(seed) : typeof seed;
  throw new InputError("seed", `expected a non-empty string or a finite number, found ${found}`);
}

/** Throw unless `value` is a safe integer >= `least`; `name` is the argument's name. */
export function checkIndex(name: string, value: number, least: number): void {
  if (!Number.isSafeInteger(value) || value < least) {
    throw new InputError(name, `expected an integer >= ${least}, found ${String(value)}`);
  }
}
