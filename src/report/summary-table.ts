import type { ExperimentResult } from "../experiment/result.js";
import { differenceText, formatValue } from "./format-number.js";
import { alignColumns } from "./text.js";
import { timingText, timingUnit } from "./_internals/periods.js";

/** Options of {@link formatSummaryTable}. */
export interface SummaryTableOptions {
  /** Outcomes to show, by name, in this order; all by default. */
  readonly outcomes?: readonly string[];
}

/** The first column left-aligned (names), the others right-aligned (numbers). */
const pad = (rows: string[][]): string => alignColumns(rows, (column) => column === 0).join("\n");

/** What a paired interval is, for the foot of a table that shows some. */
export function intervalFootnote(baseline: string): string {
  return (
    `(95% CI): the Monte Carlo precision of the mean difference to ${baseline} in the same runs; it narrows with more runs. ` +
    `It is not the model's uncertainty: that is the spread across runs, p05 to p95.`
  );
}

/**
 * A plain-text table of an experiment's results: for each outcome, each policy's mean,
 * p05, p50 and p95, and its paired difference to the baseline policy with a 95% interval
 * (digits enough to tell its numbers apart), then a note on what that interval is and, when
 * a value is below 0, that a negative loss is a gain.
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
  let gains = false;
  for (const outcome of shown) {
    const rows: string[][] = [["  policy", "mean", "p05", "p50", "p95", `vs ${result.baselinePolicy} (95% CI)`]];
    // the period of a first event: from 1, none when not within the horizon (results count from 0)
    const timing = timingUnit(outcome.unit);
    const f = (value: number) => (timing === undefined ? formatValue(value, outcome.unit) : timingText(value, timing));
    for (const policy of result.policies) {
      const s = policy.outcomes.find((o) => o.name === outcome.name)!;
      const comparison = result.comparisons.find((c) => c.policy === policy.name)?.outcomes.find((o) => o.name === outcome.name);
      const difference = comparison === undefined ? "baseline" : differenceText(comparison, outcome.unit, " .. ");
      const mean = timing === undefined ? f(s.mean) : formatValue(s.mean + 1, "");
      rows.push([`  ${policy.name}`, mean, f(s.p05), f(s.p50), f(s.p95), difference]);
      if (/loss/i.test(outcome.name + outcome.description) && s.p05 < 0) gains = true;
    }
    const unit = timing === undefined ? outcome.unit : `${timing.period} of the horizon, 1 to ${timing.horizon}; none: not within it, counted as ${timing.horizon + 1} in the mean`;
    sections.push(`${outcome.name} [${unit}]: ${outcome.description}\n${pad(rows)}`);
  }
  const title = result.scenario.title ?? result.scenario.name;
  const notes = [
    ...(result.comparisons.length === 0 ? [] : [intervalFootnote(result.baselinePolicy)]),
    ...(gains ? ["Losses below 0 are gains: the outcome did better than in the baseline world without restrictions, in the same run."] : []),
  ];
  return `${title}\n${result.runs} runs, seed ${JSON.stringify(result.seed)}, ${result.sampler}, ${result.scenario.horizon} ${result.scenario.period}s\n\n${sections.join("\n\n")}\n${notes.length === 0 ? "" : `\n${notes.join("\n")}\n`}`;
}
