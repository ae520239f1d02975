// `chokepoint run`: an experiment on a scenario, a summary table on stdout and, with
// --json, --csv and --html, the full result, every run, and a report in files written
// atomically. Ctrl-C stops the experiment and writes nothing.
import { outcomeDefinitions } from "../compile/compile.js";
import { InputError } from "../errors.js";
import { parseDesignCsv } from "../experiment/design-csv.js";
import { EXACT_SUMMARY_RUNS } from "../experiment/plan.js";
import { precisionLastRuns, type PrecisionOptions, type PrecisionReport } from "../experiment/precision.js";
import { formatValue } from "../report/format-number.js";
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
  /** Runs; default 10,000; with a precision target, the first checkpoint. */
  readonly runs?: number;
  /** Relative precision target (`--precision`). */
  readonly precision?: number;
  readonly precisionAbsolute?: number;
  readonly precisionOutcome?: string;
  readonly precisionStatistics?: "both" | "means" | "differences";
  readonly maxRuns?: number;
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
  /** A design file: values of some uncertainties per run (CSV with a header of names); --runs defaults to its rows. */
  readonly design?: string;
}

/** Runs of `chokepoint run` without --runs or a precision target. */
const DEFAULT_RUNS = 10_000;

/** The library's precision options from the command line's; undefined without --precision or --precision-absolute. */
function precisionOptions(options: RunOptions): { precision: PrecisionOptions; maxRuns?: number } | undefined {
  if (options.precision === undefined && options.precisionAbsolute === undefined) {
    const stray = options.precisionOutcome !== undefined ? "--precision-outcome" : options.precisionStatistics !== undefined ? "--precision-statistics" : options.maxRuns !== undefined ? "--max-runs" : undefined;
    if (stray !== undefined) throw new UsageError(`${stray}: only with a precision target (--precision or --precision-absolute)`);
    return undefined;
  }
  return {
    precision: {
      ...(options.precision === undefined ? {} : { relative: options.precision }),
      ...(options.precisionAbsolute === undefined ? {} : { absolute: options.precisionAbsolute }),
      ...(options.precisionOutcome === undefined ? {} : { outcome: options.precisionOutcome }),
      ...(options.precisionStatistics === undefined ? {} : { statistics: options.precisionStatistics }),
    },
    ...(options.maxRuns === undefined ? {} : { maxRuns: options.maxRuns }),
  };
}

/** Lines below the table: how many runs a precision target took, why it stopped, and the interval furthest from its target. */
export function precisionText(result: ExperimentResult, report: PrecisionReport): string {
  const { target } = report;
  const goal = [target.relative === undefined ? "" : `${+(target.relative * 100).toPrecision(6)}% of |mean|`, target.absolute === undefined ? "" : `${target.absolute}`].filter((t) => t !== "").join(" or ");
  const counted = target.statistics === "both" ? "means and paired differences" : target.statistics === "means" ? "means" : "paired differences";
  const outcomes = target.outcomes.length === 1 ? target.outcomes[0]! : `${target.outcomes.length} outcomes`;
  const last = report.checkpoints[report.checkpoints.length - 1]!;
  const policies = result.policies.length;
  const intervals = target.outcomes.length * (target.statistics === "means" ? policies : target.statistics === "differences" ? policies - 1 : 2 * policies - 1);
  const lines = [
    report.stoppedBecause === "reached"
      ? `precision: reached after ${report.runs.toLocaleString("en-US")} runs: every ${Math.round(target.confidence * 100)}% interval half-width of the ${counted} of ${outcomes} within ${goal}`
      : `precision: not reached by the last checkpoint, ${report.runs.toLocaleString("en-US")} runs (--max-runs): ${last.unmet} of ${intervals} intervals (${counted} of ${outcomes}) still wider than ${goal}`,
    `  checkpoints: ${report.checkpoints.map((c) => `${c.runs.toLocaleString("en-US")} (${c.unmet} above)`).join(", ")}`,
  ];
  const worst = last.worst;
  if (worst !== undefined) {
    const unit = result.outcomes.find((o) => o.name === worst.outcome)?.unit ?? "";
    const what = worst.statistic === "mean" ? `mean of ${worst.outcome} under ${worst.policy}` : `${worst.policy} - ${result.baselinePolicy} on ${worst.outcome}`;
    lines.push(`  widest relative to target: ${what}: ${formatValue(worst.mean, unit)} ± ${formatValue(worst.halfWidth, unit)} (target ± ${formatValue(worst.target, unit)})`);
  }
  return `\n${lines.join("\n")}\n`;
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
  const precision = precisionOptions(options);
  const scenario = await loadScenarioArgument(argument);
  const design = options.design === undefined ? undefined : await readDesignFile(options.design);
  if (design !== undefined && precision !== undefined) throw new UsageError("--design: a design fixes the runs, so it cannot take a precision target; leave out one of them");
  // with a design, the runs default to its rows
  const runs = design === undefined || options.runs !== undefined ? options.runs : Object.values(design)[0]!.length;
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
  const mostRuns = precision === undefined ? (runs ?? DEFAULT_RUNS) : precisionLastRuns(options.runs, options.maxRuns);
  const keepRuns = options.csv !== undefined || (options.html !== undefined && options.summaries !== "streaming" && mostRuns <= EXACT_SUMMARY_RUNS);
  const result = await runInterruptibly(
    argument,
    scenario,
    {
      ...(precision === undefined ? { runs: runs ?? DEFAULT_RUNS } : { ...precision, ...(options.runs === undefined ? {} : { runs: options.runs }) }),
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
  if (result.precision !== undefined) env.out(terminalText(precisionText(result, result.precision)));
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
