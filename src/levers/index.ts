// The lever kinds: one module each, listed here once. Everything that handles levers
// (schemas, validation, the compiler, `chokepoint explain`, the report, the test kit) goes
// through this list; the engine's switch on slot kinds is exhaustive over it
// (src/compile/model.ts, SLOT_KIND). Adding a kind: CONTRIBUTING.md.
import { capacityExpansion } from "./capacity-expansion.js";
import { exportRestriction } from "./export-restriction.js";
import { importRestriction } from "./import-restriction.js";
import { importTariff } from "./import-tariff.js";
import type { UncertainNumber } from "../schema/common.js";
import type { AnyLeverKindModule, LeverKindModule } from "./lever-kind.js";
import { stockpileRelease } from "./stockpile-release.js";

/** Every lever kind, in the order the schema lists them (and the test kit shrinks toward the first). */
export const LEVER_KINDS = [exportRestriction, importRestriction, stockpileRelease, capacityExpansion, importTariff] as const;

type Kinds = (typeof LEVER_KINDS)[number];
/** The name of a lever kind: `"exportRestriction"`, ... */
export type LeverType = Kinds["type"];
/** A policy's lever, of any kind. */
export type Lever = Kinds extends infer K ? (K extends LeverKindModule<string, infer L, infer _A, infer _D> ? L : never) : never;
/** A rule's action, of any kind. */
export type RuleAction = Kinds extends infer K ? (K extends LeverKindModule<string, infer _L, infer A, infer _D> ? A : never) : never;

const byType = new Map<string, AnyLeverKindModule>(LEVER_KINDS.map((kind) => [kind.type, kind]));

/** The module of a lever's kind (its type was checked by the schema). */
export function leverKind(type: LeverType): AnyLeverKindModule {
  const kind = byType.get(type);
  if (kind === undefined) throw new Error(`internal error: no lever kind "${type}"`);
  return kind;
}

/** Whether a rule's action aims at `triggering`: the countries whose restrictions set the rule off. */
export function aimsAtTriggering(action: { readonly type: LeverType }): boolean {
  return leverKind(action.type).trade?.partners(action) === "triggering";
}

/** The volumes (in a good's unit per period) a lever or action states, by field: capacity added, ... */
export function leverVolumes(lever: Lever | RuleAction): { readonly field: string; readonly value: UncertainNumber }[] {
  const fields: readonly string[] = leverKind(lever.type).volumes;
  return fields.map((field) => ({ field, value: (lever as unknown as Record<string, UncertainNumber>)[field]! }));
}

/** The lever kinds that restrict trade (restriction conditions of rules may name them). */
type RestrictionKinds = Extract<Kinds, { readonly trade: { readonly restricts: true } }>;
/** The names of the lever kinds that restrict trade. */
export type RestrictionType = RestrictionKinds["type"];
export const RESTRICTION_TYPES = LEVER_KINDS.filter((kind): kind is RestrictionKinds => (kind as AnyLeverKindModule).trade?.restricts === true).map((kind) => kind.type) as unknown as readonly [
  RestrictionType,
  ...RestrictionType[],
];

/** The names of every lever kind. */
export const LEVER_TYPES: readonly LeverType[] = LEVER_KINDS.map((kind) => kind.type);

export type { ExportRestriction, ExportRestrictionAction } from "./export-restriction.js";
export type { ImportRestriction, ImportRestrictionAction } from "./import-restriction.js";
export type { StockpileRelease, StockpileReleaseAction } from "./stockpile-release.js";
export type { CapacityExpansion, CapacityExpansionAction } from "./capacity-expansion.js";
export type { ImportTariff, ImportTariffAction } from "./import-tariff.js";
export type { AnyLeverKindModule, LeverKindModule, SlotSpec, TradeSide } from "./lever-kind.js";
