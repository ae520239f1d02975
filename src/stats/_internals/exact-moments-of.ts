import { InputError } from "../../errors.js";
import { ExactMoments } from "../exact-moments.js";
import { LARGEST_SQUARABLE } from "./two-product.js";

/**
 * The exact moments of finite values (already checked to be finite), with errors that
 * name the value at fault: `name[i]` when |x| > 2^510, `name` when the sum of
 * squares does.
 */
export function exactMomentsOf(name: string, values: ArrayLike<number>): ExactMoments {
  const moments = new ExactMoments();
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (!(Math.abs(x) <= LARGEST_SQUARABLE)) {
      throw new InputError(`${name}[${i}]`, `${x} is too large: |x| must be at most 2^510 (about 3.35e153) for its square to be exact`);
    }
    try {
      moments.add(x);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      throw new InputError(name, "the sum of squares of these values overflows double precision (about 1.8e308)");
    }
  }
  return moments;
}
