import type fc from "fast-check";
import type { UncertainNumber } from "../schema/common.js";
import type { DistributionSpec } from "../schema/distribution.js";
import type { UncertainDraw } from "./_internals/uncertain.js";

export type { UncertainDraw } from "./_internals/uncertain.js";

/**
 * What a kind's module draws its test-kit generator from (src/levers, src/conditions). The
 * test kit hands it over, so that a module imports fast-check only as a type and the main
 * entry never loads it (fast-check is an optional peer dependency).
 */
export interface DrawKit {
  readonly fc: typeof fc;
  /** The scenario's longest horizon: starts and durations stay within it. */
  readonly horizon: number;
  /** Shares on a grid of `steps + 1` points in [0, 1]. */
  share(steps?: number): fc.Arbitrary<number>;
  /** Numbers on a grid of `steps + 1` points in [min, max]. */
  grid(min: number, max: number, steps?: number): fc.Arbitrary<number>;
  /** A fixed number from `fixed`, or sometimes one drawn from an uncertainty with support in [min, max]. */
  uncertain(fixed: fc.Arbitrary<number>, min: number, max: number): fc.Arbitrary<UncertainDraw>;
  /** A whole number of periods in [0, max], fixed or drawn. */
  periods(max: number): fc.Arbitrary<UncertainDraw>;
  /** Picks of one to `max` names (indices, reduced modulo the list's length when built). */
  picks(max: number): fc.Arbitrary<readonly number[]>;
  /** Picks, or undefined (the field left out). */
  optionalPicks(max: number): fc.Arbitrary<readonly number[] | undefined>;
  /** Distributions of the given families whose support lies in [min, max] (see distributionArbitrary). */
  distribution(min: number, max: number, kinds: readonly DistributionSpec["type"][]): fc.Arbitrary<DistributionSpec>;
}

/** What a kind's module builds a scenario entry from its draw with, in a given world. */
export interface BuildKit {
  readonly countries: readonly string[];
  readonly goods: readonly string[];
  /** The acting country (a lever's actor, a rule's agent). */
  readonly actor: string;
  /** Whether a rule's action should aim at `triggering` (only asked of levers that aim at countries). */
  readonly triggering: boolean;
  /** The drawn number, or a new uncertainty named after `field` that it is drawn from. */
  number(draw: UncertainDraw, field: string): UncertainNumber;
  /** Declare an uncertainty with a given distribution (for draw conditions); returns its name. */
  declare(field: string, distribution: DistributionSpec): string;
  /** Distinct goods picked by indices. */
  pickGoods(picks: readonly number[]): string[];
  /** Distinct countries picked by indices. */
  pickCountries(picks: readonly number[]): string[];
  /** Distinct countries other than the actor, picked by offsets (empty with one country). */
  others(picks: readonly number[]): string[];
}
