import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import { compileScenario } from "../compile/compile-scenario.js";
import type { CompiledModel } from "../compile/model.js";
import { abortError, InputError } from "../errors.js";
import { assembleResult } from "../experiment/assemble.js";
import { resolvePlan, type ExperimentOptions, type ExperimentPlan, type ExperimentProgress } from "../experiment/plan.js";
import { chunkRuns, fromRangeMessage, type RangeData, type RangeMessage } from "../experiment/range-accumulator.js";
import type { ExperimentResult } from "../experiment/result.js";
import { runExperiment as runOnThisThread, simulateOnThisThread } from "../experiment/run-experiment.js";
import { parseScenario } from "../schema/parse.js";
import type { Scenario, ScenarioInput } from "../schema/scenario.js";
import type { RangeTask } from "./simulate-range.js";
import { workerFile } from "./worker-file.js";

/** Options of chokepoint/node's `runExperiment`: the library's, plus worker threads. */
export interface ParallelExperimentOptions extends ExperimentOptions {
  /**
   * Worker threads to spread the runs over; default: the available cores. With 1, runs on
   * this thread. The result is bit-identical whatever the number.
   */
  readonly workers?: number;
}

/** How often progress across workers is reported (ms). */
const PROGRESS_EVERY_MS = 100;

/** The smallest range, in chunks: small enough to even out the end, large enough that a range's fixed cost is negligible. */
const MIN_RANGE_CHUNKS = 2;

let experiments = 0;

/**
 * Split `[runStart, runEnd)` into contiguous ranges of whole chunks (the last may be short)
 * by guided self-scheduling: each range is 1/(2 x workers) of the runs still unassigned, so
 * ranges shrink towards the end. Workers take them in order as they become free, and the
 * last ones are small, so no worker waits long for another to finish, even when cores run
 * at different speeds (hybrid cores, or a busy neighbour). About 2 x workers x ln(runs /
 * chunk) ranges; the result does not depend on the split.
 */
export function splitRuns(runStart: number, runEnd: number, chunk: number, workers: number): [number, number][] {
  const out: [number, number][] = [];
  for (let start = runStart; start < runEnd; ) {
    const share = Math.ceil((runEnd - start) / (2 * workers) / chunk);
    const end = Math.min(runEnd, start + Math.max(MIN_RANGE_CHUNKS, share) * chunk);
    out.push([start, end]);
    start = end;
  }
  return out;
}

/** Check a worker count; default: the available cores. */
export function resolveWorkers(workers: number | undefined): number {
  const count = workers ?? availableParallelism();
  if (!Number.isInteger(count) || count < 1 || count > 1024) {
    throw new InputError("options.workers", `expected a whole number from 1 to 1024, found ${String(count)}`);
  }
  return count;
}

/** What {@link simulateRuns} needs: the experiment, the runs, and how to run them. */
export interface RunsRequest {
  readonly scenario: Scenario;
  readonly model: CompiledModel;
  readonly plan: ExperimentPlan;
  readonly runStart: number;
  readonly runEnd: number;
  readonly workers: number;
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((progress: ExperimentProgress) => void) | undefined;
}

/**
 * Simulate runs `[runStart, runEnd)` of an experiment, on this thread or over a pool of
 * worker threads, and return what each contiguous range recorded. However the runs are
 * split, `assembleResult` puts the ranges together into the same numbers.
 */
export async function simulateRuns(request: RunsRequest): Promise<RangeData[]> {
  const { scenario, model, plan, runStart, runEnd, workers, signal, onProgress } = request;
  if (signal?.aborted) throw abortError(signal.reason);
  const total = (runEnd - runStart) * plan.policies.length;
  const lastPolicy = model.policies.names[plan.policies[plan.policies.length - 1]!]!;
  if (workers === 1) return [await simulateOnThisThread(model, plan, runStart, runEnd, signal, onProgress)];
  const progress = new Int32Array(new SharedArrayBuffer(4));
  const formulas = model.outcomes.formulas.flatMap((formula) => (formula === undefined ? [] : [formula.program]));
  const experiment = `${process.pid}:${++experiments}`;
  const parts = splitRuns(runStart, runEnd, chunkRuns(plan), workers);
  const threads = Math.min(workers, parts.length);
  const pool = new Piscina({ ...workerFile(), minThreads: threads, maxThreads: threads, idleTimeout: 1000 });
  let reported = 0;
  const report = () => {
    const completed = Atomics.load(progress, 0);
    if (completed !== reported) {
      reported = completed;
      onProgress?.({ completed, total, policy: lastPolicy });
    }
  };
  const timer = onProgress === undefined ? undefined : setInterval(report, PROGRESS_EVERY_MS);
  // The abort is handled here rather than passed to piscina: piscina replaces a worker whose
  // task was aborted, and a replacement still booting when the pool is destroyed can leave
  // its message port open. Destroying the pool stops every worker and starts none.
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(abortError(signal?.reason));
    signal?.addEventListener("abort", onAbort, { once: true });
  });
  try {
    // Each worker takes the next range in run order when it finishes one, so the small last
    // ranges come last (piscina's own queue may reorder tasks it could not place at once).
    const results: RangeData[] = [];
    let next = 0;
    const takeRanges = async () => {
      while (next < parts.length) {
        const index = next++;
        const [start, end] = parts[index]!;
        const task: RangeTask = { experiment, scenario, formulas, plan, runStart: start, runEnd: end, progress };
        results[index] = fromRangeMessage((await pool.run(task)) as RangeMessage);
      }
    };
    await Promise.race([Promise.all(Array.from({ length: threads }, takeRanges)), aborted]);
    report();
    await pool.destroy();
    return results;
  } catch (error) {
    if (signal?.aborted) {
      // Every worker is terminated now (destroy() calls terminate() on each at once); not
      // waiting for their exit events keeps the rejection within the promised 100 ms.
      void pool.destroy().catch(() => undefined);
      throw abortError(signal.reason);
    }
    await pool.destroy();
    throw error;
  } finally {
    if (onAbort !== undefined) signal?.removeEventListener("abort", onAbort);
    if (timer !== undefined) clearInterval(timer);
  }
}

/**
 * Run a Monte Carlo experiment over worker threads: contiguous ranges of run indices go to
 * a pool of workers, and what they record is put together in run order, so the result is
 * bit-identical to a single-threaded run with the same seed and run count. Takes the same
 * options as the library's `runExperiment`, plus `workers`.
 *
 * @throws ScenarioError for an invalid scenario; InputError for bad options; an
 *   `AbortError` when `signal` aborts (every worker is stopped).
 * @example
 * ```ts
 * import { runExperiment } from "chokepoint/node";
 * const result = await runExperiment(scenario, { runs: 100_000, seed: 1, workers: 4 });
 * ```
 */
export async function runExperiment(scenario: ScenarioInput | Scenario, options: ParallelExperimentOptions): Promise<ExperimentResult> {
  const workers = resolveWorkers(options.workers);
  if (workers === 1) return runOnThisThread(scenario, options);
  const parsed = parseScenario(scenario);
  const model = compileScenario(parsed);
  const plan = resolvePlan(options, parsed, model);
  const ranges = await simulateRuns({ scenario: parsed, model, plan, runStart: 0, runEnd: plan.runs, workers, signal: options.signal, onProgress: options.onProgress });
  return assembleResult(parsed, model, plan, ranges, options.signal);
}
