// What a reader should be told about an outcome's runs beyond its quantiles: how many are
// exactly zero (an outcome that is zero in most runs shows as one spike), how many are
// negative (a loss below zero is a gain), how many reached a price cap. Exact from the
// runs' values when the result keeps them; else bounds read off the quantiles.
import type { OutcomeSummary } from "../../experiment/result.js";
import { percent } from "../text.js";

/** A share of runs: exact when `low === high`, else known to lie between the two. */
export interface Share {
  readonly low: number;
  readonly high: number;
}

export interface OutcomeFacts {
  /** Runs with a value of exactly 0. */
  readonly zero: Share;
  readonly positive: Share;
  readonly negative: Share;
  /** Runs at the cap (within a relative 1e-9), when a cap was given. */
  readonly atCap?: Share;
  /** More than half the runs are exactly 0 (at least half, read off the quantiles). */
  readonly mostlyZero: boolean;
}

type Quantiles = Pick<OutcomeSummary, "min" | "p01" | "p05" | "p10" | "p25" | "p50" | "p75" | "p90" | "p95" | "p99" | "max">;

/** The quantile grid: (probability, value), ascending. */
function grid(s: Quantiles): [number, number][] {
  return [
    [0, s.min],
    [0.01, s.p01],
    [0.05, s.p05],
    [0.1, s.p10],
    [0.25, s.p25],
    [0.5, s.p50],
    [0.75, s.p75],
    [0.9, s.p90],
    [0.95, s.p95],
    [0.99, s.p99],
    [1, s.max],
  ];
}

/** P(X > t) between 1 - (first q with a value above t) and 1 - (last q with a value at or below t). */
function above(points: readonly [number, number][], t: number): Share {
  const firstAbove = points.find(([, v]) => v > t)?.[0] ?? 1;
  const lastAtOrBelow = [...points].reverse().find(([, v]) => v <= t)?.[0] ?? 0;
  return { low: 1 - firstAbove, high: 1 - lastAtOrBelow };
}

/** P(X < t) between the last q with a value below t and the first q with a value at or above it. */
function below(points: readonly [number, number][], t: number): Share {
  const lastBelow = [...points].reverse().find(([, v]) => v < t)?.[0] ?? 0;
  const firstAtOrAbove = points.find(([, v]) => v >= t)?.[0] ?? 1;
  return { low: lastBelow, high: firstAtOrAbove };
}

const exact = (count: number, total: number): Share => ({ low: count / total, high: count / total });

/** A cap's value as compared: runs within a relative 1e-9 of it count as at the cap. */
const capLevel = (cap: number) => cap - Math.abs(cap) * 1e-9;

/**
 * The facts of one outcome under one policy.
 *
 * @param summary - its summary (quantiles, min and max).
 * @param runs - every run's value, when the result keeps them.
 * @param cap - a cap in the outcome's unit (a good's price cap), if any.
 */
export function outcomeFacts(summary: Quantiles, runs: readonly number[] | undefined, cap?: number): OutcomeFacts {
  if (runs !== undefined && runs.length > 0) {
    let zero = 0;
    let positive = 0;
    let atCap = 0;
    const level = cap === undefined ? Infinity : capLevel(cap);
    for (const v of runs) {
      if (v === 0) zero++;
      else if (v > 0) positive++;
      if (v >= level) atCap++;
    }
    const n = runs.length;
    return {
      zero: exact(zero, n),
      positive: exact(positive, n),
      negative: exact(n - zero - positive, n),
      ...(cap === undefined ? {} : { atCap: exact(atCap, n) }),
      mostlyZero: zero / n > 0.5,
    };
  }
  const points = grid(summary);
  const positive = above(points, 0);
  const negative = below(points, 0);
  const zero = { low: Math.max(0, 1 - positive.high - negative.high), high: Math.max(0, 1 - positive.low - negative.low) };
  return {
    zero,
    positive,
    negative,
    // at the cap: above a level a little below it
    ...(cap === undefined ? {} : { atCap: above(points, capLevel(capLevel(cap))) }),
    mostlyZero: zero.low >= 0.5,
  };
}

/** A share in words: `23%` when exact, else `5% to 10%`, `at least 5%`, `at most 1%`, `some`. */
export function shareText(share: Share): string {
  if (share.low === share.high) return percent(share.low);
  if (share.low <= 0 && share.high >= 1) return "some";
  if (share.low <= 0) return `at most ${percent(share.high)}`;
  if (share.high >= 1) return `at least ${percent(share.low)}`;
  return `${percent(share.low)} to ${percent(share.high)}`;
}

/** Whether a share is above 0 (some run for certain). */
export const someRuns = (share: Share | undefined): boolean => share !== undefined && share.low > 0;

/** Whether a share may be above 0. */
export const maybeRuns = (share: Share | undefined): boolean => share !== undefined && share.high > 0;
