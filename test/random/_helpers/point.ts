import type { UniformSampler } from "../../../src/random/index.js";

/** Sampler `sampler`'s point for run `i`, as an array. */
export const point = (sampler: Pick<UniformSampler, "fill" | "dimensions">, i: number): number[] => {
  const out = new Float64Array(sampler.dimensions);
  sampler.fill(i, out);
  return [...out];
};
