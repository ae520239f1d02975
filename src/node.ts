// chokepoint/node: Node-only helpers: scenario files, bundled scenarios, experiments over worker threads.
import { readdirSync, statSync } from "node:fs";
import { sep } from "node:path";
import { fileURLToPath } from "node:url";
import { ScenarioError } from "./errors.js";
import { FileReadError, readTextFile } from "./read-text-file.js";
import { closestName } from "./schema/suggest.js";
import { MAX_SCENARIO_TEXT_LENGTH, safeParseScenario } from "./schema/parse.js";
import type { Scenario } from "./schema/scenario.js";
import { ObservationsError, parseObservations } from "./calibrate/observations.js";
import type { Observations } from "./calibrate/observations-types.js";

export { runExperiment, type ParallelExperimentOptions } from "./parallel/run-experiment-parallel.js";
export { calibrate, type ParallelCalibrateOptions } from "./parallel/calibrate-parallel.js";
export { sensitivityAnalysis, type ParallelSensitivityOptions } from "./parallel/sensitivity-parallel.js";
export { analyzeGame, sweepGameUncertainty, type ParallelAnalyzeGameOptions } from "./parallel/game-parallel.js";
export { sweepLever, type ParallelSweepLeverOptions } from "./analysis/sweep-lever-parallel.js";
export { runShard, mergeShards, shardRuns, type ShardDocument, type ShardOptions } from "./parallel/shards.js";

/**
 * Read and validate a scenario file (JSON or YAML). Problems carry their path and the
 * line and column in the file. Only a regular file of at most 64 MiB is read: a named
 * pipe, a device, a socket or a folder is refused without being opened, and the size is
 * checked before reading.
 *
 * @param path - file path.
 * @returns the validated scenario.
 * @throws ScenarioError when the file cannot be read (missing, not a regular file, larger
 *   than 64 MiB, not readable) or the scenario is invalid.
 * @example
 * ```ts
 * import { loadScenarioFile } from "chokepoint/node";
 * const scenario = await loadScenarioFile("my-scenario.yaml");
 * ```
 */
export async function loadScenarioFile(path: string): Promise<Scenario> {
  let text: string;
  try {
    text = await readTextFile(path, MAX_SCENARIO_TEXT_LENGTH);
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error;
    throw new ScenarioError([{ path: "", message: error.message }], `cannot load ${path}`);
  }
  const result = safeParseScenario(text);
  if (!result.success) throw new ScenarioError(result.error.problems, `invalid scenario ${path}`, result.error.total);
  return result.scenario;
}

/**
 * Read an observation file (JSON or YAML) and validate it; with the scenario, also against
 * it. Problems carry their path and the line and column in the file.
 *
 * @param path - file path.
 * @param scenario - the scenario the observations belong to.
 * @returns the observations.
 * @throws ObservationsError (a ScenarioError) when the file cannot be read or is invalid.
 * @example
 * ```ts
 * import { loadObservationsFile } from "chokepoint/node";
 * const observations = await loadObservationsFile("observations/antimony-export-controls-2024.json");
 * ```
 */
export async function loadObservationsFile(path: string, scenario?: Scenario): Promise<Observations> {
  let text: string;
  try {
    text = await readTextFile(path, MAX_SCENARIO_TEXT_LENGTH);
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error;
    throw new ObservationsError([{ path: "", message: `cannot load ${path}: ${error.message}` }]);
  }
  try {
    return parseObservations(text, scenario);
  } catch (error) {
    if (error instanceof ObservationsError) throw new ObservationsError(error.problems, error.total, `invalid observations ${path}`);
    throw error;
  }
}

/**
 * The bundled observation file of a bundled scenario (in the package's `observations/`
 * folder, named after the scenario), if there is one.
 *
 * @param name - a bundled scenario's name.
 * @returns the file's path, or undefined.
 * @example
 * ```ts
 * import { bundledObservationsFile } from "chokepoint/node";
 * bundledObservationsFile("antimony-export-controls-2024"); // ".../observations/antimony-export-controls-2024.json"
 * ```
 */
export function bundledObservationsFile(name: string): string | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(name)) return undefined;
  const url = new URL(`../observations/${name}.json`, import.meta.url);
  try {
    return statSync(url).isFile() ? fileURLToPath(url) : undefined;
  } catch {
    return undefined;
  }
}

/** File name endings of scenario files, bundled or not. */
const SCENARIO_FILE = /\.(json|ya?ml)$/;

/**
 * The folder of bundled scenarios, `scenarios/` at the package root: one level above this
 * module both in `src/` and in `dist/` (in the CommonJS build, tsup's shim supplies
 * `import.meta.url`). Computed on call, so that importing this module has no side effects.
 */
function scenariosFolder(): URL {
  return new URL("../scenarios/", import.meta.url);
}

/** Bundled scenario files by name (file name without its ending). */
function bundledScenarioFiles(): Map<string, string> {
  let entries: string[];
  try {
    entries = readdirSync(scenariosFolder());
  } catch {
    return new Map();
  }
  const files = new Map<string, string>();
  for (const entry of entries.sort()) {
    const name = entry.replace(SCENARIO_FILE, "");
    if (name !== entry && !files.has(name)) files.set(name, fileURLToPath(new URL(entry, scenariosFolder())));
  }
  return files;
}

/**
 * Names of the scenarios that ship with the package (files in its `scenarios/` folder),
 * sorted.
 *
 * @returns names such as `"illustrative-standoff"`, for {@link loadBundledScenario}.
 * @example
 * ```ts
 * import { bundledScenarioNames } from "chokepoint/node";
 * bundledScenarioNames(); // ["illustrative-standoff", ...]
 * ```
 */
export function bundledScenarioNames(): string[] {
  return [...bundledScenarioFiles().keys()];
}

function unknownScenario(name: string, known: readonly string[], what: string): ScenarioError {
  const suggestion = closestName(name, known);
  const hint = suggestion === undefined ? "" : `; did you mean "${suggestion}"?`;
  const list = known.length === 0 ? "no scenarios are bundled" : `bundled: ${known.join(", ")}`;
  return new ScenarioError([{ path: "", message: `${what} "${name}"${hint} (${list})` }], `cannot load ${name}`);
}

/**
 * Load and validate a scenario that ships with the package, by name.
 *
 * @param name - one of {@link bundledScenarioNames}.
 * @returns the validated scenario.
 * @throws ScenarioError when no bundled scenario has that name (with the closest name, if
 *   one is close) or the scenario is invalid.
 * @example
 * ```ts
 * import { loadBundledScenario } from "chokepoint/node";
 * const scenario = await loadBundledScenario("illustrative-standoff");
 * ```
 */
export async function loadBundledScenario(name: string): Promise<Scenario> {
  const files = bundledScenarioFiles();
  const file = files.get(name);
  if (file === undefined) throw unknownScenario(name, [...files.keys()], "no bundled scenario named");
  return loadScenarioFile(file);
}

/** True when `nameOrPath` can only be meant as a file: it exists as one, or has a folder or a scenario file ending. */
function isScenarioPath(nameOrPath: string): boolean {
  try {
    if (statSync(nameOrPath).isFile()) return true;
  } catch {
    // not a file: decided by its form
  }
  return nameOrPath.includes("/") || nameOrPath.includes(sep) || SCENARIO_FILE.test(nameOrPath);
}

/**
 * Load a scenario given as a file path or as the name of a bundled scenario: a path when
 * a file of that name exists, or when it contains a path separator or ends with `.json`,
 * `.yaml` or `.yml`; otherwise a bundled scenario's name.
 *
 * @param nameOrPath - `"my-scenario.yaml"`, `"./scenarios/x"` or `"illustrative-standoff"`.
 * @returns the validated scenario.
 * @throws ScenarioError when the file cannot be read, the name is neither a file nor a
 *   bundled scenario (with the closest bundled name, if one is close), or the scenario is
 *   invalid.
 * @example
 * ```ts
 * import { resolveScenario } from "chokepoint/node";
 * const scenario = await resolveScenario(process.argv[2] ?? "illustrative-standoff");
 * ```
 */
export async function resolveScenario(nameOrPath: string): Promise<Scenario> {
  if (isScenarioPath(nameOrPath)) return loadScenarioFile(nameOrPath);
  const files = bundledScenarioFiles();
  const file = files.get(nameOrPath);
  if (file === undefined) throw unknownScenario(nameOrPath, [...files.keys()], "no file or bundled scenario named");
  return loadScenarioFile(file);
}
