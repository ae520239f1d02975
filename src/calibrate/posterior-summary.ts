// Summaries of a weighted posterior sample: per parameter, its mean, spread and 90%
// interval beside the prior's; between parameters, weighted correlations.
import type { Distribution } from "../random/distribution.js";
import { weightedQuantile } from "./abc-smc.js";

/** One parameter's posterior, beside its prior. */
export interface ParameterSummary {
  readonly name: string;
  /** Posterior mean, standard deviation, median and 90% interval (5th and 95th weighted percentiles). */
  readonly mean: number;
  readonly sd: number;
  readonly median: number;
  readonly p05: number;
  readonly p95: number;
  /** The prior's mean and 90% interval. */
  readonly prior: { readonly mean: number; readonly p05: number; readonly p95: number };
  /**
   * Width of the posterior's 90% interval over the prior's: near 1, the observations say
   * little about the parameter; near 0, they pin it down.
   */
  readonly intervalRatio: number;
}

/** Summaries of each parameter, and the weighted correlation of each pair. */
export function summarizePosterior(
  names: readonly string[],
  priors: readonly Distribution[],
  values: readonly (readonly number[])[],
  weights: readonly number[],
): { parameters: ParameterSummary[]; correlations: number[][] } {
  const D = names.length;
  const column = (k: number) => values.map((row) => row[k]!);
  const means = names.map((_, k) => weightedMean(column(k), weights));
  const parameters = names.map((name, k): ParameterSummary => {
    const xs = column(k);
    const sd = Math.sqrt(weightedCovariance(xs, xs, weights, means[k]!, means[k]!));
    const p05 = weightedQuantile(xs, weights, 0.05);
    const p95 = weightedQuantile(xs, weights, 0.95);
    const prior = priors[k]!;
    const priorP05 = prior.quantile(0.05);
    const priorP95 = prior.quantile(0.95);
    const priorWidth = priorP95 - priorP05;
    return {
      name,
      mean: means[k]!,
      sd,
      median: weightedQuantile(xs, weights, 0.5),
      p05,
      p95,
      prior: { mean: prior.mean, p05: priorP05, p95: priorP95 },
      intervalRatio: priorWidth > 0 ? (p95 - p05) / priorWidth : p95 > p05 ? Infinity : 1,
    };
  });
  const correlations: number[][] = [];
  for (let a = 0; a < D; a++) {
    const row: number[] = [];
    for (let b = 0; b < D; b++) {
      if (a === b) {
        row.push(1);
        continue;
      }
      const xa = column(a);
      const xb = column(b);
      const cov = weightedCovariance(xa, xb, weights, means[a]!, means[b]!);
      const va = weightedCovariance(xa, xa, weights, means[a]!, means[a]!);
      const vb = weightedCovariance(xb, xb, weights, means[b]!, means[b]!);
      row.push(va > 0 && vb > 0 ? Math.max(-1, Math.min(1, cov / Math.sqrt(va * vb))) : 0);
    }
    correlations.push(row);
  }
  return { parameters, correlations };
}

function weightedMean(xs: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < xs.length; i++) {
    sum += weights[i]! * xs[i]!;
    total += weights[i]!;
  }
  return sum / total;
}

function weightedCovariance(xs: readonly number[], ys: readonly number[], weights: readonly number[], mx: number, my: number): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < xs.length; i++) {
    sum += weights[i]! * (xs[i]! - mx) * (ys[i]! - my);
    total += weights[i]!;
  }
  return sum / total;
}
