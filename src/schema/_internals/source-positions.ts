import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Pair, type YAMLMap } from "yaml";
import type { InputProblem } from "../../errors.js";
import { LIMITS } from "../limits.js";
import { firstDuplicateKey, linesAndColumns, locateJsonPaths } from "./json-text.js";

/** Most aliases a YAML file may expand (guards against "billion laughs" alias bombs). */
export const MAX_YAML_ALIASES = LIMITS.yamlAliases;

/**
 * Deepest nesting of brackets in the text, outside quoted strings, and where it first goes
 * past the limit: flow-style YAML and JSON
 * nest with brackets, and a parser recursing through thousands of them would overflow the
 * stack, so depth is checked before parsing.
 */
function bracketDepth(text: string): { depth: number; offset: number } {
  let depth = 0;
  let deepest = 0;
  let offset = -1;
  let quote = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote !== "") {
      if (ch === "\\" && quote === '"') i++;
      else if (ch === quote) quote = "";
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "[" || ch === "{") {
      depth++;
      if (depth > deepest) deepest = depth;
      if (depth === LIMITS.nesting + 1 && offset < 0) offset = i; // where the limit is first passed
    } else if (ch === "]" || ch === "}") depth--;
    else if (ch === "#") {
      const end = text.indexOf("\n", i);
      i = end < 0 ? text.length : end;
    }
  }
  return { depth: deepest, offset };
}

/** A place in the text: 1-based line and column. */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/** A scenario file's text parsed into plain data, with a way to locate paths in the text. */
export interface ParsedText {
  readonly value: unknown;
  readonly problems: InputProblem[];
  /** Where each formatted path (`world.flows[3].exporter`) is in the text, if it can be found. */
  locate(paths: readonly string[]): (TextPosition | undefined)[];
}

/** Split a formatted path (`world.flows[3].exporter`) back into keys and indices. */
function splitPath(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) parts.push(Number(match[2]));
    else if (match[1] !== undefined) parts.push(match[1]);
  }
  return parts;
}

const nowhere = (paths: readonly string[]) => paths.map(() => undefined);
const refused = (problem: InputProblem): ParsedText => ({ value: undefined, problems: [problem], locate: nowhere });

/** The problem at the place of `offset` in `text`. */
function problemAt(text: string, offset: number, message: string): InputProblem {
  return { path: "", message, ...linesAndColumns(text, [offset])[0]! };
}

/**
 * Parse JSON or YAML text. Syntax errors come back as problems with line and column
 * (duplicate keys included); `locate` maps problems' paths to their places in the text.
 *
 * JSON (text starting with `{` or `[`) is read with JSON.parse, and places are found by
 * scanning the text again for the paths asked: memory stays a small multiple of the
 * text. YAML is read into the yaml package's document model, about a hundred times the
 * size of the text, so YAML text is limited to {@link LIMITS.yamlText} characters.
 */
export function parseText(text: string): ParsedText {
  const nesting = bracketDepth(text);
  if (nesting.depth > LIMITS.nesting) {
    return refused(problemAt(text, nesting.offset, `lists and objects nested ${nesting.depth} deep; at most ${LIMITS.nesting} (a limit of chokepoint)`));
  }
  const first = text.charCodeAt(skipSpace(text));
  if (first === 0x7b || first === 0x5b) {
    const json = parseJson(text);
    if (json !== undefined) return json;
  }
  if (text.length > LIMITS.yamlText) {
    return refused({
      path: "",
      message: `YAML text of ${text.length.toLocaleString("en-US")} characters; at most ${LIMITS.yamlText.toLocaleString("en-US")} (a limit of chokepoint): write a scenario this large as JSON`,
    });
  }
  return parseYaml(text);
}

function skipSpace(text: string): number {
  let i = 0;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

/**
 * JSON text read with JSON.parse; undefined when it is not JSON and small enough to be
 * read as YAML (which also gives the place of a syntax error).
 */
function parseJson(text: string): ParsedText | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (text.length <= LIMITS.yamlText) return undefined;
    const message = (error instanceof Error ? error.message : String(error)).replace(/, ".*" is not valid JSON$/s, "");
    const position = /at position (\d+)/.exec(message);
    const problem = { path: "", message: `syntax error: ${message.replace(/ in JSON at position \d+.*$/s, "")}` };
    return refused(position === null ? problem : problemAt(text, Number(position[1]), problem.message));
  }
  const duplicate = firstDuplicateKey(text);
  if (duplicate >= 0) return refused(problemAt(text, duplicate, "syntax error: Map keys must be unique"));
  return {
    value,
    problems: [],
    locate: (paths) => {
      const offsets = locateJsonPaths(text, paths.map(splitPath));
      const found = offsets.flatMap((offset) => (offset === undefined ? [] : [offset]));
      const positions = linesAndColumns(text, found);
      let next = 0;
      return offsets.map((offset) => (offset === undefined ? undefined : positions[next++]));
    },
  };
}

type Range = { range?: [number, number, number] };

function parseYaml(text: string): ParsedText {
  const lineCounter = new LineCounter();
  let document: Document.Parsed;
  try {
    document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  } catch (error) {
    const tooDeep = error instanceof RangeError;
    const message = tooDeep ? `the text is nested too deeply to read (at most ${LIMITS.nesting} levels)` : `cannot read the text: ${String(error)}`;
    return refused({ path: "", message });
  }
  const position = (offset: number): TextPosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const problems: InputProblem[] = document.errors.map((error) => ({
    path: "",
    message: `syntax error: ${error.message.split("\n")[0]}`,
    ...position(error.pos[0]),
  }));
  let value: unknown;
  if (problems.length === 0) {
    try {
      value = document.toJS({ maxAliasCount: MAX_YAML_ALIASES });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      problems.push({ path: "", message: /alias/i.test(message) ? `too many YAML aliases (at most ${MAX_YAML_ALIASES} expansions): ${message}` : `cannot read the text: ${message}` });
    }
  }
  if (problems.length === 0 && hasAlias(document)) {
    const added = valuesAddedByAliases(value);
    if (added > LIMITS.yamlAliasValues) {
      problems.push({
        path: "",
        message: `YAML aliases repeat ${added.toLocaleString("en-US")} values; at most ${LIMITS.yamlAliasValues.toLocaleString("en-US")} (a limit of chokepoint)`,
      });
    }
  }
  // the entries of each map, by key, indexed when a path first goes through it
  const entries = new Map<YAMLMap, Map<string, Pair>>();
  const entryOf = (map: YAMLMap, key: string): Pair | undefined => {
    let index = entries.get(map);
    if (index === undefined) {
      index = new Map();
      for (const item of map.items) if (isPair(item) && isScalar(item.key) && !index.has(String(item.key.value))) index.set(String(item.key.value), item);
      entries.set(map, index);
    }
    return index.get(key);
  };
  const locate = (path: string) => {
    let node: unknown = document.contents;
    let offset: number | undefined = (node as Range | null)?.range?.[0];
    for (const key of splitPath(path)) {
      if (isMap(node)) {
        const pair = entryOf(node, String(key));
        if (pair === undefined) break;
        offset = (pair.key as Range).range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof key === "number") {
        const item = node.items[key];
        if (item === undefined) break;
        node = item;
        offset = (item as Range).range?.[0] ?? offset;
      } else break;
    }
    return offset === undefined ? undefined : position(offset);
  };
  return { value, problems, locate: (paths) => paths.map(locate) };
}

/** True when the document uses an alias. */
function hasAlias(document: Document.Parsed): boolean {
  let found = false;
  visit(document, {
    Alias: () => {
      found = true;
      return visit.BREAK;
    },
  });
  return found;
}

/**
 * How many values a YAML document's aliases add, counting every repetition: the values
 * of the data with aliases expanded, less those written. Aliases resolve to the same
 * object, so each object's expanded size is computed once (no expansion is built).
 */
function valuesAddedByAliases(root: unknown): number {
  const expanded = new Map<object, number>();
  let written = 0;
  // post-order over distinct objects, with an explicit stack (no recursion limit)
  const stack: { value: object; entered: boolean }[] = [];
  const children = (value: object) => (Array.isArray(value) ? value : Object.values(value)) as unknown[];
  const push = (value: unknown) => {
    if (value !== null && typeof value === "object" && !expanded.has(value)) stack.push({ value, entered: false });
  };
  push(root);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (expanded.has(top.value)) {
      stack.pop();
      continue;
    }
    if (!top.entered) {
      top.entered = true;
      for (const child of children(top.value)) push(child);
      continue;
    }
    stack.pop();
    let size = 1;
    for (const child of children(top.value)) {
      size += child !== null && typeof child === "object" ? expanded.get(child)! : 1;
      if (child === null || typeof child !== "object") written++;
    }
    written++;
    expanded.set(top.value, size);
  }
  const total = root !== null && typeof root === "object" ? expanded.get(root)! : 1;
  return total - Math.max(written, 1);
}
