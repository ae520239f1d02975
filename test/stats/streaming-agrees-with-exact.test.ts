/**
 * The exact (array-based) summaries and the streaming ones agree bit for bit on every
 * statistic that is exact, whatever the split of the runs and the order of merging.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  StreamingBands,
  StreamingPaired,
  StreamingSummary,
  pairedDifference,
  quantileBands,
  summarizeOutcome,
} from "../../src/stats/index.js";
import { finiteValue, nearlyEqualValues, outcomeData, splitOf, squarableValue } from "./_helpers.js";

const outcomeValues = fc.oneof(outcomeData, nearlyEqualValues, fc.array(squarableValue, { minLength: 1, maxLength: 60 }));

describe("streaming summaries agree with the exact ones", () => {
  it("StreamingSummary and summarizeOutcome: count, mean, sd, se, min, max, exceedance", () => {
    fc.assert(
      fc.property(splitOf(outcomeValues), fc.array(finiteValue, { maxLength: 4 }), ({ items, parts }, thresholds) => {
        const merged = new StreamingSummary({ thresholds });
        for (const part of parts) {
          const shard = new StreamingSummary({ thresholds });
          for (const x of part) shard.add(x);
          merged.merge(shard);
        }
        const streaming = merged.summarize();
        const exact = summarizeOutcome(items, { thresholds });
        for (const key of ["count", "mean", "sd", "se", "min", "max"] as const) {
          expect(Object.is(streaming[key], exact[key]), key).toBe(true);
        }
        expect(streaming.exceedance).toEqual(exact.exceedance);
      }),
      { numRuns: 300 },
    );
  });

  it("StreamingPaired and pairedDifference: every field", () => {
    const pairs = fc.array(fc.tuple(finiteValue, finiteValue), { minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(splitOf(pairs), ({ items, parts }) => {
        const merged = new StreamingPaired();
        for (const part of [...parts].reverse()) {
          const shard = new StreamingPaired();
          for (const [policy, baseline] of part) shard.add(policy - baseline);
          merged.merge(shard);
        }
        const exact = pairedDifference(
          items.map(([policy]) => policy),
          items.map(([, baseline]) => baseline),
        );
        expect(merged.summarize()).toEqual(exact);
      }),
      { numRuns: 300 },
    );
  });

  it("StreamingBands and quantileBands: the means", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((periods) =>
          fc.record({
            periods: fc.constant(periods),
            split: splitOf(fc.array(fc.array(fc.oneof(finiteValue, squarableValue), { minLength: periods, maxLength: periods }), { minLength: 1, maxLength: 30 })),
          }),
        ),
        ({ periods, split }) => {
          const merged = new StreamingBands(periods);
          for (const part of split.parts) {
            const shard = new StreamingBands(periods);
            for (const run of part) shard.addRun(run);
            merged.merge(shard);
          }
          const exact = quantileBands(split.items.flat(), split.items.length, periods);
          expect(merged.summarize().mean).toEqual(exact.mean);
        },
      ),
      { numRuns: 300 },
    );
  });
});
