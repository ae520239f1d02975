// `chokepoint calibrate`: fit a scenario's free uncertainties to an observation file
// (ABC-SMC), print the posterior and the predictive check, and write the result, a report
// and the calibrated scenario on request. Ctrl-C stops the fit and writes nothing.
import { alignColumns } from "../report/text.js";
import type { CalibrationResult } from "../calibrate/calibrate.js";
import { ObservationsError, parseObservations } from "../calibrate/observations.js";
import { applyPosterior } from "../calibrate/apply-posterior.js";
import { calibrate } from "../parallel/calibrate-parallel.js";
import { formatValue } from "../report/format-number.js";
import { renderCalibrationReport } from "../report/calibration-report.js";
import type { CliEnvironment } from "./environment.js";
import { CommandFailure, Interrupted, UsageError } from "./errors.js";
import { checkOutputFiles, givenOutputs, writeOutputFiles } from "./output-files.js";
import { problemLines } from "./problem-lines.js";
import { observationsPath, readInputFile } from "./predict-command.js";
import { statusReporter } from "./progress.js";
import { loadScenarioArgument, scenarioInput, scenarioRunError } from "./scenario-argument.js";
import { terminalText } from "./terminal-text.js";

/** Options of `chokepoint calibrate`, as parsed from the command line. */
export interface CalibrateCommandOptions {
  readonly seed: string;
  readonly free?: readonly string[];
  readonly particles?: number;
  readonly generations?: number;
  readonly maxSimulations?: number;
  readonly quantile?: number;
  readonly minAcceptance?: number;
  readonly predictiveRuns?: number;
  readonly workers?: number;
  readonly json?: string;
  readonly html?: string;
  /** Write the calibrated scenario (the posterior's joint draws in it) to this file. */
  readonly calibrated?: string;
  readonly progress?: boolean;
  readonly quiet?: boolean;
}

/**
 * `chokepoint calibrate <scenario> <observations>`: fit, print, and write the files asked for.
 *
 * @throws UsageError for a bad command line; CommandFailure for an invalid scenario or
 *   observation file; Interrupted after Ctrl-C (nothing written).
 */
export async function calibrateCommand(scenarioArgument: string, observationsFile: string, options: CalibrateCommandOptions, env: CliEnvironment): Promise<void> {
  const outputs = givenOutputs([
    ["--json", options.json],
    ["--html", options.html],
    ["--calibrated", options.calibrated],
  ]);
  checkOutputFiles(outputs, [...scenarioInput(scenarioArgument), { what: "the observation file", file: observationsFile }]);
  const scenario = await loadScenarioArgument(scenarioArgument);
  const text = await readInputFile(observationsPath(observationsFile), "observation file");
  try {
    parseObservations(text, scenario);
  } catch (error) {
    if (error instanceof ObservationsError) throw new CommandFailure(problemLines(observationsFile, error.problems));
    throw error;
  }

  const reporter = statusReporter(env, options.quiet ? false : options.progress);
  const controller = new AbortController();
  const stopListening = env.onInterrupt(() => controller.abort("interrupted"));
  let simulations = 0;
  let result: CalibrationResult | undefined;
  const started = performance.now();
  const maxSimulations = options.maxSimulations ?? 200_000;
  try {
    result = await calibrate(scenario, text, {
      seed: options.seed,
      ...(options.free === undefined ? {} : { free: options.free }),
      ...(options.particles === undefined ? {} : { particles: options.particles }),
      ...(options.generations === undefined ? {} : { maxGenerations: options.generations }),
      maxSimulations,
      ...(options.quantile === undefined ? {} : { quantile: options.quantile }),
      ...(options.minAcceptance === undefined ? {} : { minAcceptanceRate: options.minAcceptance }),
      ...(options.predictiveRuns === undefined ? {} : { predictiveRuns: options.predictiveRuns }),
      ...(options.workers === undefined ? {} : { workers: options.workers }),
      signal: controller.signal,
      onProgress: (progress) => {
        simulations = progress.simulations;
        const tolerance = progress.tolerance === Infinity ? "from the priors" : `tolerance ${formatValue(progress.tolerance, "", { digits: 3 })}`;
        reporter.update(
          String(progress.generation),
          `population ${progress.generation} (${tolerance}): ${progress.accepted} of ${progress.particles} particles, ${simulations.toLocaleString("en-US")} simulations`,
        );
      },
    });
  } catch (error) {
    if (error instanceof ObservationsError) {
      // the names given with --free are the command line's problem, not the file's
      const fromFree = error.problems.filter((p) => p.path.startsWith("options.free"));
      if (fromFree.length > 0) throw new UsageError(`--free: ${fromFree.map((p) => p.message).join("; ")}`);
      throw new CommandFailure(problemLines(observationsFile, error.problems));
    }
    if (!controller.signal.aborted) throw scenarioRunError(scenarioArgument, error);
  } finally {
    reporter.clear();
    stopListening();
  }
  if (controller.signal.aborted || result === undefined) {
    throw new Interrupted(`interrupted after ${simulations} simulations${outputs.length === 0 ? "" : `; ${outputs.map((o) => o.file).join(", ")} not written`}`);
  }
  const seconds = (performance.now() - started) / 1000;
  env.out(terminalText(formatCalibration(result, seconds)));
  const fit = result;
  await writeOutputFiles(
    [
      ...(options.json === undefined ? [] : [{ file: options.json, text: () => `${JSON.stringify(fit, null, 2)}\n` }]),
      ...(options.html === undefined ? [] : [{ file: options.html, text: () => renderCalibrationReport(fit, scenario) }]),
      ...(options.calibrated === undefined ? [] : [{ file: options.calibrated, text: () => scenarioText(applyPosterior(scenario, fit)) }]),
    ],
    env,
  );
  if (options.quiet) return;
  for (const output of outputs) env.err(`wrote ${output.file}\n`);
}

/** A scenario as JSON, indented, with each list of numbers on one line (a posterior's draws: a row a line). */
export function scenarioText(scenario: unknown): string {
  const number = String.raw`-?\d+(?:\.\d+)?(?:e[+-]?\d+)?`;
  const list = new RegExp(String.raw`\[\s*(${number}(?:,\s*${number})*)\s*\]`, "g");
  return `${JSON.stringify(scenario, null, 2).replace(list, (_, items: string) => `[${items.split(/,\s*/).join(", ")}]`)}\n`;
}

const STOP_REASONS = {
  tolerance: "the tolerance reached its target",
  acceptance: "the acceptance rate fell below its minimum",
  generations: "the most populations were run",
  simulations: "the simulation budget ran out (the last population was not completed)",
  converged: "the tolerance stopped falling",
} as const;

/** Numbers for the table: four significant digits, no scientific notation. */
const number = (x: number) => formatValue(x, "", { digits: 3 });

/** The text `calibrate` prints: the fit, the posterior per parameter, the predictive check. */
export function formatCalibration(result: CalibrationResult, seconds?: number): string {
  const { posterior, predictive } = result;
  const lines: string[] = [];
  lines.push(
    `calibrated ${result.scenario.name} to ${result.observations.name}: ${result.observations.points} points in ${result.observations.series} series, policy ${result.policy}`,
  );
  const last = posterior.generations[posterior.generations.length - 1]!;
  lines.push(
    `${posterior.generations.length} populations of ${posterior.draws.length} particles, ${posterior.simulations.toLocaleString("en-US")} simulations${seconds === undefined ? "" : ` in ${seconds.toFixed(1)} s`}; effective sample size ${Math.round(posterior.effectiveSampleSize)}; stopped: ${STOP_REASONS[posterior.stopReason]}`,
  );
  lines.push(`tolerance by population: ${posterior.generations.map((g) => (g.tolerance === Infinity ? "none" : number(g.tolerance))).join(" > ")} (last acceptance rate ${(100 * last.acceptanceRate).toFixed(2)}%)`);
  lines.push("");
  const rows = [["parameter", "prior 90%", "posterior mean", "posterior 90%", "width vs prior"]];
  for (const p of posterior.summary) {
    rows.push([p.name, `${number(p.prior.p05)} to ${number(p.prior.p95)}`, number(p.mean), `${number(p.p05)} to ${number(p.p95)}`, number(p.intervalRatio)]);
  }
  lines.push(...alignColumns(rows, (c) => c === 0));
  const strong = [];
  for (let a = 0; a < posterior.parameters.length; a++) {
    for (let b = a + 1; b < posterior.parameters.length; b++) {
      const r = posterior.correlations[a]![b]!;
      if (Math.abs(r) >= 0.5) strong.push(`${posterior.parameters[a]} and ${posterior.parameters[b]} ${r.toFixed(2)}`);
    }
  }
  if (strong.length > 0) lines.push(`strong posterior correlations: ${strong.join("; ")}`);
  lines.push("");
  const points = predictive.series.reduce((sum, s) => sum + s.points.length, 0);
  const inside = (share: number) => `${Math.round(share * points)} of ${points} points (${Math.round(100 * share)}%)`;
  lines.push(`predictive check (${predictive.runs} runs each): ${inside(predictive.coverage)} inside their 90% predictive intervals under the posterior; ${inside(predictive.priorCoverage)} under the prior`);
  for (const series of predictive.series) {
    const missed = series.points.filter((p) => !p.covered).map((p) => `period ${p.period}`);
    lines.push(`  ${series.name}: ${series.points.length - missed.length} of ${series.points.length} covered${missed.length === 0 ? "" : `; outside: ${missed.join(", ")}`}`);
  }
  return `${lines.join("\n")}\n`;
}
