// Scenario discovery on a scenario: an experiment, cases of interest from one outcome under
// one policy, then PRIM over the sampled uncertainties.
import { InputError } from "../errors.js";
import { checkOutcomeName } from "./outcome-name.js";
import { runExperiment } from "../experiment/run-experiment.js";
import { parseScenario } from "../schema/parse.js";
import type { Scenario, ScenarioInput } from "../schema/scenario.js";
import { prim, type PrimOptions, type PrimResult } from "./prim.js";

/** Options of {@link discoverScenarios}. */
export interface DiscoverScenariosOptions extends PrimOptions {
  readonly outcome: string;
  /** The policy whose runs are classified; the baseline policy by default. */
  readonly policy?: string;
  /** A run is a case of interest when the outcome is above this (give `above` or `below`). */
  readonly above?: number;
  /** ... or below this. */
  readonly below?: number;
  readonly runs: number;
  readonly seed: string | number;
  readonly signal?: AbortSignal;
}

/**
 * Under which conditions does a policy fail? Runs the scenario, marks the runs in which
 * `outcome` under `policy` is above (or below) a threshold, and finds boxes of the
 * uncertainties where those runs concentrate ({@link prim}).
 *
 * @param scenario - the scenario.
 * @param options - outcome, above or below, runs, seed; optionally policy and PRIM's options.
 * @returns PRIM's trajectory over the scenario's uncertainties, with the outcome (and its unit), policy and threshold.
 * @throws ScenarioError for an invalid scenario; InputError for an unknown outcome or policy, or neither or both of above and below.
 * @example
 * ```ts
 * const found = await discoverScenarios(scenario, { outcome: "gdpLoss:JP", policy: "aligned", above: 5e9, runs: 5000, seed: 1 });
 * found.trajectory.at(-1)!.limits; // e.g. { galliumElasticity: { min: 0.1, max: 0.18 } }
 * ```
 */
export async function discoverScenarios(scenario: ScenarioInput | Scenario, options: DiscoverScenariosOptions): Promise<PrimResult & { readonly outcome: string; readonly unit: string; readonly policy: string; readonly above?: number; readonly below?: number }> {
  if (typeof options !== "object" || options === null) throw new InputError("options", 'expected an object, e.g. { outcome: "gdpLoss:JP", above: 5e9, runs: 2000, seed: 1 }');
  const parsed = parseScenario(scenario);
  checkOutcomeName(parsed, options.outcome);
  if ((options.above === undefined) === (options.below === undefined)) throw new InputError("options", "expected `above` or `below` (one of them): the threshold that makes a run a case of interest");
  const threshold = options.above ?? options.below!;
  if (!Number.isFinite(threshold)) throw new InputError(options.above === undefined ? "options.below" : "options.above", `expected a finite number, found ${String(threshold)}`);
  const policy = options.policy ?? parsed.baselinePolicy ?? parsed.policies[0]!.name;
  const result = await runExperiment(parsed, { runs: options.runs, seed: options.seed, keepRuns: true, policies: [policy], ...(options.signal === undefined ? {} : { signal: options.signal }) });
  const values = result.policies[0]!.runs![options.outcome]!;
  const cases = values.map((v) => (options.above === undefined ? v < threshold : v > threshold));
  const inputs = result.parameters ?? {};
  if (Object.keys(inputs).length === 0) throw new InputError("scenario.uncertainties", "the scenario has no uncertainties to find boxes in");
  const { outcome: _o, policy: _p, above: _a, below: _b, runs: _r, seed: _s, signal: _g, ...primOptions } = options;
  return {
    ...prim(inputs, cases, primOptions),
    outcome: options.outcome,
    unit: result.outcomes.find((o) => o.name === options.outcome)!.unit,
    policy,
    ...(options.above === undefined ? { below: threshold } : { above: threshold }),
  };
}
