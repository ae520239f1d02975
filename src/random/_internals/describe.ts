import type { DistributionSpec } from "../../schema/distribution.js";
import { formatNumber } from "./format.js";

const list = (xs: readonly number[]): string => `[${xs.map(formatNumber).join(", ")}]`;

/** The spec's short human form without its truncation: `triangular(0.1, 0.3, 0.6)`. */
export function describeUntruncated(spec: DistributionSpec): string {
  const n = formatNumber;
  switch (spec.type) {
    case "uniform":
      return `uniform(${n(spec.min)}, ${n(spec.max)})`;
    case "triangular":
      return `triangular(${n(spec.min)}, ${n(spec.mode)}, ${n(spec.max)})`;
    case "pert":
      return `pert(${n(spec.min)}, ${n(spec.mode)}, ${n(spec.max)}${
        spec.lambda === undefined || spec.lambda === 4 ? "" : `, lambda=${n(spec.lambda)}`
      })`;
    case "normal":
      return `normal(${n(spec.mean)}, ${n(spec.sd)})`;
    case "lognormal":
      return `lognormal(mu=${n(spec.mu)}, sigma=${n(spec.sigma)})`;
    case "beta": {
      const scaled = (spec.min ?? 0) !== 0 || (spec.max ?? 1) !== 1;
      return `beta(${n(spec.alpha)}, ${n(spec.beta)})${
        scaled ? ` on [${n(spec.min ?? 0)}, ${n(spec.max ?? 1)}]` : ""
      }`;
    }
    case "bernoulli":
      return `bernoulli(${n(spec.p)})`;
    case "categorical":
      return `categorical(values ${list(spec.values)}, weights ${list(spec.weights)})`;
    case "constant":
      return `constant(${n(spec.value)})`;
    default:
      return `unknown distribution ${JSON.stringify((spec as { type?: unknown }).type) ?? "without a type"}`;
  }
}
