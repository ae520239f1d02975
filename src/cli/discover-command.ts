// `chokepoint discover <scenario> --outcome NAME --above T`: scenario discovery by PRIM on a
// scenario's runs; the trajectory as a table, then the chosen box's limits.
import { alignColumns } from "../report/text.js";
import { discoverScenarios } from "../analysis/discover-scenarios.js";
import type { PrimBox, PrimResult } from "../analysis/prim.js";
import { outcomeDefinitions } from "../compile/compile.js";
import { formatValue } from "../report/format-number.js";
import { limitText, pValueText, renderAnalysisReport } from "../report/analysis-report.js";
import { primTradeoffVegaLite } from "../report/charts/analysis-vega-lite.js";
import type { CliEnvironment } from "./environment.js";
import { UsageError } from "./errors.js";
import { checkNames } from "./names.js";
import { checkOutputFiles, givenOutputs, writeOutputFiles } from "./output-files.js";
import { loadScenarioArgument, scenarioInput, scenarioRunError } from "./scenario-argument.js";
import { terminalText } from "./terminal-text.js";

/** Options of `chokepoint discover`. */
export interface DiscoverCommandOptions {
  readonly outcome?: string;
  readonly above?: number;
  readonly below?: number;
  readonly policy?: string;
  /** Classify runs by the paired difference policy - versus. */
  readonly versus?: string;
  readonly runs: number;
  readonly seed: string;
  readonly alpha?: number;
  readonly minMass?: number;
  readonly box?: number;
  readonly json?: string;
  readonly html?: string;
  readonly vegaLite?: string;
  readonly quiet?: boolean;
}

/** What `discover` prints and writes: PRIM's result with the outcome, policy, threshold, unit and the chosen box. */
export type DiscoveryTable = PrimResult & {
  readonly outcome: string;
  readonly unit: string;
  readonly policy: string;
  readonly versus?: string;
  readonly above?: number;
  readonly below?: number;
  readonly runs: number;
  readonly alpha: number;
  readonly minMass: number;
  /** Index in `trajectory` of the chosen box. */
  readonly chosen: number;
};

/**
 * `chokepoint discover`: run, find boxes, print the trajectory and the chosen box, write the
 * files asked for.
 *
 * @throws UsageError for a bad command line; CommandFailure for an invalid scenario.
 */
export async function discoverCommand(argument: string, options: DiscoverCommandOptions, env: CliEnvironment): Promise<void> {
  const outputs = givenOutputs([
    ["--json", options.json],
    ["--html", options.html],
    ["--vega-lite", options.vegaLite],
  ]);
  checkOutputFiles(outputs, scenarioInput(argument));
  if (options.outcome === undefined) throw new UsageError("--outcome: expected the outcome whose runs to classify, e.g. --outcome gdpLoss:JP");
  if ((options.above === undefined) === (options.below === undefined)) throw new UsageError("expected --above T or --below T (one of them): the threshold that makes a run a case of interest");
  const scenario = await loadScenarioArgument(argument);
  const outcome = checkNames("outcome", [options.outcome], outcomeDefinitions(scenario).map((o) => o.name))[0]!;
  const policy = options.policy === undefined ? undefined : checkNames("policy", [options.policy], scenario.policies.map((p) => p.name))[0]!;
  const versus = options.versus === undefined ? undefined : checkNames("versus", [options.versus], scenario.policies.map((p) => p.name))[0]!;
  const alpha = options.alpha ?? 0.05;
  const minMass = options.minMass ?? 0.05;
  let found: Awaited<ReturnType<typeof discoverScenarios>>;
  try {
    found = await discoverScenarios(scenario, {
      outcome,
      runs: options.runs,
      seed: options.seed,
      alpha,
      minMass,
      ...(policy === undefined ? {} : { policy }),
      ...(versus === undefined ? {} : { versus }),
      ...(options.above === undefined ? { below: options.below! } : { above: options.above }),
    });
  } catch (error) {
    throw scenarioRunError(argument, error);
  }
  const last = found.trajectory.length - 1;
  if (options.box !== undefined && options.box > last) throw new UsageError(`--box: expected a box of the trajectory, from 0 to ${last}, found ${options.box}`);
  const table: DiscoveryTable = { ...found, runs: options.runs, alpha, minMass, chosen: options.box ?? last };
  env.out(terminalText(formatDiscovery(table)));
  await writeOutputFiles(
    [
      ...(options.json === undefined ? [] : [{ file: options.json, text: () => `${JSON.stringify(table, null, 2)}\n` }]),
      ...(options.html === undefined ? [] : [{ file: options.html, text: () => renderAnalysisReport({ title: `${scenario.title ?? scenario.name}: where ${table.policy} fails`, discovery: table }) }]),
      ...(options.vegaLite === undefined ? [] : [{ file: options.vegaLite, text: () => `${JSON.stringify(primTradeoffVegaLite(table), null, 2)}\n` }]),
    ],
    env,
  );
  if (!options.quiet) for (const { file } of outputs) env.err(`wrote ${file}\n`);
}

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

/** The text `discover` prints: the trajectory, then the chosen box's limits and quasi-p-values. */
export function formatDiscovery(table: DiscoveryTable): string {
  const threshold = table.above ?? table.below!;
  const side = table.above === undefined ? "below" : "above";
  const box: PrimBox = table.trajectory[table.chosen]!;
  const trajectory = alignColumns(
    [["box", "step", "coverage", "density", "mass", "restricted"], ...table.trajectory.map((b, i) => [String(i), b.step, percent(b.coverage), percent(b.density), percent(b.mass), String(b.restricted)])],
    (c) => c === 0,
  );
  const limits = Object.keys(box.limits).map((name) => [name, limitText(box.limits[name]!), pValueText(box.pValues[name]!)]);
  const how = table.chosen === table.trajectory.length - 1 ? "the last of the trajectory, as in EMA Workbench; --box I picks another" : "picked with --box";
  return [
    `${table.outcome} ${table.versus === undefined ? `under ${table.policy}` : `of ${table.policy} minus ${table.versus} (run by run)`}: ${table.cases} of ${table.points} runs ${side} ${formatValue(threshold, table.unit)} (${percent(table.cases / table.points)})`,
    ...(table.cases === 0 ? [`no run is a case of interest: try a ${side === "above" ? "lower" : "higher"} threshold`] : []),
    `PRIM over ${table.inputs.length} random inputs (uncertainties and rule draws), alpha ${table.alpha}, minimum mass ${table.minMass}`,
    "",
    ...trajectory,
    "",
    `chosen box ${table.chosen} (${how}): coverage ${percent(box.coverage)}, density ${percent(box.density)}, mass ${percent(box.mass)}`,
    ...(limits.length === 0 ? ["no input restricted: the box is the whole space"] : alignColumns([["input", "limits", "quasi-p"], ...limits], (c) => c === 0)),
    "",
  ].join("\n");
}
