import { compileModel } from "../compile/compile.js";
import type { CompiledModel } from "../compile/model.js";
import type { ExperimentPlan } from "../experiment/plan.js";
import type { FormulaProgram } from "../formula/program.js";
import { RangeAccumulator, sortRangeValues, toRangeMessage, type RangeMessage } from "../experiment/range-accumulator.js";
import type { Scenario } from "../schema/scenario.js";
import { serializeError, type RangeFailure } from "./worker-errors.js";

/** One worker task: a range of runs of an experiment. */
export interface RangeTask {
  /** Identifies the experiment, so a worker compiles its scenario once for all its tasks. */
  readonly experiment: string;
  readonly scenario: Scenario;
  /** The scenario's formula programs in outcome order, compiled by the caller: workers never load mathjs. */
  readonly formulas: readonly FormulaProgram[];
  readonly plan: ExperimentPlan;
  readonly runStart: number;
  readonly runEnd: number;
  /** Shared counter of simulations done, for progress across workers. */
  readonly progress: Int32Array;
}

let cached: { experiment: string; model: CompiledModel } | undefined;

/**
 * Simulate runs `[runStart, runEnd)` of an experiment. The scenario is already validated
 * by the caller; it is compiled once per experiment and worker. What fails is returned as
 * data, not thrown, so that the main thread can rebuild the error's class and fields
 * (`rebuildError`); a failure names the lowest failing run of the range.
 */
export function simulateRange(task: RangeTask): RangeMessage | RangeFailure {
  try {
    return simulate(task);
  } catch (error) {
    return { failure: serializeError(error) };
  }
}

function simulate(task: RangeTask): RangeMessage {
  if (cached?.experiment !== task.experiment) {
    let next = 0;
    const model = compileModel(task.scenario, (expression) => {
      const program = task.formulas[next++];
      if (program === undefined) throw new Error(`internal error: no compiled program for the formula "${expression}"`);
      return program;
    });
    cached = { experiment: task.experiment, model };
  }
  const accumulator = new RangeAccumulator(cached.model, task.plan, task.runStart, task.runEnd);
  while (!accumulator.done) Atomics.add(task.progress, 0, accumulator.simulateChunk());
  const data = accumulator.result();
  // exact summaries: sorted here, in parallel with the other workers, so that the main thread only merges
  sortRangeValues(data);
  // Returned by copy, not transferred (the design once suggested transferable arrays): transferring
  // detaches the worker's ArrayBuffers, which invalidates V8's ArrayBufferDetaching protector
  // for the thread; detaching one buffer made the engine about 28% slower on the main thread
  // (bench/README.md), and would do the same to every later range here. Copying takes milliseconds.
  return toRangeMessage(data);
}
