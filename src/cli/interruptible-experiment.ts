// An experiment as the commands run it: progress on stderr, and Ctrl-C that stops it
// promptly and says how far it got (and which files were not written).
import { InputError } from "../errors.js";
import type { ExperimentResult } from "../experiment/result.js";
import { runExperiment, type ParallelExperimentOptions } from "../parallel/run-experiment-parallel.js";
import type { Scenario } from "../schema/scenario.js";
import type { CliEnvironment } from "./environment.js";
import { Interrupted, UsageError } from "./errors.js";
import { progressReporter } from "./progress.js";

/**
 * Run the experiment with progress (unless `progress` is false) and Ctrl-C handling.
 *
 * @param files - the files the command would write, named in the message when interrupted.
 * @throws Interrupted after Ctrl-C (even one that came after the last run), with the runs
 *   done; UsageError for options the library rejects.
 */
export async function runInterruptibly(
  scenario: Scenario,
  options: Omit<ParallelExperimentOptions, "signal" | "onProgress">,
  env: CliEnvironment,
  progress: boolean | undefined,
  files: readonly string[],
): Promise<ExperimentResult> {
  // Progress counts simulations (runs x policies); shown as runs under every policy.
  const policyCount = (options.policies ?? scenario.policies).length;
  let completedRuns = 0;
  const reporter = progressReporter(env, progress);
  const controller = new AbortController();
  const stopListening = env.onInterrupt(() => controller.abort("interrupted"));
  let result: ExperimentResult | undefined;
  try {
    result = await runExperiment(scenario, {
      ...options,
      signal: controller.signal,
      onProgress: ({ completed }) => {
        completedRuns = Math.floor(completed / policyCount);
        reporter.update(completedRuns, options.runs);
      },
    });
  } catch (error) {
    if (!controller.signal.aborted) throw error instanceof InputError ? new UsageError(error.message) : error;
  } finally {
    reporter.clear();
    stopListening();
  }
  if (controller.signal.aborted || result === undefined) {
    throw new Interrupted(`interrupted after ${completedRuns} of ${options.runs} runs${files.length === 0 ? "" : `; ${files.join(", ")} not written`}`);
  }
  return result;
}
