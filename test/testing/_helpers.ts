import { readFileSync } from "node:fs";
import type { ScenarioInput } from "../../src/index.js";

/** A bundled scenario's JSON, as a user would load it. */
export function bundled(name: string): ScenarioInput {
  return JSON.parse(readFileSync(new URL(`../../scenarios/${name}.json`, import.meta.url), "utf8")) as ScenarioInput;
}
