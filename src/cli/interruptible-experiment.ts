// An experiment as the commands run it: progress on stderr, and Ctrl-C that stops it
// promptly and says how far it got (and which files were not written).
import type { ExperimentResult } from "../experiment/result.js";
import { runExperiment, type ParallelExperimentOptions } from "../parallel/run-experiment-parallel.js";
import type { Scenario } from "../schema/scenario.js";
import type { CliEnvironment } from "./environment.js";
import { Interrupted } from "./errors.js";
import { progressReporter } from "./progress.js";
import { scenarioRunError } from "./scenario-argument.js";

/**
 * Run the experiment with progress (unless `progress` is false) and Ctrl-C handling.
 *
 * @param argument - the scenario as given on the command line, to name it in problems.
 * @param files - the files the command would write, named in the message when interrupted.
 * @throws Interrupted after Ctrl-C (even one that came after the last run), with the runs
 *   done; UsageError for options the library rejects; CommandFailure for a problem of the
 *   scenario found while running it (a formula that is not finite in some run).
 */
export async function runInterruptibly(
  argument: string,
  scenario: Scenario,
  options: Omit<ParallelExperimentOptions, "signal" | "onProgress">,
  env: CliEnvironment,
  progress: boolean | undefined,
  files: readonly string[],
): Promise<ExperimentResult> {
  // Progress counts simulations (runs x policies); shown as runs under every policy.
  const policyCount = (options.policies ?? scenario.policies).length;
  let completedRuns = 0;
  let totalRuns = options.runs ?? 0;
  const reporter = progressReporter(env, progress);
  const controller = new AbortController();
  const stopListening = env.onInterrupt(() => controller.abort("interrupted"));
  let result: ExperimentResult | undefined;
  try {
    result = await runExperiment(scenario, {
      ...options,
      signal: controller.signal,
      onProgress: ({ completed, total }) => {
        completedRuns = Math.floor(completed / policyCount);
        // with a precision target, total is the runs of the checkpoint under way
        totalRuns = Math.floor(total / policyCount);
        reporter.update(completedRuns, totalRuns);
      },
    });
  } catch (error) {
    if (!controller.signal.aborted) throw scenarioRunError(argument, error);
  } finally {
    reporter.clear();
    stopListening();
  }
  if (controller.signal.aborted || result === undefined) {
    throw new Interrupted(`interrupted after ${completedRuns} of ${totalRuns} runs${files.length === 0 ? "" : `; ${files.join(", ")} not written`}`);
  }
  return result;
}
