import type { DistributionSpec } from "../../schema/distribution.js";

/**
 * The distribution of `factor * X` for X drawn from `spec` (factor > 0). Location and
 * scale parameters, supports and truncation bounds are multiplied by `factor`; a
 * lognormal's `mu` gains `ln(factor)`; a bernoulli becomes a categorical on {0, factor}.
 */
export function scaleDistribution(spec: DistributionSpec, factor: number): DistributionSpec {
  const truncate =
    "truncate" in spec && spec.truncate !== undefined
      ? {
          truncate: {
            ...(spec.truncate.min === undefined ? {} : { min: spec.truncate.min * factor }),
            ...(spec.truncate.max === undefined ? {} : { max: spec.truncate.max * factor }),
          },
        }
      : {};
  switch (spec.type) {
    case "constant":
      return { type: "constant", value: spec.value * factor };
    case "uniform":
      return { type: "uniform", min: spec.min * factor, max: spec.max * factor, ...truncate };
    case "triangular":
      return { type: "triangular", min: spec.min * factor, mode: spec.mode * factor, max: spec.max * factor, ...truncate };
    case "pert":
      return { ...spec, min: spec.min * factor, mode: spec.mode * factor, max: spec.max * factor, ...truncate };
    case "normal":
      return { type: "normal", mean: spec.mean * factor, sd: spec.sd * factor, ...truncate };
    case "lognormal":
      return { type: "lognormal", mu: spec.mu + Math.log(factor), sigma: spec.sigma, ...truncate };
    case "beta":
      return { type: "beta", alpha: spec.alpha, beta: spec.beta, min: (spec.min ?? 0) * factor, max: (spec.max ?? 1) * factor, ...truncate };
    case "categorical":
      return { type: "categorical", values: spec.values.map((v) => v * factor), weights: [...spec.weights] };
    case "bernoulli":
      return { type: "categorical", values: [0, factor], weights: [1 - spec.p, spec.p] };
  }
}
