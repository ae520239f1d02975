// `chokepoint sensitivity <scenario> --outcome NAME`: which uncertainties and rule draws drive
// an outcome, or the paired difference between two policies (Sobol' indices or Morris).
import { alignColumns } from "../report/text.js";
import type { SensitivityResult } from "../analysis/sensitivity-analysis.js";
import { outcomeDefinitions } from "../compile/compile.js";
import { sensitivityAnalysis } from "../parallel/sensitivity-parallel.js";
import { renderAnalysisReport } from "../report/analysis-report.js";
import { indicesVegaLite, morrisVegaLite } from "../report/charts/analysis-vega-lite.js";
import { formatValue } from "../report/format-number.js";
import type { CliEnvironment } from "./environment.js";
import { checkNames } from "./names.js";
import { checkOutputFiles, givenOutputs, writeOutputFiles } from "./output-files.js";
import { loadScenarioArgument, scenarioInput, scenarioRunError } from "./scenario-argument.js";
import { terminalText } from "./terminal-text.js";

/** Options of `chokepoint sensitivity`. */
export interface SensitivityCommandOptions {
  readonly method: "sobol" | "morris";
  readonly outcome?: string;
  readonly policy?: string;
  readonly versus?: string;
  readonly samples?: number;
  readonly seed: string;
  readonly levels?: number;
  readonly workers?: number;
  readonly json?: string;
  readonly html?: string;
  readonly vegaLite?: string;
  readonly quiet?: boolean;
}

/**
 * `chokepoint sensitivity`: run the design, print the factors by importance, write the JSON asked for.
 *
 * @throws UsageError for a bad command line; CommandFailure for an invalid scenario.
 */
export async function sensitivityCommand(argument: string, options: SensitivityCommandOptions, env: CliEnvironment): Promise<void> {
  const outputs = givenOutputs([
    ["--json", options.json],
    ["--html", options.html],
    ["--vega-lite", options.vegaLite],
  ]);
  checkOutputFiles(outputs, scenarioInput(argument));
  const scenario = await loadScenarioArgument(argument);
  const outcomes = outcomeDefinitions(scenario).map((o) => o.name);
  const outcome = checkNames("outcome", [options.outcome ?? scenario.headlineOutcomes?.[0] ?? outcomes[0]!], outcomes)[0]!;
  const policyNames = scenario.policies.map((p) => p.name);
  const policy = options.policy === undefined ? undefined : checkNames("policy", [options.policy], policyNames)[0]!;
  const versus = options.versus === undefined ? undefined : checkNames("versus", [options.versus], policyNames)[0]!;
  let found: SensitivityResult;
  try {
    found = await sensitivityAnalysis(scenario, {
      method: options.method,
      outcome,
      samples: options.samples ?? (options.method === "sobol" ? 256 : 20),
      seed: options.seed,
      ...(policy === undefined ? {} : { policy }),
      ...(versus === undefined ? {} : { versus }),
      ...(options.levels === undefined ? {} : { levels: options.levels }),
      ...(options.workers === undefined ? {} : { workers: options.workers }),
    });
  } catch (error) {
    throw scenarioRunError(argument, error);
  }
  env.out(terminalText(formatSensitivity(found)));
  const labels = { outcome: found.outcome, policy: found.policy, ...(found.versus === undefined ? {} : { versus: found.versus }) };
  const title = `${scenario.title ?? scenario.name}: what drives ${found.outcome}${found.versus === undefined ? "" : ` (${found.policy} minus ${found.versus})`}`;
  await writeOutputFiles(
    [
      ...(options.json === undefined ? [] : [{ file: options.json, text: () => `${JSON.stringify(found, null, 2)}\n` }]),
      ...(options.html === undefined ? [] : [{ file: options.html, text: () => renderAnalysisReport({ title, sensitivity: { ...labels, parameters: found.parameters, evaluations: found.evaluations } }) }]),
      ...(options.vegaLite === undefined
        ? []
        : [{ file: options.vegaLite, text: () => `${JSON.stringify(found.method === "sobol" ? indicesVegaLite(found, { title }) : morrisVegaLite(found, { title }), null, 2)}\n` }]),
    ],
    env,
  );
  if (!options.quiet) for (const { file } of outputs) env.err(`wrote ${file}\n`);
}

/** The table `sensitivity` prints: a row per factor, the most important first. */
export function formatSensitivity(found: SensitivityResult): string {
  const what = found.versus === undefined ? `${found.outcome} under ${found.policy}` : `${found.outcome}, ${found.policy} minus ${found.versus} (paired)`;
  const interval = (low: number, high: number, f: (x: number) => string) => `[${f(low)}, ${f(high)}]`;
  let head: string[];
  let rows: string[][];
  let note: string;
  if (found.method === "sobol") {
    const share = (x: number) => x.toFixed(3);
    const sorted = [...found.parameters].sort((a, b) => b.total.estimate - a.total.estimate);
    head = ["factor", "total", "95% interval", "first order", "95% interval"];
    rows = sorted.map((p) => [p.name, share(p.total.estimate), interval(p.total.ci95Low, p.total.ci95High, share), share(p.first.estimate), interval(p.first.ci95Low, p.first.ci95High, share)]);
    note = `Sobol' indices: shares of the variance (${formatValue(Math.sqrt(found.variance), found.unit)} standard deviation); total includes interactions, first order is the factor alone.`;
  } else {
    const f = (x: number) => formatValue(x, found.unit);
    const sorted = [...found.parameters].sort((a, b) => b.muStar - a.muStar);
    head = ["factor", "mu*", "95% interval", "mu", "sigma"];
    rows = sorted.map((p) => [p.name, f(p.muStar), interval(p.muStarCi95Low, p.muStarCi95High, f), f(p.mu), f(p.sigma)]);
    note = "Morris elementary effects: the change in the outcome when a factor moves across its whole range (probability scale); mu* ranks importance, a sigma near mu* means interactions or non-linearity.";
  }
  const table = alignColumns([head, ...rows], (c) => c === 0);
  return [`${what}: ${found.method === "sobol" ? "Sobol' indices" : "Morris screening"} over ${found.evaluations} runs (seed ${JSON.stringify(found.seed)})`, "", ...table, "", note, ""].join("\n");
}
