import { z } from "zod";
import { LEVER_KINDS } from "../levers/index.js";
import { schemaKit } from "./kit.js";

type Kind = (typeof LEVER_KINDS)[number];
// A generic mapped type, so that mapping the tuple of kinds gives a tuple of their schemas.
type SchemasOf<T extends readonly Kind[], Part extends "lever" | "action"> = { readonly [K in keyof T]: ReturnType<T[K]["schemas"]>[Part] };

// Each kind's schemas, built once from the kit (src/levers/<kind>.ts owns them).
const built = LEVER_KINDS.map((kind) => {
  const { lever, action } = kind.schemas(schemaKit);
  return { lever: lever.describe(kind.summary), action: action.describe(kind.summary) };
});

/** A lever pulled by a policy: who acts, on what, from when (one schema per kind in src/levers). */
export const leverSchema = z.discriminatedUnion("type", built.map((schemas) => schemas.lever) as unknown as SchemasOf<typeof LEVER_KINDS, "lever">);

/**
 * What a rule does when it fires: the same levers without `actor` (the rule's agent acts)
 * and without `start` (the rule's firing period plus its delay). Levers that aim at
 * countries may aim at `triggering`: the countries whose restrictions met the rule's condition.
 */
export const ruleActionSchema = z.discriminatedUnion("type", built.map((schemas) => schemas.action) as unknown as SchemasOf<typeof LEVER_KINDS, "action">);

// The types, as plain TypeScript generated from these schemas (scripts/write-scenario-types.ts).
export type { Lever, LeverInput, RuleAction } from "./scenario-types.js";
