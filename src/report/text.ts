// Small text helpers shared by the reports (HTML, compare, explain) and the charts.

/** A value with its sign: `+$1.2 bn`, `-$3 m`, `0`, `≈ 0`. */
export function signed(format: (value: number) => string, value: number): string {
  const text = format(value);
  return value > 0 && !text.startsWith("≈") ? `+${text}` : text;
}

/** A probability as a percentage: `62.5%`, `4.1%`, `100%`, `<0.1%`. */
export function percent(probability: number): string {
  const p = probability * 100;
  if (p === 0 || p === 100) return `${p}%`;
  return `${p >= 10 ? p.toFixed(1).replace(/\.0$/, "") : p >= 0.1 ? p.toPrecision(2) : "<0.1"}%`;
}

/** Names joined in words: `A`, `A and B`, `A, B and C`. */
export function listInWords(names: readonly string[], conjunction = "and"): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} ${conjunction} ${names[names.length - 1]}`;
}

/**
 * Rows of cells as lines of aligned columns, two spaces apart, each as wide as its widest
 * cell: the columns `leftAligned(column, columnCount)` picks are padded on the right, the
 * others on the left; trailing spaces are trimmed.
 */
export function alignColumns(rows: readonly (readonly string[])[], leftAligned: (column: number, columnCount: number) => boolean): string[] {
  if (rows.length === 0) return [];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length)));
  return rows.map((row) =>
    row
      .map((cell, column) => (leftAligned(column, row.length) ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join("  ")
      .trimEnd(),
  );
}

/** `1 run`, `2 runs`. */
export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}
