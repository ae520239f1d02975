import { z } from "zod";
import { identifierSchema, namesOrAllSchema, provenance, uncertainNumberSchema } from "./common.js";
import { freeText, limitedArray, LIMITS } from "./limits.js";

/**
 * What a kind's module (src/levers, src/conditions, src/outcomes, src/distributions) builds
 * its zod schemas from. Handed to the module's `schemas` function rather than imported by
 * it, so that a module imports zod only as a type: worker threads load the modules (to
 * compile scenarios) but never zod (test/experiment/worker-imports.test.ts).
 */
/**
 * A lever kind's two schemas from its parts: the policy lever (`lever` fields: actor,
 * partners, start) and the rule action (`action` fields: partners that may be
 * `triggering`), both with the `shared` fields and the provenance fields (`source`,
 * `assumption`: where its numbers come from), each a strict object tagged with `type`.
 */
function leverSchemas<T extends string, L extends z.core.$ZodLooseShape, A extends z.core.$ZodLooseShape, S extends z.core.$ZodLooseShape>(
  type: T,
  parts: { readonly lever: L; readonly action: A; readonly shared: S },
) {
  return {
    lever: z.strictObject({ type: z.literal(type), ...parts.lever, ...parts.shared, ...provenance }),
    action: z.strictObject({ type: z.literal(type), ...parts.action, ...parts.shared, ...provenance }),
  };
}

/** A finite number (zod's `z.number()` already refuses NaN; this also refuses ±Infinity). */
const finite = () => z.number().refine(Number.isFinite, { message: "expected a finite number" });

export const schemaKit = {
  z,
  LIMITS,
  /** A name of a country, good, rule, outcome, ... */
  identifier: identifierSchema,
  /** One or more names. */
  names: z.array(identifierSchema).min(1, "expected at least one name").max(LIMITS.listLength),
  /** One or more goods. */
  goods: z.array(identifierSchema).min(1, "expected at least one good").max(LIMITS.listLength),
  /** Names, or `"all"`. */
  namesOrAll: namesOrAllSchema,
  /** A fixed number or `{ "param": name }`, drawn once per run. */
  uncertain: uncertainNumberSchema,
  /** A lever's first period (0-based), fixed or drawn. */
  start: uncertainNumberSchema.default(0).describe("First period in which the lever acts (0-based)."),
  finite,
  /** A distribution's truncation to [min, max]. */
  truncation: z
    .strictObject({
      min: finite().optional().describe("Lower truncation bound (inclusive)."),
      max: finite().optional().describe("Upper truncation bound (inclusive)."),
    })
    .describe("Truncate the distribution to [min, max] by renormalising its CDF."),
  /** `triggering`: a rule action's partners are the countries that set the rule off. */
  triggering: z.literal("triggering"),
  freeText,
  limitedArray,
  leverSchemas,
  /** `source` and `assumption`: where an entry's numbers come from (common.ts). */
  provenance,
};

/** See {@link schemaKit}. */
export type SchemaKit = typeof schemaKit;
