import type { CompiledModel } from "../compile/model.js";
import type { Scenario } from "../schema/scenario.js";
import {
  pairedDifference,
  quantileBands,
  summarizeOutcome,
  type OutcomeStatistics,
  type PairedDifference,
  type QuantileBands,
} from "../stats/index.js";
import type { ExperimentPlan } from "./plan.js";
import { fromRangeMessage, toRangeMessage, type ExactRangeData, type RangeData, type StreamingRangeData } from "./range-accumulator.js";
import type { ExperimentResult, OutcomeComparison, OutcomeSummary, PolicyComparison, PolicyResult, SeriesSummary } from "./result.js";

/** Concatenate one array of every range, in run order. */
function joined(ranges: readonly ExactRangeData[], pick: (range: ExactRangeData) => Float64Array, length: number): Float64Array {
  if (ranges.length === 1) return pick(ranges[0]!);
  const out = new Float64Array(length);
  let at = 0;
  for (const range of ranges) {
    const part = pick(range);
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * Turn the recorded ranges of an experiment (contiguous, covering every run) into its
 * result: summaries per policy and outcome, bands, and paired comparisons with the
 * baseline policy. The ranges are taken in run order, so the result does not depend on
 * how the runs were split.
 */
/** Summaries from every run's values: exact quantiles. */
function exactSummaries(model: CompiledModel, plan: ExperimentPlan, ranges: readonly ExactRangeData[]) {
  const { runs } = plan;
  const { outcomes, T } = model;
  const values = plan.policies.map((_, p) => outcomes.info.map((_, o) => joined(ranges, (r) => r.values[p]![o]!, runs)));
  const series = plan.policies.map((_, p) => Array.from({ length: outcomes.seriesCount }, (_, s) => joined(ranges, (r) => r.series[p]![s]!, runs * T)));
  const parameters = plan.keepRuns ? model.uncertainties.map((_, d) => joined(ranges, (r) => r.parameters![d]!, runs)) : undefined;
  const policyResults = plan.policies.map((policy, p) =>
    policyResult(
      model,
      policy,
      outcomes.info.map((_, o) => summarizeOutcome(values[p]![o]!, { thresholds: outcomes.info[o]!.thresholds })),
      Array.from({ length: outcomes.seriesCount }, (_, s) => quantileBands(series[p]![s]!, runs, T)),
      plan.keepRuns ? values[p] : undefined,
    ),
  );
  const comparisons = comparisonsOf(model, plan, (p, o) => pairedDifference(values[p]![o]!, values[plan.baseline]![o]!));
  return { policyResults, comparisons, parameters };
}

/** Summaries merged from the ranges' streaming summaries: sketch quantiles, everything else exact. */
function streamingSummaries(model: CompiledModel, plan: ExperimentPlan, ranges: readonly StreamingRangeData[]) {
  const [first, ...rest] = ranges;
  if (first === undefined || ranges.some((r) => r.summaries !== "streaming")) throw new Error("internal error: ranges of mixed summaries");
  // merge into copies of the first range's summaries, so the ranges themselves are unchanged
  const merged = toRangeMessage(first);
  const total = fromRangeMessage(merged) as StreamingRangeData;
  for (const range of rest) {
    total.outcomes.forEach((row, p) => row.forEach((s, o) => s.merge(range.outcomes[p]![o]!)));
    total.comparisons.forEach((row, c) => row.forEach((s, o) => s.merge(range.comparisons[c]![o]!)));
    total.bands.forEach((row, p) => row.forEach((s, i) => s.merge(range.bands[p]![i]!)));
  }
  const policyResults = plan.policies.map((policy, p) =>
    policyResult(
      model,
      policy,
      total.outcomes[p]!.map((s) => s.summarize()),
      total.bands[p]!.map((s) => s.summarize()),
      undefined,
    ),
  );
  const comparisons = comparisonsOf(model, plan, (p, o) => total.comparisons[p < plan.baseline ? p : p - 1]![o]!.summarize());
  return { policyResults, comparisons, parameters: undefined };
}

function policyResult(
  model: CompiledModel,
  policy: number,
  statistics: readonly OutcomeStatistics[],
  bands: readonly QuantileBands[],
  runValues: readonly Float64Array[] | undefined,
): PolicyResult {
  const { outcomes } = model;
  const summaries: OutcomeSummary[] = outcomes.info.map((info, o) => ({ name: info.name, unit: info.unit, ...statistics[o]! }));
  const series: SeriesSummary[] = [];
  outcomes.info.forEach((info, o) => {
    const s = outcomes.seriesIndex[o]!;
    if (s >= 0) series.push({ name: info.name, unit: info.unit, ...bands[s]! });
  });
  const description = model.policies.descriptions[policy];
  return {
    name: model.policies.names[policy]!,
    ...(description === undefined ? {} : { description }),
    outcomes: summaries,
    series,
    ...(runValues === undefined ? {} : { runs: Object.fromEntries(outcomes.info.map((info, o) => [info.name, Array.from(runValues[o]!)])) }),
  };
}

/** Every policy but the baseline against the baseline, outcome by outcome. */
function comparisonsOf(model: CompiledModel, plan: ExperimentPlan, difference: (p: number, o: number) => PairedDifference): PolicyComparison[] {
  const baseline = model.policies.names[plan.policies[plan.baseline]!]!;
  const comparisons: PolicyComparison[] = [];
  plan.policies.forEach((policy, p) => {
    if (p === plan.baseline) return;
    comparisons.push({
      policy: model.policies.names[policy]!,
      baseline,
      outcomes: model.outcomes.info.map((info, o): OutcomeComparison => ({ name: info.name, unit: info.unit, ...difference(p, o) })),
    });
  });
  return comparisons;
}

export function assembleResult(scenario: Scenario, model: CompiledModel, plan: ExperimentPlan, parts: readonly RangeData[]): ExperimentResult {
  const ranges = [...parts].sort((a, b) => a.runStart - b.runStart);
  let expected = 0;
  for (const range of ranges) {
    if (range.runStart !== expected) throw new Error(`internal error: runs ${expected} to ${range.runStart} are missing from the experiment`);
    expected = range.runEnd;
  }
  if (expected !== plan.runs) throw new Error(`internal error: the experiment recorded ${expected} of ${plan.runs} runs`);
  const { runs } = plan;
  const baselineName = model.policies.names[plan.policies[plan.baseline]!]!;
  const { policyResults, comparisons, parameters } = ranges.every((r): r is ExactRangeData => r.summaries === "exact")
    ? exactSummaries(model, plan, ranges)
    : streamingSummaries(model, plan, ranges as readonly StreamingRangeData[]);

  const result: ExperimentResult = {
    scenario: {
      name: scenario.name,
      ...(scenario.title === undefined ? {} : { title: scenario.title }),
      horizon: scenario.horizon,
      period: scenario.period,
      currency: scenario.currency,
    },
    seed: plan.seed,
    runs,
    sampler: plan.sampler,
    summaries: plan.summaries,
    baselinePolicy: baselineName,
    outcomes: model.outcomes.info.map((info) => ({ ...info, thresholds: [...info.thresholds] })),
    policies: policyResults,
    comparisons,
    ...(parameters === undefined ? {} : { parameters: Object.fromEntries(model.uncertainties.map((u, d) => [u.name, Array.from(parameters[d]!)])) }),
    diagnostics: { gdpLossCapped: ranges.reduce((sum, range) => sum + range.gdpLossCapped, 0) },
  };
  assertFinite(result);
  return result;
}

/** Results are checked finite before they are returned: a NaN here is a bug, never an answer. */
function assertFinite(value: unknown, path = "result"): void {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`internal error: ${path} is ${value}; please report it with the scenario`);
  } else if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const items = value as ArrayLike<unknown>;
    for (let i = 0; i < items.length; i++) assertFinite(items[i], `${path}[${i}]`);
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) assertFinite(item, `${path}.${key}`);
  }
}
