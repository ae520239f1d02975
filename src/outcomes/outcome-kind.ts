// What an outcome kind's module provides: everything about one kind of recorded outcome
// (its schema, validation, compilation for the engine, histogram binning and the test kit's
// standard outcomes) in one file, registered in src/outcomes/index.ts. CONTRIBUTING.md walks
// through adding one.
import type { z } from "zod";
import { STAT_FINAL, STAT_MAX, STAT_MEAN, STAT_MIN } from "../compile/model.js";
import type { CompileContext } from "../compile/compile-context.js";
import type { FormulaProgram } from "../formula/program.js";
import type { CheckContext, Path } from "../schema/check-context.js";
import type { SchemaKit } from "../schema/kit.js";

/**
 * What the engine reads of an outcome (src/compile/model.ts, OutcomeTable). Left out,
 * `country`, `good` and `market` are -1, `stat` is STAT_MAX, `unit` UNIT_SHARE and `list`
 * empty: set each the engine's case for the kind reads.
 */
export interface OutcomeSpec {
  readonly country?: number;
  readonly good?: number;
  /** STAT_* of src/compile/model.ts: the statistic over periods. */
  readonly stat?: number;
  /** UNIT_* of src/compile/model.ts. */
  readonly unit?: number;
  /** A restricting country's own market (an inside price), or -1 for the outside market. */
  readonly market?: number;
  /** Goods, flows or rule instances it sums over; empty = all. */
  readonly list?: readonly number[];
  /** Trade: PART_*; stock: HOLDER_*. */
  readonly part?: number;
  /** CHANGE_* (trade): a level, or its change on the period or the year before. */
  readonly change?: number;
  /** Seasonal factors, one per period of the year (trade). */
  readonly seasonal?: readonly number[];
  /** Whether a value per period is recorded too: only for kinds with `perPeriod` (the compiler refuses others). */
  readonly series?: boolean;
  /** The unit as results show it: `USD`, `share of requirement`, ... */
  readonly unitText: string;
  /** The description results show when the scenario gives none. */
  readonly description: string;
  /** A formula's program and the outcomes its variables stand for (by outcome index). */
  readonly formula?: { readonly program: FormulaProgram; readonly inputs: Int32Array };
}

/** What an outcome compiles with. */
export interface OutcomeCompileContext extends CompileContext {
  /** `month`, `quarter` or `year`. */
  readonly period: string;
  readonly periodsPerYear: number;
  readonly horizon: number;
  unitOf(good: string): string;
  /** Flows of the world that pass `keep`, as indices in the engine's good-sorted flow arrays. */
  flows(keep: (flow: { readonly exporter: string; readonly importer: string; readonly good: string }) => boolean): number[];
  /** The instances of a rule, by name. */
  ruleInstances(name: string): readonly number[];
  /** An outcome's position, by name. */
  outcomeIndex(name: string): number;
  /** Whether the world has a national input-output table for the country (so indirect losses). */
  hasInputOutputTable(country: string): boolean;
  /** A valid formula's program (mathjs on the main thread, a look-up in worker threads). */
  formula(expression: string, variables: readonly string[]): FormulaProgram;
}

/** What an outcome is checked with, beyond names and numbers. */
export interface OutcomeCheckContext extends CheckContext {
  /** 12, 4 or 1. */
  readonly periodsPerYear: number;
  /** An outcome's name must be one listed before this one. */
  outcomeBefore(path: Path, name: string): void;
  /** What is wrong with a formula over these variables (mathjs's parser and the allow-list), if anything. */
  formulaProblems(expression: string, variables: readonly string[]): readonly string[];
}

/** One kind of outcome. */
export interface OutcomeKindModule<Kind extends string, Outcome extends { readonly kind: Kind; readonly name: string }> {
  readonly kind: Kind;
  /** What it is, in one sentence (the JSON Schema's description of the kind). */
  readonly summary: string;
  schema(kit: SchemaKit): z.ZodType<Outcome>;
  check(outcome: Outcome, at: Path, context: OutcomeCheckContext): void;
  compile(outcome: Outcome, context: OutcomeCompileContext): OutcomeSpec;
  /** Whether the engine computes its value in every period (recordPeriod), so that it can be recorded as a series. */
  readonly perPeriod: boolean;
  /** Whether every value is a whole number (a histogram then gets one bin per number). */
  readonly wholeValued: boolean;
  /**
   * How the HTML report shows it: `distribution` (a histogram per policy, and which
   * parameters move it), `probability` (a 0/1 outcome: the share of runs with 1, per policy),
   * `timing` (the period of a first event: its own section, with the share within the horizon).
   */
  readonly presentation: "distribution" | "probability" | "timing";
  /** The test kit's standard outcomes of this kind for a world (see standardOutcomes). */
  standard(world: { readonly countries: readonly string[]; readonly goods: readonly string[] }): Outcome[];
}

/** An outcome kind of any type (for the registry). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyOutcomeKindModule = OutcomeKindModule<string, any>;

/** Fields every outcome has: its name, a description, thresholds for exceedance probabilities, and provenance (`source`, `assumption`) for those thresholds. */
export function commonFields(kit: SchemaKit) {
  return {
    name: kit.identifier,
    description: kit.freeText().optional(),
    thresholds: kit
      .limitedArray(kit.z.number(), kit.LIMITS.thresholdsPerOutcome, "thresholds")
      .optional()
      .describe("Report the probability that the outcome exceeds each of these values."),
    ...kit.provenance,
  };
}

/** The schema of a USD account of one country, over all its goods or some (`goods`). */
export function countryAccountSchema<K extends string>(kit: SchemaKit, kind: K, countryText: string) {
  const { z } = kit;
  return z.strictObject({
    kind: z.literal(kind),
    country: kit.identifier.describe(countryText),
    goods: kit.names.optional(),
    ...commonFields(kit),
  });
}

/** Compile a USD account of one country over its goods (all of them when `goods` is absent). */
export function compileCountryAccount(outcome: { readonly country: string; readonly goods?: readonly string[] | undefined }, context: CompileContext, description: string): OutcomeSpec {
  return { country: context.country(outcome.country), list: (outcome.goods ?? []).map((id) => context.good(id)), unitText: "USD", description };
}

/** The engine's code (STAT_* of src/compile/model.ts) of a statistic over periods. */
export function statCode(stat: "min" | "max" | "mean" | "final"): number {
  return stat === "min" ? STAT_MIN : stat === "max" ? STAT_MAX : stat === "mean" ? STAT_MEAN : STAT_FINAL;
}

/** The `series` flag of outcomes that can be recorded per period. */
export function seriesField(kit: SchemaKit) {
  return kit.z.boolean().default(false).describe("Also record the value in every period, for quantile bands over time.");
}

/** Check the country (and its good, or goods, where the outcome names them) an outcome is about. */
export function checkCountryAndGoods(outcome: { readonly country: string; readonly good?: string; readonly goods?: readonly string[] | undefined }, at: Path, context: CheckContext): void {
  context.country([...at, "country"], outcome.country);
  if (outcome.good !== undefined) context.good([...at, "good"], outcome.good);
  context.goods([...at, "goods"], outcome.goods);
}

/** The country and good an outcome is about, resolved. */
export function countryAndGood(outcome: { readonly country: string; readonly good: string }, context: CompileContext): { country: number; good: number } {
  return { country: context.country(outcome.country), good: context.good(outcome.good) };
}
