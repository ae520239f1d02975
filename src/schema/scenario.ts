import { z } from "zod";
import { identifierSchema, provenance, uncertainNumberSchema } from "./common.js";
import { freeText, limitedArray, LIMITS } from "./limits.js";
import { distributionSchema } from "./distribution.js";
import { leverSchema } from "./levers.js";
import { outcomeSchema } from "./outcomes.js";
import { ruleSchema } from "./rules.js";
import { worldSchema } from "./world.js";

export const uncertaintySchema = z.strictObject({
  name: identifierSchema,
  description: freeText().optional(),
  distribution: distributionSchema,
  ...provenance,
});

/** Most rows of a scenario's joint posterior draws. */
export const MAX_POSTERIOR_DRAWS = 10_000;

/** Joint draws of some uncertainties, from a calibration (`applyPosterior`). */
export const posteriorSchema = z
  .strictObject({
    parameters: z.array(identifierSchema).min(1, "expected at least one uncertainty").max(LIMITS.uncertainties).describe("The uncertainties drawn jointly: each row gives one value for each, in this order."),
    draws: z
      .array(z.array(z.number().refine(Number.isFinite, { message: "expected a finite number" })).max(LIMITS.uncertainties))
      .min(1, "expected at least one draw")
      .max(MAX_POSTERIOR_DRAWS)
      .describe("Rows of values, one value per listed uncertainty."),
    weights: z.array(z.number().min(0, "expected a weight >= 0")).max(MAX_POSTERIOR_DRAWS).optional().describe("One weight per row (>= 0); equal weights if omitted."),
    ...provenance,
  })
  .describe(
    "Joint draws of some uncertainties, usually a calibrated posterior (`chokepoint calibrate`, `applyPosterior`): each run picks one row, by weight, and every listed uncertainty takes its value from that row, in place of its own distribution, which stays as the prior. Correlations between the parameters are kept.",
  );

export const policySchema = z.strictObject({
  name: identifierSchema,
  description: freeText().optional(),
  levers: limitedArray(leverSchema, LIMITS.leversPerPolicy, "levers").default([]),
  rules: limitedArray(ruleSchema, LIMITS.rules, "rules").default([]).describe("Rules that apply only under this policy."),
  disableRules: z
    .array(identifierSchema)
    .default([])
    .describe("Names of scenario-wide rules switched off under this policy."),
  ...provenance,
});

/** One term of a player's objective: an outcome times a weight (the player's loss per unit of it). */
export const objectiveTermSchema = z.strictObject({
  outcome: identifierSchema.describe("An outcome of the scenario."),
  weight: uncertainNumberSchema
    .default(1)
    .describe("The player's loss per unit of the outcome (negative: a gain); a number or an uncertainty `{ param: name }`, drawn per run like any other."),
  description: freeText().optional(),
  ...provenance,
});

/** A choice a player can make: levers it adds, and scenario-wide rules it switches off. */
export const gameOptionSchema = z.strictObject({
  name: identifierSchema,
  description: freeText().optional(),
  levers: limitedArray(leverSchema, LIMITS.leversPerPolicy, "levers").default([]),
  rules: limitedArray(ruleSchema, LIMITS.rules, "rules")
    .default([])
    .describe("Rules that apply only under this choice: a conditional move, such as retaliating against whichever country imposes controls (`targets: \"triggering\"`)."),
  disableRules: z.array(identifierSchema).default([]).describe("Names of scenario-wide rules this choice switches off (a rule that stood for the choice made by a rule)."),
  ...provenance,
});

/** Most players of a game. */
export const MAX_GAME_PLAYERS = 8;

/** A country that chooses: its options and its objective (a loss: lower is better). */
export const gamePlayerSchema = z.strictObject({
  country: identifierSchema,
  options: limitedArray(gameOptionSchema, 16, "options").min(1, "expected at least one option"),
  objective: limitedArray(objectiveTermSchema, LIMITS.outcomes, "objective terms")
    .min(1, "expected at least one term")
    .describe("The player's loss, a weighted sum of outcomes: sum of weight x outcome over the terms."),
  description: freeText().optional(),
  ...provenance,
});

/** The scenario as a game: players, their options and objectives, and the order of play. */
export const gameSchema = z
  .strictObject({
    base: identifierSchema.optional().describe("A policy whose levers, rules and switched-off rules apply under every profile (the moves no player chooses); none if omitted."),
    players: limitedArray(gamePlayerSchema, MAX_GAME_PLAYERS, "players").min(1, "expected at least one player"),
    order: z.array(identifierSchema).optional().describe("The players' countries in the order they move, for sequential play (each sees the earlier moves)."),
    uncertainties: limitedArray(uncertaintySchema, LIMITS.uncertainties, "uncertainties")
      .default([])
      .describe(
        "Uncertain objective weights: uncertainties that only the players' objectives may name, drawn only when the game is analysed, so that declaring a game leaves the scenario's own experiments unchanged.",
      ),
    description: freeText().optional(),
    ...provenance,
  })
  .describe("Countries that choose: each profile of options (one per player) is simulated as a policy on common draws, and `analyzeGame` finds equilibria of the players' expected losses.");

export const scenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  name: identifierSchema,
  title: freeText().optional(),
  description: freeText().optional(),
  currency: z.literal("USD").default("USD"),
  period: z.enum(["month", "quarter", "year"]).default("month"),
  horizon: z
    .number()
    .int("expected a whole number of periods")
    .min(1, "expected a horizon of at least 1 period")
    .max(LIMITS.horizon, `expected a horizon of at most ${LIMITS.horizon} periods`),
  start: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected the calendar month the first period begins, as YYYY-MM (e.g. "2024-09")')
    .optional()
    .describe(
      "Calendar month the first period begins, YYYY-MM (e.g. 2024-09). Only for reading results: reports name periods (Sep 2024, Q3 2024, 2024) rather than number them from 1. The model does not use it.",
    ),
  maxEscalationDepth: z
    .number()
    .int()
    .min(0)
    .max(20)
    .default(3)
    .describe(
      "Longest chain of rules firing in response to each other; deeper responses do not fire. Default 3, an assumption: three rounds of answers to a first move, for want of evidence on how far escalation runs.",
    ),
  world: worldSchema,
  uncertainties: limitedArray(uncertaintySchema, LIMITS.uncertainties, "uncertainties").default([]),
  posterior: posteriorSchema.optional(),
  rules: limitedArray(ruleSchema, LIMITS.rules, "rules").default([]).describe("Agents' rules, active under every policy."),
  policies: limitedArray(policySchema, LIMITS.policies, "policies").min(1, "expected at least one policy"),
  baselinePolicy: identifierSchema
    .optional()
    .describe("The policy others are compared with; the first policy if omitted."),
  outcomes: limitedArray(outcomeSchema, LIMITS.outcomes, "outcomes").default([]).describe("Outcomes to record; GDP loss per country if empty."),
  headlineOutcomes: z
    .array(identifierSchema)
    .optional()
    .describe("Outcomes a summary table shows by default (all are recorded); all if omitted."),
  game: gameSchema.optional(),
  ...provenance,
});

// The types, as plain TypeScript generated from these schemas (scripts/write-scenario-types.ts):
// the published declarations name no zod type.
export type { Scenario, ScenarioInput, Uncertainty, Policy, PolicyInput } from "./scenario-types.js";
