// Approximate Bayesian computation by sequential Monte Carlo (ABC-SMC), with adaptive
// tolerances: the sampler behind `calibrate` and `abcSmc` (docs/calibration.md, "Method").
//
// Population Monte Carlo (Beaumont, Cornuet, Marin & Robert 2009, Biometrika 96:983;
// Toni et al. 2009, J. R. Soc. Interface 6:187), each tolerance set from the previous
// population's distances (the quantile rule of Del Moral, Doucet & Jasra 2012, Statistics
// and Computing 22:1009, as in Drovandi & Pettitt 2011 and pyabc). It runs in the normal
// scores of the priors: parameter k is Q_k(Phi(z_k)) for the prior's quantile function Q_k,
// so every prior becomes a standard normal in z, the perturbation kernel never leaves the
// support, and no prior density is needed. The posterior in z maps to the posterior in the
// parameters exactly, because the likelihood depends on z only through the parameters.
import { abortError, InputError } from "../errors.js";
import type { Distribution } from "../random/distribution.js";
import { normalCdf } from "../random/normal-cdf.js";
import { normalQuantile } from "../random/normal-quantile.js";
import { runStream, seedString } from "../random/stream.js";

/** Why the sampler stopped. */
export type AbcStopReason = "tolerance" | "acceptance" | "generations" | "simulations" | "converged";

/** Settings of the sampler; every one has a default. */
export interface AbcSmcSettings {
  /** Seed of every random choice: the same seed gives bit-identical results. */
  readonly seed: string | number;
  /** Particles per population (N). Default 1,000. */
  readonly particles?: number;
  /** Each tolerance is this quantile of the previous population's distances (alpha). Default 0.5. */
  readonly quantile?: number;
  /** Stop once a population's tolerance is at or below this. Default 0 (no target). */
  readonly tolerance?: number;
  /** Stop when a population accepts fewer than this share of its proposals (keeping the last complete population if it cannot be completed within N / share proposals). Default 0.02. */
  readonly minAcceptanceRate?: number;
  /** Most populations after the one drawn from the priors. Default 12. */
  readonly maxGenerations?: number;
  /** Most simulations in all: a population that would need more is not completed. Default 200,000. */
  readonly maxSimulations?: number;
  /** Stops the fit with an `AbortError`, seen between batches of proposals. */
  readonly signal?: AbortSignal;
  /** Called after each batch of proposals. */
  readonly onProgress?: (progress: AbcProgress) => void;
}

/** Reported after each batch of proposals. */
export interface AbcProgress {
  readonly generation: number;
  readonly tolerance: number;
  readonly accepted: number;
  readonly particles: number;
  readonly simulations: number;
}

/** One population of the sequence. */
export interface AbcGeneration {
  /** Its tolerance: proposals at a distance above it were rejected (Infinity for the first, drawn from the priors; `null` in JSON). */
  readonly tolerance: number;
  /** Simulations it took. */
  readonly simulations: number;
  /** Share of its proposals accepted, up to the one that completed it (proposals simulated beyond it in the same batch count in `simulations` only). */
  readonly acceptanceRate: number;
  /** Effective sample size of its weights, 1 / sum(w^2) for weights summing to 1. */
  readonly effectiveSampleSize: number;
}

/** The sampler's output: the last population, weighted, and how it was reached. */
export interface AbcSmcOutput {
  /** Parameter values of each particle: `values[i][k]` is parameter k of particle i. */
  readonly values: number[][];
  /** Importance weights, summing to 1. */
  readonly weights: number[];
  /** Each particle's distance to the observations. */
  readonly distances: number[];
  readonly generations: AbcGeneration[];
  readonly simulations: number;
  readonly stopReason: AbcStopReason;
}

/** A batch of proposals to simulate: the distance of each to the observations is wanted. */
export interface ProposalBatch {
  /** The population it belongs to (0: drawn from the priors). */
  readonly generation: number;
  /** Index of its first proposal in the population: proposal `firstIndex + i` is row i. */
  readonly firstIndex: number;
  /** Proposals in the batch. */
  readonly count: number;
  /** Parameter values, row by row: `values[i * dimensions + k]`. */
  readonly values: Float64Array;
}

/** Simulates a batch: returns the distances, one per proposal (Infinity or NaN reject it). */
export type BatchEvaluator = (batch: ProposalBatch) => Float64Array | Promise<Float64Array>;

const DEFAULTS = { particles: 1000, quantile: 0.5, tolerance: 0, minAcceptanceRate: 0.02, maxGenerations: 12, maxSimulations: 200_000 };

/**
 * Most particles: a posterior's draws must fit a scenario's `posterior` field (at most
 * 10,000 rows), and the weights cost O(N^2) per population.
 */
export const MAX_PARTICLES = 10_000;

/** Smallest and largest uniform handed to a prior's quantile function. */
const U_MIN = 2 ** -53;
const U_MAX = 1 - 2 ** -53;

/** The settings with defaults, checked. */
export function resolveAbcSettings(settings: AbcSmcSettings, path = "options") {
  seedString(settings.seed);
  const value = (name: keyof typeof DEFAULTS, check: (x: number) => boolean, expected: string): number => {
    const x = settings[name] ?? DEFAULTS[name];
    if (typeof x !== "number" || !check(x)) throw new InputError(`${path}.${name}`, `expected ${expected}, found ${String(x)}`);
    return x;
  };
  return {
    seed: settings.seed,
    particles: value("particles", (x) => Number.isInteger(x) && x >= 10 && x <= MAX_PARTICLES, "a whole number from 10 to 10,000"),
    quantile: value("quantile", (x) => x > 0 && x < 1, "a number between 0 and 1"),
    tolerance: value("tolerance", (x) => x >= 0 && Number.isFinite(x), "a number >= 0"),
    minAcceptanceRate: value("minAcceptanceRate", (x) => x >= 0 && x < 1, "a share in [0, 1)"),
    maxGenerations: value("maxGenerations", (x) => Number.isInteger(x) && x >= 1 && x <= 1000, "a whole number from 1 to 1,000"),
    maxSimulations: value("maxSimulations", (x) => Number.isSafeInteger(x) && x >= (settings.particles ?? DEFAULTS.particles), "a whole number at least the particles (population 0 alone takes that many)"),
  };
}

/**
 * Run ABC-SMC over parameters with the given priors, simulating proposals in batches
 * through `evaluate`. The result depends only on the priors, the settings and the
 * distances, never on how batches are simulated (one thread or many).
 *
 * Each population t >= 1 draws proposals from the previous one: an ancestor by weight, moved
 * by a normal kernel with twice the population's weighted covariance (in normal scores);
 * a proposal is accepted when its distance is at most the tolerance, the `quantile` of the
 * previous population's weighted distances. Proposals are simulated in batches whose size
 * depends only on earlier results; the population is the first N accepted, in proposal
 * order. Weights: prior density over the mixture of kernels (Beaumont et al. 2009).
 */
export async function runAbcSmc(priors: readonly Distribution[], settings: AbcSmcSettings, evaluate: BatchEvaluator): Promise<AbcSmcOutput> {
  const options = resolveAbcSettings(settings);
  const { particles: N, quantile, minAcceptanceRate, maxGenerations, maxSimulations } = options;
  const seed = seedString(options.seed);
  const D = priors.length;
  if (D === 0) throw new InputError("free", "expected at least one parameter to fit");
  const checkAbort = () => {
    if (settings.signal?.aborted === true) throw abortError(settings.signal.reason);
  };
  const toValues = (z: Float64Array, out: Float64Array, offset: number) => {
    for (let k = 0; k < D; k++) {
      const u = Math.min(U_MAX, Math.max(U_MIN, normalCdf(z[k]!)));
      out[offset + k] = priors[k]!.quantile(u);
    }
  };

  // the current population, in normal scores
  let z: Float64Array = new Float64Array(N * D);
  let weights: Float64Array = new Float64Array(N).fill(1 / N);
  let distances: Float64Array = new Float64Array(N);
  let values: Float64Array = new Float64Array(N * D);
  const generations: AbcGeneration[] = [];
  let simulations = 0;
  let stopReason: AbcStopReason = "generations";

  // Population 0: N draws from the priors, all kept (tolerance Infinity).
  {
    checkAbort();
    const batchValues = new Float64Array(N * D);
    const zk = new Float64Array(D);
    for (let i = 0; i < N; i++) {
      const next = runStream(`abc-propose/0/${seed}`, i);
      for (let k = 0; k < D; k++) zk[k] = normalQuantile(next());
      z.set(zk, i * D);
      toValues(zk, batchValues, i * D);
    }
    const found = await evaluate({ generation: 0, firstIndex: 0, count: N, values: batchValues });
    checkBatch(found, N);
    simulations += N;
    let accepted = 0;
    for (let i = 0; i < N; i++) {
      distances[i] = Number.isNaN(found[i]!) ? Infinity : found[i]!;
      if (distances[i]! < Infinity) accepted++;
    }
    values = batchValues;
    if (accepted === 0) throw new InputError("observations", "no simulation from the priors gave a finite distance to the observations");
    // rejected prior draws keep weight 0 so that they are never ancestors
    for (let i = 0; i < N; i++) weights[i] = distances[i]! < Infinity ? 1 / accepted : 0;
    generations.push({ tolerance: Infinity, simulations: N, acceptanceRate: accepted / N, effectiveSampleSize: effectiveSampleSize(weights) });
    settings.onProgress?.({ generation: 0, tolerance: Infinity, accepted, particles: N, simulations });
  }

  let previousRate = 1;
  for (let t = 1; t <= maxGenerations; t++) {
    const previousTolerance = generations[generations.length - 1]!.tolerance;
    const tolerance = Math.max(options.tolerance, weightedQuantile(distances, weights, quantile));
    if (!(tolerance < previousTolerance)) {
      stopReason = "converged";
      break;
    }
    const kernel = kernelOf(z, weights, N, D);
    const cumulative = cumulativeOf(weights);
    const nextZ = new Float64Array(N * D);
    const nextValues = new Float64Array(N * D);
    const nextDistances = new Float64Array(N);
    let accepted = 0;
    let proposed = 0;
    // proposals up to and including the N-th accepted: the population's acceptance rate is N / used
    let used = 0;
    let budgetOut = false;
    let tooFew = false;
    // past this many proposals the acceptance rate is below the minimum, whatever follows
    const enough = minAcceptanceRate > 0 ? Math.ceil(N / minAcceptanceRate) : Infinity;
    const zk = new Float64Array(D);
    const noise = new Float64Array(D);
    while (accepted < N) {
      checkAbort();
      if (proposed >= enough) {
        tooFew = true;
        break;
      }
      const rate = proposed === 0 ? Math.min(quantile, previousRate) : Math.max(accepted, 1) / proposed;
      let count = Math.ceil(((N - accepted) / Math.max(rate, 1e-3)) * 1.1);
      count = Math.min(Math.max(count, 64), 20 * N, maxSimulations - simulations, Math.max(1, enough - proposed));
      if (count <= 0) {
        budgetOut = true;
        break;
      }
      const batchZ = new Float64Array(count * D);
      const batchValues = new Float64Array(count * D);
      for (let i = 0; i < count; i++) {
        const next = runStream(`abc-propose/${t}/${seed}`, proposed + i);
        const ancestor = pickIndex(cumulative, next());
        for (let k = 0; k < D; k++) noise[k] = normalQuantile(next());
        for (let k = 0; k < D; k++) {
          let step = 0;
          for (let m = 0; m <= k; m++) step += kernel.cholesky[k * D + m]! * noise[m]!;
          zk[k] = z[ancestor * D + k]! + step;
        }
        batchZ.set(zk, i * D);
        toValues(zk, batchValues, i * D);
      }
      const found = await evaluate({ generation: t, firstIndex: proposed, count, values: batchValues });
      checkBatch(found, count);
      simulations += count;
      proposed += count;
      for (let i = 0; i < count && accepted < N; i++) {
        const d = found[i]!;
        if (d <= tolerance) {
          nextZ.set(batchZ.subarray(i * D, (i + 1) * D), accepted * D);
          nextValues.set(batchValues.subarray(i * D, (i + 1) * D), accepted * D);
          nextDistances[accepted] = d;
          accepted++;
          used = proposed - count + i + 1;
        }
      }
      settings.onProgress?.({ generation: t, tolerance, accepted, particles: N, simulations });
    }
    if (tooFew) {
      // the population would accept fewer than minAcceptanceRate of its proposals: keep the last complete one
      stopReason = "acceptance";
      break;
    }
    if (budgetOut) {
      stopReason = "simulations";
      break;
    }
    const nextWeights = pmcWeights(nextZ, z, weights, kernel, N, D);
    previousRate = N / used;
    z = nextZ;
    values = nextValues;
    distances = nextDistances;
    weights = nextWeights;
    generations.push({ tolerance, simulations: proposed, acceptanceRate: previousRate, effectiveSampleSize: effectiveSampleSize(weights) });
    if (options.tolerance > 0 && tolerance <= options.tolerance) {
      stopReason = "tolerance";
      break;
    }
    if (previousRate < minAcceptanceRate) {
      stopReason = "acceptance";
      break;
    }
  }
  const rows: number[][] = [];
  for (let i = 0; i < N; i++) rows.push(Array.from(values.subarray(i * D, (i + 1) * D)));
  return { values: rows, weights: Array.from(weights), distances: Array.from(distances), generations, simulations, stopReason };
}

function checkBatch(found: Float64Array, count: number): void {
  if (!(found instanceof Float64Array) || found.length !== count) {
    throw new Error(`internal error: expected ${count} distances from a batch, found ${found instanceof Float64Array ? found.length : typeof found}`);
  }
}

/** 1 / sum(w^2) of weights summing to 1. */
export function effectiveSampleSize(weights: Float64Array): number {
  let sum = 0;
  let squares = 0;
  for (const w of weights) {
    sum += w;
    squares += w * w;
  }
  return squares > 0 ? (sum * sum) / squares : 0;
}

/**
 * The weighted `q`-quantile of `values`: the smallest value whose cumulative weight, in
 * increasing order of value, reaches q of the total (the inverse of the weighted empirical CDF).
 */
export function weightedQuantile(values: ArrayLike<number>, weights: ArrayLike<number>, q: number): number {
  const order = Array.from({ length: values.length }, (_, i) => i).filter((i) => weights[i]! > 0);
  order.sort((a, b) => values[a]! - values[b]! || a - b);
  let total = 0;
  for (const i of order) total += weights[i]!;
  let cumulative = 0;
  for (const i of order) {
    cumulative += weights[i]!;
    if (cumulative >= q * total) return values[i]!;
  }
  return values[order[order.length - 1]!]!;
}

function cumulativeOf(weights: Float64Array): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) out[i] = sum += weights[i]!;
  for (let i = 0; i < out.length; i++) out[i] = out[i]! / sum;
  return out;
}

/** The first index whose cumulative weight exceeds u (binary search), skipping zero weights. */
function pickIndex(cumulative: Float64Array, u: number): number {
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (cumulative[mid]! > u) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** The perturbation kernel: normal with twice the population's weighted covariance (Beaumont et al. 2009). */
interface Kernel {
  /** Lower-triangular Cholesky factor of the kernel's covariance, row-major D x D. */
  readonly cholesky: Float64Array;
}

function kernelOf(z: Float64Array, weights: Float64Array, N: number, D: number): Kernel {
  const mean = new Float64Array(D);
  let total = 0;
  for (let i = 0; i < N; i++) {
    total += weights[i]!;
    for (let k = 0; k < D; k++) mean[k] = mean[k]! + weights[i]! * z[i * D + k]!;
  }
  for (let k = 0; k < D; k++) mean[k] = mean[k]! / total;
  const covariance = new Float64Array(D * D);
  for (let i = 0; i < N; i++) {
    const w = weights[i]! / total;
    if (w === 0) continue;
    for (let a = 0; a < D; a++) {
      const da = z[i * D + a]! - mean[a]!;
      for (let b = 0; b <= a; b++) covariance[a * D + b] = covariance[a * D + b]! + w * da * (z[i * D + b]! - mean[b]!);
    }
  }
  for (let a = 0; a < D; a++) for (let b = 0; b <= a; b++) covariance[b * D + a] = covariance[a * D + b] = 2 * covariance[a * D + b]!;
  // A population collapsed in some direction (weights on a few particles, or on one) has a
  // singular covariance: a ridge of 1e-6 (in normal scores) keeps the kernel proper.
  for (let a = 0; a < D; a++) covariance[a * D + a] = Math.max(covariance[a * D + a]!, 0) + 1e-6;
  return { cholesky: cholesky(covariance, D) };
}

/** Cholesky factor L (lower, row-major) of a symmetric positive definite matrix, with a ridge where pivots fail. */
function cholesky(matrix: Float64Array, D: number): Float64Array {
  const L = new Float64Array(D * D);
  for (let i = 0; i < D; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * D + j]!;
      for (let k = 0; k < j; k++) sum -= L[i * D + k]! * L[j * D + k]!;
      if (i === j) L[i * D + i] = Math.sqrt(Math.max(sum, 1e-12));
      else L[i * D + j] = sum / L[j * D + j]!;
    }
  }
  return L;
}

/**
 * Importance weights of the new population: w_i proportional to prior(z_i) / sum_j w_j K(z_i - z_j),
 * with the standard normal prior of the normal scores and the kernel's normal density
 * (its constant cancels), computed in logarithms so that far particles do not underflow.
 */
function pmcWeights(next: Float64Array, previous: Float64Array, previousWeights: Float64Array, kernel: Kernel, N: number, D: number): Float64Array {
  const L = kernel.cholesky;
  const logWeights = new Float64Array(N);
  const y = new Float64Array(D);
  const logTerms = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    let logPrior = 0;
    for (let k = 0; k < D; k++) logPrior -= 0.5 * next[i * D + k]! ** 2;
    let largest = -Infinity;
    for (let j = 0; j < N; j++) {
      const wj = previousWeights[j]!;
      if (wj === 0) {
        logTerms[j] = -Infinity;
        continue;
      }
      // solve L y = z_i - z_j by forward substitution; the quadratic form is |y|^2
      let q = 0;
      for (let k = 0; k < D; k++) {
        let s = next[i * D + k]! - previous[j * D + k]!;
        for (let m = 0; m < k; m++) s -= L[k * D + m]! * y[m]!;
        y[k] = s / L[k * D + k]!;
        q += y[k]! * y[k]!;
      }
      const term = Math.log(wj) - 0.5 * q;
      logTerms[j] = term;
      if (term > largest) largest = term;
    }
    let sum = 0;
    for (let j = 0; j < N; j++) sum += Math.exp(logTerms[j]! - largest);
    logWeights[i] = logPrior - (largest + Math.log(sum));
  }
  let largest = -Infinity;
  for (const lw of logWeights) if (lw > largest) largest = lw;
  const weights = new Float64Array(N);
  let total = 0;
  for (let i = 0; i < N; i++) total += weights[i] = Math.exp(logWeights[i]! - largest);
  for (let i = 0; i < N; i++) weights[i] = weights[i]! / total;
  return weights;
}
