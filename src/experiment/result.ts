import type { OutcomeStatistics, PairedDifference, QuantileBands } from "../stats/index.js";
import type { Histogram } from "../stats/outcome-accumulator.js";
import type { PrecisionReport } from "./precision.js";

export type { Histogram };

/** Summary statistics of one outcome under one policy, with the outcome's name and unit. */
export interface OutcomeSummary extends OutcomeStatistics {
  readonly name: string;
  readonly unit: string;
  /** The distribution of the runs' values, for charts; absent in results written before it existed. */
  readonly histogram?: Histogram;
}

/** Quantile bands per period of a time-indexed outcome. */
export interface SeriesSummary extends QuantileBands {
  readonly name: string;
  readonly unit: string;
}

/** Results of one policy. */
export interface PolicyResult {
  readonly name: string;
  readonly description?: string;
  readonly outcomes: readonly OutcomeSummary[];
  readonly series: readonly SeriesSummary[];
  /** Per-run values of each outcome (index = run), present when `keepRuns` was set. */
  readonly runs?: Readonly<Record<string, readonly number[]>>;
}

/** Paired difference (policy - baseline) of one outcome over common random numbers. */
export interface OutcomeComparison extends PairedDifference {
  readonly name: string;
  readonly unit: string;
}

/** A policy compared with the baseline policy, run by run. */
export interface PolicyComparison {
  readonly policy: string;
  readonly baseline: string;
  readonly outcomes: readonly OutcomeComparison[];
}

/** What an experiment returns. Deterministic: no timestamps or durations. */
export interface ExperimentResult {
  /** The version of chokepoint that ran the experiment (for merged shards: that wrote and merged them), e.g. `"0.1.0"`. */
  readonly chokepointVersion: string;
  readonly scenario: {
    readonly name: string;
    readonly title?: string;
    readonly horizon: number;
    readonly period: string;
    readonly currency: string;
    /** SHA-256 of the scenario as parsed (defaults filled in), in canonical JSON: 64 hex digits. The same for every result of the same scenario. */
    readonly sha256: string;
  };
  readonly seed: string;
  readonly runs: number;
  readonly sampler: "monte-carlo" | "latin-hypercube" | "sobol";
  /** Present when the runs' values of these uncertainties were given by a design (`options.design`), not drawn by the sampler. */
  readonly design?: { readonly uncertainties: readonly string[] };
  /** `exact` quantiles from every run, or `streaming` (sketch quantiles within the documented relative accuracy; all else exact). */
  readonly summaries: "exact" | "streaming";
  readonly baselinePolicy: string;
  /** Outcomes recorded, in order: name, unit, description, thresholds. */
  readonly outcomes: readonly { readonly name: string; readonly unit: string; readonly description: string; readonly thresholds: readonly number[]; readonly series: boolean }[];
  readonly policies: readonly PolicyResult[];
  /** Every other policy against the baseline policy. */
  readonly comparisons: readonly PolicyComparison[];
  /** Sampled value of each uncertainty per run, present when `keepRuns` was set. */
  readonly parameters?: Readonly<Record<string, readonly number[]>>;
  readonly diagnostics: {
    /** Runs x policies x countries in which a GDP loss had to be capped at GDP over the horizon. */
    readonly gdpLossCapped: number;
  };
  /** With `precision`: the target, the runs it took, why it stopped, and every checkpoint. */
  readonly precision?: PrecisionReport;
}
