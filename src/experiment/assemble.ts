import type { CompiledModel } from "../compile/model.js";
import type { Scenario } from "../schema/scenario.js";
import type { LogSketchJSON, OutcomeStatistics, PairedDifference, QuantileBands } from "../stats/index.js";
import { bandsOverRanges, differenceOverRanges, outcomeOverRanges } from "./exact-range.js";
import type { ExperimentPlan } from "./plan.js";
import { fromRangeMessage, toRangeMessage, type ExactRangeData, type RangeData, type StreamingRangeData } from "./range-accumulator.js";
import type { ExperimentResult, Histogram, OutcomeComparison, OutcomeSummary, PolicyComparison, PolicyResult, SeriesSummary } from "./result.js";

/** Bins of an outcome's histogram. */
const HISTOGRAM_BINS = 30;
/** Whole-valued outcomes get one bin per whole number when they span at most this many. */
const MAX_WHOLE_NUMBER_BINS = 61;

/** Outcomes whose every value is a whole number (rule fired, period of first firing: their kinds say so). */
function wholeValued(model: CompiledModel, o: number): boolean {
  return model.outcomes.wholeValued[o] === 1;
}

/**
 * Bin edges from `min` to `max`: HISTOGRAM_BINS equal-width bins (one bin when min = max),
 * or one bin per whole number, centred on it, for whole-valued outcomes of small span.
 */
function histogramEdges(min: number, max: number, whole: boolean): number[] {
  if (whole && Number.isInteger(min) && Number.isInteger(max) && max - min + 1 <= MAX_WHOLE_NUMBER_BINS) {
    return Array.from({ length: max - min + 2 }, (_, k) => min - 0.5 + k);
  }
  if (!(max > min)) return [min, max];
  const width = (max - min) / HISTOGRAM_BINS;
  return Array.from({ length: HISTOGRAM_BINS + 1 }, (_, k) => (k === HISTOGRAM_BINS ? max : min + k * width));
}

/** The bin of `x` among `edges` (equal widths): edges[k] <= x < edges[k + 1], the last bin closed. */
function binOf(x: number, edges: readonly number[]): number {
  const bins = edges.length - 1;
  if (bins === 1) return 0;
  const first = edges[0]!;
  let k = Math.floor(((x - first) / (edges[bins]! - first)) * bins);
  k = k < 0 ? 0 : k >= bins ? bins - 1 : k;
  // the arithmetic above may land one bin off at an edge: settle it against the edges themselves
  if (x < edges[k]! && k > 0) k--;
  else if (x >= edges[k + 1]! && k < bins - 1) k++;
  return k;
}

/** Histogram of every run's values, given in parts (the ranges of runs). */
function histogramOfValues(parts: readonly Float64Array[], min: number, max: number, whole: boolean): Histogram {
  const edges = histogramEdges(min, max, whole);
  const counts = new Array<number>(edges.length - 1).fill(0);
  for (const values of parts) {
    for (let i = 0; i < values.length; i++) {
      const k = binOf(values[i]!, edges);
      counts[k] = counts[k]! + 1;
    }
  }
  return { edges, counts };
}

/**
 * A value of the sketch bucket with index `index` (of magnitudes, relative accuracy `a`),
 * from the bucket mapping LogSketch documents: bucket floor(M l(v)), with
 * l(v) = e + (m - 1)(5 - m) / 3 for v = m 2^e and M = 3 / (4 ln gamma), gamma = (1 + a) / (1 - a).
 * The bucket's middle in l, inverted: within the bucket, so within a relative `a` of
 * every value counted in it (a test checks it against LogSketch's own estimates).
 */
function sketchBucketValue(index: number, a: number): number {
  // ln gamma = 2 atanh(a) by its series, basic arithmetic only (as LogSketch computes it), so
  // the value is the same on every platform
  let lnGamma = 0;
  for (let k = 0, power = a; k < 80; k++, power *= a * a) lnGamma += power / (2 * k + 1);
  const multiplier = 3 / (8 * lnGamma);
  const l = (index + 0.5) / multiplier;
  const exponent = Math.floor(l);
  const m = 3 - Math.sqrt(4 - 3 * (l - exponent));
  return m * 2 ** exponent;
}

/** Histogram from a quantile sketch's buckets: each bucket's count in the bin of its value (clamped to the exact [min, max]). */
function histogramOfSketch(sketch: LogSketchJSON, min: number, max: number, whole: boolean): Histogram {
  const edges = histogramEdges(min, max, whole);
  const counts = new Array<number>(edges.length - 1).fill(0);
  const add = (value: number, count: number) => {
    const k = binOf(value < min ? min : value > max ? max : value, edges);
    counts[k] = counts[k]! + count;
  };
  for (const [index, count] of sketch.negative) add(-sketchBucketValue(index, sketch.relativeAccuracy), count);
  if (sketch.zeroCount > 0) add(0, sketch.zeroCount);
  for (const [index, count] of sketch.positive) add(sketchBucketValue(index, sketch.relativeAccuracy), count);
  return { edges, counts };
}

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

/** Summaries from every run's values, read across the ranges' sorted values and exact sums: exact quantiles. */
function exactSummaries(model: CompiledModel, plan: ExperimentPlan, ranges: readonly ExactRangeData[]) {
  const { runs } = plan;
  const { outcomes, T } = model;
  const parts = ranges.map((range) => range.summary);
  const kept = (range: ExactRangeData) => {
    if (range.values === undefined) throw new Error("internal error: a range kept no runs");
    return range.values;
  };
  const values = plan.keepRuns ? plan.policies.map((_, p) => outcomes.info.map((_, o) => joined(ranges, (r) => kept(r)[p]![o]!, runs))) : undefined;
  const parameters = plan.keepRuns ? model.uncertainties.map((_, d) => joined(ranges, (r) => r.parameters![d]!, runs)) : undefined;
  const policyResults = plan.policies.map((policy, p) =>
    policyResult(
      model,
      policy,
      outcomes.info.map((info, o) => {
        const outcomeRanges = parts.map((part) => part.outcomes[p]![o]!);
        const statistics = outcomeOverRanges(outcomeRanges, info.thresholds);
        const histogram = histogramOfValues(
          outcomeRanges.map((range) => range.sorted),
          statistics.min,
          statistics.max,
          wholeValued(model, o),
        );
        return { ...statistics, histogram };
      }),
      Array.from({ length: outcomes.seriesCount }, (_, s) => bandsOverRanges(parts.map((part) => part.bands[p]![s]!), runs, T)),
      values?.[p],
    ),
  );
  const comparisons = comparisonsOf(model, plan, (p, o) => differenceOverRanges(parts.map((part) => part.differences[p < plan.baseline ? p : p - 1]![o]!)));
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
      total.outcomes[p]!.map((s, o) => {
        const statistics = s.summarize();
        return { ...statistics, histogram: histogramOfSketch(s.toJSON().sketch, statistics.min, statistics.max, wholeValued(model, o)) };
      }),
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
  statistics: readonly (OutcomeStatistics & { readonly histogram: Histogram })[],
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
