import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from "yaml";
import type { InputProblem } from "../../errors.js";

/** Most aliases a YAML file may expand (guards against "billion laughs" alias bombs). */
export const MAX_YAML_ALIASES = 1000;

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
  let document: Document.Parsed;
  try {
    document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  } catch (error) {
    return { value: undefined, problems: [{ path: "", message: `cannot read the text: ${String(error)}` }], locate: () => undefined };
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
