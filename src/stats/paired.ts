import { InputError } from "../errors.js";
import { PairedAccumulator } from "./paired-accumulator.js";
import { addEach } from "./_internals/add-each.js";
import { LARGEST_SQUARABLE } from "./_internals/two-product.js";
import { assertArrayLike, assertFinite, assertNonEmpty } from "./_internals/validate.js";

/** A policy compared with a baseline run by run (differences policy - baseline; losses). */
export interface PairedDifference {
  /** Number of pairs (runs). */
  count: number;
  /** Mean difference, policy - baseline: negative when the policy lowers the loss. */
  mean: number;
  /** Sample standard deviation of the differences (n - 1); 0 when count is 1. */
  sd: number;
  /** Standard error of the mean difference, sd / sqrt(n); 0 when count is 1. */
  se: number;
  /** Lower end of the 95% t interval for the mean difference. */
  ci95Low: number;
  /** Upper end of the 95% t interval for the mean difference. */
  ci95High: number;
  /** Share of runs in which the policy's loss is lower than the baseline's (d < 0). */
  probabilityLower: number;
  /** Share of runs in which the policy's loss is higher than the baseline's (d > 0). */
  probabilityHigher: number;
}

/**
 * Compare a policy with a baseline over common random numbers: statistics of the run-by-
 * run differences d_i = policy_i - baseline_i, with a 95% paired t interval.
 *
 * mean = sum d / n, sd = sqrt(sum (d - mean)^2 / (n - 1)), se = sd / sqrt(n), from the
 * {@link ExactMoments} of the differences (the mean and the variance correctly rounded),
 * so that they are bit-identical to an experiment's comparison of the same
 * runs, however they were split;
 * interval mean ± t_{0.975, n-1} se (the paired t interval; Student 1908,
 * https://doi.org/10.1093/biomet/6.1.1, and e.g. NIST/SEMATECH e-Handbook §7.2.2,
 * https://www.itl.nist.gov/div898/handbook/prc/section2/prc22.htm), probabilityLower =
 * #{d < 0} / n, probabilityHigher = #{d > 0} / n (ties count in neither).
 * With a single pair the spread cannot be estimated: sd = se = 0 and the interval
 * collapses to [mean, mean] (the count-1 convention of {@link summarizeOutcome}).
 *
 * @param policy the policy's loss in each run (not modified).
 * @param baseline the baseline's loss in the same runs, same length (not modified).
 * @returns the paired statistics.
 * @throws {InputError} if the arrays are empty, of different lengths, hold a value that
 * is not a finite number, or a difference overflows or exceeds 2^510 (about 3.35e153).
 * @example
 * pairedDifference([1, 2, 3, 4], [2, 2, 5, 5]);
 * // => { count: 4, mean: -1, sd: 0.816496580927726, se: 0.408248290463863,
 * //      ci95Low: -2.299228263625111, ci95High: 0.2992282636251109,
 * //      probabilityLower: 0.75, probabilityHigher: 0 }
 */
export function pairedDifference(policy: ArrayLike<number>, baseline: ArrayLike<number>): PairedDifference {
  assertArrayLike("policy", policy);
  assertArrayLike("baseline", baseline);
  if (policy.length !== baseline.length) {
    throw new InputError(
      "baseline",
      `expected as many runs as the policy (${policy.length}), got ${baseline.length}`,
    );
  }
  assertNonEmpty("policy", policy);
  const n = policy.length;
  const differences = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = policy[i];
    const b = baseline[i];
    assertFinite(`policy[${i}]`, a);
    assertFinite(`baseline[${i}]`, b);
    const d = a - b;
    if (!Number.isFinite(d)) {
      throw new InputError(`policy[${i}]`, `the difference ${a} - ${b} overflows double precision`);
    }
    if (!(Math.abs(d) <= LARGEST_SQUARABLE)) {
      throw new InputError(`policy[${i}]`, `the difference ${a} - ${b} is too large: it must be at most 2^510 (about 3.35e153) in magnitude`);
    }
    differences[i] = d;
  }
  // what an experiment keeps for each comparison, with exact or streaming summaries
  const paired = new PairedAccumulator();
  addEach("policy", differences, (d) => paired.add(d));
  return paired.summarize();
}
