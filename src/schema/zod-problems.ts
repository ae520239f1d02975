import type { z } from "zod";
import type { InputProblem } from "../errors.js";
import { ValidationContext } from "./_internals/validation-context.js";
import { reportZodIssues } from "./_internals/zod-issues.js";

/**
 * The problems of a zod schema's issues for `input`, worded as scenario problems are
 * (`path: unknown field "x"; did you mean "y"?`): for other documents chokepoint reads,
 * such as shard files.
 */
export function problemsFromZodIssues(schema: z.ZodType, input: unknown, issues: readonly z.core.$ZodIssue[]): InputProblem[] {
  const context = new ValidationContext();
  reportZodIssues(schema, input, issues, context);
  return context.problems;
}
