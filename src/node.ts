// chokepoint/node: Node-only helpers (file system; worker threads later).
import { readFile } from "node:fs/promises";
import { ScenarioError } from "./errors.js";
import { MAX_SCENARIO_TEXT_LENGTH, safeParseScenario } from "./schema/parse.js";
import type { Scenario } from "./schema/scenario.js";

/**
 * Read and validate a scenario file (JSON or YAML). Problems carry their path and the
 * line and column in the file.
 *
 * @param path - file path.
 * @returns the validated scenario.
 * @throws ScenarioError when the file cannot be read or the scenario is invalid.
 * @example
 * ```ts
 * import { loadScenarioFile } from "chokepoint/node";
 * const scenario = await loadScenarioFile("my-scenario.yaml");
 * ```
 */
export async function loadScenarioFile(path: string): Promise<Scenario> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : code === "EACCES" ? "permission denied" : String((error as Error).message);
    throw new ScenarioError([{ path: "", message: `cannot read ${path}: ${reason}` }], `cannot load ${path}`);
  }
  if (text.length > MAX_SCENARIO_TEXT_LENGTH) {
    throw new ScenarioError([{ path: "", message: `${path} is larger than the limit of ${MAX_SCENARIO_TEXT_LENGTH} characters` }], `cannot load ${path}`);
  }
  const result = safeParseScenario(text);
  if (!result.success) throw new ScenarioError(result.error.problems, `invalid scenario ${path}`);
  return result.scenario;
}
