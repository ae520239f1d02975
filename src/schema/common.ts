import { z } from "zod";
import { freeText, LIMITS } from "./limits.js";

/**
 * An identifier for a country, good, sector, uncertainty, rule, policy or outcome:
 * letters, digits and `_ : -`, starting with a letter or digit.
 */
export const identifierSchema = z
  .string()
  .min(1, "expected a non-empty name")
  .max(80, "expected a name of at most 80 characters")
  .regex(/^[A-Za-z0-9][A-Za-z0-9_:\-]*$/, {
    message: "expected a name of letters, digits and _ : - (starting with a letter or digit)",
  });

/** A reference to a named uncertainty: the value is drawn once per run from its distribution. */
export const paramRefSchema = z
  .strictObject({
    param: identifierSchema.describe("Name of an entry in `uncertainties`."),
  })
  .describe("A value drawn once per run from the named uncertainty.");

/** A number that is either fixed or drawn per run from a named uncertainty. */
export const uncertainNumberSchema = z.union([z.number(), paramRefSchema]);

/** A fixed number or `{ "param": "name" }` (the type, generated from the schema by scripts/write-scenario-types.ts). */
export type { UncertainNumber } from "./scenario-types.js";

/**
 * Where a number comes from: publication, table or page, year, URL. Its `id` puts it once
 * under `$defs` in the JSON Schema (src/schema/json-schema.ts), referred to from every
 * entry that may carry a source.
 */
export const sourceSchema = z
  .strictObject({
    publication: freeText().min(1).describe("Publication or data set, with its author or publisher."),
    table: freeText().optional().describe("Table, figure or page the number is read from."),
    year: z.number().int().optional().describe("Year of publication."),
    url: freeText().optional(),
    note: freeText().optional().describe("How the number was derived from the source."),
  })
  .meta({ id: "source", description: "The source of a calibrated number." });

/** Provenance fields any calibrated entry may carry. */
export const provenance = {
  source: z.union([sourceSchema, z.array(sourceSchema).min(1).max(100)]).optional(),
  assumption: freeText()
    .min(1)
    .optional()
    .describe("Set when the number is an assumption rather than a sourced figure: say why it was chosen."),
};

/** A list of names, or `"all"`. */
export const namesOrAllSchema = z.union([z.literal("all"), z.array(identifierSchema).min(1).max(LIMITS.listLength)]);
