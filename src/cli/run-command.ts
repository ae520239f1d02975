// `chokepoint run`: an experiment on a scenario, a summary table on stdout and, with
// --json, the full result in a file written atomically. Ctrl-C stops the experiment and
// writes nothing.
import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { outcomeDefinitions } from "../compile/compile.js";
import { InputError } from "../errors.js";
import { runExperiment } from "../parallel/run-experiment-parallel.js";
import type { ExperimentResult } from "../experiment/result.js";
import { formatSummaryTable } from "../report/summary-table.js";
import type { Scenario } from "../schema/scenario.js";
import type { CliEnvironment } from "./environment.js";
import { Interrupted, UsageError } from "./errors.js";
import { checkNames } from "./names.js";
import { formatResultDocument } from "./result-document.js";
import { describeScenarioArgument, loadScenarioArgument } from "./scenario-argument.js";
import { writeFileAtomically } from "./write-file-atomically.js";

/** Options of `chokepoint run`, as parsed from the command line. */
export interface RunOptions {
  readonly runs: number;
  readonly seed: string;
  /** Worker threads; default: the available cores. */
  readonly workers?: number;
  readonly summaries?: "exact" | "streaming";
  readonly sampler: "monte-carlo" | "latin-hypercube";
  readonly policy?: readonly string[];
  readonly outcome?: readonly string[];
  readonly allOutcomes?: boolean;
  readonly json?: string;
  /** Show progress on stderr; by default only on a terminal. */
  readonly progress?: boolean;
}

/** Fail before a long experiment, not after it, when the result file cannot go where asked. */
function checkJsonTarget(file: string): void {
  if (existsSync(file) && statSync(file).isDirectory()) throw new UsageError(`--json: ${file} is a folder; give a file name`);
  const folder = dirname(resolve(file));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`--json: folder ${dirname(file)} does not exist`);
}

/** One line above the table: which scenario, how many policies and outcomes. */
function header(argument: string, scenario: Scenario, result: ExperimentResult, shown: readonly string[] | undefined): string {
  const policies = result.policies.length;
  const outcomes = result.outcomes.length;
  const showing = shown === undefined ? "" : `, ${shown.length} shown`;
  return `scenario ${scenario.name} (${describeScenarioArgument(argument)}): ${policies} ${policies === 1 ? "policy" : "policies"} (baseline ${result.baselinePolicy}), ${outcomes} ${outcomes === 1 ? "outcome" : "outcomes"}${showing}\n`;
}

/**
 * Progress on stderr: on a terminal one line redrawn at each whole percent (cleared at the
 * end); elsewhere, when asked for with --progress, a line per whole percent.
 */
export function progressReporter(env: CliEnvironment, wanted: boolean | undefined): { update: (completedRuns: number, runs: number) => void; clear: () => void } {
  if (wanted === false || (wanted === undefined && !env.errIsTerminal)) return { update: () => {}, clear: () => {} };
  const redraw = env.errIsTerminal;
  let shownPercent = -1;
  return {
    update: (completedRuns, runs) => {
      const percent = Math.floor((100 * completedRuns) / runs);
      if (percent === shownPercent) return;
      shownPercent = percent;
      const text = `${percent}% (${completedRuns} of ${runs} runs)`;
      env.err(redraw ? `\r\x1b[K${text}` : `progress ${text}\n`);
    },
    clear: () => {
      if (redraw && shownPercent >= 0) env.err("\r\x1b[K");
    },
  };
}

export async function runCommand(argument: string, options: RunOptions, env: CliEnvironment): Promise<void> {
  if (options.json !== undefined) checkJsonTarget(options.json);
  const scenario = await loadScenarioArgument(argument);
  const policyNames = scenario.policies.map((policy) => policy.name);
  const policies = options.policy === undefined ? undefined : checkNames("policy", options.policy, policyNames);
  // The table shows the outcomes asked for, else the scenario's headline outcomes, else all
  const shown =
    options.outcome !== undefined
      ? checkNames("outcome", options.outcome, outcomeDefinitions(scenario).map((o) => o.name))
      : options.allOutcomes
        ? undefined
        : scenario.headlineOutcomes;

  // Progress counts simulations (runs x policies); shown as runs under every policy.
  const policyCount = (policies ?? policyNames).length;
  let completedRuns = 0;
  const progress = progressReporter(env, options.progress);
  const controller = new AbortController();
  const stopListening = env.onInterrupt(() => controller.abort("interrupted"));
  let result: ExperimentResult | undefined;
  try {
    result = await runExperiment(scenario, {
      runs: options.runs,
      seed: options.seed,
      sampler: options.sampler,
      ...(options.workers === undefined ? {} : { workers: options.workers }),
      ...(options.summaries === undefined ? {} : { summaries: options.summaries }),
      ...(policies === undefined ? {} : { policies }),
      signal: controller.signal,
      onProgress: ({ completed }) => {
        completedRuns = Math.floor(completed / policyCount);
        progress.update(completedRuns, options.runs);
      },
    });
  } catch (error) {
    if (!controller.signal.aborted) throw error instanceof InputError ? new UsageError(error.message) : error;
  } finally {
    progress.clear();
    stopListening();
  }
  // An interrupt that came after the last run still stops the command: nothing is written.
  if (controller.signal.aborted || result === undefined) {
    throw new Interrupted(`interrupted after ${completedRuns} of ${options.runs} runs${options.json === undefined ? "" : `; ${options.json} not written`}`);
  }

  env.out(`${header(argument, scenario, result, shown)}\n${formatSummaryTable(result, shown === undefined ? {} : { outcomes: shown })}`);
  if (options.json !== undefined) {
    await writeFileAtomically(options.json, formatResultDocument(result));
    env.err(`wrote ${options.json}\n`);
  }
}
