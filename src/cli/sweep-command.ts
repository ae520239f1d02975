// `chokepoint sweep <scenario> --policy P --lever L --field F --values 0:1:0.25`: one lever's
// number over a grid, every grid point on the same draws; a table per outcome.
import { alignColumns } from "../report/text.js";
import type { SweepResult } from "../analysis/sweep-lever.js";
import { sweepLever } from "../analysis/sweep-lever-parallel.js";
import { differenceText, formatInterval, formatValue, plainNumber } from "../report/format-number.js";
import type { CliEnvironment } from "./environment.js";
import { InputError } from "../errors.js";
import { UsageError } from "./errors.js";
import { checkOutputFiles, givenOutputs, writeOutputFiles } from "./output-files.js";
import { loadScenarioArgument, scenarioInput, scenarioRunError } from "./scenario-argument.js";
import { terminalText } from "./terminal-text.js";
import { renderAnalysisReport } from "../report/analysis-report.js";
import { sweepVegaLite } from "../report/charts/analysis-vega-lite.js";

/** Options of `chokepoint sweep`. */
export interface SweepCommandOptions {
  readonly policy?: string;
  readonly lever?: string;
  readonly field?: string;
  readonly values?: number[];
  readonly outcome?: string[];
  readonly versus?: string;
  readonly runs: number;
  readonly seed: string;
  readonly workers?: number;
  readonly json?: string;
  readonly html?: string;
  readonly vegaLite?: string;
  readonly quiet?: boolean;
}

const FLAGS: Readonly<Record<string, string>> = { policy: "--policy", lever: "--lever", field: "--field", values: "--values", outcomes: "--outcome", versus: "--versus", runs: "--runs", seed: "--seed" };

/** The library's message with the option's flag in place of its path: `--values (value 2): ...` for `options.values[1]: ...`. */
function optionText(message: string): string {
  return message.replace(/^options\.(\w+)(?:\[(\d+)\])?/, (whole, name: string, index?: string) => {
    const flag = FLAGS[name];
    if (flag === undefined) return whole;
    return index === undefined ? flag : `${flag} (value ${Number(index) + 1})`;
  });
}

/**
 * `chokepoint sweep`: run the grid, print a table per outcome, write the JSON asked for.
 *
 * @throws UsageError for a bad command line; CommandFailure for an invalid scenario.
 */
export async function sweepCommand(argument: string, options: SweepCommandOptions, env: CliEnvironment): Promise<void> {
  const outputs = givenOutputs([
    ["--json", options.json],
    ["--html", options.html],
    ["--vega-lite", options.vegaLite],
  ]);
  checkOutputFiles(outputs, scenarioInput(argument));
  for (const [flag, given] of [["--policy", options.policy], ["--lever", options.lever], ["--field", options.field], ["--values", options.values]] as const) {
    if (given === undefined) throw new UsageError(`${flag}: required (e.g. --policy aligned --lever exportRestriction:JP --field severity --values 0:1:0.25)`);
  }
  const scenario = await loadScenarioArgument(argument);
  let sweep: SweepResult;
  try {
    sweep = await sweepLever(scenario, {
      policy: options.policy!,
      lever: options.lever!,
      field: options.field!,
      values: options.values!,
      runs: options.runs,
      seed: options.seed,
      ...(options.outcome === undefined ? {} : { outcomes: options.outcome }),
      ...(options.versus === undefined ? {} : { versus: options.versus }),
      ...(options.workers === undefined ? {} : { workers: options.workers }),
    });
  } catch (error) {
    throw scenarioRunError(argument, error instanceof InputError ? new InputError("", optionText(error.message)) : error);
  }
  env.out(terminalText(formatSweep(sweep)));
  await writeOutputFiles(
    [
      ...(options.json === undefined ? [] : [{ file: options.json, text: () => `${JSON.stringify(sweep, null, 2)}\n` }]),
      ...(options.html === undefined ? [] : [{ file: options.html, text: () => renderAnalysisReport({ title: `${scenario.title ?? scenario.name}: ${sweep.field} of ${sweep.leverLabel} in ${sweep.policy}`, sweep: sweep }) }]),
      ...(options.vegaLite === undefined ? [] : [{ file: options.vegaLite, text: () => `${JSON.stringify(sweepVegaLite(sweep), null, 2)}\n` }]),
    ],
    env,
  );
  if (!options.quiet) for (const { file } of outputs) env.err(`wrote ${file}\n`);
}

/** The text `sweep` prints: a heading, then per outcome a row per grid point (and the policy as written). */
export function formatSweep(sweep: SweepResult): string {
  const asWritten = typeof sweep.asWritten === "number" ? plainNumber(sweep.asWritten) : `drawn from ${sweep.asWritten.param}`;
  const versus = sweep.versus === sweep.policy ? `${sweep.policy} as written` : sweep.versus;
  const blocks = sweep.reference.outcomes.map((reference, k) => {
    const unit = reference.unit;
    const head = [sweep.field, "mean (95% interval)", "p05", "p50", "p95", `difference vs ${versus} (95% interval)`];
    const row = (label: string, o: (typeof sweep.reference.outcomes)[number]) => {
      const t = formatInterval({ mean: o.mean, low: o.ci95Low, high: o.ci95High }, unit);
      return [label, `${t.mean} (${t.low} to ${t.high})`, formatValue(o.p05, unit), formatValue(o.p50, unit), formatValue(o.p95, unit), differenceText(o.difference, unit)];
    };
    const rows = [...sweep.points.map((p) => row(plainNumber(p.value), p.outcomes[k]!)), row(`as written (${asWritten})`, reference)];
    return [reference.name, ...alignColumns([head, ...rows], (c, count) => c === 0 || c === count - 1)].join("\n");
  });
  return [
    `${sweep.policy}: ${sweep.field} of levers[${sweep.lever}] (${sweep.leverLabel}) over ${sweep.points.length} values, ${sweep.runs} runs on common draws; differences against ${versus}, run by run`,
    "",
    blocks.join("\n\n"),
    "",
  ].join("\n");
}
