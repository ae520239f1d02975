import fc from "fast-check";
import { InputError } from "../errors.js";
import type { DistributionSpec } from "../schema/distribution.js";
import { gridInterval, gridNumber, gridTriple, readable } from "./_internals/grid.js";

/** The distribution families {@link distributionArbitrary} can generate. */
export type DistributionKind = DistributionSpec["type"];

/** Where the values drawn from a generated distribution must lie, and which families to use. */
export interface DistributionConstraints {
  /** Smallest value the distribution may take (finite). */
  readonly min: number;
  /** Largest value the distribution may take (finite, > min). */
  readonly max: number;
  /**
   * Families to choose from, shrinking toward the first; default all that fit:
   * constant, uniform, triangular, pert, beta, normal and lognormal (truncated to the
   * support), categorical, and bernoulli when the support holds 0 and 1.
   */
  readonly kinds?: readonly DistributionKind[];
}

/** Every family, in the order {@link distributionArbitrary} shrinks through them. */
export const ALL_DISTRIBUTION_KINDS: readonly DistributionKind[] = ["constant", "uniform", "triangular", "pert", "beta", "normal", "lognormal", "categorical", "bernoulli"];

/** The families that can have a support within [min, max]: a bernoulli takes 0 and 1, a lognormal needs a positive part. */
export function fittingKinds(min: number, max: number, kinds: readonly DistributionKind[]): DistributionKind[] {
  return kinds.filter((kind) => (kind !== "bernoulli" || (min <= 0 && max >= 1)) && (kind !== "lognormal" || max > 0));
}

/**
 * Distribution specs (as written in a scenario's `uncertainties`) whose support lies
 * within `[min, max]`, so that every value drawn from them is valid where the
 * uncertainty is used: a share in [0, 1], an elasticity in [0.05, 3], a number of
 * periods. Unbounded families (normal, lognormal) come truncated to a window inside the
 * support. Parameters sit on a grid of 101 points, so counterexamples print readably
 * (`{ type: "uniform", min: 0.2, max: 0.35 }`) and shrink toward a constant at `min`.
 *
 * @param constraints - `{ min, max, kinds? }`.
 * @returns an arbitrary of distribution specs that pass the scenario's validation for a
 *   field accepting any value in `[min, max]`.
 * @throws {InputError} when `min` or `max` is not finite, `max <= min`, or no listed
 *   family fits.
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { createDistribution } from "chokepoint";
 * import { distributionArbitrary } from "chokepoint/testing";
 *
 * fc.assert(fc.property(distributionArbitrary({ min: 0, max: 1 }), (spec) => {
 *   const d = createDistribution(spec);
 *   return d.min >= 0 && d.max <= 1; // true: every draw is a share
 * }));
 * ```
 */
export function distributionArbitrary(constraints: DistributionConstraints): fc.Arbitrary<DistributionSpec> {
  const { min, max } = constraints;
  if (!Number.isFinite(min) || !Number.isFinite(max) || !(max > min)) {
    throw new InputError("constraints", `expected finite min < max, found [${min}, ${max}]`);
  }
  const kinds = fittingKinds(min, max, constraints.kinds ?? ALL_DISTRIBUTION_KINDS);
  if (kinds.length === 0) throw new InputError("constraints.kinds", `no listed family fits the support [${min}, ${max}]`);
  const value = gridNumber(min, max);
  const interval = gridInterval(min, max);
  const triple = gridTriple(min, max);
  const family = (kind: DistributionKind): fc.Arbitrary<DistributionSpec> => {
    switch (kind) {
      case "constant":
        return value.map((v) => ({ type: "constant", value: v }));
      case "uniform":
        return interval.map(([lo, hi]) => ({ type: "uniform", min: lo, max: hi }));
      case "triangular":
        return triple.map(([lo, mode, hi]) => ({ type: "triangular", min: lo, mode, max: hi }));
      case "pert":
        return fc
          .tuple(triple, fc.option(gridNumber(1, 8, 14), { nil: undefined }))
          .map(([[lo, mode, hi], lambda]) => (lambda === undefined ? { type: "pert", min: lo, mode, max: hi } : { type: "pert", min: lo, mode, max: hi, lambda }));
      case "beta":
        return fc
          .tuple(interval, gridNumber(0.5, 5, 9), gridNumber(0.5, 5, 9))
          .map(([[lo, hi], alpha, beta]) => ({ type: "beta", alpha, beta, min: lo, max: hi }));
      case "normal":
        // the mean inside the window and sd at most its width keep at least a third of the mass
        return fc
          .tuple(triple, fc.integer({ min: 1, max: 20 }))
          .map(([[lo, mean, hi], k]) => ({ type: "normal", mean, sd: readable(((hi - lo) * k) / 20), truncate: { min: lo, max: hi } }));
      case "lognormal":
        // median at the window's midpoint (positive), so the window keeps a good share of the mass
        return fc.tuple(gridInterval(Math.max(min, 0), max), fc.integer({ min: 1, max: 10 })).map(([[lo, hi], k]) => ({
          type: "lognormal",
          mu: readable(Math.log((lo + hi) / 2)),
          sigma: readable(k / 10),
          truncate: { min: lo, max: hi },
        }));
      case "categorical":
        return fc
          .array(fc.tuple(value, fc.integer({ min: 1, max: 5 })), { minLength: 1, maxLength: 3 })
          .map((pairs) => ({ type: "categorical", values: pairs.map(([v]) => v), weights: pairs.map(([, w]) => w) }));
      case "bernoulli":
        return gridNumber(0, 1, 20).map((p) => ({ type: "bernoulli", p }));
    }
  };
  return fc.oneof({ withCrossShrink: true }, ...kinds.map(family));
}
