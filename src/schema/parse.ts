import type { z } from "zod";
import { ScenarioError, type InputProblem } from "../errors.js";
import { LIMITS } from "./limits.js";
import { reportZodIssues } from "./_internals/zod-issues.js";
import { parseText } from "./_internals/source-positions.js";
import { prototypeKeyProblems } from "./_internals/prototype-keys.js";
import { ValidationContext } from "./_internals/validation-context.js";
import { isBig, zodIssuesInPieces } from "./_internals/zod-pieces.js";
import { scenarioProblems } from "./check-scenario.js";
import { scenarioSchema, type Scenario } from "./scenario.js";

/** Largest scenario text accepted, in characters. */
export const MAX_SCENARIO_TEXT_LENGTH = LIMITS.scenarioText;

/** The outcome of {@link safeParseScenario}: the scenario, or every problem found. */
export type SafeParseScenarioResult =
  | { readonly success: true; readonly scenario: Scenario }
  | { readonly success: false; readonly error: ScenarioError };

/** Options of {@link parseScenario} and {@link safeParseScenario}. */
export interface ParseScenarioOptions {
  /**
   * Stops the validation: it throws an `AbortError` (the error experiments throw) soon
   * after the signal is aborted, between stages and every few thousand items.
   */
  readonly signal?: AbortSignal;
}

/**
 * The scenario `input` (plain data) describes, with defaults filled in, or undefined after
 * reporting its problems to `context`. Big input is checked in pieces first, so that the
 * issues zod holds stay few; the whole is then parsed only when it is valid.
 */
function validate(input: unknown, context: ValidationContext): Scenario | undefined {
  if (isBig(input)) {
    const report = (issue: z.core.$ZodIssue) => reportZodIssues(scenarioSchema, input, [issue], context);
    for (const _ of zodIssuesInPieces(scenarioSchema, input, [], report)) {
      context.checkAbort();
      if (context.exhausted) {
        context.stopped = true;
        break;
      }
    }
  }
  const result = context.total === 0 ? scenarioSchema.safeParse(input) : undefined;
  context.checkAbort();
  if (result?.success === false) reportZodIssues(scenarioSchema, input, result.error.issues, context);
  if (result?.success === true) scenarioProblems(result.data, context);
  context.checkAbort();
  for (const problem of prototypeKeyProblems(input)) context.report(problem);
  return result?.success === true && context.total === 0 ? result.data : undefined;
}

/**
 * Validate a scenario without throwing.
 *
 * The cost is bounded for hostile input: "did you mean" suggestions stop after 100, and
 * the first 1,000 problems are listed, then a last line says how many more there are
 * (`error.total` counts them all).
 *
 * @param input - a scenario object (as built in code or read from JSON), or the text of a
 *   JSON or YAML scenario file; problems in text carry line and column.
 * @param options - `signal` to stop a long validation.
 * @returns `{ success: true, scenario }` with defaults filled in, or `{ success: false, error }`
 *   where `error.problems` lists every problem with its path.
 * @throws an `AbortError` when `options.signal` is aborted, and never anything else.
 * @example
 * ```ts
 * const result = safeParseScenario({ name: "x" });
 * if (!result.success) console.log(result.error.problems[0]);
 * // { path: "horizon", message: "missing (expected a number)" }
 *
 * // with a time limit
 * const timed = safeParseScenario(text, { signal: AbortSignal.timeout(10_000) });
 * ```
 */
export function safeParseScenario(input: unknown, options: ParseScenarioOptions = {}): SafeParseScenarioResult {
  const context = new ValidationContext(options.signal);
  context.checkAbort();
  if (typeof input === "string") {
    if (input.length > MAX_SCENARIO_TEXT_LENGTH) {
      return fail([{ path: "", message: `scenario text is ${input.length} characters; the limit is ${MAX_SCENARIO_TEXT_LENGTH}` }]);
    }
    const parsed = parseText(input);
    context.checkAbort();
    if (parsed.problems.length > 0) return fail(parsed.problems);
    const scenario = validate(parsed.value, context);
    if (scenario !== undefined) return { success: true, scenario };
    const places = parsed.locate(context.problems.map((problem) => problem.path));
    const located = context.problems.map((problem, i) => ({ ...problem, ...places[i] }));
    return fail([...located, ...context.listed().slice(located.length)], context.total);
  }
  const scenario = validate(input, context);
  return scenario !== undefined ? { success: true, scenario } : fail(context.listed(), context.total);
}

function fail(problems: InputProblem[], total = problems.length): SafeParseScenarioResult {
  return { success: false, error: new ScenarioError(problems, "invalid scenario", total) };
}

/**
 * Validate a scenario and fill in defaults; throw a {@link ScenarioError} listing every
 * problem (path, what was expected, what was found) when it is invalid.
 *
 * @param input - a scenario object, or the text of a JSON or YAML scenario file.
 * @param options - `signal` to stop a long validation.
 * @returns the validated scenario.
 * @throws ScenarioError when the scenario is invalid; an `AbortError` when `options.signal` is aborted.
 * @example
 * ```ts
 * const scenario = parseScenario(JSON.parse(text));
 * scenario.policies.map((p) => p.name); // ["us-alone", "aligned"]
 *
 * const checked = parseScenario(text, { signal: AbortSignal.timeout(10_000) });
 * ```
 */
export function parseScenario(input: unknown, options: ParseScenarioOptions = {}): Scenario {
  const result = safeParseScenario(input, options);
  if (!result.success) throw result.error;
  return result.scenario;
}
