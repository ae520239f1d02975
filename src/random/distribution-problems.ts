import type { InputProblem } from "../errors.js";
import type { DistributionSpec } from "../schema/distribution.js";
import { analyseDistribution } from "./_internals/analyse-distribution.js";

/**
 * Every problem with a distribution spec's parameters, each with a path relative to the
 * spec and a message that says what was expected and what was found.
 *
 * Checked: finite numbers; min < max; min <= mode <= max; sd, sigma, alpha, beta,
 * lambda > 0; p in [0, 1]; categorical weights >= 0, one per value, with a positive
 * sum; truncation bounds ordered (truncate.min < truncate.max) and leaving a probability
 * of at least 1e-9 under the untruncated distribution (found exactly, in the tail where
 * it is small); and, once all that holds, a finite mean, variance and draws in double
 * precision. Relations are checked only between parameters that are themselves valid,
 * and the truncation's probability only when the rest is valid.
 *
 * @param spec - the distribution's spec.
 * @returns the problems, in the order of the spec's fields; empty when the spec is valid.
 * @throws nothing: every problem, however malformed the spec, is returned.
 * @example
 * distributionProblems({ type: "normal", mean: 0, sd: 1, truncate: { min: 8, max: 9 } })[0]?.message;
 * // => "the interval [8, 9] has probability 6.2e-16 under normal(0, 1), below the minimum of 1e-9; widen or move it"
 */
export function distributionProblems(spec: DistributionSpec): InputProblem[] {
  return analyseDistribution(spec).problems;
}
