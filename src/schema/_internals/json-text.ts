// Scanners over the text of a JSON document that JSON.parse has already accepted: the
// duplicate keys JSON.parse keeps silently, and the places of the paths problems are
// reported at. Neither builds a model of the document: memory stays with the text.

const QUOTE = 0x22; // "
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b; // {
const CLOSE_OBJECT = 0x7d;
const OPEN_LIST = 0x5b; // [
const CLOSE_LIST = 0x5d;

const isSpace = (code: number) => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Offset just past the string that opens at `start` (a quote). */
function stringEnd(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

/** The value of the string at `[start, end)`, escapes decoded. */
function stringValue(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end - 1);
  return raw.includes("\\") ? (JSON.parse(text.slice(start, end)) as string) : raw;
}

/** Offset just past the value that starts at `start`. */
function valueEnd(text: string, start: number): number {
  const first = text.charCodeAt(start);
  if (first === QUOTE) return stringEnd(text, start);
  if (first !== OPEN_OBJECT && first !== OPEN_LIST) {
    let i = start;
    while (i < text.length) {
      const code = text.charCodeAt(i);
      if (code === COMMA || code === CLOSE_OBJECT || code === CLOSE_LIST || isSpace(code)) break;
      i++;
    }
    return i;
  }
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) i = stringEnd(text, i) - 1;
    else if (code === OPEN_OBJECT || code === OPEN_LIST) depth++;
    else if ((code === CLOSE_OBJECT || code === CLOSE_LIST) && --depth === 0) return i + 1;
  }
  return text.length;
}

/** The keys of an object seen so far: a list while short, then a Set. */
class KeySet {
  private list: string[] | undefined = [];
  private set: Set<string> | undefined;
  /** Add `key`; false when it was there already. */
  add(key: string): boolean {
    if (this.list !== undefined) {
      if (this.list.includes(key)) return false;
      this.list.push(key);
      if (this.list.length > 16) {
        this.set = new Set(this.list);
        this.list = undefined;
      }
      return true;
    }
    if (this.set!.has(key)) return false;
    this.set!.add(key);
    return true;
  }
}

/**
 * The offset of the first key that repeats a key of the same object, in JSON text that
 * JSON.parse accepted (it keeps the last value silently), or -1 when there is none.
 */
export function firstDuplicateKey(text: string): number {
  const open: (KeySet | undefined)[] = []; // one per open object (a KeySet) or list (undefined)
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      const end = stringEnd(text, i);
      const keys = open[open.length - 1];
      if (expectKey && keys !== undefined) {
        if (!keys.add(stringValue(text, i, end))) return i;
        expectKey = false;
      }
      i = end - 1;
    } else if (code === OPEN_OBJECT) {
      open.push(new KeySet());
      expectKey = true;
    } else if (code === OPEN_LIST) {
      open.push(undefined);
      expectKey = false;
    } else if (code === CLOSE_OBJECT || code === CLOSE_LIST) {
      open.pop();
      expectKey = false;
    } else if (code === COMMA) {
      expectKey = open[open.length - 1] !== undefined;
    }
  }
  return -1;
}

interface PathNode {
  readonly children: Map<string | number, PathNode>;
  offset?: number;
}

/**
 * Where each path is in JSON text that JSON.parse accepted, in one pass that enters only
 * the objects and lists on the way to some path: the offset of an object entry's key, of
 * a list item's value; for a path that does not exist, of the deepest part that does.
 */
export function locateJsonPaths(text: string, paths: readonly (readonly (string | number)[])[]): (number | undefined)[] {
  const root: PathNode = { children: new Map() };
  for (const path of paths) {
    let node = root;
    for (const key of path) {
      let child = node.children.get(key);
      if (child === undefined) node.children.set(key, (child = { children: new Map() }));
      node = child;
    }
  }
  const start = skipSpace(text, 0);
  root.offset = start;

  // Enter the value at `i` as `node`; returns the offset just past it.
  const enter = (i: number, node: PathNode): number => {
    const first = text.charCodeAt(i);
    if (node.children.size === 0 || (first !== OPEN_OBJECT && first !== OPEN_LIST)) return valueEnd(text, i);
    const isObject = first === OPEN_OBJECT;
    let index = 0;
    i = skipSpace(text, i + 1);
    while (i < text.length && text.charCodeAt(i) !== (isObject ? CLOSE_OBJECT : CLOSE_LIST)) {
      let child: PathNode | undefined;
      if (isObject) {
        const keyEnd = stringEnd(text, i);
        child = node.children.get(stringValue(text, i, keyEnd));
        if (child !== undefined) child.offset = i;
        i = skipSpace(text, keyEnd);
        if (text.charCodeAt(i) === COLON) i = skipSpace(text, i + 1);
      } else {
        child = node.children.get(index++);
        if (child !== undefined) child.offset = i;
      }
      i = skipSpace(text, child === undefined ? valueEnd(text, i) : enter(i, child));
      if (text.charCodeAt(i) === COMMA) i = skipSpace(text, i + 1);
    }
    return i + 1;
  };
  if (start < text.length) enter(start, root);

  return paths.map((path) => {
    let node = root;
    let offset = root.offset;
    for (const key of path) {
      const child = node.children.get(key);
      if (child?.offset === undefined) break;
      node = child;
      offset = child.offset;
    }
    return offset;
  });
}

/** Line and column (1-based) of each offset, in one pass over the text. */
export function linesAndColumns(text: string, offsets: readonly number[]): { line: number; column: number }[] {
  const order = offsets.map((_, i) => i).sort((a, b) => offsets[a]! - offsets[b]!);
  const positions = new Array<{ line: number; column: number }>(offsets.length);
  let line = 1;
  let lineStart = 0;
  let newline = text.indexOf("\n");
  for (const i of order) {
    const offset = offsets[i]!;
    while (newline >= 0 && newline < offset) {
      line++;
      lineStart = newline + 1;
      newline = text.indexOf("\n", lineStart);
    }
    positions[i] = { line, column: offset - lineStart + 1 };
  }
  return positions;
}
