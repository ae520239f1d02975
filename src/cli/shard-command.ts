// `chokepoint shard`: one shard of an experiment, written as a file that `chokepoint merge`
// combines with the others. The shard index comes from --index or, for a Kubernetes
// Indexed Job, from JOB_COMPLETION_INDEX.
import { runShard, type ShardDocument } from "../parallel/shards.js";
import type { CliEnvironment } from "./environment.js";
import { Interrupted, UsageError } from "./errors.js";
import { progressReporter } from "./progress.js";
import { checkOutputFiles, writeOutputFiles } from "./output-files.js";
import { loadScenarioArgument, scenarioInput, scenarioRunError } from "./scenario-argument.js";

/** Options of `chokepoint shard`, as parsed from the command line. */
export interface ShardCommandOptions {
  readonly index?: number;
  readonly of: number;
  readonly runs: number;
  readonly seed: string;
  readonly sampler: "monte-carlo" | "latin-hypercube" | "sobol";
  readonly policy?: readonly string[];
  readonly workers?: number;
  readonly out: string;
  readonly progress?: boolean;
  /** No progress and no notes on stderr (errors still). */
  readonly quiet?: boolean;
}

/** The shard index: --index, else JOB_COMPLETION_INDEX (Kubernetes Indexed Jobs). */
function shardIndex(options: ShardCommandOptions, env: CliEnvironment): number {
  if (options.index !== undefined) return options.index;
  const fromJob = env.variables.JOB_COMPLETION_INDEX;
  if (fromJob === undefined) throw new UsageError("--index: give the shard index, or set JOB_COMPLETION_INDEX (as a Kubernetes Indexed Job does)");
  if (!/^\d+$/.test(fromJob)) throw new UsageError(`JOB_COMPLETION_INDEX: expected a whole number, found ${JSON.stringify(fromJob)}`);
  return Number(fromJob);
}

export async function shardCommand(argument: string, options: ShardCommandOptions, env: CliEnvironment): Promise<void> {
  const index = shardIndex(options, env);
  if (index >= options.of) throw new UsageError(`--index: expected a shard from 0 to ${options.of - 1}, found ${index}`);
  checkOutputFiles([{ option: "--out", file: options.out }], scenarioInput(argument));
  const scenario = await loadScenarioArgument(argument);
  const progress = progressReporter(env, options.quiet ? false : options.progress);
  const controller = new AbortController();
  const stopListening = env.onInterrupt(() => controller.abort("interrupted"));
  let shard: ShardDocument;
  try {
    shard = await runShard(scenario, {
      runs: options.runs,
      seed: options.seed,
      sampler: options.sampler,
      index,
      of: options.of,
      ...(options.policy === undefined ? {} : { policies: options.policy }),
      ...(options.workers === undefined ? {} : { workers: options.workers }),
      signal: controller.signal,
      onProgress: ({ completed, total }) => progress.update(completed, total),
    });
  } catch (error) {
    if (controller.signal.aborted) throw new Interrupted(`interrupted; ${options.out} not written`);
    throw scenarioRunError(argument, error);
  } finally {
    progress.clear();
    stopListening();
  }
  if (controller.signal.aborted) throw new Interrupted(`interrupted; ${options.out} not written`);
  await writeOutputFiles([{ file: options.out, text: () => `${JSON.stringify(shard)}\n` }], env);
  if (!options.quiet) env.err(`wrote shard ${index} of ${options.of} (runs ${shard.shard.runStart} to ${shard.shard.runEnd - 1}) to ${options.out}\n`);
}
