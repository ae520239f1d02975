import type { CompiledModel } from "../compile/model.js";
import { InputError, NonFiniteOutcomeError } from "../errors.js";
import { simulateRun } from "../engine/simulate.js";
import { COUNTER_GDP_LOSS_CAPPED, createRunState, type RunState } from "../engine/state.js";
import type { UniformSampler } from "../random/index.js";
import { experimentSampler } from "./sampler-kind.js";
import { BandsAccumulator, type BandsAccumulatorJSON } from "../stats/bands-accumulator.js";
import { OutcomeAccumulator, type OutcomeAccumulatorJSON, type QuantileOptions } from "../stats/outcome-accumulator.js";
import { PairedAccumulator, type PairedAccumulatorJSON } from "../stats/paired-accumulator.js";
import type { ExperimentPlan } from "./plan.js";

/** Most runs sampled together and then simulated under every policy. */
export const RUN_CHUNK = 64;

/** Runs per chunk: at most RUN_CHUNK, and at most 1% of the runs, so progress can be reported that often. */
export function chunkRuns(plan: ExperimentPlan): number {
  return Math.max(1, Math.min(RUN_CHUNK, Math.floor(plan.runs / 100)));
}

/**
 * What an experiment records for a contiguous range of runs: one accumulator per policy
 * and outcome, per comparison with the baseline and outcome, and per policy and series
 * outcome. Exact summaries keep every run's value in them (room for the range's runs
 * made up front); streaming summaries a quantile sketch, whose size does not grow with the
 * runs. Everything else is exact, and merging never depends on how the runs were split.
 */
export interface RangeData {
  readonly summaries: "exact" | "streaming";
  readonly runStart: number;
  readonly runEnd: number;
  /** `outcomes[p][o]`: outcome o under the plan's p-th policy. */
  readonly outcomes: OutcomeAccumulator[][];
  /** `comparisons[c][o]`: the c-th policy other than the baseline, minus the baseline, run by run. */
  readonly comparisons: PairedAccumulator[][];
  /** `bands[p][s]`: per-period bands of the series outcomes. */
  readonly bands: BandsAccumulator[][];
  /** `values[p][o][run - runStart]`, when runs are kept. */
  readonly values?: Float64Array[][];
  /** `parameters[d][run - runStart]`, when runs are kept. */
  readonly parameters?: Float64Array[];
  readonly gdpLossCapped: number;
}

/** A range's data as plain values, for worker messages and (streaming summaries: JSON) shard files. */
export interface RangeMessage {
  readonly summaries: "exact" | "streaming";
  readonly runStart: number;
  readonly runEnd: number;
  readonly outcomes: OutcomeAccumulatorJSON[][];
  readonly comparisons: PairedAccumulatorJSON[][];
  readonly bands: BandsAccumulatorJSON[][];
  readonly values?: Float64Array[][];
  readonly parameters?: Float64Array[];
  readonly gdpLossCapped: number;
}

/** Plain data for a worker message or a file. */
export function toRangeMessage(data: RangeData): RangeMessage {
  return {
    summaries: data.summaries,
    runStart: data.runStart,
    runEnd: data.runEnd,
    outcomes: data.outcomes.map((row) => row.map((s) => s.toJSON())),
    comparisons: data.comparisons.map((row) => row.map((s) => s.toJSON())),
    bands: data.bands.map((row) => row.map((s) => s.toJSON())),
    ...(data.values === undefined ? {} : { values: data.values }),
    ...(data.parameters === undefined ? {} : { parameters: data.parameters }),
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
  return {
    summaries: message.summaries,
    runStart: message.runStart,
    runEnd: message.runEnd,
    outcomes: message.outcomes.map((row, p) => row.map((json, o) => OutcomeAccumulator.fromJSON(json, `${path}.outcomes[${p}][${o}]`))),
    comparisons: message.comparisons.map((row, c) => row.map((json, o) => PairedAccumulator.fromJSON(json, `${path}.comparisons[${c}][${o}]`))),
    bands: message.bands.map((row, p) => row.map((json, s) => BandsAccumulator.fromJSON(json, `${path}.bands[${p}][${s}]`))),
    ...(message.values === undefined ? {} : { values: message.values }),
    ...(message.parameters === undefined ? {} : { parameters: message.parameters }),
    gdpLossCapped: message.gdpLossCapped,
  };
}

/**
 * Sort the values a range keeps for exact quantiles, where the range was simulated: a
 * worker does it before sending its range, in parallel with the other workers, so that the
 * main thread only merges sorted values (bench/summarising.mjs; docs/scaling.md).
 */
export function sortRangeValues(data: RangeData): void {
  for (const row of data.outcomes) for (const accumulator of row) accumulator.sortValues();
  for (const row of data.bands) for (const accumulator of row) accumulator.sortValues();
}

/**
 * Fill `draws` with run `run`'s sample: uncertainty values (via their quantile functions), then
 * rule uniforms. Uncertainties drawn jointly take the values of one row of the joint draws,
 * picked by the first one's uniform.
 */
export function sampleRun(model: CompiledModel, sampler: UniformSampler, run: number, draws: Float64Array): void {
  sampler.fill(run, draws);
  const { uncertainties, joint } = model;
  const row = joint === undefined ? -1 : jointRow(joint.cumulative, draws[joint.dimensions[0]!]!);
  for (let d = 0; d < uncertainties.length; d++) draws[d] = uncertainties[d]!.distribution.quantile(draws[d]!);
  if (joint !== undefined) {
    const K = joint.dimensions.length;
    for (let k = 0; k < K; k++) draws[joint.dimensions[k]!] = joint.values[row * K + k]!;
  }
}

/** The first row whose cumulative weight reaches u (binary search). */
function jointRow(cumulative: Float64Array, u: number): number {
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (cumulative[mid]! >= u) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** The plan's sampler: the design's points when it gives them, else Monte Carlo, a Latin hypercube over all the plan's runs, or scrambled Sobol' points. */
export function planSampler(model: CompiledModel, plan: ExperimentPlan): UniformSampler {
  const uniforms = plan.design?.uniforms;
  if (uniforms !== undefined) return pointsSampler(uniforms, model.randomDimensions);
  return experimentSampler(plan.sampler, plan.seed, model.randomDimensions, plan.runs);
}

/** A sampler that reads run i's point from row i of `points` (given, not drawn). */
function pointsSampler(points: Float64Array, dimensions: number): UniformSampler {
  return {
    kind: "monte-carlo", // not read by the run loop; the points are the analysis's own design
    dimensions,
    fill(runIndex: number, out: Float64Array): void {
      out.set(points.subarray(runIndex * dimensions, (runIndex + 1) * dimensions));
    },
  };
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
 * numbers), and the chunk's values go to the range's accumulators run by run. Used on the
 * main thread (chunk by chunk, yielding in between) and in workers.
 */
export class RangeAccumulator {
  private readonly data: RangeData;
  private readonly state: RunState;
  private readonly sampler: UniformSampler;
  private readonly draws: Float64Array;
  private readonly chunkDraws: Float64Array;
  private readonly outcomeRow: Float64Array;
  private readonly seriesRow: Float64Array;
  private next: number;
  private readonly chunk: number;
  /** The chunk's outcomes under every policy, fed to the accumulators once all are in (comparisons need the baseline's). */
  private readonly chunkOutcomes: Float64Array;

  constructor(
    private readonly model: CompiledModel,
    private readonly plan: ExperimentPlan,
    runStart: number,
    runEnd: number,
  ) {
    const length = runEnd - runStart;
    const { outcomes, T } = model;
    const P = plan.policies.length;
    // exact: room for every run of the range, made now; streaming: a sketch
    const quantiles: QuantileOptions = plan.summaries === "exact" ? { quantiles: "exact", capacity: length } : { quantiles: "sketch" };
    this.data = {
      summaries: plan.summaries,
      runStart,
      runEnd,
      outcomes: plan.policies.map(() => outcomes.info.map((info) => new OutcomeAccumulator({ ...quantiles, thresholds: info.thresholds }))),
      comparisons: Array.from({ length: P - 1 }, () => outcomes.info.map(() => new PairedAccumulator())),
      bands: plan.policies.map(() => Array.from({ length: outcomes.seriesCount }, () => new BandsAccumulator(T, quantiles))),
      ...(plan.keepRuns
        ? {
            values: plan.policies.map(() => Array.from({ length: outcomes.count }, () => new Float64Array(length))),
            parameters: model.uncertainties.map(() => new Float64Array(length)),
          }
        : {}),
      gdpLossCapped: 0,
    };
    this.state = createRunState(model);
    this.sampler = planSampler(model, plan);
    this.draws = new Float64Array(model.randomDimensions);
    this.chunk = chunkRuns(plan);
    this.chunkDraws = new Float64Array(this.chunk * model.randomDimensions);
    this.chunkOutcomes = new Float64Array(this.chunk * P * outcomes.count);
    this.outcomeRow = new Float64Array(outcomes.count);
    this.seriesRow = new Float64Array(outcomes.seriesCount * T);
    this.next = runStart;
  }

  /** True when every run of the range has been simulated. */
  get done(): boolean {
    return this.next >= this.data.runEnd;
  }

  /** What the range recorded, once every run is simulated. */
  result(): RangeData {
    if (!this.done) throw new Error("internal error: a range's result was asked for before all its runs were simulated");
    return { ...this.data, gdpLossCapped: this.state.counters[COUNTER_GDP_LOSS_CAPPED]! };
  }

  /**
   * Simulate the next chunk of runs (at most `limit`, and at most the chunk size) under
   * every policy; returns the number of simulations done (runs x policies). The chunk size
   * changes nothing in the numbers: a caller may shorten chunks to stay responsive.
   */
  simulateChunk(limit = Infinity): number {
    const { model, plan, data, draws, chunkDraws, outcomeRow, seriesRow } = this;
    const R = model.randomDimensions;
    const O = model.outcomes.count;
    const S = model.outcomes.seriesCount;
    const T = model.T;
    const P = plan.policies.length;
    const from = this.next;
    const to = Math.min(data.runEnd, from + Math.max(1, Math.min(this.chunk, Math.floor(limit))));
    for (let run = from; run < to; run++) {
      sampleRun(model, this.sampler, run, draws);
      const design = plan.design;
      if (design?.values !== undefined) {
        const columns = design.columns!;
        for (let c = 0; c < columns.length; c++) draws[columns[c]!] = design.values[run * columns.length + c]!;
      }
      chunkDraws.set(draws, (run - from) * R);
      if (data.parameters !== undefined) {
        for (let d = 0; d < model.uncertainties.length; d++) data.parameters[d]![run - data.runStart] = draws[d]!;
      }
    }
    // The lowest run of the chunk with a non-finite value (in it, the first policy, then outcome):
    // the chunk is finished before it is reported, so that the run named does not depend on
    // the loop order or on how the runs were cut into chunks and ranges.
    let failedRun = to;
    let failedPolicy = 0;
    let failedOutcome = 0;
    for (let p = 0; p < P; p++) {
      const policy = plan.policies[p]!;
      const bands = data.bands[p]!;
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
        if (failedRun < to) continue; // the chunk fails: nothing of it is recorded
        this.chunkOutcomes.set(outcomeRow, ((run - from) * P + p) * O);
        for (let s = 0; s < S; s++) bands[s]!.addRun(seriesRow, s * T);
      }
    }
    if (failedRun < to) throw nonFiniteError(model, failedPolicy, failedOutcome, failedRun, plan.seed);
    this.addChunk(from, to);
    this.next = to;
    return (to - from) * P;
  }

  /** Feed the chunk's outcomes to the accumulators, run by run, and the comparisons against the baseline. */
  private addChunk(from: number, to: number): void {
    const { plan, data, chunkOutcomes } = this;
    const O = this.model.outcomes.count;
    const P = plan.policies.length;
    let run = from;
    let p = 0;
    let o = 0;
    let difference = false;
    try {
      for (; run < to; run++) {
        const base = ((run - from) * P + plan.baseline) * O;
        for (p = 0; p < P; p++) {
          const slot = ((run - from) * P + p) * O;
          const outcomes = data.outcomes[p]!;
          for (o = 0; o < O; o++) outcomes[o]!.add(chunkOutcomes[slot + o]!);
          if (p !== plan.baseline) {
            const paired = data.comparisons[p < plan.baseline ? p : p - 1]!;
            difference = true;
            for (o = 0; o < O; o++) paired[o]!.add(chunkOutcomes[slot + o]! - chunkOutcomes[base + o]!);
            difference = false;
          }
          const kept = data.values?.[p];
          if (kept !== undefined) for (o = 0; o < O; o++) kept[o]![run - data.runStart] = chunkOutcomes[slot + o]!;
        }
      }
    } catch (error) {
      // a value the exact sums cannot take (|x| > 2^510): say which
      if (!(error instanceof InputError)) throw error;
      const { model } = this;
      const policyName = (q: number) => `policy "${model.policies.names[plan.policies[q]!]}"`;
      const policy = difference ? `${policyName(p)} minus the baseline ${policyName(plan.baseline)}` : policyName(p);
      throw new InputError(`${policy}, outcome "${model.outcomes.info[o]!.name}", run ${run}`, error.message.slice(error.path.length + 2));
    }
  }
}
