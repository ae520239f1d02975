// One outcome under every policy of a result, as the charts that put policies side by side
// read it: each policy's summary, its runs' values when kept, its paired difference to the
// baseline, its colour, and the facts (zeros, gains, cap) a reader should be told.
import { InputError } from "../../errors.js";
import type { ExperimentResult, OutcomeComparison, OutcomeSummary } from "../../experiment/result.js";
import { PALETTE } from "../charts/svg.js";
import type { TextColumn } from "../charts/svg.js";
import { maybeRuns, outcomeFacts, shareText, type OutcomeFacts } from "./outcome-facts.js";

/** What the charts of one outcome under every policy read from a result. */
export type PoliciesChartData = Pick<ExperimentResult, "baselinePolicy" | "comparisons" | "policies" | "outcomes">;

export interface PolicyRow {
  readonly policy: string;
  readonly summary: OutcomeSummary;
  readonly runs: readonly number[] | undefined;
  /** The paired difference to the baseline; undefined for the baseline itself. */
  readonly difference: OutcomeComparison | undefined;
  readonly color: string;
  readonly facts: OutcomeFacts;
}

/** The policies' rows for an outcome, in the result's order, coloured by position (the same colour for a policy on every chart). */
export function policyRows(result: PoliciesChartData, outcome: string, cap?: number): { unit: string; description: string; rows: PolicyRow[] } {
  if (result === null || typeof result !== "object" || !Array.isArray(result.policies as unknown) || !Array.isArray(result.outcomes as unknown)) {
    throw new InputError("result", "expected an experiment result (runExperiment)");
  }
  const info = result.outcomes.find((o) => o.name === outcome);
  if (info === undefined) throw new InputError("outcome", `the result has no outcome "${outcome}" (outcomes: ${result.outcomes.map((o) => o.name).join(", ")})`);
  if (cap !== undefined && !Number.isFinite(cap)) throw new InputError("options.cap", `expected a finite number, got ${String(cap)}`);
  const rows = result.policies.flatMap((policy, k) => {
    const summary = policy.outcomes.find((o) => o.name === outcome);
    if (summary === undefined) return [];
    const runs = policy.runs?.[outcome];
    const difference = result.comparisons.find((c) => c.policy === policy.name)?.outcomes.find((o) => o.name === outcome);
    return [{ policy: policy.name, summary, runs, difference, color: PALETTE[k % PALETTE.length]!, facts: outcomeFacts(summary, runs, cap) }];
  });
  return { unit: info.unit, description: info.description, rows };
}

/** Whether two policies gave the same value in every run (known only with the runs' values, or against the baseline from the paired difference). */
export function sameInEveryRun(a: PolicyRow, b: PolicyRow): boolean {
  if (a.runs !== undefined && b.runs !== undefined) return a.runs.length === b.runs.length && a.runs.every((v, i) => v === b.runs![i]);
  const toBaseline = (row: PolicyRow) => row.difference === undefined || (row.difference.mean === 0 && row.difference.sd === 0);
  return (a.difference === undefined && toBaseline(b)) || (b.difference === undefined && toBaseline(a));
}

/** The columns a reader needs beside the values: the share of runs above 0 when some policy's runs are mostly 0 (with `zeros`), the share at the cap when some may reach it. */
export function factColumns(rows: readonly PolicyRow[], zeros = true): TextColumn[] {
  return [
    ...(zeros && rows.some((row) => row.facts.mostlyZero) ? [{ heading: "runs > 0", cells: rows.map((row) => shareText(row.facts.positive)) }] : []),
    ...(rows.some((row) => maybeRuns(row.facts.atCap)) ? [{ heading: "at cap", cells: rows.map((row) => shareText(row.facts.atCap!)) }] : []),
  ];
}
