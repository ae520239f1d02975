import { z } from "zod";
import { defOf, objectSchemasFor, unwrap } from "./zod-issues.js";

type AnySchema = z.core.$ZodType;
type Issue = z.core.$ZodIssue;
type Key = string | number;

/**
 * Most values (objects, lists and the values in them) zod validates in one call. zod
 * keeps every issue it finds until the end, a few hundred bytes each, and a 64 MiB file
 * of empty objects has tens of millions: validated in pieces, the issues of one piece
 * at most are held at a time.
 */
export const PIECE_VALUES = 20_000;

/** The number of values in `value` (itself included), or `limit + 1` once it is over `limit`. */
function valuesAtMost(value: unknown, limit: number): number {
  let count = 0;
  // lists and objects being counted, with the next entry to count (none is copied)
  const open: { entries: readonly unknown[] | Record<string, unknown>; keys?: string[]; next: number }[] = [];
  const enter = (entry: unknown): boolean => {
    if (++count > limit) return false;
    if (Array.isArray(entry)) open.push({ entries: entry, next: 0 });
    else if (z.core.util.isPlainObject(entry)) open.push({ entries: entry, keys: Object.keys(entry), next: 0 });
    return true;
  };
  if (!enter(value)) return limit + 1;
  while (open.length > 0) {
    const top = open[open.length - 1]!;
    const size = top.keys?.length ?? (top.entries as unknown[]).length;
    if (top.next >= size) {
      open.pop();
      continue;
    }
    const i = top.next++;
    const entry = top.keys === undefined ? (top.entries as unknown[])[i] : (top.entries as Record<string, unknown>)[top.keys[i]!];
    if (!enter(entry)) return limit + 1;
  }
  return count;
}

/** True when `value` has more than {@link PIECE_VALUES} values, and zod validates it in pieces. */
export const isBig = (value: unknown): boolean => valuesAtMost(value, PIECE_VALUES) > PIECE_VALUES;

const listSchemas = new WeakMap<AnySchema, AnySchema>();
/** A list of `element` without checks, for validating a big list a piece at a time. */
function listOf(element: AnySchema): AnySchema {
  let list = listSchemas.get(element);
  if (list === undefined) listSchemas.set(element, (list = z.array(element as z.ZodType)));
  return list;
}

/** The issues of `value` under `schema` in one zod call, their paths from the root. */
function parseWhole(schema: AnySchema, value: unknown, path: readonly Key[], report: (issue: Issue) => void, shift = 0): void {
  const result = z.safeParse(schema, value);
  if (result.success) return;
  for (const issue of result.error.issues) {
    const inner = issue.path.length > 0 && shift !== 0 ? [(issue.path[0] as number) + shift, ...issue.path.slice(1)] : issue.path;
    report({ ...issue, path: [...path, ...inner] } as Issue);
  }
}

/**
 * Validate `value` under `schema` a piece at a time (see {@link PIECE_VALUES}): values of
 * at most that many in one zod call; bigger objects, lists and records by their parts.
 * Issues go to `report` in the order zod would give them, paths from the root. Yields
 * between pieces, so that a caller can stop.
 */
export function* zodIssuesInPieces(schema: AnySchema, value: unknown, path: readonly Key[], report: (issue: Issue) => void): Generator<void, void, void> {
  if (!isBig(value)) {
    parseWhole(schema, value, path, report);
    yield;
    return;
  }
  const inner = unwrap(schema);
  const def = defOf(inner);
  if (def.type === "array" && Array.isArray(value)) return yield* listInPieces(inner, value, path, report);
  if (def.type === "record" && z.core.util.isPlainObject(value)) return yield* recordInPieces(inner, value, path, report);
  if (def.type === "object" && z.core.util.isPlainObject(value)) return yield* objectInPieces(inner, value, path, report);
  if (def.type === "union" && def.discriminator !== undefined) {
    const options = objectSchemasFor(inner, value);
    if (options.length === 1) return yield* zodIssuesInPieces(options[0]!, value, path, report);
  }
  parseWhole(schema, value, path, report);
  yield;
}

function* listInPieces(list: AnySchema, value: unknown[], path: readonly Key[], report: (issue: Issue) => void): Generator<void, void, void> {
  let min = 0;
  let max = Infinity;
  for (const check of (list._zod.def as { checks?: z.core.$ZodCheck[] }).checks ?? []) {
    const def = check._zod.def as { check: string; minimum?: number; maximum?: number };
    if (def.check === "min_length" && def.minimum !== undefined) min = Math.max(min, def.minimum);
    else if (def.check === "max_length" && def.maximum !== undefined) max = Math.min(max, def.maximum);
    else max = -1; // a check on the whole list: validate it whole
  }
  if (value.length < min || value.length > max) {
    parseWhole(list, value, path, report); // zod refuses a list over its limit before its entries
    yield;
    return;
  }
  const element = defOf(list).element!;
  let start = 0;
  let values = 0;
  for (let i = 0; i <= value.length; i++) {
    const size = i < value.length ? valuesAtMost(value[i], PIECE_VALUES) : 0;
    if (i === value.length || size > PIECE_VALUES || values + size > PIECE_VALUES) {
      if (i > start) {
        parseWhole(listOf(element), value.slice(start, i), path, report, start);
        yield;
      }
      start = i;
      values = 0;
    }
    if (size > PIECE_VALUES) {
      yield* zodIssuesInPieces(element, value[i], [...path, i], report);
      start = i + 1;
    } else values += size;
  }
}

function* recordInPieces(record: AnySchema, value: Record<string, unknown>, path: readonly Key[], report: (issue: Issue) => void): Generator<void, void, void> {
  const keys = Object.keys(value);
  for (let start = 0; start < keys.length; start += PIECE_VALUES / 2) {
    const piece = Object.fromEntries(keys.slice(start, start + PIECE_VALUES / 2).map((key) => [key, value[key]]));
    parseWhole(record, piece, path, report);
    yield;
  }
}

function* objectInPieces(object: AnySchema, value: Record<string, unknown>, path: readonly Key[], report: (issue: Issue) => void): Generator<void, void, void> {
  const shape = defOf(object).shape!;
  const fields = Object.keys(shape);
  const big = new Set(fields.filter((field) => Object.hasOwn(value, field) && isBig(value[field])));
  // the object without its big fields, in one call; their (missing) issues are dropped
  const rest = Object.fromEntries(Object.entries(value).filter(([key]) => !big.has(key)));
  const issues: Issue[] = [];
  parseWhole(object, rest, [], (issue) => {
    if (issue.path.length === 0 || !big.has(String(issue.path[0]))) issues.push(issue);
  });
  yield;
  // zod's order: field by field, in the shape's order, then the object's own issues
  const place = (issue: Issue) => (issue.path.length === 0 ? fields.length : fields.indexOf(String(issue.path[0])));
  const ordered = issues.map((issue, i) => ({ issue, i, at: place(issue) })).sort((a, b) => a.at - b.at || a.i - b.i);
  let next = 0;
  const reportUpTo = (at: number) => {
    while (next < ordered.length && ordered[next]!.at <= at) {
      const { issue } = ordered[next++]!;
      report({ ...issue, path: [...path, ...issue.path] } as Issue);
    }
  };
  for (let f = 0; f < fields.length; f++) {
    reportUpTo(f);
    const field = fields[f]!;
    if (big.has(field)) yield* zodIssuesInPieces(shape[field]!, value[field], [...path, field], report);
  }
  reportUpTo(Infinity);
}
