// abcSmc: ABC-SMC for any simulator, given as a distance function. `calibrate` uses the
// same sampler on a scenario and its observations.
import { InputError } from "../errors.js";
import { createDistribution, type Distribution } from "../random/distribution.js";
import { runStream, seedString } from "../random/stream.js";
import type { DistributionSpec } from "../schema/distribution.js";
import { runAbcSmc, type AbcGeneration, type AbcSmcSettings, type AbcStopReason } from "./abc-smc.js";
import { summarizePosterior, type ParameterSummary } from "./posterior-summary.js";

export type { AbcGeneration, AbcProgress, AbcSmcSettings, AbcStopReason } from "./abc-smc.js";
export type { ParameterSummary } from "./posterior-summary.js";

/** A model to fit by {@link abcSmc}: named parameters with priors, and a distance to the data. */
export interface AbcProblem {
  readonly parameters: readonly { readonly name: string; readonly prior: DistributionSpec | Distribution }[];
  /**
   * Simulate at `values` (one per parameter, in order; read-only) and return the distance to the
   * observations (>= 0; Infinity or NaN rejects the proposal). Draw any randomness of the
   * simulation from `random`: uniforms in (0, 1), fixed by the seed and the proposal.
   */
  distance(values: Float64Array, random: () => number): number;
}

/** A fitted posterior: weighted draws, their summaries, and how the sampler got there. */
export interface AbcPosterior {
  /** Parameter names, in the order of each draw's values. */
  readonly parameters: string[];
  /** The last population: `draws[i][k]` is parameter k of draw i, with weight `weights[i]` (summing to 1). */
  readonly draws: number[][];
  readonly weights: number[];
  /** Each draw's distance to the observations. */
  readonly distances: number[];
  /** Per parameter: posterior mean, sd, median, 90% interval, and the prior's. */
  readonly summary: ParameterSummary[];
  /** Weighted correlations between parameters, `correlations[a][b]`. */
  readonly correlations: number[][];
  /** Tolerance, simulations, acceptance rate and effective sample size of each population. */
  readonly generations: AbcGeneration[];
  /** Effective sample size of the final weights. */
  readonly effectiveSampleSize: number;
  /** Simulations in all. */
  readonly simulations: number;
  readonly stopReason: AbcStopReason;
  readonly seed: string | number;
}

/**
 * Fit parameters of any simulator by approximate Bayesian computation with sequential
 * Monte Carlo (ABC-SMC): populations of weighted draws whose tolerance on the distance to
 * the observations shrinks from one to the next (Beaumont et al. 2009; Del Moral, Doucet
 * & Jasra 2012). Seeded: the same problem and seed give bit-identical draws. See
 * docs/calibration.md for the method and how to read the diagnostics.
 *
 * @param problem - parameters with priors (distribution specs, as in scenarios), and the distance function.
 * @param options - seed, and optionally particles, quantile, tolerance, minAcceptanceRate, maxGenerations, maxSimulations, signal, onProgress.
 * @returns the posterior.
 * @throws InputError for bad options or priors; an `AbortError` when `signal` aborts.
 * @example
 * ```ts
 * // the mean of a normal from one observed value, 1.2, with known sd 0.5 (a normal draw by Box-Muller)
 * const normal = (random: () => number) => Math.sqrt(-2 * Math.log(random())) * Math.cos(2 * Math.PI * random());
 * const posterior = await abcSmc(
 *   {
 *     parameters: [{ name: "mu", prior: { type: "normal", mean: 0, sd: 1 } }],
 *     distance: (values, random) => Math.abs(values[0]! + 0.5 * normal(random) - 1.2),
 *   },
 *   { seed: 1, particles: 500 },
 * );
 * posterior.summary[0]; // { name: "mu", mean: 0.96..., p05: ..., p95: ..., ... }
 * ```
 */
export async function abcSmc(problem: AbcProblem, options: AbcSmcSettings): Promise<AbcPosterior> {
  if (typeof problem !== "object" || problem === null || !Array.isArray(problem.parameters) || typeof problem.distance !== "function") {
    throw new InputError("problem", "expected { parameters: [{ name, prior }], distance(values, random) }");
  }
  if (typeof options !== "object" || options === null) throw new InputError("options", "expected an object, e.g. { seed: 1 }");
  const names = problem.parameters.map((p, k) => {
    if (typeof p?.name !== "string" || p.name === "") throw new InputError(`problem.parameters[${k}].name`, "expected a non-empty string");
    return p.name;
  });
  const priors = problem.parameters.map((p, k) => {
    try {
      return isDistribution(p.prior) ? p.prior : createDistribution(p.prior);
    } catch (error) {
      if (error instanceof InputError) throw new InputError(`problem.parameters[${k}].prior${error.path === "" ? "" : `.${error.path}`}`, error.message.replace(/^[^:]*: /, ""));
      throw error;
    }
  });
  const seed = seedString(options.seed);
  const output = await runAbcSmc(priors, options, (batch) => {
    const out = new Float64Array(batch.count);
    const D = names.length;
    for (let i = 0; i < batch.count; i++) {
      const random = runStream(`abc-simulate/${batch.generation}/${seed}`, batch.firstIndex + i);
      out[i] = problem.distance(batch.values.subarray(i * D, (i + 1) * D), random);
    }
    return out;
  });
  return posteriorOf(names, priors, output, options.seed);
}

/** The posterior from the sampler's output. */
export function posteriorOf(names: readonly string[], priors: readonly Distribution[], output: Awaited<ReturnType<typeof runAbcSmc>>, seed: string | number): AbcPosterior {
  const { parameters, correlations } = summarizePosterior(names, priors, output.values, output.weights);
  const last = output.generations[output.generations.length - 1]!;
  return {
    parameters: [...names],
    draws: output.values,
    weights: output.weights,
    distances: output.distances,
    summary: parameters,
    correlations,
    generations: output.generations,
    effectiveSampleSize: last.effectiveSampleSize,
    simulations: output.simulations,
    stopReason: output.stopReason,
    seed,
  };
}

function isDistribution(prior: unknown): prior is Distribution {
  return typeof prior === "object" && prior !== null && typeof (prior as Distribution).quantile === "function";
}
