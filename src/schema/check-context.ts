import type { UncertainNumber } from "./common.js";

/** A path into the scenario: keys and indices. */
export type Path = readonly (string | number)[];

/** Allowed range of an uncertain number, checked for fixed values and for the support of distributions. */
export interface NumberRange {
  readonly min: number;
  readonly max: number;
  readonly minExclusive?: boolean;
  /** "a share in [0, 1]", for messages. */
  readonly what: string;
  /** "[0, 1]", for messages. */
  readonly interval: string;
}

/** The ranges most numbers of a scenario must lie in. */
export const RANGES = {
  share: { min: 0, max: 1, what: "a share in [0, 1]", interval: "[0, 1]" },
  nonNegative: { min: 0, max: Infinity, what: "a value >= 0", interval: "[0, ∞)" },
  positive: { min: 0, max: Infinity, minExclusive: true, what: "a value > 0", interval: "(0, ∞)" },
  openShare: { min: 0, max: 1, minExclusive: true, what: "a share in (0, 1]", interval: "(0, 1]" },
  any: { min: -Infinity, max: Infinity, what: "a number", interval: "(-∞, ∞)" },
} as const satisfies Record<string, NumberRange>;

/**
 * What a kind's module checks a scenario entry with, beyond its zod schema: references to
 * names, and the ranges of numbers (fixed, or the support of the uncertainty they are drawn
 * from). Every method reports problems at the path it is given; none throws.
 */
export interface CheckContext {
  /** Report a problem at `path`. */
  report(path: Path, message: string): void;
  /** A country's id must exist. */
  country(path: Path, id: string): void;
  /** A good's id must exist. */
  good(path: Path, id: string): void;
  /** Each name of a list of countries must exist (`all`, `self`, `triggering` and undefined pass). */
  countries(path: Path, ids: readonly string[] | string | undefined): void;
  /** Each name of a list of goods must exist (undefined passes). */
  goods(path: Path, ids: readonly string[] | undefined): void;
  /** An uncertainty's name must exist. */
  uncertainty(path: Path, name: string): void;
  /** A rule's name must exist (scenario-wide or any policy's). */
  rule(path: Path, name: string): void;
  /** A number (fixed, or every value its uncertainty can take) must lie in `range`. */
  number(path: Path, value: UncertainNumber | undefined, range: NumberRange): void;
}
