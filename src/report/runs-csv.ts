import { InputError } from "../errors.js";
import type { ExperimentResult } from "../experiment/result.js";

/** One CSV field (RFC 4180): quoted when it holds a comma, a double quote, a line break or surrounding spaces; quotes doubled. */
function field(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A number as the shortest text that reads back to the same double (`0.1`, `1.5e-7`, `12345`). */
function numberField(value: number): string {
  return Object.is(value, -0) ? "0" : String(value);
}

/**
 * Every run of an experiment as CSV (RFC 4180: comma-separated, CRLF line ends, fields
 * quoted when needed), for pandas, R or a spreadsheet: a header row, then one row per run
 * and policy, run by run and within a run in the result's policy order. Columns: `run`
 * (0-based; the same index means the same draws under every policy), `policy`, each
 * uncertain parameter's draw (in declaration order), then each outcome's value (in the
 * result's order). Numbers are written in full precision (the shortest text that reads
 * back to the same double). Deterministic: the same result gives the same bytes.
 *
 * Needs a result with per-run values: `runExperiment(scenario, { ..., keepRuns: true })`.
 *
 * @param result - an experiment result with `parameters` and each policy's `runs`.
 * @returns the CSV text, ending with a line break.
 * @throws {InputError} if the result holds no per-run values.
 * @example
 * ```ts
 * const result = await runExperiment(scenario, { runs: 2, seed: 1, keepRuns: true });
 * formatRunsCsv(result);
 * // "run,policy,severity,gdpLoss:A,gdpLoss:B\r\n0,none,0.62,0,0\r\n0,ban,0.62,1.2e9,3.4e8\r\n..."
 * ```
 */
export function formatRunsCsv(result: ExperimentResult): string {
  const parameters = result?.parameters;
  const missing = result?.policies?.findIndex((policy) => policy.runs === undefined);
  if (parameters === undefined || missing === undefined || missing !== -1) {
    throw new InputError("result", "expected per-run values: run the experiment with keepRuns: true (the CLI's --csv does)");
  }
  const parameterNames = Object.keys(parameters);
  const outcomeNames = result.outcomes.map((outcome) => outcome.name);
  const lines = [["run", "policy", ...parameterNames, ...outcomeNames].map(field).join(",")];
  const policies = result.policies.map((policy) => ({
    name: field(policy.name),
    values: outcomeNames.map((name) => {
      const values = policy.runs![name];
      if (values === undefined || values.length !== result.runs) {
        throw new InputError(`result.policies.${policy.name}.runs`, `expected ${result.runs} values of ${name}`);
      }
      return values;
    }),
  }));
  const draws = parameterNames.map((name) => parameters[name]!);
  for (let run = 0; run < result.runs; run++) {
    const sampled = draws.map((values) => numberField(values[run]!)).join(",");
    for (const policy of policies) {
      const outcomes = policy.values.map((values) => numberField(values[run]!)).join(",");
      lines.push(`${run},${policy.name}${parameterNames.length === 0 ? "" : `,${sampled}`}${outcomeNames.length === 0 ? "" : `,${outcomes}`}`);
    }
  }
  return `${lines.join("\r\n")}\r\n`;
}
