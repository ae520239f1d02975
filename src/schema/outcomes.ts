import { z } from "zod";
import { OUTCOME_KINDS } from "../outcomes/index.js";
import { schemaKit } from "./kit.js";

type Kind = (typeof OUTCOME_KINDS)[number];
// A generic mapped type, so that mapping the tuple of kinds gives a tuple of their schemas.
type SchemasOf<T extends readonly Kind[]> = { readonly [K in keyof T]: ReturnType<T[K]["schema"]> };

/** An outcome to record (one schema per kind in src/outcomes). */
export const outcomeSchema = z.discriminatedUnion("kind", OUTCOME_KINDS.map((kind) => kind.schema(schemaKit).describe(kind.summary)) as unknown as SchemasOf<typeof OUTCOME_KINDS>);

// The type, as plain TypeScript generated from this schema (scripts/write-scenario-types.ts).
export type { OutcomeDefinition, OutcomeDefinitionInput } from "./scenario-types.js";
