// Predictive checks: observed series beside the same series simulated under two sets of
// draws (a fit's prior and posterior; or, for a prediction, a scenario without and with its
// posterior), with the coverage of the observations. docs/calibration.md.
import { normalQuantile } from "../random/normal-quantile.js";
import { runStream, seedString } from "../random/stream.js";
import { quantileSorted } from "../stats/quantile.js";
import type { ResolvedObservations } from "./observations.js";
import type { CalibrationSimulator } from "./simulator.js";

/** A series' simulated band beside its observations. */
export interface PredictiveSeries {
  readonly name: string;
  readonly description: string;
  readonly unit: string;
  /** 5th, 50th and 95th percentiles of the simulated series, per period, under the prior and the posterior. */
  readonly prior: { readonly p05: number[]; readonly p50: number[]; readonly p95: number[] };
  readonly posterior: { readonly p05: number[]; readonly p50: number[]; readonly p95: number[] };
  /**
   * Each observed point, with its posterior predictive quantile and whether it is covered:
   * both against replicated observations (each run's simulated value plus a draw of the
   * point's own error), so that a point observed with error can be covered where the model
   * is certain (before a shock, say). `quantile` is the share of replicates below the value;
   * `covered`, whether it lies within their 5th to 95th percentiles (`coveredByPrior`: the prior's).
   */
  readonly points: readonly {
    readonly period: number;
    readonly value: number;
    readonly sd: number;
    readonly quantile: number;
    /** The 5th and 95th percentiles of the point's replicates under the posterior: its 90% predictive interval. */
    readonly low: number;
    readonly high: number;
    readonly covered: boolean;
    readonly coveredByPrior: boolean;
  }[];
  /** Share of the series' points covered (see `points`). */
  readonly coverage: number;
}

/** Predictive checks of a fit: per series, bands and coverage; and overall. */
export interface PredictiveCheck {
  readonly runs: number;
  readonly series: readonly PredictiveSeries[];
  /** Share of all observed points inside the 90% interval of their replicates under the posterior (0.9 or so when the fit is right). */
  readonly coverage: number;
  /** The same under the prior. */
  readonly priorCoverage: number;
}

/** Draws to simulate: a simulator, and the free parameters' values of run r (or the scenario's own draws). */
export interface PredictiveSource {
  readonly simulator: CalibrationSimulator;
  readonly values?: (run: number) => ArrayLike<number>;
}

/**
 * Rows of weighted draws by systematic resampling: `runs` equally spaced points of the
 * weights' CDF, offset by one seeded uniform (Kitagawa 1996): each row appears about
 * `runs` times its weight, with less noise than independent draws.
 */
export function resampleRows(weights: readonly number[], runs: number, seed: string | number): number[] {
  const cumulative: number[] = [];
  weights.reduce((sum, w, i) => (cumulative[i] = sum + w), 0);
  const offset = runStream(`abc-resample/${seedString(seed)}`, 0)();
  const rows: number[] = [];
  let row = 0;
  for (let r = 0; r < runs; r++) {
    const u = ((r + offset) / runs) * cumulative[cumulative.length - 1]!;
    while (row < cumulative.length - 1 && cumulative[row]! < u) row++;
    rows.push(row);
  }
  return rows;
}

/**
 * Simulate `runs` draws from each source and summarise each observed series: per-period
 * 90% bands and medians, and per point its predictive quantile and whether it is covered,
 * against replicated observations (simulated value plus a draw of the point's error).
 */
export function predictiveCheck(resolved: ResolvedObservations, runs: number, seed: string | number, prior: PredictiveSource, posterior: PredictiveSource): PredictiveCheck {
  const S = resolved.series.length;
  const collect = (source: PredictiveSource, key: string) => {
    const { simulator } = source;
    const model = simulator.model;
    const T = model.T;
    const seriesRows = resolved.series.map((series) => model.outcomes.seriesIndex[model.outcomes.info.findIndex((info) => info.name === series.name)]!);
    // per series and period, every run's value
    const table = Array.from({ length: S }, () => Array.from({ length: T }, () => new Float64Array(runs)));
    const out = new Float64Array(simulator.pointCount);
    for (let r = 0; r < runs; r++) {
      simulator.simulatePoints(key, r, source.values?.(r), out);
      const all = simulator.lastSeries;
      for (let s = 0; s < S; s++) for (let t = 0; t < T; t++) table[s]![t]![r] = all[seriesRows[s]! * T + t]!;
    }
    for (const row of table) for (const column of row) column.sort();
    return table;
  };
  // the same draws of everything else for both (common random numbers): their difference is the posterior's alone
  const same = prior === posterior;
  const posteriorTable = collect(posterior, "predictive");
  const priorTable = same ? posteriorTable : collect(prior, "predictive");
  const units = resolved.series.map((series) => posterior.simulator.model.outcomes.info.find((i) => i.name === series.name)!.unit);
  const band = (table: Float64Array[][], s: number) => ({
    p05: table[s]!.map((column) => quantileSorted(column, 0.05)),
    p50: table[s]!.map((column) => quantileSorted(column, 0.5)),
    p95: table[s]!.map((column) => quantileSorted(column, 0.95)),
  });
  let covered = 0;
  let coveredByPrior = 0;
  let total = 0;
  const series = resolved.series.map((observed, s): PredictiveSeries => {
    const prior = band(priorTable, s);
    const post = band(posteriorTable, s);
    const points = observed.points.map((point, p) => {
      // replicated observations: the simulated value plus the observation's own error
      const replicate = (table: Float64Array[][], key: string) => {
        const noise = runStream(`abc-noise/${key}/${s}/${p}/${seedString(seed)}`, 0);
        return Float64Array.from(table[s]![point.period]!, (x) => x + point.sd * normalQuantile(noise())).sort();
      };
      const replicated = replicate(posteriorTable, "posterior");
      const replicatedPrior = same ? replicated : replicate(priorTable, "prior");
      let below = 0;
      while (below < replicated.length && replicated[below]! < point.value) below++;
      const low = quantileSorted(replicated, 0.05);
      const high = quantileSorted(replicated, 0.95);
      const within = (sorted: Float64Array) => point.value >= quantileSorted(sorted, 0.05) && point.value <= quantileSorted(sorted, 0.95);
      const inside = within(replicated);
      const insidePrior = within(replicatedPrior);
      covered += inside ? 1 : 0;
      coveredByPrior += insidePrior ? 1 : 0;
      total++;
      return { period: point.period, value: point.value, sd: point.sd, quantile: below / replicated.length, low, high, covered: inside, coveredByPrior: insidePrior };
    });
    return {
      name: observed.name,
      description: observed.description,
      unit: units[s]!,
      prior,
      posterior: post,
      points,
      coverage: points.filter((p) => p.covered).length / points.length,
    };
  });
  return { runs, series, coverage: covered / total, priorCoverage: coveredByPrior / total };
}
