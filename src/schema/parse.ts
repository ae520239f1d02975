import type { z } from "zod";
import { ScenarioError, type InputProblem } from "../errors.js";
import { LIMITS } from "./limits.js";
import { reportZodIssues } from "./_internals/zod-issues.js";
import { parseText } from "./_internals/source-positions.js";
import { prototypeKeyProblems } from "./_internals/prototype-keys.js";
import { ValidationContext } from "./_internals/validation-context.js";
import { isBig, zodIssuesInPieces } from "./_internals/zod-pieces.js";
import { scenarioChecks } from "./check-scenario.js";
import { scenarioSchema, type Scenario } from "./scenario.js";

/** Largest scenario text accepted, in characters. */
export const MAX_SCENARIO_TEXT_LENGTH = LIMITS.scenarioText;

/** The outcome of {@link safeParseScenario}: the scenario, or every problem found. */
export type SafeParseScenarioResult =
  | { readonly success: true; readonly scenario: Scenario }
  | { readonly success: false; readonly error: ScenarioError };

/** Options of {@link parseScenario} and {@link safeParseScenario} and their async forms. */
export interface ParseScenarioOptions {
  /**
   * Stops the validation with an `AbortError` (the error experiments throw). It is looked
   * at between the steps of the validation; a synchronous call sees it aborted only if it
   * was before the call, while the async forms let timers and events run between steps.
   */
  readonly signal?: AbortSignal;
}

/** Most time the async forms work before they let other work run, in milliseconds. */
const STEP_MILLISECONDS = 20;

/** A validation in steps: it yields between them, and returns its result. */
type Steps = Generator<void, SafeParseScenarioResult, void>;

/**
 * The scenario `input` (plain data) describes, with defaults filled in, or undefined after
 * reporting its problems to `context`. Big input is checked in pieces first, so that the
 * issues zod holds stay few; the whole is then parsed only when it is valid.
 */
function* validate(input: unknown, context: ValidationContext): Generator<void, Scenario | undefined, void> {
  if (isBig(input)) {
    const report = (issue: z.core.$ZodIssue) => reportZodIssues(scenarioSchema, input, [issue], context);
    for (const _ of zodIssuesInPieces(scenarioSchema, input, [], report)) {
      if (context.exhausted) {
        context.stopped = true;
        break;
      }
      yield;
    }
  }
  const result = context.total === 0 ? scenarioSchema.safeParse(input) : undefined;
  yield;
  if (result?.success === false) reportZodIssues(scenarioSchema, input, result.error.issues, context);
  if (result?.success === true) yield* scenarioChecks(result.data, context);
  for (const problem of prototypeKeyProblems(input)) context.report(problem);
  return result?.success === true && context.total === 0 ? result.data : undefined;
}

function* validationSteps(input: unknown, context: ValidationContext): Steps {
  if (typeof input !== "string") {
    const scenario = yield* validate(input, context);
    return scenario !== undefined ? { success: true, scenario } : fail(context.listed(), context.total);
  }
  if (input.length > MAX_SCENARIO_TEXT_LENGTH) {
    return fail([{ path: "", message: `scenario text is ${input.length} characters; the limit is ${MAX_SCENARIO_TEXT_LENGTH}` }]);
  }
  const parsed = parseText(input);
  if (parsed.problems.length > 0) return fail(parsed.problems);
  yield;
  const scenario = yield* validate(parsed.value, context);
  if (scenario !== undefined) return { success: true, scenario };
  yield;
  const places = parsed.locate(context.problems.map((problem) => problem.path));
  const located = context.problems.map((problem, i) => ({ ...problem, ...places[i] }));
  return fail([...located, ...context.listed().slice(located.length)], context.total);
}

function fail(problems: InputProblem[], total = problems.length): SafeParseScenarioResult {
  return { success: false, error: new ScenarioError(problems, "invalid scenario", total) };
}

/** Run the steps through, looking at the signal between them. */
function runSteps(input: unknown, options: ParseScenarioOptions): SafeParseScenarioResult {
  const context = new ValidationContext(options.signal);
  context.checkAbort();
  const steps = validationSteps(input, context);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    context.checkAbort();
  }
}

/** Run the steps, letting timers and events run every {@link STEP_MILLISECONDS}, and looking at the signal then. */
async function runStepsAsync(input: unknown, options: ParseScenarioOptions): Promise<SafeParseScenarioResult> {
  const context = new ValidationContext(options.signal);
  context.checkAbort();
  const steps = validationSteps(input, context);
  let since = Date.now();
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    if (Date.now() - since >= STEP_MILLISECONDS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      since = Date.now();
    }
    context.checkAbort();
  }
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
 * @param options - `signal`, to stop: it can only have been aborted before the call (use
 *   {@link safeParseScenarioAsync} to stop on a timeout).
 * @returns `{ success: true, scenario }` with defaults filled in, or `{ success: false, error }`
 *   where `error.problems` lists every problem with its path.
 * @throws an `AbortError` when `options.signal` is aborted, and never anything else.
 * @example
 * ```ts
 * const result = safeParseScenario({ name: "x" });
 * if (!result.success) console.log(result.error.problems[0]);
 * // { path: "horizon", message: "missing (expected a number)" }
 * ```
 */
export function safeParseScenario(input: unknown, options: ParseScenarioOptions = {}): SafeParseScenarioResult {
  return runSteps(input, options);
}

/**
 * Validate a scenario and fill in defaults; throw a {@link ScenarioError} listing every
 * problem (path, what was expected, what was found) when it is invalid.
 *
 * @param input - a scenario object, or the text of a JSON or YAML scenario file.
 * @param options - `signal`, to stop: it can only have been aborted before the call (use
 *   {@link parseScenarioAsync} to stop on a timeout).
 * @returns the validated scenario.
 * @throws ScenarioError when the scenario is invalid; an `AbortError` when `options.signal` is aborted.
 * @example
 * ```ts
 * const scenario = parseScenario(JSON.parse(text));
 * scenario.policies.map((p) => p.name); // ["us-alone", "aligned"]
 * ```
 */
export function parseScenario(input: unknown, options: ParseScenarioOptions = {}): Scenario {
  const result = runSteps(input, options);
  if (!result.success) throw result.error;
  return result.scenario;
}

/**
 * {@link safeParseScenario}, letting timers and events run every 20 ms or so, so that a
 * signal can stop it: on a timeout, or on Ctrl-C. The result is the same.
 *
 * @param input - a scenario object, or the text of a JSON or YAML scenario file.
 * @param options - `signal`, to stop.
 * @returns `{ success: true, scenario }` or `{ success: false, error }`, as safeParseScenario.
 * @throws an `AbortError` (rejects) when `options.signal` is aborted, and never anything else.
 * @example
 * ```ts
 * const result = await safeParseScenarioAsync(text, { signal: AbortSignal.timeout(10_000) });
 * if (!result.success) console.log(result.error.message);
 * ```
 */
export function safeParseScenarioAsync(input: unknown, options: ParseScenarioOptions = {}): Promise<SafeParseScenarioResult> {
  return runStepsAsync(input, options);
}

/**
 * {@link parseScenario}, letting timers and events run every 20 ms or so, so that a
 * signal can stop it. The scenario is the same.
 *
 * @param input - a scenario object, or the text of a JSON or YAML scenario file.
 * @param options - `signal`, to stop.
 * @returns the validated scenario.
 * @throws ScenarioError (rejects) when the scenario is invalid; an `AbortError` when `options.signal` is aborted.
 * @example
 * ```ts
 * const scenario = await parseScenarioAsync(text, { signal: AbortSignal.timeout(10_000) });
 * ```
 */
export async function parseScenarioAsync(input: unknown, options: ParseScenarioOptions = {}): Promise<Scenario> {
  const result = await runStepsAsync(input, options);
  if (!result.success) throw result.error;
  return result.scenario;
}
