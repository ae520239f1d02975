import { distributionKind } from "../../random/distributions/index.js";
import type { DistributionSpec } from "../../schema/distribution.js";

/**
 * The distribution of `factor * X` for X drawn from `spec` (factor > 0), as its family's
 * module scales it: location and scale parameters, supports and truncation bounds are
 * multiplied by `factor`; a lognormal's `mu` gains `ln(factor)`; a bernoulli becomes a
 * categorical on {0, factor}.
 */
export function scaleDistribution(spec: DistributionSpec, factor: number): DistributionSpec {
  return distributionKind(spec.type)!.scale(spec, factor) as DistributionSpec;
}
