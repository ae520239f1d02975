// `chokepoint explain`: a readable description of a scenario's world, rules and policies.
import { explainScenario } from "../report/explain.js";
import type { CliEnvironment } from "./environment.js";
import { loadScenarioArgument } from "./scenario-argument.js";
import { terminalText } from "./terminal-text.js";

export async function explainCommand(argument: string, env: CliEnvironment): Promise<void> {
  env.out(terminalText(explainScenario(await loadScenarioArgument(argument))));
}
