/**
 * Calls the whole public API of chokepoint's statistics through its entry point, with
 * explicit types, so that the exported names and declarations are compiled and checked.
 */
import { describe, expect, it } from "vitest";
import * as stats from "../../src/stats/index.js";
import {
  addToMoments,
  conditionalValueAtRisk,
  emptyMoments,
  mergeMoments,
  momentsOf,
  momentsVariance,
  pairedDifference,
  quantile,
  quantileBands,
  quantileSorted,
  studentTQuantile,
  summarizeOutcome,
  valueAtRisk,
  type Moments,
  type OutcomeStatistics,
  type PairedDifference,
  type QuantileBands,
  type SummarizeOptions,
} from "../../src/stats/index.js";

describe("stats public API", () => {
  it("exports exactly these functions", () => {
    expect(Object.keys(stats).sort()).toEqual([
      "addToMoments",
      "conditionalValueAtRisk",
      "emptyMoments",
      "mergeMoments",
      "momentsOf",
      "momentsVariance",
      "pairedDifference",
      "quantile",
      "quantileBands",
      "quantileSorted",
      "studentTQuantile",
      "summarizeOutcome",
      "valueAtRisk",
    ]);
  });

  it("can be called with its declared types", () => {
    const values: ArrayLike<number> = new Float64Array([5, 1, 4, 2, 3]);
    const sorted: Float64Array = new Float64Array([1, 2, 3, 4, 5]);
    const q: number = quantile(values, 0.5) + quantileSorted(sorted, 0.5);
    const m: Moments = emptyMoments();
    const nothing: void = addToMoments(m, 1);
    const merged: Moments = mergeMoments(m, momentsOf(values));
    const variance: number = momentsVariance(merged);
    const risk: number = valueAtRisk(sorted, 0.95) + conditionalValueAtRisk(sorted, 0.95);
    const t: number = studentTQuantile(0.975, 4);
    const options: SummarizeOptions = { thresholds: [2] };
    const summary: OutcomeStatistics = summarizeOutcome(values, options);
    const noOptions: OutcomeStatistics = summarizeOutcome([1]);
    const paired: PairedDifference = pairedDifference(values, sorted);
    const bands: QuantileBands = quantileBands(values, 5, 1);
    expect(q).toBe(6);
    expect(nothing).toBeUndefined();
    expect(merged.count).toBe(6);
    expect(variance).toBeGreaterThan(0);
    expect(risk).toBeGreaterThan(0);
    expect(t).toBeGreaterThan(2);
    expect(summary.exceedance).toHaveLength(1);
    expect(noOptions.exceedance).toEqual([]);
    expect(paired.count).toBe(5);
    expect(bands.p50).toEqual([3]);
  });
});
