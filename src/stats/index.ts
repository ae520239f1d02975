/**
 * Statistics of Monte Carlo outcomes (losses: larger = worse). Small exact building
 * blocks, one per file; see DESIGN.md §4 "Summaries".
 */

// Quantiles (Hyndman & Fan type 7, R's default)
export { quantile, quantileSorted } from "./quantile.js";

// Mergeable moments (Welford, Chan-Golub-LeVeque)
export type { Moments } from "./moments.js";
export { addToMoments, emptyMoments, mergeMoments, momentsOf, momentsVariance } from "./moments.js";

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
