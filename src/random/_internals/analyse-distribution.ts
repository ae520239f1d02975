import type { InputProblem } from "../../errors.js";
import type { DistributionSpec } from "../../schema/distribution.js";
import type { Distribution } from "../distribution.js";
import { BernoulliDistribution } from "./bernoulli-distribution.js";
import {
  betaFamily,
  type ContinuousFamily,
  lognormalFamily,
  normalFamily,
  pertFamily,
  triangularFamily,
  uniformFamily,
} from "./continuous-families.js";
import { describeUntruncated } from "./describe.js";
import { FiniteDistribution } from "./discrete-distributions.js";
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

type ContinuousSpec = Extract<DistributionSpec, { type: "uniform" | "triangular" | "pert" | "normal" | "lognormal" | "beta" }>;

function familyOf(spec: ContinuousSpec): ContinuousFamily {
  switch (spec.type) {
    case "uniform":
      return uniformFamily(spec.min, spec.max);
    case "triangular":
      return triangularFamily(spec.min, spec.mode, spec.max);
    case "pert":
      return pertFamily(spec.min, spec.mode, spec.max, spec.lambda ?? 4);
    case "normal":
      return normalFamily(spec.mean, spec.sd);
    case "lognormal":
      return lognormalFamily(spec.mu, spec.sigma);
    case "beta":
      return betaFamily(spec.alpha, spec.beta, spec.min ?? 0, spec.max ?? 1);
  }
}

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
  switch (spec.type) {
    case "bernoulli":
      distribution = new BernoulliDistribution(spec, spec.p);
      break;
    case "categorical":
      distribution = new FiniteDistribution(spec, spec.values, spec.weights);
      break;
    case "constant":
      distribution = new FiniteDistribution(spec, [spec.value], [1]);
      break;
    default: {
      const family = familyOf(spec);
      const window = truncationWindow(family, spec.truncate?.min, spec.truncate?.max);
      if (spec.truncate !== undefined && !(window.mass >= MIN_TRUNCATED_MASS)) {
        const interval = formatInterval(spec.truncate.min, spec.truncate.max);
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
