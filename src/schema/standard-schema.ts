import { safeParseScenario } from "./parse.js";
import type { Scenario, ScenarioInput } from "./scenario-types.js";

/** One problem of a value, as Standard Schema reports it: what is wrong, and where (keys from the root). */
export interface StandardSchemaIssue {
  readonly message: string;
  readonly path?: readonly PropertyKey[] | undefined;
}

/** What {@link ScenarioSchema}'s `validate` returns: the scenario, or its problems. */
export type StandardSchemaResult<Output> = { readonly value: Output; readonly issues?: undefined } | { readonly issues: readonly StandardSchemaIssue[] };

/**
 * The scenario's validator as a Standard Schema (v1, standardschema.dev): the interface that
 * validation libraries share, so that tools which accept "any schema" (form libraries, RPC
 * and web frameworks) can validate scenarios with chokepoint's full checks.
 */
export interface ScenarioSchema {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: "chokepoint";
    /** Validates a scenario given as data (not as text): every check `safeParseScenario` makes. */
    readonly validate: (value: unknown) => StandardSchemaResult<Scenario>;
    /** The input and output types, for type inference only (no value at run time). */
    readonly types?: { readonly input: ScenarioInput; readonly output: Scenario } | undefined;
  };
}

/** `flows[3].exporter` -> `["flows", 3, "exporter"]`. */
function pathKeys(path: string): PropertyKey[] {
  return [...path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map(([, index, key]) => (index === undefined ? key! : Number(index)));
}

/**
 * The scenario's validator as a Standard Schema (standardschema.dev, v1): `validate`
 * makes every check {@link safeParseScenario} makes (the schema, then names that must
 * exist, numbers in range, ...) and returns the scenario with defaults filled in, or one
 * issue per problem with its path. For validating in code, `parseScenario` and
 * `safeParseScenario` say more (lines and columns of text, `ScenarioError`); the JSON
 * Schema is {@link scenarioJsonSchema}.
 *
 * @example
 * ```ts
 * import { scenarioSchema } from "chokepoint";
 * const result = scenarioSchema["~standard"].validate(JSON.parse(text));
 * if (result.issues) for (const issue of result.issues) console.log(issue.path, issue.message);
 * else console.log(result.value.policies.length);
 * ```
 */
export const scenarioSchema: ScenarioSchema = {
  "~standard": {
    version: 1,
    vendor: "chokepoint",
    validate(value: unknown): StandardSchemaResult<Scenario> {
      if (typeof value === "string") return { issues: [{ message: "expected a scenario object, found a string (parseScenario reads JSON and YAML text)", path: [] }] };
      const result = safeParseScenario(value);
      if (result.success) return { value: result.scenario };
      const { problems, total } = result.error;
      const issues: StandardSchemaIssue[] = problems.map((problem) => ({ message: problem.message, path: pathKeys(problem.path) }));
      if (total > problems.length) issues.push({ message: `${(total - problems.length).toLocaleString("en-US")} more problems, not listed`, path: [] });
      return { issues };
    },
  },
};
