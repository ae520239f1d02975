/**
 * One-sample Kolmogorov–Smirnov test against an exact CDF.
 *
 * Statistic: D = sup_x |F_n(x) - F(x)| (Kolmogorov 1933). Critical value at level alpha:
 * Smirnov's asymptotic c(alpha) = sqrt(-ln(alpha / 2) / 2) with Stephens' (1970)
 * finite-sample correction D > c / (sqrt(n) + 0.12 + 0.11 / sqrt(n)); see D'Agostino &
 * Stephens (1986), "Goodness-of-Fit Techniques", ch. 4. For alpha = 0.001,
 * c = 1.9495, so D_crit ≈ 0.01378 at n = 20,000.
 */

/** D for samples of a continuous distribution: max over order statistics of i/n - F and F - (i-1)/n. */
export function ksStatistic(samples: ArrayLike<number>, cdf: (x: number) => number): number {
  const sorted = Float64Array.from(samples).sort();
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i] as number);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

/**
 * D for samples of a distribution on finitely many `support` points, where F and F_n are
 * both step functions jumping only there: the supremum is the largest gap at a support
 * point. Samples off the support count as a gap of 1.
 */
export function discreteKsStatistic(
  samples: ArrayLike<number>,
  support: readonly number[],
  cdf: (x: number) => number,
): number {
  const n = samples.length;
  const points = [...support].sort((a, b) => a - b);
  const onSupport = new Set(points);
  let d = 0;
  for (let i = 0; i < n; i++) if (!onSupport.has(samples[i] as number)) return 1;
  const sorted = Float64Array.from(samples).sort();
  let below = 0;
  for (const point of points) {
    while (below < n && (sorted[below] as number) <= point) below++;
    d = Math.max(d, Math.abs(below / n - cdf(point)));
  }
  return d;
}

/** The critical value of D at level `alpha` for n samples (Smirnov, with Stephens' correction). */
export function ksCriticalValue(n: number, alpha: number): number {
  const c = Math.sqrt(-Math.log(alpha / 2) / 2);
  return c / (Math.sqrt(n) + 0.12 + 0.11 / Math.sqrt(n));
}
