// `chokepoint schema`: the JSON Schema of scenario files, or with --result of result files.
import { resultJsonSchema } from "../experiment/result-schema.js";
import { scenarioJsonSchema } from "../schema/json-schema.js";
import type { CliEnvironment } from "./environment.js";

export function schemaCommand(options: { readonly result?: boolean }, env: CliEnvironment): void {
  const schema = options.result === true ? resultJsonSchema() : scenarioJsonSchema();
  env.out(`${JSON.stringify(schema, null, 2)}\n`);
}
