/**
 * Calls the whole public API of chokepoint's statistics through its entry point, with
 * explicit types, so that the exported names and declarations are compiled and checked.
 */
import { describe, expect, it } from "vitest";
import * as stats from "../../src/stats/index.js";
import {
  ExactMoments,
  ExactSum,
  LogSketch,
  conditionalValueAtRisk,
  pairedDifference,
  quantile,
  quantileBands,
  quantileSorted,
  studentTQuantile,
  summarizeOutcome,
  valueAtRisk,
  type ExactMomentsJSON,
  type LogSketchJSON,
  type LogSketchOptions,
  type OutcomeStatistics,
  type PairedDifference,
  type QuantileBands,
  type SummarizeOptions,
} from "../../src/stats/index.js";

describe("stats public API", () => {
  it("exports exactly these functions and classes", () => {
    expect(Object.keys(stats).sort()).toEqual([
      "ExactMoments",
      "ExactSum",
      "LogSketch",
      "conditionalValueAtRisk",
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
    const risk: number = valueAtRisk(sorted, 0.95) + conditionalValueAtRisk(sorted, 0.95);
    const t: number = studentTQuantile(0.975, 4);
    const options: SummarizeOptions = { thresholds: [2] };
    const summary: OutcomeStatistics = summarizeOutcome(values, options);
    const noOptions: OutcomeStatistics = summarizeOutcome([1]);
    const paired: PairedDifference = pairedDifference(values, sorted);
    const bands: QuantileBands = quantileBands(values, 5, 1);
    expect(q).toBe(6);
    expect(risk).toBeGreaterThan(0);
    expect(t).toBeGreaterThan(2);
    expect(summary.exceedance).toHaveLength(1);
    expect(noOptions.exceedance).toEqual([]);
    expect(paired.count).toBe(5);
    expect(bands.p50).toEqual([3]);
  });

  it("can use the mergeable summaries with their declared types", () => {
    const sum: ExactSum = new ExactSum();
    sum.add(1);
    const sumAgain: ExactSum = ExactSum.fromPartials(sum.partials()).addSum(sum.clone());
    const moments: ExactMoments = new ExactMoments();
    moments.add(2);
    const momentsJSON: ExactMomentsJSON = moments.toJSON();
    const momentsAgain: ExactMoments = ExactMoments.fromJSON(momentsJSON).merge(moments);
    const sketchOptions: LogSketchOptions = { relativeAccuracy: 0.01, zeroThreshold: 1e-9 };
    const sketch: LogSketch = new LogSketch(sketchOptions);
    sketch.add(3);
    const sketchJSON: LogSketchJSON = sketch.toJSON();
    const sketchAgain: LogSketch = LogSketch.fromJSON(sketchJSON, "shard").merge(sketch);
    expect(sumAgain.value()).toBe(2);
    expect([momentsAgain.count, momentsAgain.mean(), momentsAgain.variance(), momentsAgain.min, momentsAgain.max]).toEqual([2, 2, 0, 2, 2]);
    expect([sketchAgain.count, sketchAgain.relativeAccuracy, sketchAgain.zeroThreshold]).toEqual([2, 0.01, 1e-9]);
  });
});
