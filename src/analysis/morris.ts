// Morris screening: elementary effects along one-at-a-time trajectories of a grid (Morris
// 1991, Technometrics 33:161), with mu* (the mean of their absolute values, Campolongo,
// Cariboni & Saltelli 2007) and bootstrap intervals. docs/analysis.md.
import { InputError } from "../errors.js";
import { runStream, seedString } from "../random/stream.js";
import { quantileSorted } from "../stats/quantile.js";

/** Options of {@link morrisScreening}. */
export interface MorrisOptions {
  /** Inputs of the model, each in [0, 1]. */
  readonly dimensions: number;
  /** Trajectories (r); each costs dimensions + 1 evaluations. */
  readonly trajectories: number;
  /** Grid levels (p), even; default 4. The step is p / (2 (p - 1)) (2/3 for 4 levels). */
  readonly levels?: number;
  readonly seed: string | number;
  /** Names of the inputs, for the result; default x1, x2, ... */
  readonly names?: readonly string[];
  /** Bootstrap resamples of the trajectories for the intervals of mu*; default 1,000. */
  readonly bootstrap?: number;
}

/** One input's elementary effects. */
export interface MorrisParameter {
  readonly name: string;
  /** Mean elementary effect: its sign says which way the input moves the output on average (effects of opposite signs cancel in it). */
  readonly mu: number;
  /** Mean absolute elementary effect: the input's importance (Campolongo et al. 2007). */
  readonly muStar: number;
  /** Standard deviation of the elementary effects: large for inputs that interact or act non-linearly. */
  readonly sigma: number;
  /** 95% bootstrap interval of mu* (percentile, trajectories resampled). */
  readonly muStarCi95Low: number;
  readonly muStarCi95High: number;
}

/**
 * Morris screening of a model of the unit hypercube: `trajectories` random walks on a grid
 * of `levels` levels, each changing one input at a time by a step of p / (2 (p - 1)), in a
 * random order and direction; the elementary effect of input j is the change of the output
 * over the step. Per input: mu, mu* and sigma, with a bootstrap interval for mu*. Cheap
 * screening of models with many inputs: `trajectories x (dimensions + 1)` evaluations (10 to
 * 50 trajectories are usual). Seeded: the same seed gives the same design.
 *
 * @param model - the output at a point of [0, 1]^dimensions (finite).
 * @param options - dimensions, trajectories, seed; optionally levels, names, bootstrap.
 * @returns per input mu, mu*, sigma and mu*'s interval; and the evaluations made.
 * @throws InputError for bad options, or a model value that is not finite (naming the point).
 * @example
 * ```ts
 * const screening = morrisScreening((u) => 2 * u[0]! + u[1]! * u[1]!, { dimensions: 3, trajectories: 20, seed: 1 });
 * screening.parameters.map((p) => p.muStar); // [2, about 1, 0]
 * ```
 */
export function morrisScreening(model: (u: Float64Array) => number, options: MorrisOptions): { parameters: MorrisParameter[]; evaluations: number } {
  if (typeof model !== "function") throw new InputError("model", "expected a function of a point of the unit hypercube");
  const design = morrisDesign(options);
  const k = options.dimensions;
  const x = new Float64Array(k);
  const outputs = new Float64Array(design.length / k);
  for (let e = 0; e < outputs.length; e++) {
    x.set(design.subarray(e * k, (e + 1) * k));
    const y = model(x);
    if (!Number.isFinite(y)) throw new InputError("model", `expected a finite output, found ${String(y)} at [${Array.from(x).join(", ")}] (trajectory ${Math.floor(e / (k + 1))})`);
    outputs[e] = y;
  }
  return morrisEstimates(design, outputs, options);
}

/** Check the options shared by the design and the estimates; levels, resamples and names, defaulted. */
function checkMorrisOptions(options: MorrisOptions): { k: number; r: number; p: number; resamples: number; names: readonly string[] } {
  if (typeof options !== "object" || options === null) throw new InputError("options", "expected { dimensions, trajectories, seed }");
  const { dimensions: k, trajectories: r } = options;
  const p = options.levels ?? 4;
  const resamples = options.bootstrap ?? 1000;
  if (!Number.isInteger(k) || k < 1 || k > 10_000) throw new InputError("options.dimensions", `expected a whole number from 1 to 10,000, found ${String(k)}`);
  if (!Number.isInteger(r) || r < 2 || r > 100_000) throw new InputError("options.trajectories", `expected a whole number from 2 to 100,000, found ${String(r)}`);
  if (!Number.isInteger(p) || p < 2 || p % 2 !== 0 || p > 1000) throw new InputError("options.levels", `expected an even whole number from 2 to 1,000, found ${String(p)}`);
  if (!Number.isInteger(resamples) || resamples < 0 || resamples > 100_000) throw new InputError("options.bootstrap", `expected a whole number from 0 to 100,000, found ${String(resamples)}`);
  const names = options.names ?? Array.from({ length: k }, (_, j) => `x${j + 1}`);
  if (names.length !== k) throw new InputError("options.names", `expected ${k} names, one per dimension, found ${names.length}`);
  seedString(options.seed);
  return { k, r, p, resamples, names };
}

/**
 * The points at which {@link morrisScreening} evaluates the model: per trajectory its
 * dimensions + 1 points on the grid {0, 1/(p-1), ..., 1}, each differing from the one
 * before in one input; trajectories x (dimensions + 1) rows of `dimensions` coordinates,
 * row-major. Evaluate them in any way and pass the outputs, in the same order, to
 * {@link morrisEstimates}.
 */
export function morrisDesign(options: MorrisOptions): Float64Array {
  const { k, r, p } = checkMorrisOptions(options);
  const seed = seedString(options.seed);
  const delta = p / (2 * (p - 1));
  const design = new Float64Array(r * (k + 1) * k);
  const x = new Float64Array(k);
  const order = new Int32Array(k);
  const sign = new Int8Array(k);
  for (let t = 0; t < r; t++) {
    const next = runStream(`morris/${seed}`, t);
    // base levels in the lower half of the grid, so that x + delta stays in [0, 1]
    for (let j = 0; j < k; j++) {
      const base = Math.floor(next() * (p / 2)) / (p - 1);
      sign[j] = next() < 0.5 ? -1 : 1;
      x[j] = sign[j] === 1 ? base : base + delta;
      order[j] = j;
    }
    for (let j = k - 1; j > 0; j--) {
      const swap = Math.floor(next() * (j + 1));
      const kept = order[j]!;
      order[j] = order[swap]!;
      order[swap] = kept;
    }
    let row = t * (k + 1);
    design.set(x, row * k);
    for (const j of order) {
      x[j] = x[j]! + sign[j]! * delta;
      design.set(x, ++row * k);
    }
  }
  return design;
}

/**
 * Morris statistics from the outputs at {@link morrisDesign}'s points (same options,
 * outputs in the design's order); the statistics and intervals of {@link morrisScreening}.
 */
export function morrisEstimates(design: Float64Array, outputs: Float64Array, options: MorrisOptions): { parameters: MorrisParameter[]; evaluations: number } {
  const { k, r, resamples, names } = checkMorrisOptions(options);
  if (design.length !== r * (k + 1) * k) throw new InputError("design", `expected ${r * (k + 1) * k} coordinates (trajectories x (dimensions + 1) x dimensions), found ${design.length}`);
  if (outputs.length !== r * (k + 1)) throw new InputError("outputs", `expected ${r * (k + 1)} outputs (trajectories x (dimensions + 1)), found ${outputs.length}`);
  const seed = seedString(options.seed);
  // effects[t * k + j]: input j's elementary effect on trajectory t; the step's input is where two rows differ
  const effects = new Float64Array(r * k);
  for (let t = 0; t < r; t++) {
    for (let step = 0; step < k; step++) {
      const before = (t * (k + 1) + step) * k;
      const after = before + k;
      let j = 0;
      while (j < k && design[after + j] === design[before + j]) j++;
      if (j === k) throw new InputError("design", `expected trajectory ${t}'s step ${step} to change one input`);
      const change = design[after + j]! - design[before + j]!;
      effects[t * k + j] = (outputs[t * (k + 1) + step + 1]! - outputs[t * (k + 1) + step]!) / change;
    }
  }
  const parameters = names.map((name, j): MorrisParameter => {
    let sum = 0;
    let absolute = 0;
    for (let t = 0; t < r; t++) {
      sum += effects[t * k + j]!;
      absolute += Math.abs(effects[t * k + j]!);
    }
    const mu = sum / r;
    let squares = 0;
    for (let t = 0; t < r; t++) squares += (effects[t * k + j]! - mu) ** 2;
    const muStar = absolute / r;
    let low = muStar;
    let high = muStar;
    if (resamples > 0) {
      const means = new Float64Array(resamples);
      const pick = runStream(`morris-bootstrap/${j}/${seed}`, 0);
      for (let b = 0; b < resamples; b++) {
        let total = 0;
        for (let t = 0; t < r; t++) total += Math.abs(effects[Math.floor(pick() * r) * k + j]!);
        means[b] = total / r;
      }
      means.sort();
      low = quantileSorted(means, 0.025);
      high = quantileSorted(means, 0.975);
    }
    return { name, mu, muStar, sigma: Math.sqrt(squares / (r - 1)), muStarCi95Low: low, muStarCi95High: high };
  });
  return { parameters, evaluations: r * (k + 1) };
}
