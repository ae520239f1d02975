import { InputError } from "../../errors.js";
import type { Moments } from "../moments.js";
import { compensatedSum } from "./compensated-sum.js";

/**
 * Moments of finite values by the corrected two-pass algorithm, without argument checks:
 * mean = (compensated sum) / n, then m2 = sum (x - mean)^2 - (sum (x - mean))^2 / n
 * (Chan, Golub & LeVeque 1983, "Algorithms for computing the sample variance",
 * https://doi.org/10.1080/00031305.1983.10483115). Empty input gives the empty record.
 */
export function twoPassMoments(values: ArrayLike<number>): Moments {
  const count = values.length;
  if (count === 0) return { count: 0, mean: 0, m2: 0, min: Infinity, max: -Infinity };
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < count; i++) {
    const x = values[i]!;
    // Math.min / Math.max rather than < and >: they order -0 below +0.
    min = Math.min(min, x);
    max = Math.max(max, x);
  }
  let mean = compensatedSum(values) / count;
  // The exact mean lies in [min, max]; rounding must not take it outside.
  mean = mean < min ? min : mean > max ? max : mean;
  let squares = 0;
  let deviations = 0;
  for (let i = 0; i < count; i++) {
    const d = values[i]! - mean;
    squares += d * d;
    deviations += d;
  }
  const m2 = Math.max(0, squares - (deviations * deviations) / count);
  if (!Number.isFinite(mean) || !Number.isFinite(m2)) {
    throw new InputError(
      "values",
      `magnitudes as large as ${Math.max(-min, max)} overflow the mean or variance in double precision`,
    );
  }
  return { count, mean, m2, min, max };
}
