/** Largest edit distance at which a name is still taken for a typo of another. */
export const MAX_SUGGESTION_DISTANCE = 10;
/** Names longer than this are compared only by case and prefix, never by edit distance. */
export const MAX_COMPARED_LENGTH = 200;

/**
 * Work done computing edit distances since the process started, for tests that bound the
 * cost of suggestions: `distances` computed and dynamic-programming `cells` filled.
 */
export const suggestionWork = { distances: 0, cells: 0 };

/**
 * Levenshtein edit distance of `a` and `b`, or `limit + 1` when it exceeds `limit`. Only
 * the band of cells within `limit` of the diagonal is filled, and the computation stops
 * as soon as a row has nothing within `limit`: O(min(|a|, |b|) x limit) at most.
 */
function editDistance(a: string, b: string, limit: number): number {
  const n = a.length;
  const m = b.length;
  const beyond = limit + 1;
  if (Math.abs(n - m) > limit) return beyond;
  suggestionWork.distances++;
  let previous = new Int32Array(m + 2);
  let current = new Int32Array(m + 2);
  for (let j = 0; j <= m + 1; j++) previous[j] = j <= limit ? j : beyond;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - limit);
    const hi = Math.min(m, i + limit);
    current[lo - 1] = lo === 1 ? Math.min(i, beyond) : beyond;
    let rowMin = current[lo - 1]!;
    const ai = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const cost = ai === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost, beyond);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    current[hi + 1] = beyond;
    suggestionWork.cells += hi - lo + 1;
    if (rowMin > limit) return beyond;
    [previous, current] = [current, previous];
  }
  return previous[m]!;
}

/** A budget of dynamic-programming cells that suggestions may fill; spent as they go. */
export interface SuggestionBudget {
  cells: number;
}

/**
 * The known name closest to `name`, if one is close enough to be a likely typo:
 * the same name in another case, a prefix of at least 2 characters, or within an
 * edit distance of about a third of its length (at most {@link MAX_SUGGESTION_DISTANCE}).
 * With a `budget`, stops (keeping the best so far) once its cells are spent.
 */
export function closestName(name: string, known: Iterable<string>, budget?: SuggestionBudget): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const candidateLower = candidate.toLowerCase();
    if (candidateLower === lower) return candidate;
    const limit = Math.min(MAX_SUGGESTION_DISTANCE, Math.max(1, Math.floor(Math.max(name.length, candidate.length) / 3)));
    let distance = limit + 1;
    if (lower.length <= MAX_COMPARED_LENGTH && candidateLower.length <= MAX_COMPARED_LENGTH && (budget === undefined || budget.cells > 0)) {
      const before = suggestionWork.cells;
      distance = editDistance(lower, candidateLower, Math.min(limit, bestDistance - 1));
      if (budget !== undefined) budget.cells -= suggestionWork.cells - before;
    }
    if (distance > limit && lower.length >= 2 && candidateLower.startsWith(lower)) distance = limit;
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** `; did you mean "X"?` when a close name exists, else an empty string. */
export function didYouMean(name: string, known: Iterable<string>): string {
  return suggestionText(closestName(name, known));
}

/** `; did you mean "X"?` for a suggestion, or an empty string for none. */
export function suggestionText(suggestion: string | undefined): string {
  return suggestion === undefined ? "" : `; did you mean "${suggestion}"?`;
}

/** A key found in user input, shortened for error messages when it is long. */
export function describeKey(key: string): string {
  return key.length > 80 ? `${key.slice(0, 77)}...` : key;
}

/** A short description of a value found in user input, for error messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") {
    const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : String(value);
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === "object") return "an object";
  return typeof value;
}

/** The value at `path` inside `root`, or undefined when the path does not exist. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}
