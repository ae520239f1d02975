import { compileFormula } from "../formula/compile-formula.js";
import type { FormulaProgram } from "../formula/program.js";
import type { Scenario } from "../schema/scenario.js";
import { compileModel } from "./compile.js";
import type { CompiledModel } from "./model.js";

/** A formula that passed validation, compiled to its program with mathjs's parser. */
function compileValidFormula(expression: string, variables: readonly string[]): FormulaProgram {
  const compiled = compileFormula(expression, variables);
  if (!("program" in compiled)) throw new Error(`internal error: the formula "${expression}" passed validation but does not compile`);
  return compiled.program;
}

/**
 * Compile a validated scenario into flat arrays for the engine (see `compileModel`).
 * The scenario must come from `parseScenario` (references are assumed valid).
 */
export function compileScenario(scenario: Scenario): CompiledModel {
  return compileModel(scenario, compileValidFormula);
}
