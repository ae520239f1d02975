import type { ExactMoments } from "../exact-moments.js";

/** The moment fields of an outcome's statistics and of a paired difference (OutcomeAccumulator, PairedAccumulator). */
export interface MomentStatistics {
  count: number;
  mean: number;
  sd: number;
  se: number;
  min: number;
  max: number;
}

/**
 * count, mean, sd = sqrt(variance) (0 when count is 1), se = sd / sqrt(count), min and
 * max of non-empty exact moments: bit-identical values from the same exact sums, however
 * they were split and merged.
 */
export function momentStatistics(moments: ExactMoments): MomentStatistics {
  const count = moments.count;
  const mean = moments.mean();
  const sd = count > 1 ? Math.sqrt(moments.variance()) : 0;
  return { count, mean, sd, se: sd / Math.sqrt(count), min: moments.min, max: moments.max };
}
