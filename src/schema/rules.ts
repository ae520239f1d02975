import { z } from "zod";
import { identifierSchema, uncertainNumberSchema } from "./common.js";
import { ruleActionSchema } from "./levers.js";
import { freeText, limitedArray, LIMITS } from "./limits.js";

const names = z.array(identifierSchema).min(1).max(LIMITS.listLength);

/** Holds while a matching restriction is active (as of the previous period). */
export const restrictionConditionSchema = z.strictObject({
  kind: z.literal("restriction"),
  by: names.optional().describe("Countries imposing it; any country if omitted."),
  against: z
    .union([z.literal("self"), names])
    .optional()
    .describe("Countries it is aimed at (`self` = the rule's agent); anyone if omitted."),
  goods: names.optional().describe("Goods it covers (any of them); any good if omitted."),
  lever: z.enum(["exportRestriction", "importRestriction"]).optional(),
  minSeverity: z
    .number()
    .min(0, "expected a severity in [0, 1]")
    .max(1, "expected a severity in [0, 1]")
    .default(0)
    .describe("Only restrictions at least this severe count."),
});

/** Holds while the agent's own shortfall of any listed good exceeded a share (previous period). */
export const shortfallConditionSchema = z.strictObject({
  kind: z.literal("shortfall"),
  goods: names,
  above: z.number().min(0, "expected a share in [0, 1)").lt(1, "expected a share in [0, 1)"),
});

/** Holds in periods `from <= t < until`. */
export const periodConditionSchema = z.strictObject({
  kind: z.literal("period"),
  from: z.number().int("expected a whole period").min(0).optional(),
  until: z.number().int("expected a whole period").min(0).optional(),
});

/** Holds while the price outside restricting countries exceeded a multiple of the base price. */
export const priceConditionSchema = z.strictObject({
  kind: z.literal("price"),
  good: identifierSchema,
  above: z.number().positive("expected a multiple of the base price > 0"),
});

/**
 * Holds in runs where the named uncertainty's draw is above `above` and/or below `below`:
 * a switch between states of the world (an alliance under strain or not) drawn per run.
 */
export const drawConditionSchema = z.strictObject({
  kind: z.literal("draw"),
  param: identifierSchema.describe("Name of an entry in `uncertainties`."),
  above: z.number().optional(),
  below: z.number().optional(),
});

export const conditionSchema = z.discriminatedUnion("kind", [
  restrictionConditionSchema,
  shortfallConditionSchema,
  periodConditionSchema,
  priceConditionSchema,
  drawConditionSchema,
]);

/**
 * An agent's response: when every condition holds, the rule fires with `probability`
 * (one draw per run) and its action starts `delay` periods later. A rule fires at most
 * once per run (once per triggering country when its action targets `triggering`).
 */
export const ruleSchema = z.strictObject({
  name: identifierSchema,
  agent: identifierSchema.describe("The country that acts."),
  description: freeText().optional(),
  when: limitedArray(conditionSchema, LIMITS.conditionsPerRule, "conditions").min(1, "expected at least one condition"),
  probability: uncertainNumberSchema.default(1).describe("Chance the rule fires once its conditions hold, in [0, 1]."),
  delay: uncertainNumberSchema.default(0).describe("Periods between firing and the action taking effect."),
  action: ruleActionSchema,
  assumption: freeText().optional(),
});

export type Condition = z.infer<typeof conditionSchema>;
export type RestrictionCondition = z.infer<typeof restrictionConditionSchema>;
export type Rule = z.infer<typeof ruleSchema>;
