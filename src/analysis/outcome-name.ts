// The names an analysis of a scenario refers to: outcomes the scenario records, its policies.
import { outcomeDefinitions } from "../compile/compile.js";
import { InputError } from "../errors.js";
import type { Scenario } from "../schema/scenario.js";
import { closestName, suggestionText } from "../schema/suggest.js";

/** Throw an InputError at `path`, with the closest name, unless the scenario records `outcome`. */
export function checkOutcomeName(scenario: Scenario, outcome: string, path = "options.outcome"): void {
  const names = outcomeDefinitions(scenario).map((o) => o.name);
  if (!names.includes(outcome)) throw new InputError(path, `unknown outcome "${String(outcome)}"${suggestionText(closestName(String(outcome), names))}`);
}

/** Throw an InputError at `path`, with the closest name and the list, unless `name` is one of the policies `names`. */
export function checkPolicyName(path: string, name: string, names: readonly string[]): void {
  if (!names.includes(name)) throw new InputError(path, `unknown policy "${String(name)}"${suggestionText(closestName(String(name), names))} (policies: ${names.join(", ")})`);
}
