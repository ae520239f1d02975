// Variance-based sensitivity: Sobol' first-order and total indices of any model of the unit
// hypercube, by the Saltelli (2010) and Jansen (1999) estimators on two independent designs
// A and B and the k matrices A_B^i, with bootstrap intervals. docs/analysis.md.
import { InputError } from "../errors.js";
import { monteCarloSampler, SOBOL_MAX_DIMENSIONS, sobolSampler } from "../random/sampler.js";
import { runStream, seedString } from "../random/stream.js";
import { quantileSorted } from "../stats/quantile.js";

/** Options of {@link sobolIndices}. */
export interface SobolIndicesOptions {
  readonly dimensions: number;
  /** Base samples N: the model is evaluated N (dimensions + 2) times. */
  readonly samples: number;
  readonly seed: string | number;
  readonly names?: readonly string[];
  /** Bootstrap resamples for the 95% intervals; default 1,000 (0: none). */
  readonly bootstrap?: number;
  /**
   * The points of A and B: `sobol` (default), the first N points of one scrambled Sobol'
   * sequence in 2 x dimensions (A its first half of coordinates, B the second), which
   * cuts the error for smooth models; or `monte-carlo`, independent points. Sobol' needs
   * 2 x dimensions <= 1,000.
   */
  readonly design?: "sobol" | "monte-carlo";
}

/** An estimate with its 95% bootstrap interval. */
export interface Estimate {
  readonly estimate: number;
  readonly ci95Low: number;
  readonly ci95High: number;
}

/** One input's indices. */
export interface SobolParameter {
  readonly name: string;
  /** First-order index S_i: the share of the output's variance due to input i alone. */
  readonly first: Estimate;
  /** Total index S_Ti: the share due to input i with all its interactions. */
  readonly total: Estimate;
}

/**
 * Sobol' indices of a model of the unit hypercube. Two designs A and B of N points (by
 * default the two halves of the coordinates of a scrambled Sobol' sequence in 2 x dimensions,
 * as SALib's `saltelli.sample`; or independent Monte Carlo points), and for each input i the
 * design A_B^i (A with column i from B);
 * with f_A, f_B, f_ABi the outputs and V the variance of all of f_A and f_B:
 *
 * - first order (Saltelli et al. 2010, eq. b): V_i = mean((f_B - m) (f_ABi - f_A)), S_i = V_i / V,
 *   with m the mean of f_A and f_B (centring leaves the expectation as it is and removes the
 *   noise m mean(f_ABi - f_A) that a large mean adds; SALib standardises the outputs alike);
 * - total (Jansen 1999): V_Ti = mean((f_A - f_ABi)^2) / 2, S_Ti = V_Ti / V.
 *
 * Intervals: percentile bootstrap over the N rows (for a Sobol' design, an approximation:
 * its rows are not independent, and the intervals are conservative for smooth models).
 * Cost N (dimensions + 2) evaluations; take N a power of two with the Sobol' design.
 * Estimates are unbiased but noisy at small N: a first-order index can come out slightly
 * negative, and intervals say how far to trust them.
 *
 * @param model - the output at a point of [0, 1]^dimensions (finite).
 * @param options - dimensions, samples, seed; optionally names and bootstrap.
 * @returns per input its first-order and total indices with intervals; the evaluations and the output's variance.
 * @throws InputError for bad options, a model value that is not finite, or an output without variance.
 * @example
 * ```ts
 * const ishigami = (u: Float64Array) => { const x = Array.from(u, (v) => Math.PI * (2 * v - 1)); return Math.sin(x[0]!) + 7 * Math.sin(x[1]!) ** 2 + 0.1 * x[2]! ** 4 * Math.sin(x[0]!); };
 * sobolIndices(ishigami, { dimensions: 3, samples: 10_000, seed: 1 }).parameters[1].first.estimate; // about 0.442
 * ```
 */
export function sobolIndices(
  model: (u: Float64Array) => number,
  options: SobolIndicesOptions,
): { parameters: SobolParameter[]; evaluations: number; variance: number } {
  if (typeof model !== "function") throw new InputError("model", "expected a function of a point of the unit hypercube");
  const design = saltelliDesign(options);
  const k = options.dimensions;
  const point = new Float64Array(k);
  const outputs = new Float64Array(design.length / k);
  for (let e = 0; e < outputs.length; e++) {
    point.set(design.subarray(e * k, (e + 1) * k));
    const y = model(point);
    if (!Number.isFinite(y)) throw new InputError("model", `expected a finite output, found ${String(y)} at [${Array.from(point).join(", ")}]`);
    outputs[e] = y;
  }
  return sobolEstimates(outputs, options);
}

/** Check the options shared by the design and the estimates; the names, defaulted. */
function checkSobolOptions(options: SobolIndicesOptions): { k: number; N: number; resamples: number; names: readonly string[] } {
  if (typeof options !== "object" || options === null) throw new InputError("options", "expected { dimensions, samples, seed }");
  const { dimensions: k, samples: N } = options;
  const resamples = options.bootstrap ?? 1000;
  if (!Number.isInteger(k) || k < 1 || k > 10_000) throw new InputError("options.dimensions", `expected a whole number from 1 to 10,000, found ${String(k)}`);
  if (!Number.isInteger(N) || N < 2 || N > 10_000_000) throw new InputError("options.samples", `expected a whole number from 2 to 10,000,000, found ${String(N)}`);
  if (!Number.isInteger(resamples) || resamples < 0 || resamples > 100_000) throw new InputError("options.bootstrap", `expected a whole number from 0 to 100,000, found ${String(resamples)}`);
  const names = options.names ?? Array.from({ length: k }, (_, j) => `x${j + 1}`);
  if (names.length !== k) throw new InputError("options.names", `expected ${k} names, one per dimension, found ${names.length}`);
  seedString(options.seed);
  const design = options.design ?? "sobol";
  if (design !== "sobol" && design !== "monte-carlo") throw new InputError("options.design", `expected "sobol" or "monte-carlo", found ${String(design)}`);
  if (design === "sobol" && 2 * k > SOBOL_MAX_DIMENSIONS) {
    throw new InputError("options.design", `a Sobol' design of ${k} inputs needs ${2 * k} dimensions, more than the ${SOBOL_MAX_DIMENSIONS} the direction numbers cover: use design "monte-carlo"`);
  }
  return { k, N, resamples, names };
}

/**
 * The points at which {@link sobolIndices} evaluates the model, in order: for each base
 * sample n, the rows A_n, B_n, then A_B^1_n ... A_B^k_n (k = dimensions): N (k + 2) points
 * of k coordinates, row-major. Evaluate them in any way (in parallel, as runs of an
 * experiment) and pass the outputs, in the same order, to {@link sobolEstimates}.
 */
export function saltelliDesign(options: SobolIndicesOptions): Float64Array {
  const { k, N } = checkSobolOptions(options);
  const seed = `sobol-indices/${seedString(options.seed)}`;
  const sampler = (options.design ?? "sobol") === "sobol" ? sobolSampler(seed, 2 * k) : monteCarloSampler(seed, 2 * k);
  const row = new Float64Array(2 * k);
  const design = new Float64Array(N * (k + 2) * k);
  for (let n = 0; n < N; n++) {
    sampler.fill(n, row);
    const at = n * (k + 2) * k;
    design.set(row.subarray(0, k), at);
    design.set(row.subarray(k), at + k);
    for (let i = 0; i < k; i++) {
      const ab = at + (2 + i) * k;
      design.set(row.subarray(0, k), ab);
      design[ab + i] = row[k + i]!;
    }
  }
  return design;
}

/**
 * Sobol' indices from the outputs at {@link saltelliDesign}'s points (same options, outputs
 * in the design's order); the estimators and intervals of {@link sobolIndices}.
 */
export function sobolEstimates(outputs: Float64Array, options: SobolIndicesOptions): { parameters: SobolParameter[]; evaluations: number; variance: number } {
  const { k, N, resamples, names } = checkSobolOptions(options);
  if (outputs.length !== N * (k + 2)) throw new InputError("outputs", `expected ${N * (k + 2)} outputs (samples x (dimensions + 2)), found ${outputs.length}`);
  const seed = seedString(options.seed);
  const stride = k + 2;
  const fA = (n: number) => outputs[n * stride]!;
  const fB = (n: number) => outputs[n * stride + 1]!;
  const fAB = (n: number, i: number) => outputs[n * stride + 2 + i]!;
  const indices = (rows: ArrayLike<number>) => {
    // variance of f_A and f_B together, over the chosen rows
    let sum = 0;
    for (let r = 0; r < rows.length; r++) sum += fA(rows[r]!) + fB(rows[r]!);
    const mean = sum / (2 * rows.length);
    let squares = 0;
    for (let r = 0; r < rows.length; r++) squares += (fA(rows[r]!) - mean) ** 2 + (fB(rows[r]!) - mean) ** 2;
    const variance = squares / (2 * rows.length - 1);
    const first = new Float64Array(k);
    const total = new Float64Array(k);
    for (let i = 0; i < k; i++) {
      let vi = 0;
      let vti = 0;
      for (let r = 0; r < rows.length; r++) {
        const n = rows[r]!;
        const d = fAB(n, i) - fA(n);
        // centred: the same estimate in expectation, without the noise a large mean adds (as SALib does)
        vi += (fB(n) - mean) * d;
        vti += d * d;
      }
      first[i] = vi / rows.length / variance;
      total[i] = vti / (2 * rows.length) / variance;
    }
    return { variance, first, total };
  };
  const all = Int32Array.from({ length: N }, (_, n) => n);
  const point0 = indices(all);
  if (!(point0.variance > 0)) throw new InputError("model", "the output does not vary over the design: no variance to apportion");
  const firstDraws = Array.from({ length: k }, () => new Float64Array(resamples));
  const totalDraws = Array.from({ length: k }, () => new Float64Array(resamples));
  const pick = runStream(`sobol-indices-bootstrap/${seed}`, 0);
  const rows = new Int32Array(N);
  for (let b = 0; b < resamples; b++) {
    for (let r = 0; r < N; r++) rows[r] = Math.floor(pick() * N);
    const found = indices(rows);
    for (let i = 0; i < k; i++) {
      firstDraws[i]![b] = found.first[i]!;
      totalDraws[i]![b] = found.total[i]!;
    }
  }
  const estimate = (value: number, draws: Float64Array): Estimate => {
    if (resamples === 0) return { estimate: value, ci95Low: value, ci95High: value };
    draws.sort();
    return { estimate: value, ci95Low: quantileSorted(draws, 0.025), ci95High: quantileSorted(draws, 0.975) };
  };
  return {
    parameters: names.map((name, i) => ({ name, first: estimate(point0.first[i]!, firstDraws[i]!), total: estimate(point0.total[i]!, totalDraws[i]!) })),
    evaluations: N * (k + 2),
    variance: point0.variance,
  };
}
