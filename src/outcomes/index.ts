// The outcome kinds: one module each, listed here once. Everything that handles outcomes
// (schemas, validation, the compiler, histograms, the test kit's standard outcomes) goes
// through this list; the engine's switches on outcome kinds are exhaustive over it
// (src/compile/model.ts, OUTCOME_KIND). Adding a kind: CONTRIBUTING.md.
import { consumerSurplusLoss } from "./consumer-surplus-loss.js";
import { exportRevenueLoss } from "./export-revenue-loss.js";
import { firstFiring } from "./first-firing.js";
import { formula } from "./formula.js";
import { gdpLoss } from "./gdp-loss.js";
import { importCostIncrease } from "./import-cost-increase.js";
import type { AnyOutcomeKindModule, OutcomeKindModule } from "./outcome-kind.js";
import { outputLoss } from "./output-loss.js";
import { price } from "./price.js";
import { producerSurplusLoss } from "./producer-surplus-loss.js";
import { revenueLoss } from "./revenue-loss.js";
import { ruleFired } from "./rule-fired.js";
import { shortfall } from "./shortfall.js";
import { stock } from "./stock.js";
import { tariffRevenue } from "./tariff-revenue.js";
import { termsOfTradeLoss } from "./terms-of-trade-loss.js";
import { trade } from "./trade.js";
import { valueAddedLoss } from "./value-added-loss.js";

/** Every outcome kind, in the order the schema lists them. */
export const OUTCOME_KINDS = [gdpLoss, valueAddedLoss, outputLoss, shortfall, price, exportRevenueLoss, revenueLoss, importCostIncrease, consumerSurplusLoss, producerSurplusLoss, tariffRevenue, termsOfTradeLoss, trade, stock, ruleFired, firstFiring, formula] as const;

type Kinds = (typeof OUTCOME_KINDS)[number];
/** The name of an outcome kind: `"gdpLoss"`, ... */
export type OutcomeType = Kinds["kind"];
/** An outcome definition, of any kind. */
export type OutcomeDefinition = Kinds extends infer K ? (K extends OutcomeKindModule<string, infer O> ? O : never) : never;

const byKind = new Map<string, AnyOutcomeKindModule>(OUTCOME_KINDS.map((kind) => [kind.kind, kind]));

/** The module of an outcome's kind (its kind was checked by the schema). */
export function outcomeKind(kind: OutcomeType): AnyOutcomeKindModule {
  const module = byKind.get(kind);
  if (module === undefined) throw new Error(`internal error: no outcome kind "${kind}"`);
  return module;
}

export type { GdpLossOutcome } from "./gdp-loss.js";
export type { FormulaOutcome } from "./formula.js";
export type { AnyOutcomeKindModule, OutcomeCheckContext, OutcomeCompileContext, OutcomeKindModule, OutcomeSpec } from "./outcome-kind.js";
