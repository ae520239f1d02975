import type { Distribution } from "../distribution.js";
import type { DistributionSpec } from "../../schema/distribution.js";
import { checkUnitInterval } from "./checks.js";

/**
 * A distribution on finitely many values: `values` ascending and distinct, `cumulative[k]`
 * = P(X <= values[k]) with the last exactly 1. Quantile is the generalised inverse
 * inf { x : F(x) >= u }, found by binary search; a value of probability 0 is never returned.
 */
export class FiniteDistribution implements Distribution {
  readonly spec: DistributionSpec;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  readonly variance: number;
  readonly #values: Float64Array;
  readonly #cumulative: Float64Array;

  /** `weights` are >= 0 with a positive, finite sum; values may repeat and be in any order. */
  constructor(spec: DistributionSpec, values: readonly number[], weights: readonly number[]) {
    this.spec = spec;
    const order = values
      .map((value, index) => ({ value, weight: weights[index] ?? 0 }))
      .filter((entry) => entry.weight > 0)
      .sort((x, y) => x.value - y.value);
    const merged: { value: number; weight: number }[] = [];
    for (const entry of order) {
      const last = merged[merged.length - 1];
      if (last !== undefined && last.value === entry.value) last.weight += entry.weight;
      else merged.push({ ...entry });
    }
    const total = merged.reduce((sum, entry) => sum + entry.weight, 0);
    this.#values = Float64Array.from(merged, (entry) => entry.value);
    this.#cumulative = new Float64Array(merged.length);
    let running = 0;
    let mean = 0;
    merged.forEach((entry, k) => {
      running += entry.weight;
      this.#cumulative[k] = running / total;
      mean += (entry.weight / total) * entry.value;
    });
    this.#cumulative[merged.length - 1] = 1;
    let variance = 0;
    for (const entry of merged) variance += (entry.weight / total) * (entry.value - mean) ** 2;
    this.min = this.#values[0] as number;
    this.max = this.#values[merged.length - 1] as number;
    this.mean = mean;
    this.variance = variance;
  }

  cdf(x: number): number {
    const values = this.#values;
    // largest k with values[k] <= x
    let lo = 0;
    let hi = values.length; // invariant: values[j] <= x for j < lo, > x for j >= hi
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((values[mid] as number) <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? 0 : (this.#cumulative[lo - 1] as number);
  }

  quantile(u: number): number {
    checkUnitInterval(u);
    if (u === 0) return this.min;
    const cumulative = this.#cumulative;
    // smallest k with cumulative[k] >= u
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] as number) >= u) hi = mid;
      else lo = mid + 1;
    }
    return this.#values[lo] as number;
  }

  sample(random: () => number): number {
    return this.quantile(random());
  }
}
