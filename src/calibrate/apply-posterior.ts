// applyPosterior: a scenario whose fitted uncertainties are drawn from a posterior, jointly,
// so that every later experiment, comparison and report uses the calibrated model.
import { InputError } from "../errors.js";
import { parseScenario } from "../schema/parse.js";
import type { Scenario, ScenarioInput } from "../schema/scenario.js";
import type { Source } from "../schema/scenario-types.js";
import { CHOKEPOINT_VERSION } from "../version.js";
import type { AbcPosterior } from "./abc.js";
import type { CalibrationResult } from "./calibrate.js";

/** Options of {@link applyPosterior}. */
export interface ApplyPosteriorOptions {
  /** Which of the posterior's parameters to apply (default: all); the others keep their own distributions. */
  readonly parameters?: readonly string[];
  /** The source recorded with the draws; by default, one naming the fit. */
  readonly source?: Source;
}

/**
 * A copy of `scenario` in which the posterior's parameters are drawn jointly from its
 * weighted draws (the scenario's `posterior` field): each run picks one draw by weight,
 * and every fitted uncertainty takes its value from it, so the correlations of the fit are
 * kept. The uncertainties' own distributions stay, as the priors. Apply a posterior to
 * the scenario it was fitted on, or, to predict another episode out of sample, to another
 * scenario with uncertainties of the same names and meaning (docs/calibration.md).
 *
 * @param scenario - the scenario to calibrate.
 * @param fit - a {@link CalibrationResult}, or its `posterior` (an {@link AbcPosterior}).
 * @param options - `parameters` to apply a subset, `source` to record.
 * @returns the calibrated scenario, validated.
 * @throws InputError when a parameter is not an uncertainty of the scenario, or the
 *   scenario already draws other parameters from an earlier posterior; ScenarioError
 *   when a draw lies outside what the scenario's uncertainty can take.
 * @example
 * ```ts
 * const fit = await calibrate(scenario, observations, { seed: 1 });
 * const calibrated = applyPosterior(scenario, fit);
 * const result = await runExperiment(calibrated, { runs: 10_000, seed: 1 });
 * ```
 */
export function applyPosterior(scenario: ScenarioInput | Scenario, fit: CalibrationResult | AbcPosterior, options: ApplyPosteriorOptions = {}): Scenario {
  const parsed = parseScenario(scenario);
  const posterior = "posterior" in fit ? fit.posterior : fit;
  if (!Array.isArray(posterior?.parameters) || !Array.isArray(posterior.draws) || !Array.isArray(posterior.weights)) {
    throw new InputError("fit", "expected a calibration result or its posterior ({ parameters, draws, weights })");
  }
  const chosen = options.parameters ?? posterior.parameters;
  const columns = chosen.map((name, k) => {
    const column = posterior.parameters.indexOf(name);
    if (column < 0) throw new InputError(`options.parameters[${k}]`, `"${name}" is not a parameter of the posterior (${posterior.parameters.join(", ")})`);
    return column;
  });
  const names = parsed.uncertainties.map((u) => u.name);
  chosen.forEach((name, k) => {
    if (!names.includes(name)) {
      throw new InputError(options.parameters === undefined ? `fit.parameters[${columns[k]}]` : `options.parameters[${k}]`, `the scenario "${parsed.name}" has no uncertainty "${name}" to draw from the posterior; apply only the parameters the two share (option \`parameters\`)`);
    }
  });
  const earlier = parsed.posterior?.parameters.filter((name) => !chosen.includes(name)) ?? [];
  if (earlier.length > 0) {
    throw new InputError(
      "scenario.posterior",
      `the scenario already draws ${earlier.join(", ")} from an earlier posterior, which this one would replace; fit ${earlier.length === 1 ? "it" : "them"} together with ${chosen.join(", ")}, or remove the scenario's \`posterior\` first`,
    );
  }
  const fitted = "posterior" in fit ? ` to the observations "${fit.observations.name}" (${fit.observations.points} points) under the policy "${fit.policy}" of the scenario "${fit.scenario.name}"` : "";
  const source: Source = options.source ?? {
    publication: `chokepoint ${CHOKEPOINT_VERSION}, calibrate (ABC-SMC)`,
    note: `Posterior draws of ${chosen.join(", ")}, fitted${fitted}: ${posterior.draws.length} weighted draws (effective sample size ${Math.round(posterior.effectiveSampleSize)}), seed ${String(posterior.seed)}, ${posterior.simulations} simulations, stopped by ${posterior.stopReason}.`,
  };
  const { posterior: _previous, ...rest } = parsed;
  return parseScenario({
    ...rest,
    posterior: {
      parameters: [...chosen],
      draws: posterior.draws.map((row) => columns.map((c) => row[c]!)),
      weights: [...posterior.weights],
      source,
    },
  });
}
