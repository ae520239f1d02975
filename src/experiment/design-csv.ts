// Designs from other tools as text: a header of uncertainty names and a row of numbers per run.
import { InputError } from "../errors.js";

/** Most rows (runs) a design file may have: the most runs one experiment accepts. */
const MAX_DESIGN_ROWS = 100_000_000;

/**
 * Read a design, the values of some uncertainties per run, from delimited text: a header
 * line of uncertainty names, then one line of numbers per run. Columns are separated by
 * commas, else tabs, else spaces (whichever the header uses). A header that starts with
 * `#` is read too (NumPy's `savetxt(..., header=...)` writes one), as are blank lines and
 * Windows line ends. Pass the result as `design` to `runExperiment`, which checks the
 * names and values against the scenario.
 *
 * @param text - the file's text.
 * @returns the columns by name, each as long as the rows.
 * @throws InputError naming the line and column of the first problem: a missing or
 *   repeated name, a row of the wrong length, or a cell that is not a finite number.
 * @example
 * ```ts
 * const design = parseDesignCsv("galliumElasticity,retaliationProbability\n0.2,0.5\n0.3,0.9\n");
 * design.galliumElasticity; // => [0.2, 0.3]
 * ```
 */
export function parseDesignCsv(text: string): Record<string, number[]> {
  if (typeof text !== "string") throw new InputError("text", "expected the design file's text");
  const lines = text.split(/\r?\n/);
  let at = lines.findIndex((line) => line.trim() !== "");
  if (at < 0) throw new InputError("line 1", "expected a header line of uncertainty names, found an empty file");
  const headerLine = lines[at]!.trim().replace(/^#\s*/, "");
  const split = headerLine.includes(",") ? (line: string) => line.split(",") : headerLine.includes("\t") ? (line: string) => line.split("\t") : (line: string) => line.trim().split(/ +/);
  const names = split(headerLine).map((name) => name.trim().replace(/^"(.*)"$/, "$1"));
  const seen = new Set<string>();
  names.forEach((name, c) => {
    const where = `line ${at + 1}, column ${c + 1}`;
    if (name === "") throw new InputError(where, "expected an uncertainty's name in the header, found an empty cell");
    if (seen.has(name)) throw new InputError(where, `the name "${name}" is repeated`);
    seen.add(name);
  });
  const columns: number[][] = names.map(() => []);
  for (at++; at < lines.length; at++) {
    const line = lines[at]!;
    if (line.trim() === "") continue;
    const cells = split(line.trim());
    if (cells.length !== names.length) throw new InputError(`line ${at + 1}`, `expected ${names.length} values (one per name in the header), found ${cells.length}`);
    cells.forEach((cell, c) => {
      const value = cell.trim() === "" ? Number.NaN : Number(cell);
      if (!Number.isFinite(value)) throw new InputError(`line ${at + 1}, column ${c + 1} (${names[c]})`, `expected a finite number, found ${JSON.stringify(cell.trim())}`);
      columns[c]!.push(value);
    });
    if (columns[0]!.length > MAX_DESIGN_ROWS) throw new InputError(`line ${at + 1}`, `expected at most ${MAX_DESIGN_ROWS} rows (the most runs an experiment accepts)`);
  }
  if (columns[0]!.length === 0) throw new InputError(`line ${lines.length}`, "expected at least one row of values after the header");
  return Object.fromEntries(names.map((name, c) => [name, columns[c]!]));
}
