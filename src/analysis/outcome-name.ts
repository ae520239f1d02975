// The outcome an analysis of a scenario is about: it must be one the scenario records.
import { outcomeDefinitions } from "../compile/compile.js";
import { InputError } from "../errors.js";
import type { Scenario } from "../schema/scenario.js";
import { closestName, suggestionText } from "../schema/suggest.js";

/** Throw an InputError at `options.outcome`, with the closest name, unless the scenario records `outcome`. */
export function checkOutcomeName(scenario: Scenario, outcome: string): void {
  const names = outcomeDefinitions(scenario).map((o) => o.name);
  if (!names.includes(outcome)) throw new InputError("options.outcome", `unknown outcome "${String(outcome)}"${suggestionText(closestName(String(outcome), names))}`);
}
