// predict: how well a scenario, as it is, covers observed series it was not fitted to: the
// out-of-sample check of a calibration (docs/calibration.md, "Out of sample").
import { compileScenario } from "../compile/compile-scenario.js";
import { InputError } from "../errors.js";
import { seedString } from "../random/stream.js";
import { parseScenario } from "../schema/parse.js";
import { scenarioSha256 } from "../schema/scenario-hash.js";
import type { Scenario, ScenarioInput } from "../schema/scenario.js";
import { CHOKEPOINT_VERSION } from "../version.js";
import { resolveObservations } from "./observations.js";
import { predictiveCheck, type PredictiveCheck } from "./predictive.js";
import { CalibrationSimulator, simulatorSpec } from "./simulator.js";

/** Options of {@link predict}. */
export interface PredictOptions {
  readonly seed: string | number;
  /** Runs of each predictive simulation. Default 1,000. */
  readonly runs?: number;
}

/** What {@link predict} returns: the observations beside the scenario's predictive bands, and their coverage. */
export interface PredictionResult {
  readonly format: "chokepoint-prediction";
  readonly chokepointVersion: string;
  readonly scenario: { readonly name: string; readonly sha256: string };
  readonly observations: { readonly name: string; readonly points: number; readonly series: number };
  readonly policy: string;
  /** Whether the scenario draws some uncertainties from a posterior (its `posterior` field). */
  readonly calibrated: boolean;
  /**
   * `posterior`: the scenario as given; `prior`: the same scenario without its `posterior`
   * field (every uncertainty from its own distribution). Without a posterior, the two are the same.
   */
  readonly predictive: PredictiveCheck;
}

/**
 * Simulate a scenario under the policy its observations name and set the simulated series
 * beside the observations: per-period 90% bands, each point's predictive quantile, and the
 * share of points covered (against replicated observations: simulated value plus the
 * point's own error). For an out-of-sample test, give a scenario calibrated on another
 * episode (`applyPosterior` with the parameters the episodes share) and this episode's
 * observations: the result shows the prediction with the transferred posterior and with the
 * priors alone. Nothing is fitted.
 *
 * @param scenario - the scenario, calibrated or not.
 * @param observations - an observation file of this scenario (object, or JSON or YAML text).
 * @param options - seed; runs (default 1,000).
 * @returns bands, coverage, and each point's predictive quantile.
 * @throws ScenarioError for an invalid scenario; ObservationsError for invalid observations; InputError for bad options.
 * @example
 * ```ts
 * const fit = await calibrate(antimony, antimonyObservations, { seed: 1 });
 * const transferred = applyPosterior(rareEarths, fit, { parameters: ["finalApproval"] });
 * predict(transferred, rareEarthObservations, { seed: 1 }).predictive.coverage; // share of points covered
 * ```
 */
export function predict(scenario: ScenarioInput | Scenario, observations: unknown, options: PredictOptions): PredictionResult {
  if (typeof options !== "object" || options === null) throw new InputError("options", "expected an object, e.g. { seed: 1 }");
  const seed = seedString(options.seed);
  const runs = options.runs ?? 1000;
  if (!Number.isInteger(runs) || runs < 10 || runs > 100_000) throw new InputError("options.runs", `expected a whole number from 10 to 100,000, found ${String(runs)}`);
  const parsed = parseScenario(scenario);
  const resolved = resolveObservations(observations, parsed, [], false);
  const { posterior: _posterior, ...withoutPosterior } = resolved.scenario;
  const spec = (recording: Scenario) => simulatorSpec(resolved, recording, [], seed);
  const asGiven = { simulator: new CalibrationSimulator(spec(resolved.scenario), compileScenario(resolved.scenario)) };
  // without a posterior, the two are the same simulations: run once
  const priors = parsed.posterior === undefined ? asGiven : { simulator: new CalibrationSimulator(spec(withoutPosterior), compileScenario(withoutPosterior)) };
  return {
    format: "chokepoint-prediction",
    chokepointVersion: CHOKEPOINT_VERSION,
    scenario: { name: parsed.name, sha256: scenarioSha256(parsed) },
    observations: { name: resolved.observations.name, points: resolved.series.reduce((sum, series) => sum + series.points.length, 0), series: resolved.series.length },
    policy: resolved.policy,
    calibrated: parsed.posterior !== undefined,
    predictive: predictiveCheck(resolved, runs, seed, priors, asGiven),
  };
}
