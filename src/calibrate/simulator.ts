// Simulating a scenario for a fit: proposals' parameter values in, distances to the
// observations (or the simulated values at the observed points) out. The same code runs
// on the main thread and in worker threads, and a proposal's result depends only on the
// seed, its population, its index and its values.
import { compileModel } from "../compile/compile.js";
import type { CompiledModel } from "../compile/model.js";
import { simulateRun } from "../engine/simulate.js";
import { createRunState, type RunState } from "../engine/state.js";
import { sampleRun } from "../experiment/range-accumulator.js";
import { normalQuantile } from "../random/normal-quantile.js";
import { monteCarloSampler } from "../random/sampler.js";
import { runStream } from "../random/stream.js";
import type { Scenario } from "../schema/scenario.js";
import type { ResolvedObservations } from "./observations.js";

/** What a simulator needs, as plain data (sent to workers as it is). */
export interface SimulatorSpec {
  /** The scenario recording one series outcome per observed series, in series order (validated). */
  readonly scenario: Scenario;
  readonly policy: string;
  /** Names of the fitted uncertainties, in the order of a proposal's values. */
  readonly free: readonly string[];
  /** Every observed point, flattened in series order: its series, period, value, sd and weight. */
  readonly points: {
    readonly series: Int32Array;
    readonly period: Int32Array;
    readonly value: Float64Array;
    readonly sd: Float64Array;
    readonly weight: Float64Array;
  };
  /** Seed of the fit: nuisance draws of proposal i of population t are run i of the stream `abc-simulate/t/seed`. */
  readonly seed: string;
}

/**
 * The spec of a simulator for resolved observations: every point flattened in series order.
 *
 * @param scenario - the scenario to simulate (recording the observed series).
 * @param free - the uncertainties a proposal sets, in the order of its values (none for a prediction).
 */
export function simulatorSpec(resolved: ResolvedObservations, scenario: Scenario, free: readonly string[], seed: string): SimulatorSpec {
  const flat = resolved.series.flatMap((series, s) => series.points.map((point) => ({ s, ...point, weight: series.weight })));
  return {
    scenario,
    policy: resolved.policy,
    free,
    seed,
    points: {
      series: Int32Array.from(flat, (p) => p.s),
      period: Int32Array.from(flat, (p) => p.period),
      value: Float64Array.from(flat, (p) => p.value),
      sd: Float64Array.from(flat, (p) => p.sd),
      weight: Float64Array.from(flat, (p) => p.weight),
    },
  };
}

/** A compiled scenario and buffers, to simulate proposals one after another without allocating. */
export class CalibrationSimulator {
  readonly model: CompiledModel;
  private readonly policy: number;
  private readonly freeDimensions: Int32Array;
  private readonly state: RunState;
  private readonly draws: Float64Array;
  private readonly outcomes: Float64Array;
  private readonly series: Float64Array;
  /** Where each point's value sits in the series buffer. */
  private readonly offsets: Int32Array;
  private samplerKey = "";
  private sampler: ReturnType<typeof monteCarloSampler> | undefined;

  constructor(readonly spec: SimulatorSpec, model?: CompiledModel) {
    // the scenario records only per-period outcomes, never a formula: no formula compiler needed
    this.model =
      model ??
      compileModel(spec.scenario, (expression) => {
        throw new Error(`internal error: a calibration scenario has no formula outcome ("${expression}")`);
      });
    const m = this.model;
    this.policy = m.policies.names.indexOf(spec.policy);
    if (this.policy < 0) throw new Error(`internal error: no policy "${spec.policy}"`);
    const names = m.uncertainties.map((u) => u.name);
    this.freeDimensions = Int32Array.from(spec.free, (name) => names.indexOf(name));
    this.state = createRunState(m);
    this.draws = new Float64Array(m.randomDimensions);
    this.outcomes = new Float64Array(m.outcomes.count);
    this.series = new Float64Array(m.outcomes.seriesCount * m.T);
    const { series, period } = spec.points;
    this.offsets = Int32Array.from(series, (s, i) => m.outcomes.seriesIndex[s]! * m.T + period[i]!);
  }

  /** Every series of the last simulation, series by series, `T` values each. */
  get lastSeries(): Float64Array {
    return this.series;
  }

  /** Points observed. */
  get pointCount(): number {
    return this.offsets.length;
  }

  /**
   * Simulate proposal `index` of population `generation` at `values` (the free
   * parameters), or at the scenario's own draws when `values` is undefined, and write the
   * simulated value at each observed point into `out`.
   */
  simulatePoints(generation: number | string, index: number, values: ArrayLike<number> | undefined, out: Float64Array): void {
    const key = `abc-simulate/${generation}/${this.spec.seed}`;
    if (this.samplerKey !== key) {
      this.sampler = monteCarloSampler(key, this.model.randomDimensions);
      this.samplerKey = key;
    }
    sampleRun(this.model, this.sampler!, index, this.draws);
    if (values !== undefined) for (let k = 0; k < this.freeDimensions.length; k++) this.draws[this.freeDimensions[k]!] = values[k]!;
    simulateRun(this.model, this.state, this.policy, this.draws, this.outcomes, this.series);
    for (let i = 0; i < this.offsets.length; i++) out[i] = this.series[this.offsets[i]!]!;
  }

  /**
   * The distance of simulated points to the observed: the root of the weighted mean of
   * squared standardised errors, sqrt(sum_i w_i ((x_i - y_i) / s_i)^2 / sum_i w_i).
   * Infinity when a simulated value is not finite.
   */
  distance(simulated: Float64Array): number {
    const { value, sd, weight } = this.spec.points;
    let sum = 0;
    let total = 0;
    for (let i = 0; i < simulated.length; i++) {
      const x = simulated[i]!;
      if (!Number.isFinite(x)) return Infinity;
      const e = (x - value[i]!) / sd[i]!;
      sum += weight[i]! * e * e;
      total += weight[i]!;
    }
    return Math.sqrt(sum / total);
  }

  /**
   * Distances of a batch of proposals (values row by row, `free.length` per row) to the
   * observations. Each proposal is compared as an observation of it would be: its
   * simulated value at each point plus a draw of that point's error (normal, the point's
   * sd). Without the error, shrinking tolerances would end on the parameters that reproduce
   * the observed noise, a posterior narrower than the data allow (docs/calibration.md,
   * "Observation error").
   */
  distances(generation: number, firstIndex: number, count: number, values: Float64Array): Float64Array {
    const D = this.freeDimensions.length;
    const out = new Float64Array(count);
    const simulated = new Float64Array(this.pointCount);
    const { sd } = this.spec.points;
    const key = `abc-error/${generation}/${this.spec.seed}`;
    for (let i = 0; i < count; i++) {
      this.simulatePoints(generation, firstIndex + i, values.subarray(i * D, (i + 1) * D), simulated);
      const error = runStream(key, firstIndex + i);
      for (let k = 0; k < simulated.length; k++) simulated[k] = simulated[k]! + sd[k]! * normalQuantile(error());
      out[i] = this.distance(simulated);
    }
    return out;
  }
}
