// `chokepoint robustness <scenario> --outcome NAME`: every policy on the same draws, compared
// on one outcome by mean, tail, regret and satisficing.
import { alignColumns } from "../report/text.js";
import { robustnessAnalysis } from "../analysis/robustness-analysis.js";
import type { RobustnessResult } from "../analysis/robustness.js";
import { formatValue } from "../report/format-number.js";
import type { CliEnvironment } from "./environment.js";
import { checkOutputFiles, givenOutputs, writeOutputFiles } from "./output-files.js";
import { loadScenarioArgument, scenarioInput, scenarioRunError } from "./scenario-argument.js";
import { terminalText } from "./terminal-text.js";
import { renderAnalysisReport } from "../report/analysis-report.js";
import { checkNames } from "./names.js";
import { outcomeDefinitions } from "../compile/compile.js";

/** Options of `chokepoint robustness`. */
export interface RobustnessCommandOptions {
  readonly outcome?: string;
  readonly runs: number;
  readonly seed: string;
  readonly threshold?: number;
  readonly policies?: readonly string[];
  readonly json?: string;
  readonly html?: string;
  readonly quiet?: boolean;
}

/**
 * `chokepoint robustness`: run, compare, print the table, write the JSON asked for.
 *
 * @throws UsageError for a bad command line; CommandFailure for an invalid scenario.
 */
export async function robustnessCommand(argument: string, options: RobustnessCommandOptions, env: CliEnvironment): Promise<void> {
  const outputs = givenOutputs([
    ["--json", options.json],
    ["--html", options.html],
  ]);
  checkOutputFiles(outputs, scenarioInput(argument));
  const scenario = await loadScenarioArgument(argument);
  const outcomes = outcomeDefinitions(scenario).map((o) => o.name);
  const outcome = checkNames("outcome", [options.outcome ?? scenario.headlineOutcomes?.[0] ?? outcomes[0]!], outcomes)[0]!;
  const policies = options.policies === undefined ? undefined : checkNames("policies", options.policies, scenario.policies.map((p) => p.name));
  let table: RobustnessResult & { outcome: string; unit: string };
  try {
    table = await robustnessAnalysis(scenario, {
      outcome,
      runs: options.runs,
      seed: options.seed,
      ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
      ...(policies === undefined ? {} : { policies }),
    });
  } catch (error) {
    throw scenarioRunError(argument, error);
  }
  env.out(terminalText(formatRobustness(table)));
  await writeOutputFiles(
    [
      ...(options.json === undefined ? [] : [{ file: options.json, text: () => `${JSON.stringify(table, null, 2)}\n` }]),
      ...(options.html === undefined ? [] : [{ file: options.html, text: () => renderAnalysisReport({ title: `${scenario.title ?? scenario.name}: which policy holds up`, robustness: table }) }]),
    ],
    env,
  );
  if (!options.quiet) for (const { file } of outputs) env.err(`wrote ${file}\n`);
}

/** The table `robustness` prints: a row per policy, then which policy each criterion prefers. */
export function formatRobustness(table: RobustnessResult & { outcome: string; unit: string }): string {
  const f = (x: number) => formatValue(x, table.unit);
  const share = (x: number) => `${(100 * x).toFixed(1)}%`;
  const head = ["policy", "mean", "p90", "mean regret", "max regret", "p90 regret", "best in", ...(table.threshold === undefined ? [] : [`<= ${f(table.threshold)}`])];
  const rows = table.policies.map((p) => [p.policy, f(p.mean), f(p.p90), f(p.meanRegret), f(p.maxRegret), f(p.p90Regret), share(p.best), ...(p.satisficing === undefined ? [] : [share(p.satisficing)])]);
  const preferred = table.preferred;
  return [
    `${table.outcome} over ${table.runs} runs on common draws (regret: a policy's loss minus the best policy's in the same run)`,
    "",
    ...alignColumns([head, ...rows], (c) => c === 0),
    "",
    `lowest mean: ${preferred.mean}; lowest p90: ${preferred.p90}; lowest mean regret: ${preferred.meanRegret}; minimax regret: ${preferred.maxRegret}${preferred.satisficing === undefined ? "" : `; most often satisficing: ${preferred.satisficing}`}`,
    "",
  ].join("\n");
}
