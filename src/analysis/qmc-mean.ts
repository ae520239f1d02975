// Randomised quasi-Monte Carlo estimate of a mean over the unit hypercube, with a 95%
// interval from independent scramblings of Sobol' points. docs/analysis.md, "Sobol'
// sequences (quasi-Monte Carlo)".
import { InputError } from "../errors.js";
import { EXPERIMENT_SOBOL_RANDOMIZATIONS } from "../experiment/sampler-kind.js";
import { SOBOL_MAX_DIMENSIONS, sobolSampler } from "../random/sampler.js";
import { studentTQuantile } from "../stats/student-t.js";

/** Options of {@link qmcMean}. */
export interface QmcMeanOptions {
  /** Coordinates per point, 1 to 1,000. */
  readonly dimensions: number;
  /** Points per scrambling; a power of two keeps every scrambling a balanced net. */
  readonly points: number;
  /** Independent scramblings R (default 16): the interval has R - 1 degrees of freedom. */
  readonly randomizations?: number;
  readonly seed: string | number;
}

/** What {@link qmcMean} returns. */
export interface QmcMeanResult {
  /** The mean of the R scramblings' means. */
  readonly estimate: number;
  /** Lower end of the 95% t interval over the R scramblings' means. */
  readonly ci95Low: number;
  /** Upper end of that interval. */
  readonly ci95High: number;
  /** Standard error of the estimate: the sd of the R means over sqrt(R). */
  readonly standardError: number;
  readonly randomizations: number;
  /** Evaluations of `f`: points x randomizations. */
  readonly evaluations: number;
}

/**
 * The mean of `f` over (0, 1)^dimensions by randomised quasi-Monte Carlo: R independent
 * Owen scramblings of the first `points` Sobol' points (`sobolSampler(seed, dimensions, R)`,
 * whose run i is point floor(i / R) of scrambling i mod R). Each scrambling's mean is an
 * unbiased estimate; they are independent, so the 95% interval is the Student t interval
 * over the R means (Owen 1997, "Scrambled net variance for integrals of smooth
 * functions", Ann. Statist. 25(4):1541–1562; L'Ecuyer & Lemieux 2002, "Recent advances in
 * randomized quasi-Monte Carlo methods"). The points within one scrambling are not
 * independent, which is why an interval over all points as if they were is not used.
 *
 * For a smooth f the error falls nearly as 1/n rather than Monte Carlo's 1/sqrt(n); for
 * an f with jumps (a rule that switches on or off) the gain is smaller, and the interval
 * says so.
 *
 * @param f - the function; it gets a reused Float64Array and must return a finite number.
 * @param options - dimensions, points, seed; optionally randomizations.
 * @returns the estimate, its 95% interval and standard error, and the cost.
 * @throws InputError for bad options or a value of `f` that is not finite.
 * @example
 * ```ts
 * const product = (u: Float64Array) => u.reduce((p, x) => p * (1 + 0.5 * (x - 0.5)), 1);
 * qmcMean(product, { dimensions: 5, points: 1024, seed: 1 }).estimate; // 0.999995 (exact: 1), interval about ± 2e-5
 * ```
 */
export function qmcMean(f: (u: Float64Array) => number, options: QmcMeanOptions): QmcMeanResult {
  if (typeof f !== "function") throw new InputError("f", "expected a function of a point of the unit hypercube");
  if (typeof options !== "object" || options === null) throw new InputError("options", "expected { dimensions, points, seed }");
  const { dimensions, points } = options;
  const randomizations = checkRandomizations(options.randomizations);
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > SOBOL_MAX_DIMENSIONS) {
    throw new InputError("options.dimensions", `expected a whole number from 1 to ${SOBOL_MAX_DIMENSIONS.toLocaleString("en-US")}, found ${String(dimensions)}`);
  }
  if (!Number.isInteger(points) || points < 1 || points > 2 ** 32) {
    throw new InputError("options.points", `expected a whole number from 1 to 2^32, found ${String(points)}`);
  }
  if (points * randomizations > 1e9) {
    throw new InputError("options.points", `expected points x randomizations at most 1e9, found ${points * randomizations}`);
  }
  const sampler = sobolSampler(options.seed, dimensions, randomizations);
  const u = new Float64Array(dimensions);
  const means = new Float64Array(randomizations);
  for (let r = 0; r < randomizations; r++) {
    let sum = 0;
    for (let j = 0; j < points; j++) {
      sampler.fill(j * randomizations + r, u);
      const y = f(u);
      if (typeof y !== "number" || !Number.isFinite(y)) {
        throw new InputError("f", `expected a finite number, found ${String(y)} at [${Array.from(u).join(", ")}]`);
      }
      sum += y;
    }
    means[r] = sum / points;
  }
  return replicateInterval(means, points);
}

/** The t interval over independent replicate means, each of `perReplicate` evaluations. */
function replicateInterval(means: Float64Array, perReplicate: number): QmcMeanResult {
  const randomizations = means.length;
  let estimate = 0;
  for (let r = 0; r < randomizations; r++) estimate += means[r]!;
  estimate /= randomizations;
  let squares = 0;
  for (let r = 0; r < randomizations; r++) squares += (means[r]! - estimate) ** 2;
  const standardError = Math.sqrt(squares / (randomizations - 1) / randomizations);
  const halfWidth = studentTQuantile(0.975, randomizations - 1) * standardError;
  return {
    estimate,
    ci95Low: estimate - halfWidth,
    ci95High: estimate + halfWidth,
    standardError,
    randomizations,
    evaluations: perReplicate * randomizations,
  };
}

/**
 * The honest 95% interval for the mean of a Sobol' experiment's kept runs (or of paired
 * differences between two policies' kept runs): run i belongs to scrambling i mod R, the R
 * scramblings' means are independent, and the interval is the t interval over them, as in
 * {@link qmcMean}. `runExperiment` with `sampler: "sobol"` reports the usual t intervals,
 * which treat runs as independent: for smooth outcomes those are far wider than the error
 * (conservative); this one is not. Needs the runs kept (`keepRuns: true`).
 *
 * @param runs - per-run values in run order, from run 0; a multiple of R of them (at least 2R).
 * @param options - `randomizations`: R, the experiment's interleaved scramblings (default 16, as `runExperiment` uses).
 * @returns the estimate (the mean of the runs), its 95% interval and standard error.
 * @throws InputError for a length that is not a multiple of R, or values that are not finite.
 * @example
 * ```ts
 * const f = (u: Float64Array) => u[0]! * u[1]!;
 * const sampler = sobolSampler("demo", 2, 16);
 * const u = new Float64Array(2);
 * const runs = Array.from({ length: 1024 }, (_, i) => (sampler.fill(i, u), f(u)));
 * qmcInterval(runs).estimate; // 0.2498 (exact: 1/4), interval about ± 5e-4
 * ```
 */
export function qmcInterval(runs: ArrayLike<number>, options: { readonly randomizations?: number } = {}): QmcMeanResult {
  const randomizations = checkRandomizations(options.randomizations);
  const n = runs?.length;
  if (typeof n !== "number" || n < 2 * randomizations || n % randomizations !== 0) {
    throw new InputError("runs", `expected a multiple of ${randomizations} values (one per run, at least ${2 * randomizations}), found ${String(n)}`);
  }
  const perReplicate = n / randomizations;
  const means = new Float64Array(randomizations);
  for (let i = 0; i < n; i++) {
    const value = runs[i];
    if (typeof value !== "number" || !Number.isFinite(value)) throw new InputError(`runs[${i}]`, `expected a finite number, found ${String(value)}`);
    means[i % randomizations]! += value / perReplicate;
  }
  return replicateInterval(means, perReplicate);
}

/** The number of independent scramblings: given (checked), else the experiments' 16. */
function checkRandomizations(given: number | undefined): number {
  const randomizations = given ?? EXPERIMENT_SOBOL_RANDOMIZATIONS;
  if (!Number.isInteger(randomizations) || randomizations < 2 || randomizations > 10_000) {
    throw new InputError("options.randomizations", `expected a whole number from 2 to 10,000, found ${String(randomizations)}`);
  }
  return randomizations;
}
