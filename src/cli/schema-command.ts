// `chokepoint schema`: the JSON Schema of scenario files, or with --result of result files,
// with --observations of observation files.
import { observationsJsonSchema } from "../calibrate/observations-schema.js";
import { resultJsonSchema } from "../experiment/result-schema.js";
import { scenarioJsonSchema } from "../schema/json-schema.js";
import type { CliEnvironment } from "./environment.js";

export function schemaCommand(options: { readonly result?: boolean; readonly observations?: boolean }, env: CliEnvironment): void {
  const schema = options.result === true ? resultJsonSchema() : options.observations === true ? observationsJsonSchema() : scenarioJsonSchema();
  env.out(`${JSON.stringify(schema, null, 2)}\n`);
}
