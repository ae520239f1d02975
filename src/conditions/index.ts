// The condition kinds of rules: one module each, listed here once. Everything that handles
// conditions (schemas, validation, the compiler, `chokepoint explain`, the test kit) goes
// through this list; the engine's switch on condition kinds is exhaustive over it
// (src/compile/model.ts, CONDITION_KIND). Adding a kind: CONTRIBUTING.md.
import type { AnyConditionKindModule, ConditionKindModule } from "./condition-kind.js";
import { draw } from "./draw.js";
import { period } from "./period.js";
import { price } from "./price.js";
import { restriction } from "./restriction.js";
import { shortfall } from "./shortfall.js";

/** Every condition kind, in the order the schema lists them (and the test kit shrinks toward the first). */
export const CONDITION_KINDS = [restriction, shortfall, period, price, draw] as const;

type Kinds = (typeof CONDITION_KINDS)[number];
/** The name of a condition kind: `"restriction"`, ... */
export type ConditionType = Kinds["kind"];
/** A rule's condition, of any kind. */
export type Condition = Kinds extends infer K ? (K extends ConditionKindModule<string, infer C, infer _D> ? C : never) : never;

const byKind = new Map<string, AnyConditionKindModule>(CONDITION_KINDS.map((kind) => [kind.kind, kind]));

/** The module of a condition's kind (its kind was checked by the schema). */
export function conditionKind(kind: ConditionType): AnyConditionKindModule {
  const module = byKind.get(kind);
  if (module === undefined) throw new Error(`internal error: no condition kind "${kind}"`);
  return module;
}

/**
 * The countries a rule whose action aims at `triggering` has an instance for (docs/model.md,
 * step 1): those named in `by` of its first restriction condition, or every country when
 * it names none; never the rule's agent; in the order of `countries`. The compiler, the
 * validation's count of instances and the report's restricted links all use it.
 */
export function triggeringCountries(rule: { readonly agent: string; readonly when: readonly Condition[] }, countries: readonly string[]): string[] {
  const first = rule.when.find((condition) => condition.kind === "restriction");
  const by = first?.kind === "restriction" ? first.by : undefined;
  return countries.filter((country) => country !== rule.agent && (by === undefined || by.includes(country)));
}

/** The names of every condition kind. */
export const CONDITION_TYPES: readonly ConditionType[] = CONDITION_KINDS.map((kind) => kind.kind);

export type { RestrictionCondition } from "./restriction.js";
export type { ShortfallCondition } from "./shortfall.js";
export type { PeriodCondition } from "./period.js";
export type { PriceCondition } from "./price.js";
export type { DrawCondition } from "./draw.js";
export type { AnyConditionKindModule, ConditionCompileContext, ConditionKindModule, ConditionSpec, Selection } from "./condition-kind.js";
