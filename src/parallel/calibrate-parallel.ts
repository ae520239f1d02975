// chokepoint/node's calibrate: the library's, with each batch of proposals split over
// worker threads. The distances do not depend on the split, so neither does the result.
import { Piscina } from "piscina";
import { finishCalibration, pacedEvaluator, prepareCalibration, type CalibrateOptions, type CalibrationResult } from "../calibrate/calibrate.js";
import { runAbcSmc, type BatchEvaluator } from "../calibrate/abc-smc.js";
import { abortError } from "../errors.js";
import type { Scenario, ScenarioInput } from "../schema/scenario.js";
import type { CalibrationTask } from "./calibrate-batch.js";
import { resolveWorkers } from "./run-experiment-parallel.js";
import { workerFile } from "./worker-file.js";
import { isRangeFailure, rebuildError, type RangeFailure } from "./worker-errors.js";

/** Options of chokepoint/node's `calibrate`: the library's, plus worker threads. */
export interface ParallelCalibrateOptions extends CalibrateOptions {
  /** Worker threads, from 1 to 1024 (capped at the available cores); default: the available cores. The result is the same for any number. */
  readonly workers?: number;
}

/** Proposals per worker task, at least: fewer would cost more in messages than they save. */
const MIN_TASK = 16;

let calibrations = 0;

/**
 * {@link calibrate} over worker threads: each batch of proposals is split into parts
 * simulated in parallel, and the distances are put back in proposal order, so the result is
 * bit-identical to one thread's.
 *
 * @throws as the library's `calibrate`; InputError naming `options.workers` when it is not a whole number from 1 to 1024.
 * @example
 * ```ts
 * import { calibrate } from "chokepoint/node";
 * const fit = await calibrate(scenario, observations, { seed: 1, workers: 2 });
 * ```
 */
export async function calibrate(scenario: ScenarioInput | Scenario, observations: unknown, options: ParallelCalibrateOptions): Promise<CalibrationResult> {
  const workers = resolveWorkers(options?.workers);
  const setup = prepareCalibration(scenario, observations, options);
  if (workers === 1) {
    return finishCalibration(setup, options, await runAbcSmc(setup.priors, options, pacedEvaluator(setup.simulator, options.signal)));
  }
  const calibration = `${process.pid}:calibration:${++calibrations}`;
  const pool = new Piscina({ ...workerFile(), minThreads: workers, maxThreads: workers, idleTimeout: 1000 });
  const D = setup.spec.free.length;
  let stop: (error: unknown) => void = () => {};
  const stopped = new Promise<never>((_, reject) => (stop = reject));
  stopped.catch(() => undefined);
  const onAbort = () => stop(abortError(options.signal?.reason));
  options.signal?.addEventListener("abort", onAbort, { once: true });
  const evaluate: BatchEvaluator = async (batch) => {
    const parts = Math.max(1, Math.min(workers * 2, Math.floor(batch.count / MIN_TASK)));
    const size = Math.ceil(batch.count / parts);
    const replies = [];
    for (let start = 0; start < batch.count; start += size) {
      const count = Math.min(size, batch.count - start);
      const task: CalibrationTask = {
        calibration,
        spec: setup.spec,
        generation: batch.generation,
        firstIndex: batch.firstIndex + start,
        count,
        values: batch.values.slice(start * D, (start + count) * D),
      };
      replies.push(pool.run(task) as Promise<Float64Array | RangeFailure>);
    }
    const results = await Promise.race([Promise.all(replies), stopped]);
    const out = new Float64Array(batch.count);
    let offset = 0;
    for (const reply of results) {
      if (isRangeFailure(reply)) throw rebuildError(reply.failure);
      out.set(reply, offset);
      offset += reply.length;
    }
    return out;
  };
  try {
    const output = await runAbcSmc(setup.priors, options, evaluate);
    return finishCalibration(setup, options, output);
  } catch (error) {
    if (options.signal?.aborted) {
      void pool.destroy().catch(() => undefined);
      throw abortError(options.signal.reason);
    }
    throw error;
  } finally {
    options.signal?.removeEventListener("abort", onAbort);
    await pool.destroy().catch(() => undefined);
  }
}
