import { InputError } from "../errors.js";
import { createAlea } from "./_internals/alea.js";
import { FEISTEL_MAX_SIZE, FEISTEL_ROUNDS, feistelHalfBits, feistelPermute } from "./_internals/feistel.js";
import { runGenerator } from "./_internals/run-generator.js";
import { SOBOL_BITS, hash32, owenScramble, sobolDirections, sobolInteger } from "./_internals/sobol.js";
import { SOBOL_MAX_DIMENSIONS } from "./_internals/sobol-directions.js";
import { checkIndex, seedText } from "./_internals/seed-key.js";

/**
 * A sampler of the unit hypercube (0, 1)^dimensions for an experiment: run i's point
 * depends on the sampler's parameters and i only, so runs can be sampled in any order,
 * by any worker or shard, with the same result.
 */
export interface UniformSampler {
  readonly kind: "monte-carlo" | "latin-hypercube" | "sobol";
  /** Coordinates per point: one per uncertainty of the scenario. */
  readonly dimensions: number;
  /**
   * Write run `runIndex`'s point into `out` (length `dimensions`), every coordinate in (0, 1).
   * @throws {InputError} if the run index is invalid or `out` has the wrong length.
   */
  fill(runIndex: number, out: Float64Array): void;
}

// the most dimensions `sobolSampler` covers (Joe & Kuo's direction numbers shipped)
export { SOBOL_MAX_DIMENSIONS };

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

/**
 * Scrambled Sobol' points (randomised quasi-Monte Carlo): over runs 0..2^m-1, each
 * dimension's coordinates fall once in each of the 2^m intervals [k/2^m, (k+1)/2^m), and
 * the points as a whole are a (t, m, s)-net, so the mean of a smooth outcome converges
 * faster than with independent points.
 *
 * Method: Sobol' (1967), "On the distribution of points in a cube and the approximate
 * evaluation of integrals", USSR Comput. Math. Math. Phys. 7(4):86–112, with the direction
 * numbers of Joe & Kuo (2008), "Constructing Sobol sequences with better two-dimensional
 * projections", SIAM J. Sci. Comput. 30(5):2635–2654 (file new-joe-kuo-6.21201, first
 * 1,000 dimensions). Point j's 32-bit coordinate is the XOR of the direction integers of
 * j's set bits, computed directly (no state), then scrambled by Owen's nested uniform
 * scrambling (Owen 1995, "Randomly permuted (t,m,s)-nets and (t,s)-sequences", in Monte
 * Carlo and Quasi-Monte Carlo Methods in Scientific Computing, Springer, 299–317): each
 * digit is flipped or not by a random bit that depends on the digits above it, the bit
 * drawn by hashing the tree node with keys from Alea keyed by (seed, randomisation,
 * dimension), as in Burley (2020), "Practical hash-based Owen scrambling", JCGT 9(4).
 * The digits below the 32nd are uniform, from the same hash, as Owen's scrambling makes
 * them; so every coordinate is a multiple of 2^-53 strictly inside (0, 1). Different
 * seeds give independent scramblings, each of whose points is uniform on (0, 1)^dimensions.
 *
 * With `randomizations` R > 1 the runs interleave R independent scramblings: run i is
 * point floor(i / R) of scrambling i mod R, so every prefix of 2^m * R runs holds 2^m
 * points of each, and an interval for a mean can be taken across the R scramblings'
 * means (see `qmcMean`). Run i's point depends on (seed, R, i) only; `fill` costs
 * O(dimensions * 32) and allocates nothing.
 *
 * @param seed - the experiment's seed: a non-empty string or a finite number.
 * @param dimensions - coordinates per point, an integer in [0, 1000].
 * @param randomizations - independent scramblings interleaved, an integer >= 1 (default 1).
 * @returns the sampler; its `fill` accepts run indices below 2^32 * randomizations.
 * @throws {InputError} for an invalid seed, dimension count or number of randomisations.
 * @example
 * const sampler = sobolSampler("demo", 1);
 * const out = new Float64Array(1);
 * sampler.fill(0, out);
 * const half = Math.floor(2 * out[0]);
 * sampler.fill(1, out);
 * half + Math.floor(2 * out[0]); // => 1 (points 0 and 1 fill the two halves of (0, 1))
 */
export function sobolSampler(seed: string | number, dimensions: number, randomizations = 1): UniformSampler {
  const text = seedText(seed);
  checkIndex("dimensions", dimensions, 0);
  if (dimensions > SOBOL_MAX_DIMENSIONS) {
    throw new InputError(
      "dimensions",
      `expected at most ${SOBOL_MAX_DIMENSIONS} dimensions for Sobol' points (the direction numbers shipped), found ${dimensions}`,
    );
  }
  checkIndex("randomizations", randomizations, 1);
  const directions = sobolDirections(dimensions);
  // Three keys per (randomisation, dimension): two for the digits' flips, one for the digits below.
  const keys = new Uint32Array(randomizations * dimensions * 3);
  for (let r = 0; r < randomizations; r++) {
    const keyStream = createAlea(`chokepoint/sobol/${r}/${text}`);
    for (let k = 0; k < dimensions * 3; k++) keys[r * dimensions * 3 + k] = keyStream.int32() >>> 0;
  }
  const limit = 2 ** SOBOL_BITS * randomizations;
  return {
    kind: "sobol",
    dimensions,
    fill(runIndex: number, out: Float64Array): void {
      checkIndex("runIndex", runIndex, 0);
      if (runIndex >= limit) {
        throw new InputError("runIndex", `expected a run index below ${limit} (2^32 points per scrambling), found ${runIndex}`);
      }
      checkOut(out, dimensions);
      const r = runIndex % randomizations;
      const index = (runIndex - r) / randomizations;
      const base = r * dimensions * 3;
      for (let d = 0; d < dimensions; d++) {
        const k = base + d * 3;
        const x = owenScramble(sobolInteger(directions, d, index), keys[k]!, keys[k + 1]!);
        // 20 uniform digits below the 32nd, then 1/2 of the last: (x * 2^21 + 2j + 1) / 2^53.
        const low = hash32((x ^ keys[k + 2]!) >>> 0) >>> 12;
        out[d] = (x * 2 ** 21 + low * 2 + 1) / 2 ** 53;
      }
    },
  };
}
