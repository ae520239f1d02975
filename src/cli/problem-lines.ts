import type { InputProblem } from "../errors.js";

/**
 * One line per problem, as compilers print them so that editors can jump to them:
 * `file:line:column: path: message` (`file: path: message` without a position).
 */
export function problemLines(file: string, problems: readonly InputProblem[]): string[] {
  return problems.map((problem) => {
    const position = problem.line === undefined ? "" : `:${problem.line}:${problem.column ?? 1}`;
    const path = problem.path === "" ? "" : `${problem.path}: `;
    return `${file}${position}: ${path}${problem.message}`;
  });
}
