import { z } from "zod";
import { CONDITION_KINDS } from "../conditions/index.js";
import { identifierSchema, provenance, uncertainNumberSchema } from "./common.js";
import { schemaKit } from "./kit.js";
import { ruleActionSchema } from "./levers.js";
import { freeText, limitedArray, LIMITS } from "./limits.js";

type Kind = (typeof CONDITION_KINDS)[number];
// A generic mapped type, so that mapping the tuple of kinds gives a tuple of their schemas.
type SchemasOf<T extends readonly Kind[]> = { readonly [K in keyof T]: ReturnType<T[K]["schema"]> };

/** A condition of a rule (one schema per kind in src/conditions). */
export const conditionSchema = z.discriminatedUnion("kind", CONDITION_KINDS.map((kind) => kind.schema(schemaKit).describe(kind.summary)) as unknown as SchemasOf<typeof CONDITION_KINDS>);

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
  // the rule's own `assumption` predates the shared provenance fields and may be empty; kept as it was
  source: provenance.source,
  assumption: freeText()
    .optional()
    .describe("Why the rule, its probability, delay and thresholds are what they are, where no source gives them."),
});

// The types, as plain TypeScript generated from these schemas (scripts/write-scenario-types.ts).
export type { Condition, RestrictionCondition, Rule, RuleInput } from "./scenario-types.js";
