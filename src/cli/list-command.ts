// `chokepoint list`: the bundled scenarios, one line each.
import { ScenarioError } from "../errors.js";
import { bundledScenarioNames, loadBundledScenario } from "../node.js";
import type { Scenario } from "../schema/scenario.js";
import type { CliEnvironment } from "./environment.js";
import { CommandFailure } from "./errors.js";
import { terminalText } from "./terminal-text.js";

/** The scenario's title, or else the first sentence of its description. */
function oneLineDescription(scenario: Scenario): string {
  if (scenario.title !== undefined) return scenario.title;
  const description = (scenario.description ?? "").replace(/\s+/g, " ").trim();
  return /^.*?[.!?](?=\s|$)/.exec(description)?.[0] ?? description;
}

export async function listCommand(env: CliEnvironment): Promise<void> {
  const names = bundledScenarioNames();
  const width = Math.max(0, ...names.map((name) => name.length));
  const lines: string[] = [];
  const invalid: string[] = [];
  for (const name of names) {
    let description: string;
    try {
      description = oneLineDescription(await loadBundledScenario(name));
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      description = `(invalid: ${error.problems.length} ${error.problems.length === 1 ? "problem" : "problems"}; see "chokepoint validate ${name}")`;
      invalid.push(name);
    }
    lines.push(`${name.padEnd(width)}  ${terminalText(description, { oneLine: true })}`.trimEnd());
  }
  env.out(lines.length === 0 ? "" : `${lines.join("\n")}\n`);
  if (invalid.length > 0) throw new CommandFailure([`invalid bundled ${invalid.length === 1 ? "scenario" : "scenarios"}: ${invalid.join(", ")}`]);
}
