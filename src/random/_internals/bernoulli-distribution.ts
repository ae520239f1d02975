import type { Distribution } from "../distribution.js";
import type { DistributionSpec } from "../../schema/distribution.js";
import { checkUnitInterval } from "./checks.js";

/** P(X = 1) = p, P(X = 0) = 1 - p; quantile(u) = 0 for u <= 1 - p, else 1. */
export class BernoulliDistribution implements Distribution {
  readonly spec: DistributionSpec;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  readonly variance: number;
  readonly #p: number;

  constructor(spec: DistributionSpec, p: number) {
    this.spec = spec;
    this.#p = p;
    this.min = p < 1 ? 0 : 1;
    this.max = p > 0 ? 1 : 0;
    this.mean = p;
    this.variance = p * (1 - p);
  }

  cdf(x: number): number {
    return x < 0 ? 0 : x < 1 ? 1 - this.#p : 1;
  }

  quantile(u: number): number {
    checkUnitInterval(u);
    if (u === 0) return this.min;
    return u <= 1 - this.#p ? 0 : 1;
  }

  sample(random: () => number): number {
    return this.quantile(random());
  }
}
