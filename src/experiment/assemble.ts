import type { CompiledModel } from "../compile/model.js";
import type { Scenario } from "../schema/scenario.js";
import { pairedDifference, quantileBands, summarizeOutcome } from "../stats/index.js";
import type { ExperimentPlan } from "./plan.js";
import type { ExactRangeData, RangeData } from "./range-accumulator.js";
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
export function assembleResult(scenario: Scenario, model: CompiledModel, plan: ExperimentPlan, parts: readonly RangeData[]): ExperimentResult {
  const ranges = [...parts].sort((a, b) => a.runStart - b.runStart);
  let expected = 0;
  for (const range of ranges) {
    if (range.runStart !== expected) throw new Error(`internal error: runs ${expected} to ${range.runStart} are missing from the experiment`);
    expected = range.runEnd;
  }
  if (expected !== plan.runs) throw new Error(`internal error: the experiment recorded ${expected} of ${plan.runs} runs`);
  const { runs } = plan;
  const { outcomes, T } = model;
  const values = plan.policies.map((_, p) => outcomes.info.map((_, o) => joined(ranges, (r) => r.values[p]![o]!, runs)));
  const series = plan.policies.map((_, p) => Array.from({ length: outcomes.seriesCount }, (_, s) => joined(ranges, (r) => r.series[p]![s]!, runs * T)));
  const parameters = plan.keepRuns ? model.uncertainties.map((_, d) => joined(ranges, (r) => r.parameters![d]!, runs)) : undefined;

  const policyResults: PolicyResult[] = plan.policies.map((policy, p) => {
    const summaries: OutcomeSummary[] = outcomes.info.map((info, o) => ({
      name: info.name,
      unit: info.unit,
      ...summarizeOutcome(values[p]![o]!, { thresholds: info.thresholds }),
    }));
    const bands: SeriesSummary[] = [];
    outcomes.info.forEach((info, o) => {
      const s = outcomes.seriesIndex[o]!;
      if (s >= 0) bands.push({ name: info.name, unit: info.unit, ...quantileBands(series[p]![s]!, runs, T) });
    });
    const description = model.policies.descriptions[policy];
    return {
      name: model.policies.names[policy]!,
      ...(description === undefined ? {} : { description }),
      outcomes: summaries,
      series: bands,
      ...(plan.keepRuns ? { runs: Object.fromEntries(outcomes.info.map((info, o) => [info.name, Array.from(values[p]![o]!)])) } : {}),
    };
  });

  const baselineName = model.policies.names[plan.policies[plan.baseline]!]!;
  const comparisons: PolicyComparison[] = [];
  plan.policies.forEach((policy, p) => {
    if (p === plan.baseline) return;
    comparisons.push({
      policy: model.policies.names[policy]!,
      baseline: baselineName,
      outcomes: outcomes.info.map((info, o): OutcomeComparison => ({
        name: info.name,
        unit: info.unit,
        ...pairedDifference(values[p]![o]!, values[plan.baseline]![o]!),
      })),
    });
  });

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
    baselinePolicy: baselineName,
    outcomes: outcomes.info.map((info) => ({ ...info, thresholds: [...info.thresholds] })),
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
