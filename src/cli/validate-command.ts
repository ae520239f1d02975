// `chokepoint validate`: one line when the scenario is valid; every problem, one per line,
// when it is not.
import type { CliEnvironment } from "./environment.js";
import { loadScenarioArgument } from "./scenario-argument.js";
import { terminalText } from "./terminal-text.js";

function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

export async function validateCommand(file: string, env: CliEnvironment): Promise<void> {
  const scenario = await loadScenarioArgument(file);
  const { world } = scenario;
  const parts = [
    count(world.countries.length, "country", "countries"),
    count(world.goods.length, "good"),
    count(scenario.policies.length, "policy", "policies"),
    count(scenario.uncertainties.length, "uncertainty", "uncertainties"),
  ];
  env.out(terminalText(`${file}: valid scenario ${JSON.stringify(scenario.name)} (${parts.join(", ")})\n`));
}
