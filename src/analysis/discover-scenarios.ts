// Scenario discovery on a scenario: an experiment, cases of interest from one outcome under
// one policy, then PRIM over the sampled uncertainties.
import { InputError } from "../errors.js";
import { checkOutcomeName } from "./outcome-name.js";
import { runExperiment } from "../experiment/run-experiment.js";
import { parseScenario } from "../schema/parse.js";
import type { Scenario, ScenarioInput } from "../schema/scenario.js";
import { prim, type PrimOptions, type PrimResult } from "./prim.js";
import { compileScenario } from "../compile/compile-scenario.js";
import { resolvePlan } from "../experiment/plan.js";
import { planSampler } from "../experiment/range-accumulator.js";
import { scenarioFactors } from "./factors.js";

/** Options of {@link discoverScenarios}. */
export interface DiscoverScenariosOptions extends PrimOptions {
  readonly outcome: string;
  /** The policy whose runs are classified; the baseline policy by default. */
  readonly policy?: string;
  /** Classify runs by the paired difference `policy - versus` instead ("where does aligning cost most?"). */
  readonly versus?: string;
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
 * `outcome` under `policy` (or, with `versus`, the paired difference `policy - versus`) is
 * above (or below) a threshold, and finds boxes of the scenario's random inputs where those
 * runs concentrate ({@link prim}): its uncertainties, and each rule's draw
 * (`rule:<name>`, `rule:<name>/<country>` for a rule that answers whoever triggers it; the
 * rule fires when its draw is below its probability, so a box `rule:x <= 0.3` with the
 * rule's probability at 0.5 reads "runs in which rule x fired").
 *
 * @param scenario - the scenario.
 * @param options - outcome, above or below, runs, seed; optionally policy, versus and PRIM's options.
 * @returns PRIM's trajectory over the scenario's random inputs, with the outcome (and its unit), policies and threshold.
 * @throws ScenarioError for an invalid scenario; InputError for an unknown outcome or policy, or neither or both of above and below.
 * @example
 * ```ts
 * const found = await discoverScenarios(scenario, { outcome: "gdpLoss:JP", policy: "aligned", above: 5e9, runs: 5000, seed: 1 });
 * found.trajectory.at(-1)!.limits; // e.g. { galliumElasticity: { min: 0.1, max: 0.18 } }
 * ```
 */
export async function discoverScenarios(scenario: ScenarioInput | Scenario, options: DiscoverScenariosOptions): Promise<PrimResult & { readonly outcome: string; readonly unit: string; readonly policy: string; readonly versus?: string; readonly above?: number; readonly below?: number }> {
  if (typeof options !== "object" || options === null) throw new InputError("options", 'expected an object, e.g. { outcome: "gdpLoss:JP", above: 5e9, runs: 2000, seed: 1 }');
  const parsed = parseScenario(scenario);
  checkOutcomeName(parsed, options.outcome);
  if ((options.above === undefined) === (options.below === undefined)) throw new InputError("options", "expected `above` or `below` (one of them): the threshold that makes a run a case of interest");
  const threshold = options.above ?? options.below!;
  if (!Number.isFinite(threshold)) throw new InputError(options.above === undefined ? "options.below" : "options.above", `expected a finite number, found ${String(threshold)}`);
  const policy = options.policy ?? parsed.baselinePolicy ?? parsed.policies[0]!.name;
  if (options.versus !== undefined && options.versus === policy) throw new InputError("options.versus", `expected another policy than "${policy}": the difference of a policy with itself is 0 in every run`);
  const policies = options.versus === undefined ? [policy] : [policy, options.versus];
  const result = await runExperiment(parsed, { runs: options.runs, seed: options.seed, keepRuns: true, policies, ...(options.signal === undefined ? {} : { signal: options.signal }) });
  const values = result.policies[0]!.runs![options.outcome]!;
  const versus = options.versus === undefined ? undefined : result.policies[1]!.runs![options.outcome]!;
  const cases = values.map((v, run) => {
    const x = versus === undefined ? v : v - versus[run]!;
    return options.above === undefined ? x < threshold : x > threshold;
  });
  const inputs = { ...(result.parameters ?? {}), ...ruleDraws(parsed, result.runs, result.seed) };
  if (Object.keys(inputs).length === 0) throw new InputError("scenario.uncertainties", "the scenario has no uncertainties or rules to find boxes in");
  const { outcome: _o, policy: _p, versus: _v, above: _a, below: _b, runs: _r, seed: _s, signal: _g, ...primOptions } = options;
  return {
    ...prim(inputs, cases, primOptions),
    outcome: options.outcome,
    unit: result.outcomes.find((o) => o.name === options.outcome)!.unit,
    policy,
    ...(options.versus === undefined ? {} : { versus: options.versus }),
    ...(options.above === undefined ? { below: threshold } : { above: threshold }),
  };
}

/**
 * Each rule instance's draw in each run, replayed from the experiment's sampler: inputs of
 * PRIM beside the uncertainties (a rule fires when its draw is below its probability).
 */
function ruleDraws(scenario: Scenario, runs: number, seed: string): Record<string, number[]> {
  const model = compileScenario(scenario);
  const { factors, dimensions } = scenarioFactors(scenario, model);
  const sampler = planSampler(model, resolvePlan({ runs, seed }, scenario, model));
  const draws = new Float64Array(model.randomDimensions);
  const rules = factors.flatMap((factor, f) => (factor.kind === "rule" ? [{ name: factor.name, dimension: dimensions[f]!, values: new Array<number>(runs) }] : []));
  for (let run = 0; run < runs && rules.length > 0; run++) {
    sampler.fill(run, draws);
    for (const rule of rules) rule.values[run] = draws[rule.dimension]!;
  }
  return Object.fromEntries(rules.map((rule) => [rule.name, rule.values]));
}
