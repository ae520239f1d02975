// What a distribution kind's module provides: everything about one family of distributions
// (its schema, parameter checks, how it is built, its short form and the test kit's
// generator and scaling) in one file, registered in src/random/distributions/index.ts.
// CONTRIBUTING.md walks through adding one.
import type fc from "fast-check";
import type { z } from "zod";
import type { SchemaKit } from "../../schema/kit.js";
import type { ContinuousFamily } from "../_internals/continuous-families.js";
import type { Distribution } from "../distribution.js";

/**
 * What a module checks a spec's parameters with. The spec may not have passed the schema
 * (`distributionProblems` takes anything), so every field is read through `read`.
 */
export interface ParameterCheck {
  /** The finite number at `key`, or NaN after recording a problem; `fallback` when absent and optional. */
  read(key: string, fallback?: number): number;
  /** The raw field, for lists. */
  field(key: string): unknown;
  /** Record a problem at a path relative to the spec. */
  add(path: string, message: string): void;
  /** max > min, when both are finite. */
  ordered(min: number, max: number): void;
  /** min <= mode <= max, when all are finite and min < max. */
  mode(min: number, mode: number, max: number): void;
  /** value > 0, when finite. */
  positive(key: string, value: number): void;
  /** A list of finite numbers with at least one entry, or undefined after recording problems. */
  numbers(key: string): number[] | undefined;
}

/** What the test kit draws a spec with: numbers on grids over the support [min, max] it must lie in. */
export interface DistributionDrawKit {
  readonly fc: typeof fc;
  readonly min: number;
  readonly max: number;
  /** A grid point in [min, max]. */
  readonly value: fc.Arbitrary<number>;
  /** Two grid points low < high. */
  readonly interval: fc.Arbitrary<[number, number]>;
  /** Three grid points low <= mode <= high, low < high. */
  readonly triple: fc.Arbitrary<[number, number, number]>;
  /** Grid points in [lo, hi]. */
  grid(lo: number, hi: number, steps?: number): fc.Arbitrary<number>;
  /** Two grid points in [lo, hi], lo < hi. */
  gridInterval(lo: number, hi: number): fc.Arbitrary<[number, number]>;
  /** Round to 10 significant digits, to print readably. */
  readable(x: number): number;
}

/** What a module builds: a continuous family (which may be truncated), or a whole distribution. */
export type Built = { readonly family: ContinuousFamily } | { readonly distribution: Distribution };

/** One family of distributions. */
export interface DistributionKindModule<Type extends string, Spec extends { readonly type: Type }> {
  readonly type: Type;
  /** What it is, in one sentence (the JSON Schema's description of the kind). */
  readonly summary: string;
  schema(kit: SchemaKit): z.ZodType<Spec>;
  /** Whether a spec may be truncated (`truncate: { min, max }`): the continuous families, built as a family. */
  readonly truncatable: boolean;
  /** Problems with its parameters (relations between them only where they are finite). */
  problems(check: ParameterCheck): void;
  /** Its distribution, from a spec whose parameters are valid; `distribution` is the spec as a DistributionSpec. */
  build(spec: Spec): Built;
  /** Its short form without truncation: `triangular(0.1, 0.3, 0.6)`; `n` prints a number. */
  describe(spec: Spec, n: (x: number) => string): string;
  /** Test kit: whether a spec of this family can lie within [min, max]. */
  fits(min: number, max: number): boolean;
  /** Test kit: specs whose support lies within the kit's [min, max]. */
  draw(kit: DistributionDrawKit): fc.Arbitrary<Spec>;
  /** Test kit: the spec of `factor * X` (factor > 0), for scaleVolumes. */
  scale(spec: Spec, factor: number): { readonly type: string };
  /** Test kit: false when scaling rounds (a lognormal's mu + ln k), so scaled results may differ in the last bits. */
  readonly scalesExactly: boolean;
}

/** A distribution kind of any type (for the registry). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDistributionKindModule = DistributionKindModule<string, any>;

/** A truncation's bounds scaled by `factor`, as a spec field. */
export function scaledTruncation(spec: { readonly truncate?: { readonly min?: number | undefined; readonly max?: number | undefined } | undefined }, factor: number) {
  if (spec.truncate === undefined) return {};
  return {
    truncate: {
      ...(spec.truncate.min === undefined ? {} : { min: spec.truncate.min * factor }),
      ...(spec.truncate.max === undefined ? {} : { max: spec.truncate.max * factor }),
    },
  };
}

/** Read and check `min`, `mode` and `max` (min < max, min <= mode <= max): triangular and PERT. */
export function checkMinModeMax(check: ParameterCheck): void {
  const min = check.read("min");
  const mode = check.read("mode");
  const max = check.read("max");
  check.ordered(min, max);
  check.mode(min, mode, max);
}
