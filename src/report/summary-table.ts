import type { ExperimentResult } from "../experiment/result.js";
import { formatValue } from "./format-number.js";
import { alignColumns } from "./text.js";

/** Options of {@link formatSummaryTable}. */
export interface SummaryTableOptions {
  /** Outcomes to show, by name, in this order; all by default. */
  readonly outcomes?: readonly string[];
}

/** The first column left-aligned (names), the others right-aligned (numbers). */
const pad = (rows: string[][]): string => alignColumns(rows, (column) => column === 0).join("\n");

/**
 * A plain-text table of an experiment's results: for each outcome, each policy's mean,
 * p05, p50 and p95, and its paired difference to the baseline policy with a 95% interval.
 *
 * @example
 * ```ts
 * console.log(formatSummaryTable(await runExperiment(scenario, { runs: 5000, seed: 1 })));
 * ```
 */
export function formatSummaryTable(result: ExperimentResult, options: SummaryTableOptions = {}): string {
  // In the order asked for, else in the result's order
  const shown =
    options.outcomes === undefined
      ? result.outcomes
      : options.outcomes.flatMap((name) => result.outcomes.filter((o) => o.name === name));
  const sections: string[] = [];
  for (const outcome of shown) {
    const rows: string[][] = [["  policy", "mean", "p05", "p50", "p95", `vs ${result.baselinePolicy} (95% CI)`]];
    for (const policy of result.policies) {
      const s = policy.outcomes.find((o) => o.name === outcome.name)!;
      const comparison = result.comparisons.find((c) => c.policy === policy.name)?.outcomes.find((o) => o.name === outcome.name);
      const f = (value: number) => formatValue(value, outcome.unit);
      const difference =
        comparison === undefined
          ? "baseline"
          : `${comparison.mean >= 0 ? "+" : ""}${f(comparison.mean)} (${f(comparison.ci95Low)} .. ${f(comparison.ci95High)})`;
      rows.push([`  ${policy.name}`, f(s.mean), f(s.p05), f(s.p50), f(s.p95), difference]);
    }
    sections.push(`${outcome.name} [${outcome.unit}]: ${outcome.description}\n${pad(rows)}`);
  }
  const title = result.scenario.title ?? result.scenario.name;
  return `${title}\n${result.runs} runs, seed ${JSON.stringify(result.seed)}, ${result.sampler}, ${result.scenario.horizon} ${result.scenario.period}s\n\n${sections.join("\n\n")}\n`;
}
