import type { InputProblem } from "../../errors.js";
import type { DistributionSpec } from "../../schema/distribution.js";
import type { Distribution } from "../distribution.js";
import { distributionKind } from "../distributions/index.js";
import { describeUntruncated } from "./describe.js";
import { formatInterval, formatNumber, formatProbability } from "./format.js";
import { parameterProblems } from "./parameter-problems.js";
import { TruncatedContinuous, truncationWindow } from "./truncated-continuous.js";

/**
 * The least probability a truncation interval may keep under the untruncated
 * distribution. Less is almost surely a mistake in the bounds or their units, and the
 * renormalised CDF would rest on a handful of representable values.
 */
export const MIN_TRUNCATED_MASS = 1e-9;

/** 1 - 2^-53: the largest double below 1. */
const LARGEST_BELOW_ONE = 1 - 2 ** -53;

/**
 * Check a spec and, when it is valid, build its distribution: first the parameters
 * (`parameterProblems`), then the probability a truncation leaves (at least
 * {@link MIN_TRUNCATED_MASS}), then that the mean, the variance and the quantiles at
 * the extreme doubles of (0, 1) are finite.
 */
export function analyseDistribution(spec: DistributionSpec): {
  problems: InputProblem[];
  distribution: Distribution | undefined;
} {
  const problems = parameterProblems(spec);
  if (problems.length > 0) return { problems, distribution: undefined };
  let distribution: Distribution;
  // the type is known: parameterProblems reports an unknown one
  const built = distributionKind(spec.type)!.build(spec);
  if ("distribution" in built) distribution = built.distribution;
  else {
    const family = built.family;
    const truncate = "truncate" in spec ? spec.truncate : undefined;
    const window = truncationWindow(family, truncate?.min, truncate?.max);
    if (truncate !== undefined && !(window.mass >= MIN_TRUNCATED_MASS)) {
      const interval = formatInterval(truncate.min, truncate.max);
      problems.push({
        path: "truncate",
        message:
          `the interval ${interval} has probability ${formatProbability(window.mass)} under ` +
          `${describeUntruncated(spec)}, below the minimum of ${formatNumber(MIN_TRUNCATED_MASS)}; widen or move it`,
      });
      return { problems, distribution: undefined };
    }
    distribution = new TruncatedContinuous(spec, family, window);
  }
  const described = describeUntruncated(spec);
  if (!Number.isFinite(distribution.mean) || !Number.isFinite(distribution.variance)) {
    problems.push({
      path: "",
      message:
        `expected parameters whose mean and variance are finite in double precision, found ` +
        `mean ${formatNumber(distribution.mean)} and variance ${formatNumber(distribution.variance)} for ${described}`,
    });
  } else {
    const lowest = distribution.quantile(Number.MIN_VALUE);
    const highest = distribution.quantile(LARGEST_BELOW_ONE);
    if (!Number.isFinite(lowest) || !Number.isFinite(highest)) {
      problems.push({
        path: "",
        message:
          `expected parameters whose draws are finite in double precision, found draws from ` +
          `${formatNumber(lowest)} to ${formatNumber(highest)} for ${described}`,
      });
    }
  }
  return problems.length > 0 ? { problems, distribution: undefined } : { problems, distribution };
}
