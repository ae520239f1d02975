// `chokepoint predict`: how well a scenario covers observed series, optionally with the
// posterior of a fit on another episode applied first (the out-of-sample check).
import { existsSync, statSync } from "node:fs";
import { applyPosterior } from "../calibrate/apply-posterior.js";
import type { CalibrationResult } from "../calibrate/calibrate.js";
import { ObservationsError } from "../calibrate/observations.js";
import { predict, type PredictionResult } from "../calibrate/predict.js";
import { InputError, ScenarioError } from "../errors.js";
import { bundledObservationsFile } from "../node.js";
import { fileKind, FileReadError, readTextFile } from "../read-text-file.js";
import { renderPredictionReport } from "../report/calibration-report.js";
import type { Scenario } from "../schema/scenario.js";
import type { CliEnvironment } from "./environment.js";
import { CommandFailure, UsageError } from "./errors.js";
import { checkOutputFiles, givenOutputs, writeOutputFiles } from "./output-files.js";
import { problemLines } from "./problem-lines.js";
import { loadScenarioArgument, scenarioInput } from "./scenario-argument.js";
import { terminalText } from "./terminal-text.js";

/** Options of `chokepoint predict`. */
export interface PredictCommandOptions {
  readonly seed: string;
  readonly runs?: number;
  /** A calibration file (`calibrate --json`) whose posterior to apply first. */
  readonly posterior?: string;
  /** Which of its parameters to apply; default all. */
  readonly parameters?: readonly string[];
  readonly json?: string;
  readonly html?: string;
  readonly quiet?: boolean;
}

const MAX_TEXT = 200_000_000;

/**
 * The observation file an argument names: a file, or the name of a bundled scenario whose
 * observations ship with the package (`observations/<name>.json`).
 */
export function observationsPath(argument: string): string {
  if (existsSync(argument)) return argument;
  return bundledObservationsFile(argument) ?? argument;
}

/** Read a text file named on the command line, as `what` (for messages). */
export async function readInputFile(file: string, what: string): Promise<string> {
  const stats = existsSync(file) ? statSync(file) : undefined;
  if (stats === undefined) throw new UsageError(`${file}: no such ${what}${what === "observation file" ? " (nor bundled observations of that name)" : ""}`);
  if (!stats.isFile()) throw new UsageError(`${file} is ${fileKind(stats)}, not ${what === "observation file" ? "an" : "a"} ${what}`);
  try {
    return await readTextFile(file, MAX_TEXT);
  } catch (error) {
    if (error instanceof FileReadError) throw new CommandFailure([`${file}: ${error.message}`]);
    throw error;
  }
}

/**
 * `chokepoint predict <scenario> <observations>`: apply a fit if asked, simulate, print the coverage, write the files asked for.
 *
 * @throws UsageError for a bad command line; CommandFailure for an invalid scenario, observation or calibration file.
 */
export async function predictCommand(scenarioArgument: string, observationsFile: string, options: PredictCommandOptions, env: CliEnvironment): Promise<void> {
  const outputs = givenOutputs([
    ["--json", options.json],
    ["--html", options.html],
  ]);
  checkOutputFiles(outputs, [
    ...scenarioInput(scenarioArgument),
    { what: "the observation file", file: observationsFile },
    ...(options.posterior === undefined ? [] : [{ what: "the calibration file", file: options.posterior }]),
  ]);
  let scenario: Scenario = await loadScenarioArgument(scenarioArgument);
  const observations = await readInputFile(observationsPath(observationsFile), "observation file");
  if (options.posterior !== undefined) {
    const text = await readInputFile(options.posterior, "calibration file");
    let fit: CalibrationResult;
    try {
      fit = JSON.parse(text) as CalibrationResult;
    } catch (error) {
      throw new CommandFailure([`${options.posterior}: not JSON (${(error as Error).message})`]);
    }
    if (fit?.format !== "chokepoint-calibration") throw new CommandFailure([`${options.posterior}: expected a calibration file (written by chokepoint calibrate --json), found no "format": "chokepoint-calibration"`]);
    try {
      scenario = applyPosterior(scenario, fit, options.parameters === undefined ? {} : { parameters: options.parameters });
    } catch (error) {
      if (error instanceof InputError) throw new UsageError(error.message.replace(/^options\.parameters/, "--parameters").replace(/^fit\./, `${options.posterior}: `));
      if (error instanceof ScenarioError) throw new CommandFailure(problemLines(options.posterior, error.problems));
      throw error;
    }
  }
  let result: PredictionResult;
  try {
    result = predict(scenario, observations, { seed: options.seed, ...(options.runs === undefined ? {} : { runs: options.runs }) });
  } catch (error) {
    if (error instanceof ObservationsError) throw new CommandFailure(problemLines(observationsFile, error.problems));
    throw error;
  }
  env.out(terminalText(formatPrediction(result)));
  const predicted = scenario;
  await writeOutputFiles(
    [
      ...(options.json === undefined ? [] : [{ file: options.json, text: () => `${JSON.stringify(result, null, 2)}\n` }]),
      ...(options.html === undefined ? [] : [{ file: options.html, text: () => renderPredictionReport(result, predicted) }]),
    ],
    env,
  );
  if (options.quiet) return;
  for (const output of outputs) env.err(`wrote ${output.file}\n`);
}

/** The text `predict` prints: coverage overall and per series. */
export function formatPrediction(result: PredictionResult): string {
  const { predictive } = result;
  const points = result.observations.points;
  const share = (x: number) => `${Math.round(x * points)} of ${points} points (${Math.round(100 * x)}%)`;
  const lines = [`predicted ${result.observations.name} with ${result.scenario.name}: ${points} points in ${result.observations.series} series, policy ${result.policy}, ${predictive.runs} runs`];
  lines.push(
    result.calibrated
      ? `covered: ${share(predictive.coverage)} with the scenario's posterior; ${share(predictive.priorCoverage)} with its priors alone`
      : `covered: ${share(predictive.coverage)} (the scenario has no posterior)`,
  );
  for (const series of predictive.series) {
    const missed = series.points.filter((p) => !p.covered).map((p) => `period ${p.period} (quantile ${p.quantile.toFixed(2)})`);
    lines.push(`  ${series.name}: ${series.points.length - missed.length} of ${series.points.length} covered${missed.length === 0 ? "" : `; outside: ${missed.join(", ")}`}`);
  }
  return `${lines.join("\n")}\n`;
}
