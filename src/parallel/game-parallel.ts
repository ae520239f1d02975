// chokepoint/node's analyzeGame: the library's, with the profiles' runs over worker threads.
import { analyseGameWith, sweepGameUncertaintyWith, type AnalyzeGameOptions, type GameAnalysis, type GameUncertaintySweep } from "../game/analyze-game.js";
import { checkOptionsObject } from "../experiment/plan.js";
import type { Scenario, ScenarioInput } from "../schema/scenario.js";
import { runExperiment } from "./run-experiment-parallel.js";

/** Options of chokepoint/node's `analyzeGame`: the library's, plus worker threads. */
export interface ParallelAnalyzeGameOptions extends AnalyzeGameOptions {
  /** Worker threads, from 1 to 1024 (capped at the available cores); default: the available cores. The result is the same for any number. */
  readonly workers?: number;
}

/**
 * The library's `analyzeGame` with every profile's runs simulated over worker threads:
 * bit-identical to one thread's result.
 *
 * @throws as the library's `analyzeGame`; InputError naming `options.workers` when it is not a whole number from 1 to 1024.
 * @example
 * ```ts
 * import { analyzeGame } from "chokepoint/node";
 * const game = await analyzeGame(scenario, { runs: 1000, seed: 1, workers: 2 });
 * game.pureEquilibria;
 * ```
 */
export async function analyzeGame(scenario: ScenarioInput | Scenario, options: ParallelAnalyzeGameOptions): Promise<GameAnalysis> {
  checkOptionsObject(options);
  return analyseGameWith(scenario, options, (derived, experiment) => runExperiment(derived, { ...experiment, ...(options.workers === undefined ? {} : { workers: options.workers }) }));
}

/**
 * The library's `sweepGameUncertainty` with each value's profiles simulated over worker
 * threads: bit-identical to one thread's result.
 *
 * @throws as the library's `sweepGameUncertainty`; InputError naming `options.workers` when it is not a whole number from 1 to 1024.
 * @example
 * ```ts
 * import { sweepGameUncertainty } from "chokepoint/node";
 * const sweep = await sweepGameUncertainty(scenario, { uncertainty: "retaliationSeverity", values: [0.2, 0.8], runs: 200, seed: 1, workers: 2 });
 * sweep.changes;
 * ```
 */
export async function sweepGameUncertainty(
  scenario: ScenarioInput | Scenario,
  options: ParallelAnalyzeGameOptions & { readonly uncertainty: string; readonly values: readonly number[] },
): Promise<GameUncertaintySweep> {
  checkOptionsObject(options);
  return sweepGameUncertaintyWith(scenario, options, analyzeGame);
}
