// Robustness of a scenario's policies: an experiment on common draws, then `robustness` of
// one outcome's per-run losses.
import { runExperiment } from "../experiment/run-experiment.js";
import { InputError } from "../errors.js";
import { checkOutcomeName } from "./outcome-name.js";
import { parseScenario } from "../schema/parse.js";
import type { Scenario, ScenarioInput } from "../schema/scenario.js";
import { robustness, type RobustnessResult } from "./robustness.js";

/** Options of {@link robustnessAnalysis}. */
export interface RobustnessAnalysisOptions {
  /** The loss to compare policies on (an outcome's name; larger is worse). */
  readonly outcome: string;
  readonly runs: number;
  readonly seed: string | number;
  /** Satisficing threshold, in the outcome's unit. */
  readonly threshold?: number;
  /** Policies to compare; all by default. */
  readonly policies?: readonly string[];
  readonly sampler?: "monte-carlo" | "latin-hypercube" | "sobol";
  readonly signal?: AbortSignal;
}

/**
 * Run every policy of a scenario on the same draws and compare them on one outcome by
 * {@link robustness}: mean and 90th percentile, regret against the best policy of each run,
 * and satisficing.
 *
 * @param scenario - the scenario.
 * @param options - the outcome, runs, seed; optionally threshold, policies, sampler, signal.
 * @returns the robustness table, with the outcome and its unit.
 * @throws ScenarioError for an invalid scenario; InputError for an unknown outcome or bad options.
 * @example
 * ```ts
 * const table = await robustnessAnalysis(scenario, { outcome: "gdpLoss:JP", runs: 5000, seed: 1, threshold: 5e9 });
 * table.preferred.maxRegret; // the minimax-regret policy
 * ```
 */
export async function robustnessAnalysis(scenario: ScenarioInput | Scenario, options: RobustnessAnalysisOptions): Promise<RobustnessResult & { readonly outcome: string; readonly unit: string }> {
  if (typeof options !== "object" || options === null) throw new InputError("options", 'expected an object, e.g. { outcome: "gdpLoss:JP", runs: 2000, seed: 1 }');
  const parsed = parseScenario(scenario);
  checkOutcomeName(parsed, options.outcome);
  const result = await runExperiment(parsed, {
    runs: options.runs,
    seed: options.seed,
    keepRuns: true,
    ...(options.policies === undefined ? {} : { policies: options.policies }),
    ...(options.sampler === undefined ? {} : { sampler: options.sampler }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  const values = Object.fromEntries(result.policies.map((p) => [p.name, p.runs![options.outcome]!]));
  const unit = result.outcomes.find((o) => o.name === options.outcome)!.unit;
  return { ...robustness(values, options.threshold === undefined ? {} : { threshold: options.threshold }), outcome: options.outcome, unit };
}
