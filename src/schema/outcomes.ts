import { z } from "zod";
import { identifierSchema } from "./common.js";
import { FORMULA_LIMITS, FORMULA_NAME } from "../formula/vocabulary.js";
import { freeText, limitedArray, LIMITS } from "./limits.js";

const names = z.array(identifierSchema).min(1).max(LIMITS.listLength);

const common = {
  name: identifierSchema,
  description: freeText().optional(),
  thresholds: limitedArray(z.number(), LIMITS.thresholdsPerOutcome, "thresholds")
    .optional()
    .describe("Report the probability that the outcome exceeds each of these values."),
};

const series = z
  .boolean()
  .default(false)
  .describe("Also record the value in every period, for quantile bands over time.");

export const gdpLossOutcomeSchema = z.strictObject({
  kind: z.literal("gdpLoss"),
  country: identifierSchema,
  unit: z.enum(["USD", "percentGdp"]).default("USD"),
  ...common,
});

export const valueAddedLossOutcomeSchema = z.strictObject({
  kind: z.literal("valueAddedLoss"),
  country: identifierSchema,
  goods: names.optional().describe("Only these goods; all goods if omitted."),
  ...common,
});

export const outputLossOutcomeSchema = z.strictObject({
  kind: z.literal("outputLoss"),
  country: identifierSchema,
  good: identifierSchema,
  unit: z
    .enum(["units", "share", "USD"])
    .default("share")
    .describe("`share` of baseline output over the horizon, `units` of the good, or `USD` at base price."),
  series,
  ...common,
});

export const shortfallOutcomeSchema = z.strictObject({
  kind: z.literal("shortfall"),
  country: identifierSchema,
  good: identifierSchema,
  stat: z.enum(["mean", "max"]).default("max").describe("Over the periods of the horizon."),
  series,
  ...common,
});

export const priceOutcomeSchema = z.strictObject({
  kind: z.literal("price"),
  good: identifierSchema,
  market: z
    .union([z.literal("outside"), z.strictObject({ inside: identifierSchema })])
    .default("outside")
    .describe("`outside` restricting countries, or `{ inside: country }` for a restricting country's own market."),
  stat: z.enum(["max", "mean", "final"]).default("max"),
  unit: z
    .enum(["ratio", "USD"])
    .default("ratio")
    .describe("`ratio` to the base price, or `USD` per unit of the good."),
  series,
  ...common,
});

export const exportRevenueLossOutcomeSchema = z.strictObject({
  kind: z.literal("exportRevenueLoss"),
  country: identifierSchema.describe("The exporter."),
  goods: names.optional(),
  to: names.optional().describe("Only sales to these importers."),
  ...common,
});

export const importCostIncreaseOutcomeSchema = z.strictObject({
  kind: z.literal("importCostIncrease"),
  country: identifierSchema.describe("The importer."),
  goods: names.optional(),
  ...common,
});

export const ruleFiredOutcomeSchema = z.strictObject({
  kind: z.literal("ruleFired"),
  rules: names.describe("1 in runs where any of these rules fired, else 0; its mean is the probability."),
  ...common,
});

export const firstFiringOutcomeSchema = z.strictObject({
  kind: z.literal("firstFiring"),
  rules: names.describe("Period in which the first of these rules took effect; the horizon when none did."),
  ...common,
});

/**
 * An outcome computed from outcomes listed before it, by a formula: `jp / (jp + cn)` with
 * `variables: { jp: "gdpLoss:JP", cn: "gdpLoss:CN" }`. Formulas are checked against an
 * allow-list and compiled once (see SECURITY.md).
 */
export const formulaOutcomeSchema = z.strictObject({
  kind: z.literal("formula"),
  expression: z.string().min(1).max(FORMULA_LIMITS.length, `expected a formula of at most ${FORMULA_LIMITS.length} characters`),
  variables: z
    .record(
      z.string().regex(FORMULA_NAME, { message: "expected a formula name of letters, digits and _, starting with a letter or _" }),
      identifierSchema,
    )
    .describe("Names the formula uses, each standing for an outcome listed earlier."),
  unit: freeText().min(1).max(80).default("formula"),
  ...common,
});

export const outcomeSchema = z.discriminatedUnion("kind", [
  gdpLossOutcomeSchema,
  valueAddedLossOutcomeSchema,
  outputLossOutcomeSchema,
  shortfallOutcomeSchema,
  priceOutcomeSchema,
  exportRevenueLossOutcomeSchema,
  importCostIncreaseOutcomeSchema,
  ruleFiredOutcomeSchema,
  firstFiringOutcomeSchema,
  formulaOutcomeSchema,
]);

export type OutcomeDefinition = z.infer<typeof outcomeSchema>;
