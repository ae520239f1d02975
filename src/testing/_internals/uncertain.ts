import fc from "fast-check";
import type { UncertainNumber } from "../../schema/common.js";
import type { DistributionSpec } from "../../schema/distribution.js";
import { distributionArbitrary, fittingKinds, type DistributionKind } from "../distribution-arbitrary.js";

/** A number a scenario states as a fixed value, or draws from a distribution (an uncertainty). */
export type UncertainDraw = { readonly value: number; readonly spec?: undefined } | { readonly value: number; readonly spec: DistributionSpec; readonly max: number };

/**
 * A fixed number from `fixed`, or (one time in four, when `drawn` lists families that fit)
 * an uncertainty whose support lies in `[min, max]`. Shrinks toward the fixed number.
 */
export function uncertainDraw(fixed: fc.Arbitrary<number>, min: number, max: number, drawn: readonly DistributionKind[]): fc.Arbitrary<UncertainDraw> {
  const plain = fixed.map((value): UncertainDraw => ({ value }));
  const kinds = fittingKinds(min, max, drawn);
  if (kinds.length === 0) return plain;
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 3, arbitrary: plain },
    { weight: 1, arbitrary: fc.tuple(fixed, distributionArbitrary({ min, max, kinds })).map(([value, spec]): UncertainDraw => ({ value, spec, max })) },
  );
}

/** The uncertainties a generated scenario declares, collected while it is built. */
export class UncertaintySink {
  readonly uncertainties: { name: string; distribution: DistributionSpec }[] = [];
  constructor(private readonly allowDrawn: boolean) {}

  /** The fixed value, or a reference to a new uncertainty `name` (when drawing is allowed). */
  number(draw: UncertainDraw, name: string): UncertainNumber {
    if (draw.spec === undefined || !this.allowDrawn) return draw.value;
    this.uncertainties.push({ name, distribution: draw.spec });
    return { param: name };
  }

  /** Largest value the number can take (for bounds checked at the largest draw, such as value added within GDP). */
  largest(draw: UncertainDraw): number {
    return draw.spec === undefined || !this.allowDrawn ? draw.value : draw.max;
  }

  /** Declare an uncertainty directly (for draw conditions); returns its name. */
  declare(name: string, distribution: DistributionSpec): string {
    this.uncertainties.push({ name, distribution });
    return name;
  }
}
