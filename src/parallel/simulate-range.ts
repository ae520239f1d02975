import { compileScenario } from "../compile/compile.js";
import type { CompiledModel } from "../compile/model.js";
import type { ExperimentPlan } from "../experiment/plan.js";
import { RangeAccumulator, toRangeMessage, type RangeMessage } from "../experiment/range-accumulator.js";
import type { Scenario } from "../schema/scenario.js";

/** One worker task: a range of runs of an experiment. */
export interface RangeTask {
  /** Identifies the experiment, so a worker compiles its scenario once for all its tasks. */
  readonly experiment: string;
  readonly scenario: Scenario;
  readonly plan: ExperimentPlan;
  readonly runStart: number;
  readonly runEnd: number;
  /** Shared counter of simulations done, for progress across workers. */
  readonly progress: Int32Array;
}

let cached: { experiment: string; model: CompiledModel } | undefined;

/**
 * Simulate runs `[runStart, runEnd)` of an experiment. The scenario is already validated
 * by the caller; it is compiled once per experiment and worker.
 */
export function simulateRange(task: RangeTask): RangeMessage {
  if (cached?.experiment !== task.experiment) cached = { experiment: task.experiment, model: compileScenario(task.scenario) };
  const accumulator = new RangeAccumulator(cached.model, task.plan, task.runStart, task.runEnd);
  while (!accumulator.done) Atomics.add(task.progress, 0, accumulator.simulateChunk());
  return toRangeMessage(accumulator.data);
}
