// formatRunsCsv: RFC 4180 text with a header and one row per run and policy.
import { describe, expect, it } from "vitest";
import { formatRunsCsv, InputError, runExperiment, type ExperimentResult } from "../../src/index.js";
import { twoCountryWorld } from "../_helpers/worlds.js";

/** A minimal RFC 4180 reader: fields, quoted fields with doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      i++;
      while (i < text.length) {
        if (text[i] === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
        else if (text[i] === '"') break;
        else field += text[i++];
      }
      i++;
    } else if (text[i] === ",") (row.push(field), (field = ""), i++);
    else if (text[i] === "\r" && text[i + 1] === "\n") (row.push(field), rows.push(row), (row = []), (field = ""), (i += 2));
    else field += text[i++];
  }
  return rows;
}

describe("formatRunsCsv", () => {
  it("writes a header, then every run under every policy (run by run), parameters then outcomes, CRLF line ends", async () => {
    const scenario = twoCountryWorld({ uncertainties: [{ name: "severity", distribution: { type: "uniform", min: 0.2, max: 1 } }] });
    const result = await runExperiment(scenario, { runs: 5, seed: 3, keepRuns: true });
    const text = formatRunsCsv(result);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(["run", "policy", "severity", ...result.outcomes.map((o) => o.name)]);
    expect(rows).toHaveLength(1 + 5 * 3);
    expect(rows.slice(1, 4).map((r) => `${r[0]} ${r[1]}`)).toEqual(["0 none", "0 ban", "0 half"]);
    for (const [k, row] of rows.slice(1).entries()) {
      const run = Math.floor(k / 3);
      const policy = result.policies[k % 3]!;
      expect(Number(row[0])).toBe(run);
      // common random numbers: the same draw under every policy, in full precision
      expect(Number(row[2])).toBe(result.parameters!.severity![run]);
      result.outcomes.forEach((o, j) => expect(Number(row[3 + j])).toBe(policy.runs![o.name]![run]));
    }
    expect(formatRunsCsv(result)).toBe(text);
  });

  it("quotes fields with commas, quotes, line breaks or outer spaces (RFC 4180)", () => {
    const result = {
      runs: 1,
      outcomes: [{ name: 'loss, "JP"' }, { name: "two\nlines" }],
      parameters: { " padded": [0.5] },
      policies: [{ name: "a,b", runs: { 'loss, "JP"': [1e-7], "two\nlines": [-0] } }],
    } as unknown as ExperimentResult;
    const text = formatRunsCsv(result);
    expect(text).toBe('run,policy," padded","loss, ""JP""","two\nlines"\r\n0,"a,b",0.5,1e-7,0\r\n');
    expect(parseCsv(text)).toEqual([
      ["run", "policy", " padded", 'loss, "JP"', "two\nlines"],
      ["0", "a,b", "0.5", "1e-7", "0"],
    ]);
  });

  it("asks for keepRuns when the result holds no per-run values", async () => {
    const result = await runExperiment(twoCountryWorld(), { runs: 3, seed: 1 });
    expect(() => formatRunsCsv(result)).toThrow(InputError);
    expect(() => formatRunsCsv(result)).toThrow(/keepRuns/);
  });
});
