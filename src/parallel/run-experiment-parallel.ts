import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import { compileScenario } from "../compile/compile-scenario.js";
import type { CompiledModel } from "../compile/model.js";
import { abortError, InputError } from "../errors.js";
import { assembleResult } from "../experiment/assemble.js";
import { checkOptionsObject, resolvePlan, type ExperimentOptions, type ExperimentPlan, type ExperimentProgress } from "../experiment/plan.js";
import { chunkRuns, fromRangeMessage, type RangeData, type RangeMessage } from "../experiment/range-accumulator.js";
import type { ExperimentResult } from "../experiment/result.js";
import { resolvePrecisionPlan } from "../experiment/precision.js";
import { runExperiment as runOnThisThread, runPrecisely, simulateOnThisThread } from "../experiment/run-experiment.js";
import { parseScenario } from "../schema/parse.js";
import type { Scenario, ScenarioInput } from "../schema/scenario.js";
import type { RangeTask } from "./simulate-range.js";
import { workerFile } from "./worker-file.js";
import { isRangeFailure, rebuildError, type RangeFailure } from "./worker-errors.js";

/** Options of chokepoint/node's `runExperiment`: the library's, plus worker threads. */
export interface ParallelExperimentOptions extends ExperimentOptions {
  /**
   * Worker threads to spread the runs over, from 1 to 1024; default: the available cores
   * (`os.availableParallelism()`). More than the available cores are capped to them: extra
   * threads would only compete for the same cores, and the result is bit-identical whatever
   * the number. With 1 (or on a single core), runs on this thread.
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

/**
 * The worker threads an experiment uses: the number asked for (checked: a whole number
 * from 1 to 1024), else the available cores, and never more than the available cores.
 * Capping changes no number in the result, which is bit-identical whatever the count.
 *
 * @param workers - the `workers` option, or undefined for the default.
 * @param cores - the cores available (`os.availableParallelism()` by default; at least 1).
 * @returns how many threads to run on (1: this thread).
 * @throws InputError naming `options.workers` when it is not a whole number from 1 to 1024.
 * @example
 * ```ts
 * resolveWorkers(1000, 8); // 8
 * resolveWorkers(undefined, 8); // 8
 * resolveWorkers(2, 8); // 2
 * ```
 */
export function resolveWorkers(workers: number | undefined, cores: number = availableParallelism()): number {
  if (workers !== undefined && (typeof workers !== "number" || !Number.isInteger(workers) || workers < 1 || workers > 1024)) {
    throw new InputError("options.workers", `expected a whole number from 1 to 1024, found ${String(workers)}`);
  }
  const available = Math.max(1, Math.floor(cores));
  return Math.min(workers ?? available, available);
}

/** What one range gave: its value, or the error it failed with. */
export type RangeOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: Error };

/**
 * Run ranges `0 .. count - 1` on `lanes` lanes, each lane taking the next range in order as
 * it finishes one, and give their values in range order. When ranges fail, the error of
 * the lowest failing range is the one thrown, whichever failed first in time: ranges are
 * contiguous and in run order, and each reports its own lowest failing run, so this is the
 * lowest failing run of the whole experiment, as on one thread. Once a range has failed,
 * no later range is started, the earlier ones still running are waited for (one may fail
 * at a lower run), and the later ones still running are not.
 *
 * @param run - runs range `index`; a rejection (a worker that died) is thrown at once.
 */
export function runRangesInOrder<T>(count: number, lanes: number, run: (index: number) => Promise<RangeOutcome<T>>): Promise<T[]> {
  return new Promise<T[]>((resolve, reject) => {
    const values: T[] = [];
    const finished: boolean[] = [];
    let next = 0;
    let failed: { index: number; error: Error } | undefined;
    let settled = false;
    const settleWhenDone = () => {
      const needed = failed?.index ?? count;
      for (let index = 0; index < needed; index++) if (finished[index] !== true) return;
      settled = true;
      if (failed !== undefined) reject(failed.error);
      else resolve(values);
    };
    const lane = async () => {
      while (!settled && next < (failed?.index ?? count)) {
        const index = next++;
        let outcome: RangeOutcome<T>;
        try {
          outcome = await run(index);
        } catch (error) {
          settled = true;
          return reject(error);
        }
        if (outcome.ok) values[index] = outcome.value;
        else if (failed === undefined || index < failed.index) failed = { index, error: outcome.error };
        finished[index] = true;
        if (!settled) settleWhenDone();
      }
    };
    if (count === 0) settleWhenDone();
    for (let k = 0; k < Math.min(lanes, count); k++) void lane();
  });
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
  /** A pool to run on, kept open for the caller's next call (precision checkpoints); by default one made and closed here. */
  readonly pool?: WorkerPool | undefined;
}

/** Worker threads kept for several calls of {@link simulateRuns} on the same experiment (its model compiled once per worker). */
export interface WorkerPool {
  readonly piscina: Piscina;
  /** Identifies the experiment to the workers, which keep its compiled model between tasks. */
  readonly experiment: string;
}

/** A pool of `threads` worker threads for one experiment. */
export function openWorkerPool(threads: number): WorkerPool {
  return {
    piscina: new Piscina({ ...workerFile(), minThreads: threads, maxThreads: threads, idleTimeout: 1000 }),
    experiment: `${process.pid}:${++experiments}`,
  };
}

/**
 * Simulate runs `[runStart, runEnd)` of an experiment, on this thread or over a pool of
 * worker threads, and return what each contiguous range recorded. However the runs are
 * split, `assembleResult` puts the ranges together into the same numbers, and a failure
 * is the same error (class, message, run named) as on one thread.
 *
 * An error thrown by `onProgress` stops the experiment: every worker is stopped and the
 * promise rejects with that error.
 */
export async function simulateRuns(request: RunsRequest): Promise<RangeData[]> {
  const { scenario, model, plan, runStart, runEnd, workers, signal, onProgress, pool: shared } = request;
  if (signal?.aborted) throw abortError(signal.reason);
  const total = (runEnd - runStart) * plan.policies.length;
  const lastPolicy = model.policies.names[plan.policies[plan.policies.length - 1]!]!;
  if (workers === 1) return [await simulateOnThisThread(model, plan, runStart, runEnd, signal, onProgress)];
  const progress = new Int32Array(new SharedArrayBuffer(4));
  const formulas = model.outcomes.formulas.flatMap((formula) => (formula === undefined ? [] : [formula.program]));
  const parts = splitRuns(runStart, runEnd, chunkRuns(plan), workers);
  const threads = Math.min(workers, parts.length);
  const { piscina: pool, experiment } = shared ?? openWorkerPool(threads);
  // Rejected when the experiment must stop before its ranges are done: an abort, or an error of onProgress.
  let stop: (error: unknown) => void = () => {};
  const stopped = new Promise<never>((_, reject) => (stop = reject));
  stopped.catch(() => undefined);
  let reported = 0;
  const report = () => {
    const completed = Atomics.load(progress, 0);
    if (completed !== reported) {
      reported = completed;
      onProgress?.({ completed, total, policy: lastPolicy });
    }
  };
  // onProgress is called from a timer here: what it throws would otherwise be uncaught, and end the process
  const timer =
    onProgress === undefined
      ? undefined
      : setInterval(() => {
          try {
            report();
          } catch (error) {
            stop(error);
          }
        }, PROGRESS_EVERY_MS);
  // The abort is handled here rather than passed to piscina: piscina replaces a worker whose
  // task was aborted, and a replacement still booting when the pool is destroyed can leave
  // its message port open. Destroying the pool stops every worker and starts none.
  const onAbort = () => stop(abortError(signal?.reason));
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    // Each worker takes the next range in run order when it finishes one, so the small last
    // ranges come last (piscina's own queue may reorder tasks it could not place at once).
    const ranges = runRangesInOrder(parts.length, threads, async (index): Promise<RangeOutcome<RangeData>> => {
      const [start, end] = parts[index]!;
      const task: RangeTask = { experiment, scenario, formulas, plan, runStart: start, runEnd: end, progress };
      const reply = (await pool.run(task)) as RangeMessage | RangeFailure;
      return isRangeFailure(reply) ? { ok: false, error: rebuildError(reply.failure) } : { ok: true, value: fromRangeMessage(reply) };
    });
    const results = await Promise.race([ranges, stopped]);
    report();
    if (shared === undefined) await pool.destroy();
    return results;
  } catch (error) {
    if (signal?.aborted) {
      // Every worker is terminated now (destroy() calls terminate() on each at once); not
      // waiting for their exit events keeps the rejection within the promised 100 ms. A
      // shared pool is its owner's to destroy, which does it alike.
      if (shared === undefined) void pool.destroy().catch(() => undefined);
      throw abortError(signal.reason);
    }
    // a shared pool is the caller's to close (its workers may still run ranges of this call)
    if (shared === undefined) await pool.destroy();
    throw error;
  } finally {
    signal?.removeEventListener("abort", onAbort);
    if (timer !== undefined) clearInterval(timer);
  }
}

/**
 * Run a Monte Carlo experiment over worker threads: contiguous ranges of run indices go to
 * a pool of workers, and what they record is put together in run order, so the result is
 * bit-identical to a single-threaded run with the same seed and run count. Takes the same
 * options as the library's `runExperiment`, plus `workers` (capped at the available cores).
 *
 * @throws ScenarioError for an invalid scenario; NonFiniteOutcomeError (a ScenarioError)
 *   when a formula outcome is not finite in some run, naming the lowest such run whatever
 *   the number of workers; InputError for bad options (naming `options` when they are
 *   missing); what `onProgress` throws (every worker is stopped); an
 *   `AbortError` when `signal` aborts (every worker is stopped).
 * @example
 * ```ts
 * import { runExperiment } from "chokepoint/node";
 * const result = await runExperiment(scenario, { runs: 100_000, seed: 1, workers: 4 });
 * ```
 */
export async function runExperiment(scenario: ScenarioInput | Scenario, options: ParallelExperimentOptions): Promise<ExperimentResult> {
  checkOptionsObject(options);
  const workers = resolveWorkers(options.workers);
  if (workers === 1) return runOnThisThread(scenario, options);
  const parsed = parseScenario(scenario);
  const model = compileScenario(parsed);
  const precise = resolvePrecisionPlan(options, parsed, model);
  if (precise !== undefined) {
    // each checkpoint's new runs are spread over the workers as a fixed-run experiment's
    // are, on one pool kept for every checkpoint (a pool's start-up, and each worker's
    // compiling of the scenario, would otherwise be paid at every checkpoint)
    const pool = openWorkerPool(workers);
    try {
      return await runPrecisely(parsed, model, precise, options, (plan, runStart, runEnd, onProgress) =>
        simulateRuns({ scenario: parsed, model, plan, runStart, runEnd, workers, signal: options.signal, onProgress, pool }),
      );
    } finally {
      // after an abort, not waited for: its workers are terminated at once (as simulateRuns does)
      if (options.signal?.aborted) void pool.piscina.destroy().catch(() => undefined);
      else await pool.piscina.destroy();
    }
  }
  const plan = resolvePlan(options, parsed, model);
  const ranges = await simulateRuns({ scenario: parsed, model, plan, runStart: 0, runEnd: plan.runs, workers, signal: options.signal, onProgress: options.onProgress });
  return assembleResult(parsed, model, plan, ranges, options.signal);
}
