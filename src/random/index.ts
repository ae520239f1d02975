// The randomness layer: seeded streams, samplers of the unit hypercube, distributions
// sampled by inversion, and the special functions they rest on.

// Streams and samplers
export { runStream, seedString } from "./stream.js";
export { latinHypercubeSampler, monteCarloSampler, sobolSampler } from "./sampler.js";
export type { UniformSampler } from "./sampler.js";

// Distributions
export { createDistribution } from "./distribution.js";
export type { Distribution } from "./distribution.js";
export { distributionProblems } from "./distribution-problems.js";
export { describeDistribution } from "./describe-distribution.js";

// Special functions
export { logGamma } from "./log-gamma.js";
export { erf, erfc } from "./erf.js";
export { normalCdf } from "./normal-cdf.js";
export { normalQuantile } from "./normal-quantile.js";
export { regularizedIncompleteBeta } from "./regularized-incomplete-beta.js";
export { inverseRegularizedIncompleteBeta } from "./inverse-regularized-incomplete-beta.js";
