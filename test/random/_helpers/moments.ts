/**
 * Sample moments with the standard errors the statistical checks use:
 * se(mean) = sqrt(sigma² / n) with the true variance, and
 * se(variance) = sqrt((m4 - s⁴) / n) with the sample's fourth central moment m4
 * (the large-sample variance of s², e.g. Kendall & Stuart, "The Advanced Theory of
 * Statistics" vol. 1, on the sampling variance of moments).
 */
export interface SampleMoments {
  readonly n: number;
  readonly mean: number;
  /** Unbiased sample variance. */
  readonly variance: number;
  /** Fourth central moment. */
  readonly fourth: number;
}

export function sampleMoments(samples: ArrayLike<number>): SampleMoments {
  const n = samples.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += samples[i] as number;
  const mean = sum / n;
  let m2 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = (samples[i] as number) - mean;
    m2 += d * d;
    m4 += d * d * d * d;
  }
  return { n, mean, variance: m2 / (n - 1), fourth: m4 / n };
}

/** How many standard errors the sample mean is from `mean` (0 when both are exact). */
export function meanDeviation(sample: SampleMoments, mean: number, variance: number): number {
  const se = Math.sqrt(variance / sample.n);
  const gap = Math.abs(sample.mean - mean);
  return se === 0 ? (gap <= 1e-12 * Math.max(1, Math.abs(mean)) ? 0 : Infinity) : gap / se;
}

/** How many standard errors the sample variance is from `variance`. */
export function varianceDeviation(sample: SampleMoments, variance: number): number {
  const se = Math.sqrt(Math.max(0, sample.fourth - sample.variance * sample.variance) / sample.n);
  const gap = Math.abs(sample.variance - variance);
  return se === 0 ? (gap <= 1e-12 * Math.max(1, variance) ? 0 : Infinity) : gap / se;
}
