import type { DistributionSpec } from "../schema/distribution.js";
import { describeUntruncated } from "./_internals/describe.js";
import { formatInterval } from "./_internals/format.js";

/**
 * A short human form of a distribution spec, for reports: the family, its parameters in
 * the spec's order, and the truncation if any.
 *
 * Forms: `uniform(min, max)`, `triangular(min, mode, max)`, `pert(min, mode, max)` (with
 * `, lambda=λ` unless λ is 4), `normal(mean, sd)`, `lognormal(mu=μ, sigma=σ)` (the
 * parameters of the logarithm, named to avoid reading them as the mean and sd), `beta(α, β)`
 * (with ` on [min, max]` when scaled), `bernoulli(p)`, `categorical(values [...], weights [...])`,
 * `constant(value)`; a truncation adds ` truncated to [a, b]`, with `(-∞` or `∞)` for an
 * open side. Numbers are printed as JavaScript prints them.
 *
 * @param spec - the distribution's spec (it need not be valid).
 * @returns the description.
 * @throws nothing.
 * @example
 * describeDistribution({ type: "normal", mean: 0, sd: 1, truncate: { min: 0 } }); // => "normal(0, 1) truncated to [0, ∞)"
 */
export function describeDistribution(spec: DistributionSpec): string {
  const base = describeUntruncated(spec);
  if (!("truncate" in spec) || spec.truncate === undefined) return base;
  return `${base} truncated to ${formatInterval(spec.truncate.min, spec.truncate.max)}`;
}
