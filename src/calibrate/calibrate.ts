// calibrate: fit a scenario's free uncertainties to observed series by ABC-SMC, then check
// the fit by posterior predictive simulation. docs/calibration.md.
import { compileScenario } from "../compile/compile-scenario.js";
import { InputError } from "../errors.js";
import type { Distribution } from "../random/distribution.js";
import { normalQuantile } from "../random/normal-quantile.js";
import { runGenerator } from "../random/_internals/run-generator.js";
import { seedText } from "../random/_internals/seed-key.js";
import { parseScenario } from "../schema/parse.js";
import { scenarioSha256 } from "../schema/scenario-hash.js";
import type { Scenario, ScenarioInput } from "../schema/scenario.js";
import { quantileSorted } from "../stats/quantile.js";
import { CHOKEPOINT_VERSION } from "../version.js";
import { posteriorOf, type AbcPosterior } from "./abc.js";
import { runAbcSmc, type AbcSmcSettings, type BatchEvaluator } from "./abc-smc.js";
import { resolveObservations, type ResolvedObservations } from "./observations.js";
import { CalibrationSimulator, type SimulatorSpec } from "./simulator.js";

/** Options of {@link calibrate}: the sampler's settings, what to fit, and the predictive check. */
export interface CalibrateOptions extends AbcSmcSettings {
  /** Uncertainties to fit; the observation file's `free` by default. */
  readonly free?: readonly string[];
  /** Runs of each predictive check (prior and posterior). Default 500. */
  readonly predictiveRuns?: number;
}

/** A series' simulated band beside its observations. */
export interface PredictiveSeries {
  readonly name: string;
  readonly description: string;
  readonly unit: string;
  /** 5th, 50th and 95th percentiles of the simulated series, per period, under the prior and the posterior. */
  readonly prior: { readonly p05: number[]; readonly p50: number[]; readonly p95: number[] };
  readonly posterior: { readonly p05: number[]; readonly p50: number[]; readonly p95: number[] };
  /**
   * Each observed point, with its posterior predictive quantile and whether it is covered:
   * both against replicated observations (each run's simulated value plus a draw of the
   * point's own error), so that a point observed with error can be covered where the model
   * is certain (before a shock, say). `quantile` is the share of replicates below the value;
   * `covered`, whether it lies within their 5th to 95th percentiles (`coveredByPrior`: the prior's).
   */
  readonly points: readonly {
    readonly period: number;
    readonly value: number;
    readonly sd: number;
    readonly quantile: number;
    readonly covered: boolean;
    readonly coveredByPrior: boolean;
  }[];
  /** Share of the series' points covered (see `points`). */
  readonly coverage: number;
}

/** Predictive checks of a fit: per series, bands and coverage; and overall. */
export interface PredictiveCheck {
  readonly runs: number;
  readonly series: readonly PredictiveSeries[];
  /** Share of all observed points inside the 90% interval of their replicates under the posterior (0.9 or so when the fit is right). */
  readonly coverage: number;
  /** The same under the prior. */
  readonly priorCoverage: number;
}

/** What {@link calibrate} returns: the posterior, how it was found, and its predictive check. */
export interface CalibrationResult {
  readonly format: "chokepoint-calibration";
  readonly chokepointVersion: string;
  readonly scenario: { readonly name: string; readonly sha256: string };
  readonly observations: { readonly name: string; readonly points: number; readonly series: number };
  /** The policy simulated: what happened. */
  readonly policy: string;
  readonly posterior: AbcPosterior;
  readonly predictive: PredictiveCheck;
}

/** Everything a fit needs, built once. */
export interface CalibrationSetup {
  readonly scenario: Scenario;
  readonly resolved: ResolvedObservations;
  readonly spec: SimulatorSpec;
  readonly priors: readonly Distribution[];
  readonly simulator: CalibrationSimulator;
}

/** Validate the scenario and observations, and build the simulator spec. */
export function prepareCalibration(scenarioInput: ScenarioInput | Scenario, observations: unknown, options: CalibrateOptions): CalibrationSetup {
  if (typeof options !== "object" || options === null) throw new InputError("options", "expected an object, e.g. { seed: 1 }");
  const seed = seedText(options.seed);
  if (options.free !== undefined && (!Array.isArray(options.free) || options.free.some((name) => typeof name !== "string"))) {
    throw new InputError("options.free", "expected a list of uncertainty names");
  }
  const scenario = parseScenario(scenarioInput);
  const resolved = resolveObservations(observations, scenario, options.free);
  const flat = resolved.series.flatMap((series, s) => series.points.map((point) => ({ s, ...point, weight: series.weight })));
  const spec: SimulatorSpec = {
    scenario: resolved.scenario,
    policy: resolved.policy,
    free: resolved.free,
    seed,
    points: {
      series: Int32Array.from(flat, (p) => p.s),
      period: Int32Array.from(flat, (p) => p.period),
      value: Float64Array.from(flat, (p) => p.value),
      sd: Float64Array.from(flat, (p) => p.sd),
      weight: Float64Array.from(flat, (p) => p.weight),
    },
  };
  const simulator = new CalibrationSimulator(spec, compileScenario(resolved.scenario));
  const names = simulator.model.uncertainties.map((u) => u.name);
  const priors = resolved.free.map((name) => simulator.model.uncertainties[names.indexOf(name)]!.distribution);
  return { scenario, resolved, spec, priors, simulator };
}

/**
 * Fit a scenario's free uncertainties to observed series: approximate Bayesian computation
 * by sequential Monte Carlo (ABC-SMC with adaptive tolerances), each proposal simulated
 * under the policy that happened with the scenario's other uncertainties drawn from their
 * distributions, its distance to the observations the root mean square of errors
 * standardised by each point's uncertainty. The free uncertainties' distributions are the
 * priors. Then a predictive check: the observed series beside the bands simulated from
 * the prior and from the posterior, and the share of points those bands cover.
 *
 * Seeded and bit-identical for the same inputs; `calibrate` from `chokepoint/node` takes
 * `workers` and gives the same result on any number of them.
 *
 * @param scenario - the scenario (validated here).
 * @param observations - its observation file: an object, or JSON or YAML text.
 * @param options - seed; optionally free, particles, quantile, tolerance, minAcceptanceRate, maxGenerations, maxSimulations, predictiveRuns, signal, onProgress.
 * @returns the posterior (weighted draws, summaries, correlations, tolerance schedule, simulations) and the predictive check.
 * @throws ScenarioError for an invalid scenario; ObservationsError for invalid observations
 *   (or ones that do not fit the scenario); InputError for bad options; an `AbortError` when `signal` aborts.
 * @example
 * ```ts
 * const result = await calibrate(scenario, observations, { seed: 1, particles: 500 });
 * result.posterior.summary; // [{ name: "finalApproval", mean: 0.42, p05: 0.2, p95: 0.66, ... }, ...]
 * result.predictive.coverage; // 0.9
 * const calibrated = applyPosterior(scenario, result.posterior);
 * ```
 */
export async function calibrate(scenario: ScenarioInput | Scenario, observations: unknown, options: CalibrateOptions): Promise<CalibrationResult> {
  const setup = prepareCalibration(scenario, observations, options);
  const evaluate: BatchEvaluator = (batch) => setup.simulator.distances(batch.generation, batch.firstIndex, batch.count, batch.values);
  return finishCalibration(setup, options, await runAbcSmc(setup.priors, options, evaluate));
}

/** The posterior and its predictive check, from the sampler's output. */
export function finishCalibration(setup: CalibrationSetup, options: CalibrateOptions, output: Awaited<ReturnType<typeof runAbcSmc>>): CalibrationResult {
  const posterior = posteriorOf(setup.resolved.free, setup.priors, output, options.seed);
  const runs = options.predictiveRuns ?? 500;
  if (!Number.isInteger(runs) || runs < 10 || runs > 100_000) throw new InputError("options.predictiveRuns", `expected a whole number from 10 to 100,000, found ${String(runs)}`);
  const predictive = predictiveCheck(setup, posterior, runs);
  const points = setup.resolved.series.reduce((sum, s) => sum + s.points.length, 0);
  return {
    format: "chokepoint-calibration",
    chokepointVersion: CHOKEPOINT_VERSION,
    scenario: { name: setup.scenario.name, sha256: scenarioSha256(setup.scenario) },
    observations: { name: setup.resolved.observations.name, points, series: setup.resolved.series.length },
    policy: setup.resolved.policy,
    posterior,
    predictive,
  };
}

/**
 * Simulate `runs` draws from the prior and from the posterior (rows resampled by weight),
 * and summarise each observed series: per-period 90% bands and medians, each point's
 * predictive quantile, and the share of points inside the bands.
 */
export function predictiveCheck(setup: CalibrationSetup, posterior: AbcPosterior, runs: number): PredictiveCheck {
  const { simulator, resolved } = setup;
  const model = simulator.model;
  const T = model.T;
  const S = resolved.series.length;
  const seriesRows = resolved.series.map((series) => model.outcomes.seriesIndex[model.outcomes.info.findIndex((info) => info.name === series.name)]!);
  const collect = (values: ((r: number) => ArrayLike<number>) | undefined, key: string) => {
    // per series and period, every run's value
    const table = Array.from({ length: S }, () => Array.from({ length: T }, () => new Float64Array(runs)));
    const out = new Float64Array(simulator.pointCount);
    for (let r = 0; r < runs; r++) {
      simulator.simulatePoints(key, r, values?.(r), out);
      const all = simulator.lastSeries;
      for (let s = 0; s < S; s++) for (let t = 0; t < T; t++) table[s]![t]![r] = all[seriesRows[s]! * T + t]!;
    }
    for (const row of table) for (const column of row) column.sort();
    return table;
  };
  // posterior rows by systematic resampling: runs equally spaced points of the weights' CDF, offset by one seeded uniform
  const cumulative: number[] = [];
  posterior.weights.reduce((sum, w, i) => (cumulative[i] = sum + w), 0);
  const offset = runGenerator(`abc-resample/${seedText(posterior.seed)}`, 0)();
  const rows: number[] = [];
  let row = 0;
  for (let r = 0; r < runs; r++) {
    const u = ((r + offset) / runs) * cumulative[cumulative.length - 1]!;
    while (row < cumulative.length - 1 && cumulative[row]! < u) row++;
    rows.push(row);
  }
  const priorTable = collect(undefined, "predictive-prior");
  const posteriorTable = collect((r) => posterior.draws[rows[r]!]!, "predictive-posterior");
  const band = (table: Float64Array[][], s: number) => ({
    p05: table[s]!.map((column) => quantileSorted(column, 0.05)),
    p50: table[s]!.map((column) => quantileSorted(column, 0.5)),
    p95: table[s]!.map((column) => quantileSorted(column, 0.95)),
  });
  let covered = 0;
  let coveredByPrior = 0;
  let total = 0;
  const series = resolved.series.map((observed, s): PredictiveSeries => {
    const prior = band(priorTable, s);
    const post = band(posteriorTable, s);
    const info = model.outcomes.info.find((i) => i.name === observed.name)!;
    const points = observed.points.map((point, p) => {
      // replicated observations: the simulated value plus the observation's own error
      const replicate = (table: Float64Array[][], key: string) => {
        const noise = runGenerator(`abc-noise/${key}/${s}/${p}/${seedText(posterior.seed)}`, 0);
        return Float64Array.from(table[s]![point.period]!, (x) => x + point.sd * normalQuantile(noise())).sort();
      };
      const replicated = replicate(posteriorTable, "posterior");
      const replicatedPrior = replicate(priorTable, "prior");
      let below = 0;
      while (below < replicated.length && replicated[below]! < point.value) below++;
      const within = (sorted: Float64Array) => point.value >= quantileSorted(sorted, 0.05) && point.value <= quantileSorted(sorted, 0.95);
      const inside = within(replicated);
      const insidePrior = within(replicatedPrior);
      covered += inside ? 1 : 0;
      coveredByPrior += insidePrior ? 1 : 0;
      total++;
      return { period: point.period, value: point.value, sd: point.sd, quantile: below / replicated.length, covered: inside, coveredByPrior: insidePrior };
    });
    return {
      name: observed.name,
      description: observed.description,
      unit: info.unit,
      prior,
      posterior: post,
      points,
      coverage: points.filter((p) => p.covered).length / points.length,
    };
  });
  return { runs, series, coverage: covered / total, priorCoverage: coveredByPrior / total };
}
