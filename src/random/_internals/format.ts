/** A number as written in messages and descriptions: `String(x)`, with ∞ for infinities. */
export function formatNumber(x: number): string {
  if (x === Infinity) return "∞";
  if (x === -Infinity) return "-∞";
  return String(x);
}

/** Any value as found in user input, for "found ..." in messages. */
export function formatFound(value: unknown): string {
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : String(value);
}

/** A probability to two significant digits: `6.2e-16`, `0.0013`, `0`. */
export function formatProbability(p: number): string {
  return p === 0 ? "0" : p.toPrecision(2).replace(/\.?0+e/, "e").replace(/e\+?/, "e");
}

/** `[min, max]`, `[min, ∞)` or `(-∞, max]` for optional truncation bounds. */
export function formatInterval(min: number | undefined, max: number | undefined): string {
  const left = min === undefined ? "(-∞" : `[${formatNumber(min)}`;
  const right = max === undefined ? "∞)" : `${formatNumber(max)}]`;
  return `${left}, ${right}`;
}
