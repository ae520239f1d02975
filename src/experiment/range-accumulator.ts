import type { CompiledModel } from "../compile/model.js";
import { NonFiniteOutcomeError } from "../errors.js";
import { simulateRun } from "../engine/simulate.js";
import { COUNTER_GDP_LOSS_CAPPED, createRunState, type RunState } from "../engine/state.js";
import { latinHypercubeSampler, monteCarloSampler, type UniformSampler } from "../random/index.js";
import {
  StreamingBands,
  StreamingPaired,
  StreamingSummary,
  type StreamingBandsJSON,
  type StreamingPairedJSON,
  type StreamingSummaryJSON,
} from "../stats/index.js";
import { summarizeExactRange, type ExactRangeSummary } from "./exact-range.js";
import type { ExperimentPlan } from "./plan.js";

/** Most runs sampled together and then simulated under every policy. */
export const RUN_CHUNK = 64;

/** Runs per chunk: at most RUN_CHUNK, and at most 1% of the runs, so progress can be reported that often. */
export function chunkRuns(plan: ExperimentPlan): number {
  return Math.max(1, Math.min(RUN_CHUNK, Math.floor(plan.runs / 100)));
}

/**
 * What an experiment records for a contiguous range of runs, under exact summaries: every
 * run's outcome values and series, sorted and summed exactly where the range was
 * simulated (src/experiment/exact-range.ts). Statistics are read across the ranges' sorted
 * values and their exact sums are added, so the result never depends on how the runs were
 * split between workers or shards.
 */
export interface ExactRangeData {
  readonly summaries: "exact";
  readonly runStart: number;
  readonly runEnd: number;
  readonly summary: ExactRangeSummary;
  /** `values[p][o][run - runStart]`: outcome o of the run under the plan's p-th policy, when runs are kept. */
  readonly values?: Float64Array[][];
  /** `parameters[d][run - runStart]`, when runs are kept. */
  readonly parameters?: Float64Array[];
  readonly gdpLossCapped: number;
}

/** Every run's values of a range, as simulated (exact summaries), before they are summarized. */
interface ExactRecording {
  readonly values: Float64Array[][];
  readonly series: Float64Array[][];
  readonly parameters?: Float64Array[];
}

/**
 * What an experiment records for a contiguous range of runs, under streaming summaries:
 * mergeable summaries whose size does not grow with the runs. Merging is exact for
 * everything but the quantile sketches' estimates, and independent of order, so ranges
 * split any way give the same result.
 */
export interface StreamingRangeData {
  readonly summaries: "streaming";
  readonly runStart: number;
  readonly runEnd: number;
  /** `outcomes[p][o]`. */
  readonly outcomes: StreamingSummary[][];
  /** `comparisons[c][o]`: the c-th policy other than the baseline, minus the baseline, run by run. */
  readonly comparisons: StreamingPaired[][];
  /** `bands[p][s]`: per-period bands of the series outcomes. */
  readonly bands: StreamingBands[][];
  readonly gdpLossCapped: number;
}

export type RangeData = ExactRangeData | StreamingRangeData;

/** A range's data as plain JSON-safe values, for worker messages and shard files. */
export type RangeMessage =
  | ExactRangeData
  | {
      readonly summaries: "streaming";
      readonly runStart: number;
      readonly runEnd: number;
      readonly outcomes: StreamingSummaryJSON[][];
      readonly comparisons: StreamingPairedJSON[][];
      readonly bands: StreamingBandsJSON[][];
      readonly gdpLossCapped: number;
    };

/** Plain data for a worker message or a file (streaming summaries become JSON). */
export function toRangeMessage(data: RangeData): RangeMessage {
  if (data.summaries === "exact") return data;
  return {
    summaries: "streaming",
    runStart: data.runStart,
    runEnd: data.runEnd,
    outcomes: data.outcomes.map((row) => row.map((s) => s.toJSON())),
    comparisons: data.comparisons.map((row) => row.map((s) => s.toJSON())),
    bands: data.bands.map((row) => row.map((s) => s.toJSON())),
    gdpLossCapped: data.gdpLossCapped,
  };
}

/**
 * The inverse of {@link toRangeMessage}.
 *
 * @param path - where the message sits (`shards[2].data`), for the messages of the
 *   InputError a malformed summary record raises.
 */
export function fromRangeMessage(message: RangeMessage, path = "data"): RangeData {
  if (message.summaries === "exact") return message;
  return {
    summaries: "streaming",
    runStart: message.runStart,
    runEnd: message.runEnd,
    outcomes: message.outcomes.map((row, p) => row.map((json, o) => StreamingSummary.fromJSON(json, `${path}.outcomes[${p}][${o}]`))),
    comparisons: message.comparisons.map((row, c) => row.map((json, o) => StreamingPaired.fromJSON(json, `${path}.comparisons[${c}][${o}]`))),
    bands: message.bands.map((row, p) => row.map((json, s) => StreamingBands.fromJSON(json, `${path}.bands[${p}][${s}]`))),
    gdpLossCapped: message.gdpLossCapped,
  };
}

/** Fill `draws` with run `run`'s sample: uncertainty values (via their quantile functions), then rule uniforms. */
export function sampleRun(model: CompiledModel, sampler: UniformSampler, run: number, draws: Float64Array): void {
  sampler.fill(run, draws);
  const { uncertainties } = model;
  for (let d = 0; d < uncertainties.length; d++) draws[d] = uncertainties[d]!.distribution.quantile(draws[d]!);
}

/** The plan's sampler: Monte Carlo, or a Latin hypercube over all the plan's runs. */
export function planSampler(model: CompiledModel, plan: ExperimentPlan): UniformSampler {
  return plan.sampler === "latin-hypercube"
    ? latinHypercubeSampler(plan.seed, model.randomDimensions, plan.runs)
    : monteCarloSampler(plan.seed, model.randomDimensions);
}

/**
 * Raised when a run gives a non-finite value: for a formula outcome, a problem of the
 * scenario (NonFiniteOutcomeError); for any other outcome, a bug, never an answer.
 */
export function nonFiniteError(model: CompiledModel, policy: number, outcome: number, run: number, seed: string): Error {
  const formula = model.outcomes.formulas[outcome];
  if (formula !== undefined) {
    const info = model.outcomes.info[outcome]!;
    // formula outcomes are declared in the scenario's `outcomes`, in the model's order
    return new NonFiniteOutcomeError({ outcome: info.name, outcomeIndex: outcome, formula: info.description, policy: model.policies.names[policy]!, run, seed });
  }
  return new Error(
    `internal error: run ${run} (seed ${JSON.stringify(seed)}) of policy "${model.policies.names[policy]}" gave a non-finite value for outcome "${model.outcomes.info[outcome]!.name}"; please report it with the scenario`,
  );
}

/**
 * Simulates and records runs `[runStart, runEnd)` of an experiment, in chunks: each chunk's
 * draws are sampled once, then every policy simulates the chunk on them (common random
 * numbers). Used on the main thread (chunk by chunk, yielding in between) and in workers.
 */
export class RangeAccumulator {
  /** Exact summaries: the runs' values as recorded; streaming: undefined. */
  private readonly recording: ExactRecording | undefined;
  /** Streaming summaries: the summaries so far; exact: undefined. */
  private readonly streaming: StreamingRangeData | undefined;
  private readonly runStart: number;
  private readonly runEnd: number;
  private gdpLossCapped = 0;
  private readonly state: RunState;
  private readonly sampler: UniformSampler;
  private readonly draws: Float64Array;
  private readonly chunkDraws: Float64Array;
  private readonly outcomeRow: Float64Array;
  private readonly seriesRow: Float64Array;
  private next: number;
  private readonly chunk: number;
  private readonly chunkOutcomes: Float64Array;
  private readonly chunkSeries: Float64Array;

  constructor(
    private readonly model: CompiledModel,
    private readonly plan: ExperimentPlan,
    runStart: number,
    runEnd: number,
  ) {
    const length = runEnd - runStart;
    const { outcomes, T } = model;
    const P = plan.policies.length;
    this.runStart = runStart;
    this.runEnd = runEnd;
    if (plan.summaries === "exact") {
      this.recording = {
        values: plan.policies.map(() => Array.from({ length: outcomes.count }, () => new Float64Array(length))),
        series: plan.policies.map(() => Array.from({ length: outcomes.seriesCount }, () => new Float64Array(length * T))),
        ...(plan.keepRuns ? { parameters: model.uncertainties.map(() => new Float64Array(length)) } : {}),
      };
    } else {
      this.streaming = {
        summaries: "streaming",
        runStart,
        runEnd,
        outcomes: plan.policies.map(() => outcomes.info.map((info) => new StreamingSummary({ thresholds: info.thresholds }))),
        comparisons: Array.from({ length: P - 1 }, () => outcomes.info.map(() => new StreamingPaired())),
        bands: plan.policies.map(() => Array.from({ length: outcomes.seriesCount }, () => new StreamingBands(T))),
        gdpLossCapped: 0,
      };
    }
    this.state = createRunState(model);
    this.sampler = planSampler(model, plan);
    this.draws = new Float64Array(model.randomDimensions);
    this.chunk = chunkRuns(plan);
    this.chunkDraws = new Float64Array(this.chunk * model.randomDimensions);
    // streaming: the chunk's values under every policy, fed to the summaries once all are in
    this.chunkOutcomes = plan.summaries === "streaming" ? new Float64Array(this.chunk * P * outcomes.count) : new Float64Array(0);
    this.chunkSeries = plan.summaries === "streaming" ? new Float64Array(this.chunk * P * outcomes.seriesCount * T) : new Float64Array(0);
    this.outcomeRow = new Float64Array(outcomes.count);
    this.seriesRow = new Float64Array(outcomes.seriesCount * T);
    this.next = runStart;
  }

  /** True when every run of the range has been simulated. */
  get done(): boolean {
    return this.next >= this.runEnd;
  }

  /**
   * What the range recorded, once every run is simulated: with exact summaries, its values
   * sorted and summed here (the costly part, done where the range ran: in a worker, in
   * parallel with the others); with streaming summaries, the summaries.
   */
  result(): RangeData {
    if (!this.done) throw new Error("internal error: a range's result was asked for before all its runs were simulated");
    const { runStart, runEnd, gdpLossCapped } = this;
    if (this.streaming !== undefined) return { ...this.streaming, gdpLossCapped };
    const { values, series, parameters } = this.recording!;
    return {
      summaries: "exact",
      runStart,
      runEnd,
      summary: summarizeExactRange(this.model, this.plan, values, series, runEnd - runStart),
      ...(this.plan.keepRuns ? { values, ...(parameters === undefined ? {} : { parameters }) } : {}),
      gdpLossCapped,
    };
  }

  /**
   * Simulate the next chunk of runs (at most `limit`, and at most the chunk size) under
   * every policy; returns the number of simulations done (runs x policies). The chunk size
   * changes nothing in the numbers: a caller may shorten chunks to stay responsive.
   */
  simulateChunk(limit = Infinity): number {
    const { model, plan, recording, draws, chunkDraws, outcomeRow, seriesRow, runStart } = this;
    const R = model.randomDimensions;
    const O = model.outcomes.count;
    const S = model.outcomes.seriesCount;
    const T = model.T;
    const from = this.next;
    const to = Math.min(this.runEnd, from + Math.max(1, Math.min(this.chunk, Math.floor(limit))));
    for (let run = from; run < to; run++) {
      sampleRun(model, this.sampler, run, draws);
      chunkDraws.set(draws, (run - from) * R);
      if (recording?.parameters !== undefined) {
        for (let d = 0; d < model.uncertainties.length; d++) recording.parameters[d]![run - runStart] = draws[d]!;
      }
    }
    // The lowest run of the chunk with a non-finite value (in it, the first policy, then outcome):
    // the chunk is finished before it is reported, so that the run named does not depend on
    // the loop order or on how the runs were cut into chunks and ranges.
    let failedRun = to;
    let failedPolicy = 0;
    let failedOutcome = 0;
    for (let p = 0; p < plan.policies.length; p++) {
      const policy = plan.policies[p]!;
      for (let run = from; run < to; run++) {
        const offset = (run - from) * R;
        for (let d = 0; d < R; d++) draws[d] = chunkDraws[offset + d]!;
        simulateRun(model, this.state, policy, draws, outcomeRow, S > 0 ? seriesRow : undefined);
        if (run < failedRun) {
          for (let o = 0; o < O; o++) {
            if (!Number.isFinite(outcomeRow[o]!)) {
              failedRun = run;
              failedPolicy = policy;
              failedOutcome = o;
              break;
            }
          }
        }
        if (recording !== undefined) {
          const at = run - runStart;
          for (let o = 0; o < O; o++) recording.values[p]![o]![at] = outcomeRow[o]!;
          for (let s = 0; s < S; s++) {
            const target = recording.series[p]![s]!;
            for (let t = 0; t < T; t++) target[at * T + t] = seriesRow[s * T + t]!;
          }
        } else {
          const slot = (run - from) * plan.policies.length + p;
          this.chunkOutcomes.set(outcomeRow, slot * O);
          if (S > 0) this.chunkSeries.set(seriesRow, slot * S * T);
        }
      }
    }
    if (failedRun < to) throw nonFiniteError(model, failedPolicy, failedOutcome, failedRun, plan.seed);
    if (this.streaming !== undefined) this.summarizeChunk(this.streaming, to - from);
    this.next = to;
    this.gdpLossCapped = this.state.counters[COUNTER_GDP_LOSS_CAPPED]!;
    return (to - from) * plan.policies.length;
  }

  /** Feed the chunk's values to the streaming summaries, run by run, comparisons against the baseline. */
  private summarizeChunk(data: StreamingRangeData, runs: number): void {
    const { plan, chunkOutcomes, chunkSeries } = this;
    const O = this.model.outcomes.count;
    const S = this.model.outcomes.seriesCount;
    const T = this.model.T;
    const P = plan.policies.length;
    for (let r = 0; r < runs; r++) {
      const base = (r * P + plan.baseline) * O;
      for (let p = 0; p < P; p++) {
        const slot = (r * P + p) * O;
        const summaries = data.outcomes[p]!;
        for (let o = 0; o < O; o++) summaries[o]!.add(chunkOutcomes[slot + o]!);
        if (p !== plan.baseline) {
          const paired = data.comparisons[p < plan.baseline ? p : p - 1]!;
          for (let o = 0; o < O; o++) paired[o]!.add(chunkOutcomes[slot + o]! - chunkOutcomes[base + o]!);
        }
        for (let s = 0; s < S; s++) data.bands[p]![s]!.addRun(chunkSeries, ((r * P + p) * S + s) * T);
      }
    }
  }
}
