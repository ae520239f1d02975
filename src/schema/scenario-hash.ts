import type { Scenario } from "./scenario.js";
import { sha256Hex } from "./_internals/sha256.js";

/**
 * JSON with object keys sorted (by UTF-16 code units, as `Array.prototype.sort` compares
 * strings) at every level and no spaces, so that a hash does not depend on the order code
 * wrote keys in. Numbers and strings are as `JSON.stringify` writes them; for plain data this
 * is the JSON Canonicalization Scheme (RFC 8785). Typed arrays are written as
 * `JSON.stringify` writes them (an object keyed by index, in index order).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item === null || typeof item !== "object" || Array.isArray(item) || ArrayBuffer.isView(item)) return item;
    return Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}

/**
 * SHA-256 of a validated scenario: of the UTF-8 bytes of its canonical JSON (keys sorted,
 * no spaces; {@link canonicalJson}), as 64 lower-case hex digits. It is a hash of the
 * scenario as parsed, defaults filled in: files that differ only in layout, key order or
 * defaults written out share it; any other change (a number, a description, a source)
 * changes it. Results and shard files carry it to say which scenario they were run on.
 */
export function scenarioSha256(scenario: Scenario): string {
  return sha256Hex(canonicalJson(scenario));
}
