/**
 * Statistics of Monte Carlo outcomes (losses: larger = worse). Small exact building
 * blocks, one per file; see DESIGN.md §4 "Summaries". The accumulators experiments keep
 * per outcome, series and comparison (outcome-accumulator.ts, bands-accumulator.ts,
 * paired-accumulator.ts) are built from them and are not exported.
 */

// Quantiles (Hyndman & Fan type 7, R's default)
export { quantile, quantileSorted } from "./quantile.js";

// Exact, order-independent accumulation (Shewchuk, fsum)
export { ExactSum } from "./exact-sum.js";
export type { ExactMomentsJSON } from "./exact-moments.js";
export { ExactMoments } from "./exact-moments.js";

// Mergeable quantile sketch with relative-error guarantee (DDSketch)
export type { LogSketchJSON, LogSketchOptions } from "./log-sketch.js";
export { LogSketch } from "./log-sketch.js";

// Risk measures (VaR, Rockafellar-Uryasev CVaR)
export { conditionalValueAtRisk, valueAtRisk } from "./risk.js";

// Distributions
export { studentTQuantile } from "./student-t.js";

// Summaries of an outcome over runs
export type { OutcomeStatistics, SummarizeOptions } from "./summary.js";
export { summarizeOutcome } from "./summary.js";

// Policy comparisons over common random numbers
export type { PairedDifference } from "./paired.js";
export { pairedDifference } from "./paired.js";

// Time-series bands (fan charts)
export type { QuantileBands } from "./bands.js";
export { quantileBands } from "./bands.js";
