import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import { compileScenario } from "../compile/compile.js";
import { abortError, InputError } from "../errors.js";
import { assembleResult } from "../experiment/assemble.js";
import { resolvePlan, type ExperimentOptions } from "../experiment/plan.js";
import { chunkRuns, type RangeData } from "../experiment/range-accumulator.js";
import type { ExperimentResult } from "../experiment/result.js";
import { runExperiment as runOnThisThread } from "../experiment/run-experiment.js";
import { parseScenario } from "../schema/parse.js";
import type { Scenario, ScenarioInput } from "../schema/scenario.js";
import type { RangeTask } from "./simulate-range.js";

/** Options of chokepoint/node's `runExperiment`: the library's, plus worker threads. */
export interface ParallelExperimentOptions extends ExperimentOptions {
  /**
   * Worker threads to spread the runs over; default: the available cores. With 1, runs on
   * this thread. The result is bit-identical whatever the number.
   */
  readonly workers?: number;
}

/** Ranges per worker: enough that a slow range does not leave the others idle. */
const RANGES_PER_WORKER = 4;

/** How often progress across workers is reported (ms). */
const PROGRESS_EVERY_MS = 100;

let experiments = 0;

/** The worker module next to this one: built JavaScript in dist/, TypeScript under tsx or vitest. */
function workerFile(): { filename: string; execArgv: string[] } {
  const typescript = import.meta.url.endsWith(".ts");
  const file = new URL(`${typescript ? "../" : "./"}experiment-worker.${typescript ? "ts" : "js"}`, import.meta.url);
  return { filename: file.href, execArgv: typescript ? ["--import", "tsx"] : [] };
}

/** Split `[0, runs)` into contiguous ranges, each a whole number of chunks. */
function ranges(runs: number, chunk: number, count: number): [number, number][] {
  const chunks = Math.ceil(runs / chunk);
  const perRange = Math.max(1, Math.ceil(chunks / count));
  const out: [number, number][] = [];
  for (let start = 0; start < runs; start += perRange * chunk) out.push([start, Math.min(runs, start + perRange * chunk)]);
  return out;
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
  const workers = options.workers ?? availableParallelism();
  if (!Number.isInteger(workers) || workers < 1 || workers > 1024) {
    throw new InputError("options.workers", `expected a whole number from 1 to 1024, found ${String(workers)}`);
  }
  if (workers === 1) return runOnThisThread(scenario, options);
  const parsed = parseScenario(scenario);
  const model = compileScenario(parsed);
  const plan = resolvePlan(options, parsed, model);
  const { signal, onProgress } = options;
  if (signal?.aborted) throw abortError(signal.reason);

  const total = plan.runs * plan.policies.length;
  const lastPolicy = model.policies.names[plan.policies[plan.policies.length - 1]!]!;
  const progress = new Int32Array(new SharedArrayBuffer(4));
  const experiment = `${process.pid}:${++experiments}`;
  const parts = ranges(plan.runs, chunkRuns(plan), workers * RANGES_PER_WORKER);
  const pool = new Piscina({ ...workerFile(), minThreads: Math.min(workers, parts.length), maxThreads: Math.min(workers, parts.length), idleTimeout: 1000 });
  let reported = 0;
  const report = () => {
    const completed = Atomics.load(progress, 0);
    if (completed !== reported) {
      reported = completed;
      onProgress?.({ completed, total, policy: lastPolicy });
    }
  };
  const timer = onProgress === undefined ? undefined : setInterval(report, PROGRESS_EVERY_MS);
  try {
    const results = await Promise.all(
      parts.map(([runStart, runEnd]) => {
        const task: RangeTask = { experiment, scenario: parsed, plan, runStart, runEnd, progress };
        return pool.run(task, signal === undefined ? {} : { signal }) as Promise<RangeData>;
      }),
    );
    report();
    return assembleResult(parsed, model, plan, results);
  } catch (error) {
    if (signal?.aborted) throw abortError(signal.reason);
    throw error;
  } finally {
    if (timer !== undefined) clearInterval(timer);
    await pool.destroy();
  }
}
