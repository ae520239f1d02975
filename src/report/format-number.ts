/**
 * Format a value for a table in the outcome's unit: money with a scale word
 * (`$1.23 bn`), shares as percentages, ratios with `x`, other values with 3
 * significant digits.
 *
 * @example
 * ```ts
 * formatValue(1.234e9, "USD");                  // "$1.23 bn"
 * formatValue(0.0412, "share of baseline output"); // "4.12%"
 * formatValue(2.5, "x base price");              // "2.50x"
 * ```
 */
export function formatValue(value: number, unit: string): string {
  if (unit === "USD") return formatMoney(value);
  if (unit.startsWith("share") || unit === "probability") return `${significant(value * 100)}%`;
  if (unit.startsWith("x ")) return `${value.toFixed(2)}x`;
  if (unit.startsWith("% of")) return `${significant(value)}%`;
  return significant(value);
}

const SCALES: [number, string][] = [
  [1e12, "tn"],
  [1e9, "bn"],
  [1e6, "m"],
  [1e3, "k"],
];

function formatMoney(value: number): string {
  const sign = value < 0 ? "-" : "";
  const size = Math.abs(value);
  for (const [scale, word] of SCALES) {
    if (size >= scale) return `${sign}$${significant(size / scale)} ${word}`;
  }
  return `${sign}$${significant(size)}`;
}

function significant(value: number): string {
  if (value === 0) return "0";
  const size = Math.abs(value);
  if (size >= 100) return value.toFixed(0);
  if (size >= 0.01) return value.toPrecision(3).replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
  return value.toExponential(1);
}
