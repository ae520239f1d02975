import { ScenarioError, type InputProblem } from "../errors.js";
import { LIMITS } from "./limits.js";
import { problemsFromZodIssues } from "./_internals/zod-issues.js";
import { parseText } from "./_internals/source-positions.js";
import { prototypeKeyProblems } from "./_internals/prototype-keys.js";
import { scenarioProblems } from "./check-scenario.js";
import { scenarioSchema, type Scenario } from "./scenario.js";

/** Largest scenario text accepted, in characters. */
export const MAX_SCENARIO_TEXT_LENGTH = LIMITS.scenarioText;

/** The outcome of {@link safeParseScenario}: the scenario, or every problem found. */
export type SafeParseScenarioResult =
  | { readonly success: true; readonly scenario: Scenario }
  | { readonly success: false; readonly error: ScenarioError };

function validate(input: unknown): { scenario?: Scenario; problems: InputProblem[] } {
  const result = scenarioSchema.safeParse(input);
  const prototypeKeys = prototypeKeyProblems(input);
  if (!result.success) return { problems: [...problemsFromZodIssues(scenarioSchema, input, result.error.issues), ...prototypeKeys] };
  const problems = [...scenarioProblems(result.data), ...prototypeKeys];
  return problems.length === 0 ? { scenario: result.data, problems } : { problems };
}

/**
 * Validate a scenario without throwing.
 *
 * @param input - a scenario object (as built in code or read from JSON), or the text of a
 *   JSON or YAML scenario file; problems in text carry line and column.
 * @returns `{ success: true, scenario }` with defaults filled in, or `{ success: false, error }`
 *   where `error.problems` lists every problem with its path.
 * @example
 * ```ts
 * const result = safeParseScenario({ name: "x" });
 * if (!result.success) console.log(result.error.problems[0]);
 * // { path: "horizon", message: "missing (expected a number)" }
 * ```
 */
export function safeParseScenario(input: unknown): SafeParseScenarioResult {
  if (typeof input === "string") {
    if (input.length > MAX_SCENARIO_TEXT_LENGTH) {
      return fail([{ path: "", message: `scenario text is ${input.length} characters; the limit is ${MAX_SCENARIO_TEXT_LENGTH}` }]);
    }
    const parsed = parseText(input);
    if (parsed.problems.length > 0) return fail(parsed.problems);
    const { scenario, problems } = validate(parsed.value);
    if (scenario !== undefined) return { success: true, scenario };
    return fail(problems.map((problem) => ({ ...problem, ...parsed.locate(problem.path) })));
  }
  const { scenario, problems } = validate(input);
  return scenario !== undefined ? { success: true, scenario } : fail(problems);
}

function fail(problems: InputProblem[]): SafeParseScenarioResult {
  return { success: false, error: new ScenarioError(problems) };
}

/**
 * Validate a scenario and fill in defaults; throw a {@link ScenarioError} listing every
 * problem (path, what was expected, what was found) when it is invalid.
 *
 * @param input - a scenario object, or the text of a JSON or YAML scenario file.
 * @returns the validated scenario.
 * @throws ScenarioError when the scenario is invalid.
 * @example
 * ```ts
 * const scenario = parseScenario(JSON.parse(text));
 * scenario.policies.map((p) => p.name); // ["us-alone", "aligned"]
 * ```
 */
export function parseScenario(input: unknown): Scenario {
  const result = safeParseScenario(input);
  if (!result.success) throw result.error;
  return result.scenario;
}
