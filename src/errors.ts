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
  override readonly name: string = "ScenarioError";
  readonly problems: readonly InputProblem[];
  /** How many problems were found: `problems.length`, unless only the first were listed. */
  readonly total: number;
  constructor(problems: readonly InputProblem[], heading = "invalid scenario", total = problems.length) {
    super(`${heading} (${total.toLocaleString("en-US")} problem${total === 1 ? "" : "s"}):\n${joinProblems(problems)}`);
    this.problems = problems;
    this.total = total;
  }
}

/** What {@link NonFiniteOutcomeError} says: which formula, in which run and policy. */
export interface NonFiniteOutcome {
  /** The outcome's name. */
  readonly outcome: string;
  /** Its position in the scenario's `outcomes`. */
  readonly outcomeIndex: number;
  /** The formula in words: `a / b (a = gdpLoss:A, b = gdpLoss:B)`. */
  readonly formula: string;
  readonly policy: string;
  readonly run: number;
  readonly seed: string;
}

/**
 * A scenario whose formula outcome is not a finite number in some run (a division by
 * zero, the log of a negative number): a problem of the scenario, reported with the
 * outcome, the run and the policy. When several runs fail, the error names the lowest
 * run (and in it the first policy, in the order simulated), however the runs were split
 * over workers, so the same experiment always reports the same run.
 *
 * @example
 * ```ts
 * try {
 *   await runExperiment(scenario, { runs: 1000, seed: 1 });
 * } catch (error) {
 *   if (error instanceof NonFiniteOutcomeError) console.log(error.outcome, error.run, error.policy); // "ratio" 17 "ban"
 * }
 * ```
 */
export class NonFiniteOutcomeError extends ScenarioError {
  override readonly name = "NonFiniteOutcomeError";
  readonly outcome: string;
  readonly policy: string;
  readonly run: number;
  readonly seed: string;
  /** Everything the error says, as plain data (it is rebuilt from this after crossing from a worker thread). */
  readonly details: NonFiniteOutcome;
  constructor(details: NonFiniteOutcome) {
    const { outcome, outcomeIndex, formula, policy, run, seed } = details;
    super(
      [
        {
          path: `outcomes[${outcomeIndex}].expression`,
          message: `the formula of outcome "${outcome}", ${formula}, is not a finite number in run ${run} (seed ${JSON.stringify(seed)}) of policy "${policy}": a division by zero, or the log or square root of a number out of range? Guard it, e.g. "b > 0 ? a / b : 0"`,
        },
      ],
      "formula not finite",
    );
    this.outcome = outcome;
    this.policy = policy;
    this.run = run;
    this.seed = seed;
    this.details = { ...details };
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

/**
 * The default of a switch that handles every kind: TypeScript proves it unreachable (the
 * value's type is `never`), so a new kind without a case is a compile error.
 */
export function assertNever(value: never, what: string): never {
  throw new Error(`internal error: no case for ${what} ${JSON.stringify(value)}`);
}
