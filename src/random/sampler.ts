import { InputError } from "../errors.js";
import { createAlea } from "./_internals/alea.js";
import { FEISTEL_MAX_SIZE, FEISTEL_ROUNDS, feistelHalfBits, feistelPermute } from "./_internals/feistel.js";
import { runGenerator } from "./_internals/run-generator.js";
import { checkIndex, seedText } from "./_internals/seed-key.js";

/**
 * A sampler of the unit hypercube (0, 1)^dimensions for an experiment: run i's point
 * depends on the sampler's parameters and i only, so runs can be sampled in any order,
 * by any worker or shard, with the same result.
 */
export interface UniformSampler {
  readonly kind: "monte-carlo" | "latin-hypercube";
  /** Coordinates per point: one per uncertainty of the scenario. */
  readonly dimensions: number;
  /**
   * Write run `runIndex`'s point into `out` (length `dimensions`), every coordinate in (0, 1).
   * @throws {InputError} if the run index is invalid or `out` has the wrong length.
   */
  fill(runIndex: number, out: Float64Array): void;
}

/** 1 - 2^-53, the largest double below 1. */
const LARGEST_BELOW_ONE = 1 - 2 ** -53;

function checkOut(out: Float64Array, dimensions: number): void {
  if (!(out instanceof Float64Array) || out.length !== dimensions) {
    const found = out instanceof Float64Array ? `length ${out.length}` : "another kind of value";
    throw new InputError("out", `expected a Float64Array of length ${dimensions}, found ${found}`);
  }
}

/**
 * Plain Monte Carlo: run i's point is the first `dimensions` draws of `runStream(seed, i)`,
 * in order.
 *
 * Method: independent uniforms from the run's Alea stream (see `runStream`). Memory
 * O(1); each `fill` creates the run's generator and nothing else.
 *
 * @param seed - the experiment's seed: a non-empty string or a finite number.
 * @param dimensions - coordinates per point, a safe integer >= 0.
 * @returns the sampler.
 * @throws {InputError} for an invalid seed or dimension count.
 * @example
 * const out = new Float64Array(2);
 * monteCarloSampler("demo", 2).fill(0, out);
 * out[0]; // => 0.48643146756389766
 */
export function monteCarloSampler(seed: string | number, dimensions: number): UniformSampler {
  const text = seedText(seed);
  checkIndex("dimensions", dimensions, 0);
  return {
    kind: "monte-carlo",
    dimensions,
    fill(runIndex: number, out: Float64Array): void {
      checkIndex("runIndex", runIndex, 0);
      checkOut(out, dimensions);
      const next = runGenerator(text, runIndex);
      for (let d = 0; d < dimensions; d++) out[d] = next();
    },
  };
}

/**
 * Latin hypercube sampling: over runs 0..runs-1, each dimension's coordinates fall once
 * in each of the `runs` strata [k/runs, (k+1)/runs).
 *
 * Method: McKay, Beckman & Conover (1979), "A comparison of three methods for selecting
 * values of input variables in the analysis of output from a computer code",
 * Technometrics 21(2):239–245. Run i's coordinate d is `(π_d(i) + v_{i,d}) / runs`, where
 * v_{i,d} is the d-th draw of `runStream(seed, i)` (the jitter inside the stratum) and π_d
 * is a pseudo-random permutation of 0..runs-1 keyed by (seed, d): a keyed Feistel network
 * on the least power of four >= runs, cycle-walked into [0, runs) (Luby & Rackoff 1988;
 * Black & Rogaway 2002). π_d(i) is computed on its own in O(1) time and memory, so no
 * permutation is stored: a sampler for 10 million runs holds 8 round keys per dimension,
 * and a shard samples only its own run indices. Run i's point depends on (seed, runs, i)
 * only. A coordinate that would round up to 1 is set to the largest double below 1.
 *
 * @param seed - the experiment's seed: a non-empty string or a finite number.
 * @param dimensions - coordinates per point, a safe integer >= 0.
 * @param runs - the number of runs (strata per dimension), an integer in [1, 2^32].
 * @returns the sampler; its `fill` accepts run indices in [0, runs).
 * @throws {InputError} for an invalid seed, dimension count or run count.
 * @example
 * const out = new Float64Array(1);
 * latinHypercubeSampler("demo", 1, 10).fill(0, out);
 * out[0]; // => 0.24864314675638974 (stratum 2 of 10, jitter = runStream("demo", 0)'s first draw)
 */
export function latinHypercubeSampler(seed: string | number, dimensions: number, runs: number): UniformSampler {
  const text = seedText(seed);
  checkIndex("dimensions", dimensions, 0);
  checkIndex("runs", runs, 1);
  if (runs > FEISTEL_MAX_SIZE) {
    throw new InputError("runs", `expected at most ${FEISTEL_MAX_SIZE} runs for a Latin hypercube, found ${runs}`);
  }
  const halfBits = feistelHalfBits(runs);
  const keys = new Uint32Array(dimensions * FEISTEL_ROUNDS);
  for (let d = 0; d < dimensions; d++) {
    const keyStream = createAlea(`chokepoint/lhs/${d}/${text}`);
    for (let round = 0; round < FEISTEL_ROUNDS; round++) keys[d * FEISTEL_ROUNDS + round] = keyStream.int32() >>> 0;
  }
  return {
    kind: "latin-hypercube",
    dimensions,
    fill(runIndex: number, out: Float64Array): void {
      checkIndex("runIndex", runIndex, 0);
      if (runIndex >= runs) {
        throw new InputError("runIndex", `expected a run index below ${runs} (the sampler's runs), found ${runIndex}`);
      }
      checkOut(out, dimensions);
      const next = runGenerator(text, runIndex);
      for (let d = 0; d < dimensions; d++) {
        const stratum = feistelPermute(runIndex, runs, halfBits, keys, d * FEISTEL_ROUNDS);
        const u = (stratum + next()) / runs;
        out[d] = u < 1 ? u : LARGEST_BELOW_ONE;
      }
    },
  };
}
