import type { OutcomeStatistics } from "../summary.js";
import type { MomentStatistics } from "./moment-statistics.js";

/**
 * Put the fields of {@link OutcomeStatistics} together from the moments, a quantile
 * function and a tail-mean (CVaR) function: shared by the exact summary (sorted values)
 * and the streaming one (sketch), so both report the same fields the same way.
 */
export function outcomeStatistics(
  moments: MomentStatistics,
  quantileAt: (p: number) => number,
  tailMeanAt: (level: number, valueAtRisk: number) => number,
  exceedance: { threshold: number; probability: number }[],
): OutcomeStatistics {
  const var95 = quantileAt(0.95);
  const var99 = quantileAt(0.99);
  return {
    ...moments,
    p01: quantileAt(0.01),
    p05: quantileAt(0.05),
    p10: quantileAt(0.1),
    p25: quantileAt(0.25),
    p50: quantileAt(0.5),
    p75: quantileAt(0.75),
    p90: quantileAt(0.9),
    p95: var95,
    p99: var99,
    var95,
    cvar95: tailMeanAt(0.95, var95),
    var99,
    cvar99: tailMeanAt(0.99, var99),
    exceedance,
  };
}
