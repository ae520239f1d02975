// What drives an experiment's memory, from the scenario and the options alone, so that
// an experiment can refuse, or switch summaries, before it allocates anything. Kept apart
// from the zod schemas (types only), like periods.ts.
import type { Scenario } from "./scenario.js";

/**
 * Bytes per value and run under exact summaries: the value as recorded, and its sorted
 * copy while the range of runs it belongs to is summarised (measured on Node 20: 1,000
 * runs of 201,600 series values peaked at 3.3 GB).
 */
export const EXACT_BYTES_PER_RECORDED_VALUE = 16;
/**
 * Bytes per outcome, policy other than the baseline and run, under exact summaries: the
 * differences to the baseline, sorted (20 policies x 2,000 outcomes x 10,000 runs peaked
 * at 9.7 GB).
 */
export const EXACT_BYTES_PER_DIFFERENCE = 8;
/** Bytes per series value of a run (policy x series outcome x period), whatever the runs, under exact summaries: per-period sums and bands. */
export const EXACT_BYTES_PER_SERIES_VALUE = 700;
/** Bytes per series value of a run under streaming summaries: a quantile sketch per period (1,002,000 series values took 4.4 GB). */
export const STREAMING_BYTES_PER_SERIES_VALUE = 4_500;
/** Bytes per outcome and policy under streaming summaries: a summary with its sketch, and a comparison with the baseline (40,000 took 840 MB). */
export const STREAMING_BYTES_PER_OUTCOME = 20_000;

/** What each run of an experiment records. */
export interface RunSize {
  /** Policies simulated. */
  readonly policies: number;
  /** Outcomes recorded (GDP loss per country, twice, when the scenario lists none). */
  readonly outcomes: number;
  /** Outcomes recorded per period too (`series: true`). */
  readonly seriesOutcomes: number;
  /** Periods of the horizon. */
  readonly periods: number;
  /** policies x series outcomes x periods: the per-period values of one run (bounded by LIMITS.seriesValuesPerRun). */
  readonly seriesValues: number;
  /** policies x (outcomes + series outcomes x periods): every value one run records. */
  readonly values: number;
}

/**
 * What each run of an experiment on `scenario` records: policies x (outcomes + series
 * outcomes x periods) values.
 *
 * @param scenario - a parsed scenario (`parseScenario`).
 * @param policies - how many of its policies are simulated; all by default.
 * @example
 * ```ts
 * const size = runSize(parseScenario(text));
 * size.seriesValues; // 432 for us-japan-chip-controls-2024: 6 policies x 3 series x 24 months
 * ```
 */
export function runSize(scenario: Scenario, policies = scenario.policies.length): RunSize {
  const outcomes = scenario.outcomes.length > 0 ? scenario.outcomes.length : 2 * scenario.world.countries.length;
  const seriesOutcomes = scenario.outcomes.filter((outcome) => "series" in outcome && outcome.series === true).length;
  const periods = scenario.horizon;
  return {
    policies,
    outcomes,
    seriesOutcomes,
    periods,
    seriesValues: policies * seriesOutcomes * periods,
    values: policies * (outcomes + seriesOutcomes * periods),
  };
}

/** Options of {@link estimateSummaryMemory}. */
export interface SummaryMemoryOptions {
  /** Runs of the experiment. */
  readonly runs: number;
  /** How many of the scenario's policies are simulated; all by default. */
  readonly policies?: number;
  /** `exact` keeps every run's values until they are summarised; `streaming` keeps sketches whose size does not grow with the runs. */
  readonly summaries: "exact" | "streaming";
}

/**
 * About how many bytes an experiment's summaries take at their peak, from measurements
 * on Node 20 (64-bit): with exact summaries, 16 bytes per recorded value and run
 * (runs x policies x (outcomes + series outcomes x periods)), 8 per difference to the
 * baseline and run, and 700 per series value; with streaming summaries, 4,500 bytes per
 * series value and 20,000 per outcome and policy, whatever the runs. The engine's own
 * state and the scenario come on top. An experiment can call it before it starts, to
 * refuse, or to switch to streaming summaries, when the estimate passes what it may use.
 *
 * @param scenario - a parsed scenario (`parseScenario`).
 * @example
 * ```ts
 * const scenario = parseScenario(text);
 * const bytes = estimateSummaryMemory(scenario, { runs: 100_000, summaries: "exact" });
 * const summaries = bytes > 2 ** 31 ? "streaming" : "exact";
 * ```
 */
export function estimateSummaryMemory(scenario: Scenario, options: SummaryMemoryOptions): number {
  const size = runSize(scenario, options.policies);
  if (options.summaries === "streaming") {
    return STREAMING_BYTES_PER_SERIES_VALUE * size.seriesValues + STREAMING_BYTES_PER_OUTCOME * size.policies * size.outcomes;
  }
  const differences = Math.max(0, size.policies - 1) * size.outcomes;
  return options.runs * (EXACT_BYTES_PER_RECORDED_VALUE * size.values + EXACT_BYTES_PER_DIFFERENCE * differences) + EXACT_BYTES_PER_SERIES_VALUE * size.seriesValues;
}
