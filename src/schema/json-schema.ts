import { z } from "zod";
import { scenarioSchema } from "./scenario.js";

/**
 * The JSON Schema (draft 2020-12) of scenario files, generated from the same zod schemas
 * that validate them, for editor completion and validation in other tools. Fields with
 * defaults are optional, as in files. Cross-reference checks (names that must exist,
 * balances, recipe cycles) are beyond JSON Schema: `parseScenario` makes them.
 *
 * @returns a plain JSON object; the package also ships it as `chokepoint/scenario.schema.json`.
 * @example
 * ```ts
 * const schema = scenarioJsonSchema();
 * schema.required; // ["name", "horizon", "world", "policies"]
 * ```
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    title: "chokepoint scenario",
    description: "A supply-chain risk scenario: world, agents' rules, uncertainties, policies and outcomes.",
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== "$schema")),
  };
}
