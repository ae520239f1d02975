// Exact summaries are split into the part each range of runs can do where it was simulated
// (sorting, exact sums: the costly, per-value part) and the part that needs every range
// (selecting order statistics across the sorted ranges, counting, adding exact sums). With
// worker threads the first part runs in the workers, in parallel, rather than on the main
// thread after they finish. Every step is exact, so the statistics are bit-identical however
// the runs were split: an order statistic of sorted ranges is that of their union, and exact
// sums do not depend on order.
import type { CompiledModel } from "../compile/model.js";
import { ExactMoments, ExactSum, type ExactMomentsJSON, type OutcomeStatistics, type PairedDifference, type QuantileBands } from "../stats/index.js";
import { appendBand } from "../stats/_internals/band-of-sorted.js";
import { countAbove, countBelow } from "../stats/_internals/count-above.js";
import { exactMomentsOf } from "../stats/_internals/exact-moments-of.js";
import { selectSorted } from "../stats/_internals/merge-sorted.js";
import { pairedStatistics } from "../stats/_internals/paired-statistics.js";
import { statisticsOfSortedParts } from "../stats/_internals/sorted-statistics.js";
import type { ExperimentPlan } from "./plan.js";

/** One outcome's values over a range of runs, ascending, with their exact moments. */
export interface SortedRange {
  readonly sorted: Float64Array;
  readonly moments: ExactMomentsJSON;
}

/**
 * One series outcome over a range of `n` runs: period t's values, ascending, at
 * `columns[t * n .. (t + 1) * n)`, and `sums[t]`, their exact sum as partials.
 */
export interface SortedColumns {
  readonly columns: Float64Array;
  readonly sums: number[][];
}

/** What a range of runs contributes to exact summaries. */
export interface ExactRangeSummary {
  /** `outcomes[p][o]`: outcome o under the plan's p-th policy. */
  readonly outcomes: SortedRange[][];
  /** `differences[c][o]`: the c-th policy other than the baseline, minus the baseline, run by run. */
  readonly differences: SortedRange[][];
  /** `bands[p][s]`: series s under the plan's p-th policy. */
  readonly bands: SortedColumns[][];
}

function sortedRange(values: Float64Array, name: string): SortedRange {
  return { sorted: values.slice().sort(), moments: exactMomentsOf(name, values).toJSON() };
}

/** Period t's values of one series over the range, ascending, at `columns[t * n .. (t + 1) * n)`, with their exact sums. */
function sortedColumns(recorded: Float64Array, length: number, T: number, column: Float64Array): SortedColumns {
  const columns = new Float64Array(length * T);
  const sums: number[][] = [];
  for (let t = 0; t < T; t++) {
    const sum = new ExactSum();
    readColumn(recorded, t, T, length, column, sum);
    columns.set(column.sort(), t * length);
    sums.push(sum.partials());
  }
  return { columns, sums };
}

/** Period t's values over the range's runs into `column`, and into `sum`. (Its own function, as the loop over runs is the hot part: see summarizeExactRange.) */
function readColumn(recorded: Float64Array, t: number, T: number, length: number, column: Float64Array, sum: ExactSum): void {
  for (let r = 0; r < length; r++) {
    const x = recorded[r * T + t]!;
    column[r] = x;
    sum.add(x);
  }
}

/** `a[r] - b[r]` for each run r of the range. */
function differenceOf(a: Float64Array, b: Float64Array, length: number): Float64Array {
  const d = new Float64Array(length);
  for (let r = 0; r < length; r++) d[r] = a[r]! - b[r]!;
  return d;
}

function policyName(model: CompiledModel, plan: ExperimentPlan, p: number): string {
  return model.policies.names[plan.policies[p]!]!;
}

function outcomeName(model: CompiledModel, plan: ExperimentPlan, p: number, o: number): string {
  return `policy "${policyName(model, plan, p)}", outcome "${model.outcomes.info[o]!.name}"`;
}

/**
 * Sort and sum a range's recorded values (already checked finite).
 *
 * Top-level functions, not closures made per call, and no loop over runs here: a worker
 * calls this once per range, and optimised code that had inlined the previous call's
 * closures was thrown away at every new one ("wrong call target", about 500 times in a
 * 2-worker run of the seed scenario at 8,000 runs); a loop over runs here was compiled
 * again (on-stack replacement) in every range.
 *
 * @param values `values[p][o][run]` over the range's `length` runs.
 * @param series `series[p][s][run * T + t]`.
 */
export function summarizeExactRange(model: CompiledModel, plan: ExperimentPlan, values: Float64Array[][], series: Float64Array[][], length: number): ExactRangeSummary {
  const { T } = model;
  const baseline = values[plan.baseline]!;
  const differences: SortedRange[][] = [];
  for (let p = 0; p < values.length; p++) {
    if (p === plan.baseline) continue;
    const row = values[p]!;
    const policyDifferences: SortedRange[] = [];
    for (let o = 0; o < row.length; o++) {
      const d = differenceOf(row[o]!, baseline[o]!, length);
      policyDifferences.push(sortedRange(d, `${outcomeName(model, plan, p, o)} minus the baseline "${policyName(model, plan, plan.baseline)}"`));
    }
    differences.push(policyDifferences);
  }
  const column = new Float64Array(length);
  const bands: SortedColumns[][] = [];
  for (const row of series) {
    const policyBands: SortedColumns[] = [];
    for (const recorded of row) policyBands.push(sortedColumns(recorded, length, T, column));
    bands.push(policyBands);
  }
  const outcomes: SortedRange[][] = [];
  for (let p = 0; p < values.length; p++) {
    const row = values[p]!;
    const policyOutcomes: SortedRange[] = [];
    for (let o = 0; o < row.length; o++) policyOutcomes.push(sortedRange(row[o]!, outcomeName(model, plan, p, o)));
    outcomes.push(policyOutcomes);
  }
  return { outcomes, differences, bands };
}

/** The exact moments of every range, merged. */
function momentsOverRanges(parts: readonly SortedRange[]): ExactMoments {
  const moments = new ExactMoments();
  parts.forEach((part, k) => moments.merge(ExactMoments.fromJSON(part.moments, `range ${k}`)));
  return moments;
}

/**
 * Statistics of one outcome over every range (its `thresholds` for the exceedance
 * probabilities), read from the ranges' sorted values without merging them all.
 */
export function outcomeOverRanges(parts: readonly SortedRange[], thresholds: ArrayLike<number>): OutcomeStatistics {
  return statisticsOfSortedParts(
    parts.map((part) => part.sorted),
    momentsOverRanges(parts),
    thresholds,
  );
}

/** Paired statistics of one policy against the baseline over every range: only counts and moments, so nothing is merged. */
export function differenceOverRanges(parts: readonly SortedRange[]): PairedDifference {
  const moments = momentsOverRanges(parts);
  let lower = 0;
  let higher = 0;
  for (const { sorted } of parts) {
    lower += countBelow(sorted, 0);
    higher += countAbove(sorted, 0);
  }
  return pairedStatistics(moments, lower, higher);
}

/** Fan-chart bands of one series over every range (`runs` in all, `T` periods). */
export function bandsOverRanges(parts: readonly SortedColumns[], runs: number, T: number): QuantileBands {
  const bands: QuantileBands = { mean: [], p05: [], p25: [], p50: [], p75: [], p95: [] };
  const lengths = parts.map((part) => part.columns.length / T);
  if (lengths.reduce((a, b) => a + b, 0) !== runs) throw new Error(`internal error: expected ${runs} runs in all, found ${lengths.join(" + ")}`);
  for (let t = 0; t < T; t++) {
    const sum = new ExactSum();
    for (const part of parts) sum.addSum(ExactSum.fromPartials(part.sums[t]!));
    const columns = parts.map((part, k) => part.columns.subarray(t * lengths[k]!, (t + 1) * lengths[k]!));
    // five quantiles need ten order statistics: select them rather than merge every value
    appendBand(bands, runs, columns.length === 1 ? (i) => columns[0]![i]! : (i) => selectSorted(columns, i), sum);
  }
  return bands;
}
