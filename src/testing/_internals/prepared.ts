import { compileScenario } from "../../compile/compile-scenario.js";
import type { CompiledModel } from "../../compile/model.js";
import { simulateRun } from "../../engine/simulate.js";
import { createRunState, type RunState } from "../../engine/state.js";
import { InputError } from "../../errors.js";
import { sampleRun } from "../../experiment/run-experiment.js";
import { experimentSampler } from "../../experiment/sampler-kind.js";
import { closestName } from "../../schema/suggest.js";
import { parseScenario } from "../../schema/parse.js";
import type { Scenario, ScenarioInput } from "../../schema/scenario.js";

/** A validated, compiled scenario and a run state to simulate it in. */
export interface Prepared {
  readonly scenario: Scenario;
  readonly model: CompiledModel;
  readonly state: RunState;
}

/** How many prepared scenarios are kept (a property usually compares two or three variants). */
const CACHE_SIZE = 8;
let cache: Map<string, Prepared> | undefined;

/** Validate and compile a scenario, without the cache. */
export function prepareFresh(scenario: ScenarioInput | Scenario): Prepared {
  const parsed = parseScenario(scenario);
  const model = compileScenario(parsed);
  return { scenario: parsed, model, state: createRunState(model) };
}

/**
 * Validate and compile a scenario once: the result is kept, keyed by the scenario's JSON
 * text (so a scenario changed in place is never served stale), for the last few
 * scenarios used. Validation is most of the cost of replaying one draw.
 */
export function prepare(scenario: ScenarioInput | Scenario): Prepared {
  const key = JSON.stringify(scenario);
  cache ??= new Map();
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit); // most recently used last
    return hit;
  }
  const prepared = prepareFresh(scenario);
  cache.set(key, prepared);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return prepared;
}

/** Which draw, under which policy. */
export interface DrawSelection {
  readonly seed: string | number;
  readonly run?: number | undefined;
  readonly policy?: string | undefined;
  readonly sampler?: "monte-carlo" | "latin-hypercube" | "sobol" | undefined;
  readonly runs?: number | undefined;
}

/** The raw result of one draw: outcome values and series by index, the draws, the final run state. */
export interface RawDraw {
  readonly policy: string;
  readonly run: number;
  readonly outcomes: Float64Array;
  readonly series: Float64Array;
  readonly draws: Float64Array;
}

/** Simulate one draw of a prepared scenario (the run state is left as the run ended). */
export function simulatePrepared(prepared: Prepared, selection: DrawSelection): RawDraw {
  const { model, state } = prepared;
  const names = model.policies.names;
  const policyName = selection.policy ?? names[model.policies.baseline]!;
  const policy = names.indexOf(policyName);
  if (policy < 0) {
    const suggestion = closestName(policyName, names);
    throw new InputError("options.policy", `unknown policy "${policyName}"${suggestion ? `; did you mean "${suggestion}"?` : ""}`);
  }
  const run = selection.run ?? 0;
  if (!Number.isInteger(run) || run < 0) throw new InputError("options.run", `expected a run index (a whole number >= 0), found ${run}`);
  const sampler = experimentSampler(selection.sampler, selection.seed, model.randomDimensions, selection.runs ?? run + 1);
  const draws = new Float64Array(model.randomDimensions);
  sampleRun(model, sampler, run, draws);
  const outcomes = new Float64Array(model.outcomes.count);
  const series = new Float64Array(model.outcomes.seriesCount * model.T);
  simulateRun(model, state, policy, draws, outcomes, series);
  return { policy: policyName, run, outcomes, series, draws };
}
