import type { ExactMoments } from "../exact-moments.js";
import type { OutcomeStatistics } from "../summary.js";
import { countAbove } from "./count-above.js";
import { interpolateSorted } from "./interpolate-sorted.js";
import { momentStatistics } from "./moment-statistics.js";
import { outcomeStatistics } from "./outcome-statistics.js";
import { tailMean } from "./tail-mean.js";

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
