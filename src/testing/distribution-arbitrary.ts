import fc from "fast-check";
import { InputError } from "../errors.js";
import { DISTRIBUTION_TYPES, distributionKind, type DistributionDrawKit } from "../random/distributions/index.js";
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

/**
 * Every family, in the order {@link distributionArbitrary} shrinks through them: the
 * constant first, then the others in the order of src/random/distributions.
 */
export const ALL_DISTRIBUTION_KINDS: readonly DistributionKind[] = ["constant", ...DISTRIBUTION_TYPES.filter((type) => type !== "constant")];

/** The families that can have a support within [min, max] (a bernoulli takes 0 and 1, a lognormal needs a positive part): each family's module says. */
export function fittingKinds(min: number, max: number, kinds: readonly DistributionKind[]): DistributionKind[] {
  return kinds.filter((kind) => distributionKind(kind)!.fits(min, max));
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
  const kit: DistributionDrawKit = {
    fc,
    min,
    max,
    value: gridNumber(min, max),
    interval: gridInterval(min, max),
    triple: gridTriple(min, max),
    grid: gridNumber,
    gridInterval,
    readable,
  };
  const family = (kind: DistributionKind) => distributionKind(kind)!.draw(kit) as fc.Arbitrary<DistributionSpec>;
  return fc.oneof({ withCrossShrink: true }, ...kinds.map(family));
}
