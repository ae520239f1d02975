// A world prepared for timing the engine alone: compiled once, one run state, a set of
// draws sampled in advance (the same draws an experiment with this seed uses).
import { compileScenario } from "../src/compile/compile-scenario.js";
import type { CompiledModel } from "../src/compile/model.js";
import { simulateRun } from "../src/engine/simulate.js";
import { createRunState, type RunState } from "../src/engine/state.js";
import { sampleRun } from "../src/experiment/run-experiment.js";
import { parseScenario, type Scenario, type ScenarioInput } from "../src/index.js";
import { monteCarloSampler } from "../src/random/index.js";
import { timePerCall } from "./lib.js";

export interface PreparedWorld {
  readonly scenario: Scenario;
  readonly model: CompiledModel;
  readonly state: RunState;
  /** Draws of runs 0..n-1 (uncertainties, then rule uniforms). */
  readonly draws: Float64Array[];
  readonly outcomes: Float64Array;
  readonly series: Float64Array;
}

export function prepare(input: ScenarioInput | Scenario, options: { seed?: string; samples?: number } = {}): PreparedWorld {
  const scenario = parseScenario(input);
  const model = compileScenario(scenario);
  const sampler = monteCarloSampler(options.seed ?? "bench", model.randomDimensions);
  const draws = Array.from({ length: options.samples ?? 256 }, (_, run) => {
    const d = new Float64Array(model.randomDimensions);
    sampleRun(model, sampler, run, d);
    return d;
  });
  return {
    scenario,
    model,
    state: createRunState(model),
    draws,
    outcomes: new Float64Array(model.outcomes.count),
    series: new Float64Array(model.outcomes.seriesCount * model.T),
  };
}

export function policyIndex(world: PreparedWorld, name: string): number {
  const p = world.model.policies.names.indexOf(name);
  if (p < 0) throw new Error(`no policy ${name} in ${world.scenario.name}`);
  return p;
}

/** Microseconds per run of `simulateRun` for one policy, cycling through the prepared draws. */
export function engineMicros(world: PreparedWorld, policy: number, options: { warmupMs?: number; batchMs?: number; batches?: number } = {}): number {
  const { model, state, draws, outcomes, series } = world;
  const n = draws.length;
  const S = model.outcomes.seriesCount > 0 ? series : undefined;
  return timePerCall((i) => simulateRun(model, state, policy, draws[i % n]!, outcomes, S), options).us;
}

/** Microseconds to sample one run's draws (quantile functions included). */
export function samplingMicros(world: PreparedWorld, options: { warmupMs?: number; batchMs?: number; batches?: number } = {}): number {
  const { model } = world;
  const sampler = monteCarloSampler("sampling", model.randomDimensions);
  const d = new Float64Array(model.randomDimensions);
  return timePerCall((i) => sampleRun(model, sampler, i, d), options).us;
}
