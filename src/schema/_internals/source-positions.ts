import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from "yaml";
import type { InputProblem } from "../../errors.js";
import { LIMITS } from "../limits.js";

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

/** A scenario file's text parsed into plain data, with a way to locate paths in the text. */
export interface ParsedText {
  readonly value: unknown;
  readonly problems: InputProblem[];
  locate(path: string): { line: number; column: number } | undefined;
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

/**
 * Parse JSON or YAML text. Syntax errors come back as problems with line and column
 * (duplicate keys included); `locate` maps a problem's path to its place in the text.
 */
export function parseText(text: string): ParsedText {
  const lineCounter = new LineCounter();
  const nesting = bracketDepth(text);
  if (nesting.depth > LIMITS.nesting) {
    let line = 1;
    let column = 1;
    for (let i = 0; i < nesting.offset; i++) {
      if (text[i] === "\n") {
        line++;
        column = 1;
      } else column++;
    }
    return {
      value: undefined,
      problems: [{ path: "", message: `lists and objects nested ${nesting.depth} deep; at most ${LIMITS.nesting} (a limit of chokepoint)`, line, column }],
      locate: () => undefined,
    };
  }
  let document: Document.Parsed;
  try {
    document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  } catch (error) {
    const tooDeep = error instanceof RangeError;
    const message = tooDeep ? `the text is nested too deeply to read (at most ${LIMITS.nesting} levels)` : `cannot read the text: ${String(error)}`;
    return { value: undefined, problems: [{ path: "", message }], locate: () => undefined };
  }
  const position = (offset: number) => {
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
  const locate = (path: string) => {
    let node: unknown = document.contents;
    let offset: number | undefined = (node as { range?: [number, number, number] } | null)?.range?.[0];
    for (const key of splitPath(path)) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(key));
        if (pair === undefined) break;
        offset = (pair.key as { range?: [number, number, number] }).range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof key === "number") {
        const item = node.items[key];
        if (item === undefined) break;
        node = item;
        offset = (item as { range?: [number, number, number] }).range?.[0] ?? offset;
      } else break;
    }
    return offset === undefined ? undefined : position(offset);
  };
  return { value, problems, locate };
}
