/**
 * Errors thrown by chokepoint. Every error carries a message a user can act on:
 * what was wrong, where, and what was expected. None of them is a bare stack trace
 * of an internal failure.
 */

/** One problem found in user input: where it is, and what is wrong. */
export interface InputProblem {
  /** Location in the input, e.g. `flows[3].exporter` or `A[2][1]`; empty for the whole input. */
  readonly path: string;
  /** What is wrong there, including what was expected and what was found. */
  readonly message: string;
  /** 1-based line in the source text, when the input was parsed from text. */
  readonly line?: number;
  /** 1-based column in the source text, when the input was parsed from text. */
  readonly column?: number;
}

/** Format a path given as keys and indices: `["flows", 3, "exporter"]` -> `flows[3].exporter`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** One line for a problem: `path (line L, column C): message`. */
export function formatProblem(problem: InputProblem): string {
  const where = problem.line === undefined ? "" : `line ${problem.line}, column ${problem.column ?? 1}`;
  const location = problem.path === "" ? where : where === "" ? problem.path : `${problem.path} (${where})`;
  return location === "" ? problem.message : `${location}: ${problem.message}`;
}

function joinProblems(problems: readonly InputProblem[]): string {
  return problems.map(formatProblem).join("\n");
}

/**
 * A scenario that failed validation. `problems` lists every problem at once,
 * each with its path; `message` has one line per problem. When there are very many,
 * the first ones are listed and a last line says how many more there are; `total`
 * counts them all.
 */
export class ScenarioError extends Error {
  override readonly name = "ScenarioError";
  readonly problems: readonly InputProblem[];
  /** How many problems were found: `problems.length`, unless only the first were listed. */
  readonly total: number;
  constructor(problems: readonly InputProblem[], heading = "invalid scenario", total = problems.length) {
    super(`${heading} (${total.toLocaleString("en-US")} problem${total === 1 ? "" : "s"}):\n${joinProblems(problems)}`);
    this.problems = problems;
    this.total = total;
  }
}

/**
 * A bad argument to a library function (a non-square matrix, a singular system,
 * a negative run count). `path` names the argument or element at fault.
 */
export class InputError extends Error {
  override readonly name = "InputError";
  readonly path: string;
  constructor(path: string, message: string) {
    super(path === "" ? message : `${path}: ${message}`);
    this.path = path;
  }
}

/** Create the error thrown when an experiment is aborted through its `AbortSignal`. */
export function abortError(reason?: unknown): Error {
  if (reason instanceof Error && reason.name === "AbortError") return reason;
  const error = new Error(
    typeof reason === "string" ? `experiment aborted: ${reason}` : "experiment aborted",
  );
  error.name = "AbortError";
  return error;
}
