import { z } from "zod";
import { identifierSchema, namesOrAllSchema, uncertainNumberSchema } from "./common.js";
import { LIMITS } from "./limits.js";

const goods = z.array(identifierSchema).min(1, "expected at least one good").max(LIMITS.listLength);

const restrictionFields = {
  goods,
  severity: uncertainNumberSchema
    .default(1)
    .describe("Share of the flow blocked, in [0, 1]; 1 is a complete ban."),
  leakage: uncertainNumberSchema
    .default(0)
    .describe("Share of the blocked volume that still arrives through third countries, in [0, 1]."),
  leakagePremium: uncertainNumberSchema
    .default(0)
    .describe("Extra price paid for leaked volume, as a share of the price (0.3 = 30% dearer)."),
  duration: uncertainNumberSchema
    .optional()
    .describe("How many periods the restriction lasts; without it, until the horizon."),
};

const exportFields = {
  ...restrictionFields,
  diversion: uncertainNumberSchema
    .default(0)
    .describe(
      "Share of the blocked volume the exporter re-sells to countries it does not restrict, freeing other suppliers' volume for the targets, in [0, 1].",
    ),
};

const startField = uncertainNumberSchema.default(0).describe("First period in which the lever acts (0-based).");

export const exportRestrictionSchema = z.strictObject({
  type: z.literal("exportRestriction"),
  actor: identifierSchema.describe("The exporting country that restricts."),
  targets: namesOrAllSchema.describe("Importers whose supply is restricted, or `all`."),
  start: startField,
  ...exportFields,
});

export const importRestrictionSchema = z.strictObject({
  type: z.literal("importRestriction"),
  actor: identifierSchema.describe("The importing country that restricts."),
  sources: namesOrAllSchema.describe("Exporters whose goods are refused, or `all`."),
  start: startField,
  ...restrictionFields,
});

const stockpileFields = {
  goods,
  coverMonths: uncertainNumberSchema.describe("Size of the strategic reserve, in months of baseline use."),
  maxReleaseShare: uncertainNumberSchema
    .default(1)
    .describe("Most released per period, as a share of baseline use per period, in (0, 1]."),
};

export const stockpileReleaseSchema = z.strictObject({
  type: z.literal("stockpileRelease"),
  actor: identifierSchema,
  start: startField.describe("First period in which the reserve can be released."),
  ...stockpileFields,
});

const capacityFields = {
  good: identifierSchema,
  capacity: uncertainNumberSchema.describe("Capacity added per period once fully ramped up, in the good's unit."),
  rampPeriods: uncertainNumberSchema
    .default(0)
    .describe("Time constant of the ramp-up, in periods; 0 means the capacity is there at once."),
};

export const capacityExpansionSchema = z.strictObject({
  type: z.literal("capacityExpansion"),
  actor: identifierSchema,
  start: startField,
  ...capacityFields,
});

/** A lever pulled by a policy: who acts, on what, from when. */
export const leverSchema = z.discriminatedUnion("type", [
  exportRestrictionSchema,
  importRestrictionSchema,
  stockpileReleaseSchema,
  capacityExpansionSchema,
]);

/**
 * What a rule does when it fires: the same levers without `actor` (the rule's agent acts)
 * and without `start` (the rule's firing period plus its delay). An export restriction's
 * targets may be `triggering`: the countries whose restrictions met the rule's condition.
 */
export const ruleActionSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("exportRestriction"),
    targets: z.union([namesOrAllSchema, z.literal("triggering")]),
    ...exportFields,
  }),
  z.strictObject({
    type: z.literal("importRestriction"),
    sources: z.union([namesOrAllSchema, z.literal("triggering")]),
    ...restrictionFields,
  }),
  z.strictObject({ type: z.literal("stockpileRelease"), ...stockpileFields }),
  z.strictObject({ type: z.literal("capacityExpansion"), ...capacityFields }),
]);

export type Lever = z.infer<typeof leverSchema>;
export type ExportRestriction = z.infer<typeof exportRestrictionSchema>;
export type ImportRestriction = z.infer<typeof importRestrictionSchema>;
export type StockpileRelease = z.infer<typeof stockpileReleaseSchema>;
export type CapacityExpansion = z.infer<typeof capacityExpansionSchema>;
export type RuleAction = z.infer<typeof ruleActionSchema>;
