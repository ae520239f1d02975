import type { ExactMoments } from "../exact-moments.js";
import type { OutcomeStatistics } from "../summary.js";
import { countAbove } from "./count-above.js";
import { interpolateOrdered, interpolateSorted } from "./interpolate-sorted.js";
import { mergeSorted, selectSorted, splitSorted } from "./merge-sorted.js";
import { momentStatistics } from "./moment-statistics.js";
import { outcomeStatistics } from "./outcome-statistics.js";
import { tailMean, tailMeanOrdered, tailStart } from "./tail-mean.js";

/**
 * {@link OutcomeStatistics} from every value, ascending, and their exact moments (both
 * non-empty, checked finite): what `summarizeOutcome` computes after sorting, shared with
 * experiments whose ranges arrive sorted and with their moments (src/experiment/exact-range.ts).
 */
export function statisticsOfSorted(sorted: Float64Array, moments: ExactMoments, thresholds: ArrayLike<number>): OutcomeStatistics {
  const statistics = momentStatistics(moments);
  const exceedance: { threshold: number; probability: number }[] = [];
  for (let i = 0; i < thresholds.length; i++) {
    const threshold = thresholds[i]!;
    exceedance.push({ threshold, probability: countAbove(sorted, threshold) / statistics.count });
  }
  return outcomeStatistics(
    statistics,
    (p) => interpolateSorted(sorted, p),
    (level) => tailMean(sorted, level),
    exceedance,
  );
}

/**
 * {@link statisticsOfSorted} of the union of ascending arrays, bit for bit, without merging
 * them: quantiles are order statistics selected from the parts, exceedances are counted part
 * by part, and only the values a tail mean reads (the top 5% or 1%) are merged, in the
 * order a full merge would give them, so their compensated sum is the same.
 */
export function statisticsOfSortedParts(parts: readonly Float64Array[], moments: ExactMoments, thresholds: ArrayLike<number>): OutcomeStatistics {
  if (parts.length === 1) return statisticsOfSorted(parts[0]!, moments, thresholds);
  const statistics = momentStatistics(moments);
  const n = statistics.count;
  const exceedance: { threshold: number; probability: number }[] = [];
  for (let i = 0; i < thresholds.length; i++) {
    const threshold = thresholds[i]!;
    let above = 0;
    for (const part of parts) above += countAbove(part, threshold);
    exceedance.push({ threshold, probability: above / n });
  }
  const select = (i: number) => selectSorted(parts, i);
  return outcomeStatistics(
    statistics,
    (p) => interpolateOrdered(n, p, select),
    (level) => {
      const start = tailStart(n, level);
      const split = splitSorted(parts, start);
      const tail = mergeSorted(parts.map((part, k) => part.subarray(split[k]!)));
      return tailMeanOrdered(n, level, (i) => tail[i - start]!);
    },
    exceedance,
  );
}
