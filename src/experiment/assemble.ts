import type { CompiledModel } from "../compile/model.js";
import type { Scenario } from "../schema/scenario.js";
import { scenarioSha256 } from "../schema/scenario-hash.js";
import { BandsAccumulator } from "../stats/bands-accumulator.js";
import type { QuantileBands } from "../stats/index.js";
import { OutcomeAccumulator } from "../stats/outcome-accumulator.js";
import { PairedAccumulator } from "../stats/paired-accumulator.js";
import { Pacer } from "./pacer.js";
import type { ExperimentPlan } from "./plan.js";
import type { RangeData } from "./range-accumulator.js";
import { CHOKEPOINT_VERSION } from "../version.js";
import type { ExperimentResult, OutcomeComparison, OutcomeSummary, PolicyComparison, PolicyResult, SeriesSummary } from "./result.js";

/** Outcomes whose every value is a whole number (rule fired, period of first firing: their kinds say so). */
function wholeValued(model: CompiledModel, o: number): boolean {
  return model.outcomes.wholeValued[o] === 1;
}

/** Concatenate one array of every range, in run order. */
function joined(ranges: readonly RangeData[], pick: (range: RangeData) => Float64Array, length: number): Float64Array {
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

/** The ranges in run order, checked to cover every run of the plan once. */
function inRunOrder(plan: ExperimentPlan, parts: readonly RangeData[]): RangeData[] {
  const ranges = [...parts].sort((a, b) => a.runStart - b.runStart);
  let expected = 0;
  for (const range of ranges) {
    if (range.runStart !== expected) throw new Error(`internal error: runs ${expected} to ${range.runStart} are missing from the experiment`);
    if (range.summaries !== plan.summaries) throw new Error("internal error: ranges of mixed summaries");
    expected = range.runEnd;
  }
  if (expected !== plan.runs) throw new Error(`internal error: the experiment recorded ${expected} of ${plan.runs} runs`);
  return ranges;
}

/**
 * The result of an experiment from its ranges (in run order), step by step: for each
 * policy and outcome, the ranges' accumulators merged and summarised (statistics and
 * histogram), then each period of each series, then each comparison. A generator: it
 * yields whenever `due()` says so, so that a caller can let the event loop run (and see an
 * abort) between steps; it returns the result.
 */
function* summarise(scenario: Scenario, model: CompiledModel, plan: ExperimentPlan, ranges: readonly RangeData[], due: () => boolean): Generator<void, ExperimentResult, void> {
  const { outcomes, T } = model;
  const { runs } = plan;
  const policies: PolicyResult[] = [];
  for (let p = 0; p < plan.policies.length; p++) {
    const summaries: OutcomeSummary[] = [];
    for (let o = 0; o < outcomes.count; o++) {
      const info = outcomes.info[o]!;
      const total = OutcomeAccumulator.merged(ranges.map((range) => range.outcomes[p]![o]!));
      summaries.push({ name: info.name, unit: info.unit, ...total.summarize(), histogram: total.histogram(wholeValued(model, o)) });
      if (due()) yield;
    }
    const series: SeriesSummary[] = [];
    for (let o = 0; o < outcomes.count; o++) {
      const s = outcomes.seriesIndex[o]!;
      if (s < 0) continue;
      const total = BandsAccumulator.merged(ranges.map((range) => range.bands[p]![s]!));
      const bands: QuantileBands = { mean: [], p05: [], p25: [], p50: [], p75: [], p95: [] };
      for (let t = 0; t < T; t++) {
        total.appendPeriod(bands, t);
        if (due()) yield;
      }
      series.push({ name: outcomes.info[o]!.name, unit: outcomes.info[o]!.unit, ...bands });
    }
    const policy = plan.policies[p]!;
    const description = model.policies.descriptions[policy];
    const kept = (o: number) => joined(ranges, (range) => range.values![p]![o]!, runs);
    policies.push({
      name: model.policies.names[policy]!,
      ...(description === undefined ? {} : { description }),
      outcomes: summaries,
      series,
      ...(plan.keepRuns ? { runs: Object.fromEntries(outcomes.info.map((info, o) => [info.name, Array.from(kept(o))])) } : {}),
    });
  }

  const baseline = model.policies.names[plan.policies[plan.baseline]!]!;
  const comparisons: PolicyComparison[] = [];
  for (let p = 0; p < plan.policies.length; p++) {
    if (p === plan.baseline) continue;
    const c = p < plan.baseline ? p : p - 1;
    const differences: OutcomeComparison[] = [];
    for (let o = 0; o < outcomes.count; o++) {
      const info = outcomes.info[o]!;
      differences.push({ name: info.name, unit: info.unit, ...PairedAccumulator.merged(ranges.map((range) => range.comparisons[c]![o]!)).summarize() });
      if (due()) yield;
    }
    comparisons.push({ policy: model.policies.names[plan.policies[p]!]!, baseline, outcomes: differences });
  }

  const parameter = (d: number) => joined(ranges, (range) => range.parameters![d]!, runs);
  const result: ExperimentResult = {
    chokepointVersion: CHOKEPOINT_VERSION,
    scenario: {
      name: scenario.name,
      ...(scenario.title === undefined ? {} : { title: scenario.title }),
      horizon: scenario.horizon,
      period: scenario.period,
      currency: scenario.currency,
      sha256: scenarioSha256(scenario),
    },
    seed: plan.seed,
    runs,
    sampler: plan.sampler,
    ...(plan.design?.columns === undefined ? {} : { design: { uncertainties: Array.from(plan.design.columns, (d) => model.uncertainties[d]!.name) } }),
    summaries: plan.summaries,
    baselinePolicy: baseline,
    outcomes: outcomes.info.map((info) => ({ ...info, thresholds: [...info.thresholds] })),
    policies,
    comparisons,
    ...(plan.keepRuns ? { parameters: Object.fromEntries(model.uncertainties.map((u, d) => [u.name, Array.from(parameter(d))])) } : {}),
    diagnostics: { gdpLossCapped: ranges.reduce((sum, range) => sum + range.gdpLossCapped, 0) },
  };
  yield* assertFinite(result, "result", due);
  return result;
}

/**
 * Turn the recorded ranges of an experiment (contiguous, covering every run) into its
 * result: summaries per policy and outcome, bands, and paired comparisons with the
 * baseline policy. The ranges are taken in run order, and merging them is exact, so the
 * result does not depend on how the runs were split. The ranges' values may be sorted in
 * place; nothing else in them changes.
 *
 * Summarising yields to the event loop about every 25 ms, and rejects with the
 * experiment's AbortError once `signal` is aborted.
 */
export async function assembleResult(
  scenario: Scenario,
  model: CompiledModel,
  plan: ExperimentPlan,
  parts: readonly RangeData[],
  signal?: AbortSignal,
): Promise<ExperimentResult> {
  const pacer = new Pacer(signal);
  const steps = summarise(scenario, model, plan, inRunOrder(plan, parts), () => pacer.due());
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    await pacer.pause();
  }
}

/** {@link assembleResult} in one synchronous call (merging shard files, which takes no signal). */
export function assembleResultNow(scenario: Scenario, model: CompiledModel, plan: ExperimentPlan, parts: readonly RangeData[]): ExperimentResult {
  const step = summarise(scenario, model, plan, inRunOrder(plan, parts), () => false).next();
  if (step.done !== true) throw new Error("internal error: summarising paused with nothing to wait for");
  return step.value;
}

/**
 * Results are checked finite before they are returned: a NaN here is a bug, never an
 * answer. Numbers in arrays are checked in a plain loop, and the walk yields (when
 * `due()`) after each array, as the summaries can hold millions of numbers.
 */
function* assertFinite(value: unknown, path: string, due: () => boolean): Generator<void, void, void> {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw notFinite(path, value);
  } else if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const items = value as ArrayLike<unknown>;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (typeof item === "number") {
        if (!Number.isFinite(item)) throw notFinite(`${path}[${i}]`, item);
      } else yield* assertFinite(item, `${path}[${i}]`, due);
    }
    if (due()) yield;
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) yield* assertFinite(item, `${path}.${key}`, due);
  }
}

function notFinite(path: string, value: number): Error {
  return new Error(`internal error: ${path} is ${value}; please report it with the scenario`);
}
