// The scenario a command is given: a file or a bundled scenario's name. A name or file
// that does not exist is a bad command line (exit 2); a scenario that is invalid is a
// failure (exit 1), reported problem by problem.
import { existsSync, statSync } from "node:fs";
import { InputError, ScenarioError } from "../errors.js";
import { bundledScenarioNames, resolveScenario } from "../node.js";
import { fileKind } from "../read-text-file.js";
import type { Scenario } from "../schema/scenario.js";
import { CommandFailure, UsageError } from "./errors.js";
import type { InputFile } from "./output-files.js";
import { problemLines } from "./problem-lines.js";

/** The scenario file the argument names, if it names one, as an input that outputs must not overwrite. */
export function scenarioInput(argument: string): InputFile[] {
  return existsSync(argument) ? [{ what: "the scenario file", file: argument }] : [];
}

/** How the scenario argument was understood, for the header of `run`. */
export function describeScenarioArgument(argument: string): string {
  return existsSync(argument) ? argument : "bundled";
}

/**
 * Load the scenario named on the command line (see `resolveScenario`).
 *
 * @throws UsageError when it is neither an existing file nor a bundled scenario, or is not a
 *   regular file (a folder, a named pipe, a device);
 *   CommandFailure with one line per problem when the scenario is invalid or unreadable.
 */
export async function loadScenarioArgument(argument: string): Promise<Scenario> {
  const stats = existsSync(argument) ? statSync(argument) : undefined;
  if (stats !== undefined && !stats.isFile()) throw new UsageError(`${argument} is ${fileKind(stats)}, not a scenario file`);
  try {
    return await resolveScenario(argument);
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    if (!existsSync(argument) && !bundledScenarioNames().includes(argument)) {
      throw new UsageError(error.problems.map((problem) => problem.message).join("; "));
    }
    const unreadable = error.problems.length === 1 && error.problems[0]?.path === "" && error.problems[0].line === undefined;
    throw new CommandFailure(unreadable ? [error.problems[0]?.message ?? error.message] : problemLines(argument, error.problems));
  }
}

/**
 * An error of the library while it runs the scenario named by `argument`, as the command
 * line reports it: a problem of the scenario (a formula not finite in some run) is a
 * failure, one line per problem naming the scenario (exit code 1); a bad option is a bad
 * command line (exit code 2); anything else is left as it is.
 */
export function scenarioRunError(argument: string, error: unknown): unknown {
  if (error instanceof ScenarioError) return new CommandFailure(problemLines(argument, error.problems));
  if (error instanceof InputError) return new UsageError(error.message);
  return error;
}
