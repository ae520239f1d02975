// Validating a file other than a scenario (an observation file) the way scenarios are:
// JSON or YAML text with line and column, zod's issues rewritten as path-precise problems
// with suggestions, and keys that would touch prototypes refused.
import type { z } from "zod";
import type { InputProblem } from "../errors.js";
import { prototypeKeyProblems } from "./_internals/prototype-keys.js";
import { parseText } from "./_internals/source-positions.js";
import { ValidationContext } from "./_internals/validation-context.js";
import { reportZodIssues } from "./_internals/zod-issues.js";

/** What {@link readDocument} found: the parsed value (when valid), its problems, and where paths are in the text. */
export interface ReadDocument<T> {
  readonly value: T | undefined;
  readonly problems: InputProblem[];
  /** How many problems there are (only the first are listed when there are very many). */
  readonly total: number;
  /** Give problems found later their line and column in the text (unchanged for an object). */
  locate(problems: readonly InputProblem[]): InputProblem[];
}

/**
 * Parse `input` (an object, or JSON or YAML text) against `schema`.
 *
 * @param maxText - most characters of text accepted.
 */
export function readDocument<S extends z.ZodType>(schema: S, input: unknown, what: string, maxText: number): ReadDocument<z.output<S>> {
  let value = input;
  let locate = (problems: readonly InputProblem[]): InputProblem[] => [...problems];
  if (typeof input === "string") {
    if (input.length > maxText) {
      const problems = [{ path: "", message: `${what} text is ${input.length} characters; the limit is ${maxText}` }];
      return { value: undefined, problems, total: 1, locate };
    }
    const parsed = parseText(input);
    if (parsed.problems.length > 0) return { value: undefined, problems: parsed.problems, total: parsed.problems.length, locate };
    value = parsed.value;
    locate = (problems) => {
      const places = parsed.locate(problems.map((p) => p.path));
      return problems.map((p, i) => ({ ...p, ...places[i] }));
    };
  }
  const context = new ValidationContext();
  const result = schema.safeParse(value);
  if (!result.success) reportZodIssues(schema, value, result.error.issues, context);
  for (const problem of prototypeKeyProblems(value)) context.report(problem);
  const problems = locate(context.listed());
  return { value: result.success && context.total === 0 ? (result.data as z.output<S>) : undefined, problems, total: context.total, locate };
}
