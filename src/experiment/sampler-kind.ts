// The samplers an experiment can name, and the one place that builds them from the name,
// so runExperiment, shards, simulateOnce and the test kit sample run i alike.
import { InputError } from "../errors.js";
import { latinHypercubeSampler, monteCarloSampler, sobolSampler, type UniformSampler } from "../random/index.js";
import { SOBOL_MAX_DIMENSIONS } from "../random/sampler.js";

/** An experiment's sampler by name. */
export type SamplerKind = "monte-carlo" | "latin-hypercube" | "sobol";

/**
 * Independent scramblings an experiment's Sobol' sampler interleaves: run i is point
 * floor(i / 16) of scrambling i mod 16, so every prefix of 16 x 2^k runs is balanced and
 * the 16 scramblings' means are independent estimates (docs/analysis.md, "Sobol'
 * sequences (quasi-Monte Carlo)").
 */
export const EXPERIMENT_SOBOL_RANDOMIZATIONS = 16;

/**
 * The sampler `kind` for an experiment of `runs` runs (the Latin hypercube's strata) over
 * `dimensions` uncertain coordinates.
 * @throws {InputError} at `options.sampler` when a Sobol' sampler cannot cover the dimensions.
 */
export function experimentSampler(kind: SamplerKind | undefined, seed: string | number, dimensions: number, runs: number): UniformSampler {
  if (kind === "latin-hypercube") return latinHypercubeSampler(seed, dimensions, runs);
  if (kind === "sobol") {
    if (dimensions > SOBOL_MAX_DIMENSIONS) {
      throw new InputError(
        "options.sampler",
        `"sobol" covers at most ${SOBOL_MAX_DIMENSIONS} uncertain dimensions (the direction numbers shipped); this scenario draws ${dimensions}: use "monte-carlo" or "latin-hypercube"`,
      );
    }
    return sobolSampler(seed, dimensions, EXPERIMENT_SOBOL_RANDOMIZATIONS);
  }
  return monteCarloSampler(seed, dimensions);
}
