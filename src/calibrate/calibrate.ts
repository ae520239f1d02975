// calibrate: fit a scenario's free uncertainties to observed series by ABC-SMC, then check
// the fit by posterior predictive simulation. docs/calibration.md.
import { compileScenario } from "../compile/compile-scenario.js";
import { InputError } from "../errors.js";
import type { Distribution } from "../random/distribution.js";
import { seedString } from "../random/stream.js";
import { parseScenario } from "../schema/parse.js";
import { scenarioSha256 } from "../schema/scenario-hash.js";
import type { Scenario, ScenarioInput } from "../schema/scenario.js";
import { Pacer } from "../experiment/pacer.js";
import { CHOKEPOINT_VERSION } from "../version.js";
import { posteriorOf, type AbcPosterior } from "./abc.js";
import { resolveAbcSettings, runAbcSmc, type AbcSmcSettings, type BatchEvaluator } from "./abc-smc.js";
import { createDistribution } from "../random/distribution.js";
import { resolveObservations, type ResolvedObservations } from "./observations.js";
import { predictiveCheck, resampleRows, type PredictiveCheck } from "./predictive.js";
import { CalibrationSimulator, simulatorSpec, type SimulatorSpec } from "./simulator.js";

export type { PredictiveCheck, PredictiveSeries } from "./predictive.js";

/** Options of {@link calibrate}: the sampler's settings, what to fit, and the predictive check. */
export interface CalibrateOptions extends AbcSmcSettings {
  /** Uncertainties to fit; the observation file's `free` by default. */
  readonly free?: readonly string[];
  /** Runs of each predictive check (prior and posterior). Default 500. */
  readonly predictiveRuns?: number;
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

/** The scenario without the given uncertainties in its `posterior` field (the field left out when none remains). */
export function withoutPosteriorOf(scenario: Scenario, names: readonly string[]): Scenario {
  const posterior = scenario.posterior;
  if (posterior === undefined || !posterior.parameters.some((name) => names.includes(name))) return scenario;
  const kept = posterior.parameters.flatMap((name, k) => (names.includes(name) ? [] : [k]));
  const { posterior: _dropped, ...rest } = scenario;
  if (kept.length === 0) return rest;
  return { ...rest, posterior: { ...posterior, parameters: kept.map((k) => posterior.parameters[k]!), draws: posterior.draws.map((row) => kept.map((k) => row[k]!)) } };
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
  const seed = seedString(options.seed);
  if (options.free !== undefined && (!Array.isArray(options.free) || options.free.some((name) => typeof name !== "string"))) {
    throw new InputError("options.free", "expected a list of uncertainty names");
  }
  const predictiveRuns = options.predictiveRuns ?? 500;
  if (!Number.isInteger(predictiveRuns) || predictiveRuns < 10 || predictiveRuns > 100_000) {
    throw new InputError("options.predictiveRuns", `expected a whole number from 10 to 100,000, found ${String(predictiveRuns)}`);
  }
  resolveAbcSettings(options);
  const scenario = parseScenario(scenarioInput);
  const read = resolveObservations(observations, scenario, options.free);
  // A scenario calibrated before: the parameters fitted now are drawn from their priors, not
  // from the earlier posterior (which would count the same data twice); the others keep it.
  const resolved = { ...read, scenario: withoutPosteriorOf(read.scenario, read.free) };
  const spec = simulatorSpec(resolved, resolved.scenario, resolved.free, seed);
  const simulator = new CalibrationSimulator(spec, compileScenario(resolved.scenario));
  const priors = resolved.free.map((name) => createDistribution(scenario.uncertainties.find((u) => u.name === name)!.distribution));
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
  return finishCalibration(setup, options, await runAbcSmc(setup.priors, options, pacedEvaluator(setup.simulator, options.signal)));
}

/** Proposals simulated between two looks at the clock. */
const SLICE = 16;

/**
 * Simulates batches on this thread in slices, letting the event loop run every 25 ms or
 * so, so that a signal (Ctrl-C, a timeout) stops the fit within about that.
 */
export function pacedEvaluator(simulator: CalibrationSimulator, signal: AbortSignal | undefined): BatchEvaluator {
  const pacer = new Pacer(signal);
  const D = simulator.spec.free.length;
  return async (batch) => {
    const out = new Float64Array(batch.count);
    for (let start = 0; start < batch.count; start += SLICE) {
      const count = Math.min(SLICE, batch.count - start);
      out.set(simulator.distances(batch.generation, batch.firstIndex + start, count, batch.values.subarray(start * D, (start + count) * D)), start);
      if (pacer.due()) await pacer.pause();
    }
    return out;
  };
}

/** The posterior and its predictive check, from the sampler's output. */
export function finishCalibration(setup: CalibrationSetup, options: CalibrateOptions, output: Awaited<ReturnType<typeof runAbcSmc>>): CalibrationResult {
  const posterior = posteriorOf(setup.resolved.free, setup.priors, output, options.seed);
  const runs = options.predictiveRuns ?? 500;
  const rows = resampleRows(posterior.weights, runs, posterior.seed);
  const predictive = predictiveCheck(setup.resolved, runs, posterior.seed, { simulator: setup.simulator }, { simulator: setup.simulator, values: (r) => posterior.draws[rows[r]!]! });
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

