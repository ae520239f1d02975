import { abortError, type InputProblem } from "../../errors.js";
import { closestName, suggestionText, type SuggestionBudget } from "../suggest.js";

/** Most problems listed; the rest are counted ("and N more"). */
export const MAX_LISTED_PROBLEMS = 1_000;
/** Problems after which the checks of a file's structure stop (counting them all can take minutes). */
export const MAX_COUNTED_PROBLEMS = 100_000;
/** Most names a validation looks up a "did you mean" for. */
export const MAX_SUGGESTIONS = 100;
/** Most edit-distance cells all the suggestions of one validation may fill (about 0.1 s). */
export const MAX_SUGGESTION_CELLS = 20_000_000;
/** Items between two looks at the abort signal in long loops. */
const ABORT_CHECK_INTERVAL = 4_096;

/**
 * The state of one validation: the problems found (the first {@link MAX_LISTED_PROBLEMS}
 * kept, the rest counted), the budget of "did you mean" suggestions, and the abort
 * signal, looked at between stages and every few thousand items of long loops. It bounds
 * the cost of a hostile file: suggestions compare names by edit distance, and a file of
 * many unknown long names once took minutes.
 */
export class ValidationContext {
  /** The problems kept, in the order found. */
  readonly problems: InputProblem[] = [];
  /** Every problem found, kept or not. */
  total = 0;
  /** True when the checks stopped before the end, having found {@link MAX_COUNTED_PROBLEMS}. */
  stopped = false;
  private suggestions = 0;
  private readonly budget: SuggestionBudget = { cells: MAX_SUGGESTION_CELLS };
  private ticks = 0;

  constructor(private readonly signal?: AbortSignal) {}

  /** Add a problem (kept while fewer than {@link MAX_LISTED_PROBLEMS} are). */
  report(problem: InputProblem): void {
    this.total++;
    if (this.problems.length < MAX_LISTED_PROBLEMS) this.problems.push(problem);
  }

  /** True once no more problems are kept: callers may only {@link count} the rest. */
  get full(): boolean {
    return this.problems.length >= MAX_LISTED_PROBLEMS;
  }

  /** True once {@link MAX_COUNTED_PROBLEMS} are found: a check may stop, setting {@link stopped}. */
  get exhausted(): boolean {
    return this.total >= MAX_COUNTED_PROBLEMS;
  }

  /** Count problems found but not described (the list is full). */
  count(problems: number): void {
    this.total += problems;
  }

  /** The closest known name, while the budget of suggestions lasts. */
  closestName(name: string, known: Iterable<string>): string | undefined {
    if (this.suggestions >= MAX_SUGGESTIONS || this.budget.cells <= 0) return undefined;
    this.suggestions++;
    return closestName(name, known, this.budget);
  }

  /** `; did you mean "X"?` while the budget of suggestions lasts, else an empty string. */
  didYouMean(name: string, known: Iterable<string>): string {
    return suggestionText(this.closestName(name, known));
  }

  /** Throw an AbortError if the signal is aborted. */
  checkAbort(): void {
    if (this.signal?.aborted === true) throw abortError(this.signal.reason);
  }

  /** Count an item of a long loop; every few thousand, look at the abort signal. */
  tick(): void {
    if (++this.ticks % ABORT_CHECK_INTERVAL === 0) this.checkAbort();
  }

  /** The problems to report: those kept, then a line saying how many more were found. */
  listed(): InputProblem[] {
    const more = this.total - this.problems.length;
    if (more === 0) return this.problems;
    const listed = `only the first ${MAX_LISTED_PROBLEMS.toLocaleString("en-US")} are listed`;
    const message = this.stopped
      ? `and at least ${more.toLocaleString("en-US")} more problems (${listed}; the checks stopped there)`
      : `and ${more.toLocaleString("en-US")} more problem${more === 1 ? "" : "s"} (${listed})`;
    return [...this.problems, { path: "", message }];
  }
}
