import { z } from "zod";
import { DISTRIBUTION_KINDS } from "../random/distributions/index.js";
import { schemaKit } from "./kit.js";

/** A finite number (zod's `z.number()` already refuses NaN; this also refuses ±Infinity). */
export const finite = schemaKit.finite;

type Kind = (typeof DISTRIBUTION_KINDS)[number];
// A generic mapped type, so that mapping the tuple of kinds gives a tuple of their schemas.
type SchemasOf<T extends readonly Kind[]> = { readonly [K in keyof T]: ReturnType<T[K]["schema"]> };

/** Distribution specifications: every uncertainty in a scenario draws from one of these (one schema per kind in src/random/distributions). */
export const distributionSchema = z.discriminatedUnion("type", DISTRIBUTION_KINDS.map((kind) => kind.schema(schemaKit).describe(kind.summary)) as unknown as SchemasOf<typeof DISTRIBUTION_KINDS>);

// The type, as plain TypeScript generated from this schema (scripts/write-scenario-types.ts).
export type { DistributionSpec } from "./scenario-types.js";
