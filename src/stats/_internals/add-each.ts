import { InputError } from "../../errors.js";
import { LARGEST_SQUARABLE } from "./two-product.js";

/**
 * Add finite values (already checked to be finite) one by one with `add` (an exact
 * accumulator's), with errors that name the value at fault: `name[i]` when |x| > 2^510,
 * `name` when the sum of squares overflows.
 */
export function addEach(name: string, values: ArrayLike<number>, add: (x: number) => void): void {
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (!(Math.abs(x) <= LARGEST_SQUARABLE)) {
      throw new InputError(`${name}[${i}]`, `${x} is too large: |x| must be at most 2^510 (about 3.35e153) for its square to be exact`);
    }
    try {
      add(x);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      throw new InputError(name, "the sum of squares of these values overflows double precision (about 1.8e308)");
    }
  }
}
