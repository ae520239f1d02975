// `chokepoint run`: an experiment on a scenario, a summary table on stdout and, with
// --json, --csv and --html, the full result, every run, and a report in files written
// atomically. Ctrl-C stops the experiment and writes nothing.
import { outcomeDefinitions } from "../compile/compile.js";
import { InputError } from "../errors.js";
import { parseDesignCsv } from "../experiment/design-csv.js";
import { EXACT_SUMMARY_RUNS } from "../experiment/plan.js";
import type { ExperimentResult } from "../experiment/result.js";
import { renderHtmlReport } from "../report/html-report.js";
import { formatRunsCsv } from "../report/runs-csv.js";
import { formatSummaryTable } from "../report/summary-table.js";
import type { Scenario } from "../schema/scenario.js";
import type { CliEnvironment } from "./environment.js";
import { UsageError } from "./errors.js";
import { runInterruptibly } from "./interruptible-experiment.js";
import { checkNames } from "./names.js";
import { readInputFile } from "./predict-command.js";
import { formatResultDocument } from "./result-document.js";
import { checkOutputFiles, givenOutputs, writeOutputFiles } from "./output-files.js";
import { describeScenarioArgument, loadScenarioArgument, scenarioInput } from "./scenario-argument.js";
import { terminalText } from "./terminal-text.js";

/** Options of `chokepoint run`, as parsed from the command line. */
export interface RunOptions {
  readonly runs: number;
  readonly seed: string;
  /** Worker threads; default: the available cores. */
  readonly workers?: number;
  readonly summaries?: "exact" | "streaming";
  readonly sampler: "monte-carlo" | "latin-hypercube" | "sobol";
  readonly policy?: readonly string[];
  readonly outcome?: readonly string[];
  readonly allOutcomes?: boolean;
  readonly json?: string;
  /** Every run and policy, one row each, with the sampled parameters and the outcomes. */
  readonly csv?: string;
  /** A self-contained HTML report with charts. */
  readonly html?: string;
  /** Show progress on stderr; by default only on a terminal. */
  readonly progress?: boolean;
  /** No progress and no notes on stderr (errors still). */
  readonly quiet?: boolean;
  /** A design file: values of some uncertainties per run (CSV with a header of names). */
  readonly design?: string;
  /** Whether --runs was given (with a design, the runs default to its rows). */
  readonly runsGiven?: boolean;
}

/** The result without per-run values: what the result file holds, whatever else was asked for. */
export function withoutRuns(result: ExperimentResult): ExperimentResult {
  const { parameters: _parameters, ...rest } = result;
  return { ...rest, policies: result.policies.map(({ runs: _runs, ...policy }) => policy) };
}

/** One line above the table: which scenario, how many policies and outcomes. */
function header(argument: string, scenario: Scenario, result: ExperimentResult, shown: readonly string[] | undefined): string {
  const policies = result.policies.length;
  const outcomes = result.outcomes.length;
  const showing = shown === undefined ? "" : `, ${shown.length} shown`;
  return `scenario ${scenario.name} (${describeScenarioArgument(argument)}): ${policies} ${policies === 1 ? "policy" : "policies"} (baseline ${result.baselinePolicy}), ${outcomes} ${outcomes === 1 ? "outcome" : "outcomes"}${showing}\n`;
}

/** Read and parse a design file; a problem names the file, its line and column. */
async function readDesignFile(file: string): Promise<Record<string, number[]>> {
  const text = await readInputFile(file, "design file");
  try {
    return parseDesignCsv(text);
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(`--design ${file}, ${error.message}`);
    throw error;
  }
}

/** A problem of the design's values, as the command line names it: the file, the row and the column. */
function designError(file: string, error: unknown): unknown {
  if (!(error instanceof UsageError) || !error.message.startsWith("options.design")) return error;
  const message = error.message
    .replace(/^options\.design\.([^[:]+)\[(\d+)\]: /, (_, name: string, i: string) => `row ${Number(i) + 1}, column ${name}: `)
    .replace(/^options\.design\.([^:]+): expected (\d+) values \(one per run, as options\.runs says\), found (\d+)$/, "$3 rows for --runs $2: give --runs $3, or leave --runs out")
    .replace(/^options\.design(\.[^:]+)?: /, (_, name: string | undefined) => (name === undefined ? "" : `column ${name.slice(1)}: `));
  return new UsageError(`--design ${file}: ${message}`);
}

export async function runCommand(argument: string, options: RunOptions, env: CliEnvironment): Promise<void> {
  const outputs = givenOutputs([
    ["--json", options.json],
    ["--csv", options.csv],
    ["--html", options.html],
  ]);
  checkOutputFiles(outputs, scenarioInput(argument));
  if (options.csv !== undefined && options.summaries === "streaming") {
    throw new UsageError("--csv: writing every run needs every run's values, which --summaries streaming does not keep; leave out one of them");
  }
  const scenario = await loadScenarioArgument(argument);
  const design = options.design === undefined ? undefined : await readDesignFile(options.design);
  const runs = design === undefined || options.runsGiven ? options.runs : Object.values(design)[0]!.length;
  const policyNames = scenario.policies.map((policy) => policy.name);
  const policies = options.policy === undefined ? undefined : checkNames("policy", options.policy, policyNames);
  // The table shows the outcomes asked for, else the scenario's headline outcomes, else all
  const shown =
    options.outcome !== undefined
      ? checkNames("outcome", options.outcome, outcomeDefinitions(scenario).map((o) => o.name))
      : options.allOutcomes
        ? undefined
        : scenario.headlineOutcomes;

  // Per-run values for the CSV file, and for the report's sensitivity charts when summaries
  // are exact anyway (they keep every run's values already): the numbers do not change.
  const keepRuns = options.csv !== undefined || (options.html !== undefined && options.summaries !== "streaming" && runs <= EXACT_SUMMARY_RUNS);
  const result = await runInterruptibly(
    argument,
    scenario,
    {
      runs,
      ...(design === undefined ? {} : { design }),
      seed: options.seed,
      sampler: options.sampler,
      ...(options.workers === undefined ? {} : { workers: options.workers }),
      ...(options.summaries === undefined ? {} : { summaries: options.summaries }),
      ...(policies === undefined ? {} : { policies }),
      ...(keepRuns ? { keepRuns } : {}),
    },
    env,
    options.quiet ? false : options.progress,
    outputs.map((output) => output.file),
  ).catch((error: unknown) => {
    throw options.design === undefined ? error : designError(options.design, error);
  });

  env.out(terminalText(`${header(argument, scenario, result, shown)}\n${formatSummaryTable(result, shown === undefined ? {} : { outcomes: shown })}`));
  const featured = options.outcome !== undefined ? shown : options.allOutcomes ? result.outcomes.map((o) => o.name) : undefined;
  // every file is made and written before any is renamed into place: all of them, or none
  await writeOutputFiles(
    [
      ...(options.json === undefined ? [] : [{ file: options.json, text: () => formatResultDocument(withoutRuns(result)) }]),
      ...(options.csv === undefined ? [] : [{ file: options.csv, text: () => formatRunsCsv(result) }]),
      ...(options.html === undefined ? [] : [{ file: options.html, text: () => renderHtmlReport(result, scenario, featured === undefined ? {} : { outcomes: featured }) }]),
    ],
    env,
  );
  if (options.quiet) return;
  if (options.json !== undefined) env.err(`wrote ${options.json}\n`);
  if (options.csv !== undefined) env.err(`wrote ${options.csv} (${result.runs * result.policies.length} rows: every run under every policy)\n`);
  if (options.html !== undefined) env.err(`wrote ${options.html}\n`);
}
