import type { ExactMoments } from "../exact-moments.js";
import type { PairedDifference } from "../paired.js";
import { studentTQuantile } from "../student-t.js";
import { momentStatistics } from "./moment-statistics.js";

/**
 * The paired-difference statistics from the exact moments of the differences and the
 * counts of negative and positive differences: mean ± t_{0.975, n-1} se, and the shares
 * of d < 0 and d > 0. One function for `pairedDifference` and `StreamingPaired`, so that
 * both give bit-identical values.
 */
export function pairedStatistics(moments: ExactMoments, lower: number, higher: number): PairedDifference {
  const { count, mean, sd, se } = momentStatistics(moments);
  const halfWidth = count > 1 ? studentTQuantile(0.975, count - 1) * se : 0;
  return {
    count,
    mean,
    sd,
    se,
    ci95Low: mean - halfWidth,
    ci95High: mean + halfWidth,
    probabilityLower: lower / count,
    probabilityHigher: higher / count,
  };
}
