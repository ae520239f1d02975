// chokepoint/node's sensitivityAnalysis: the library's, with the design's runs spread over
// worker threads as runExperiment spreads them; the numbers do not depend on the split.
import { analyseSensitivity, type SensitivityAnalysisOptions, type SensitivityResult } from "../analysis/sensitivity-analysis.js";
import { assembleResult } from "../experiment/assemble.js";
import { checkOptionsObject } from "../experiment/plan.js";
import type { Scenario, ScenarioInput } from "../schema/scenario.js";
import { resolveWorkers, simulateRuns } from "./run-experiment-parallel.js";

/** Options of chokepoint/node's `sensitivityAnalysis`: the library's, plus worker threads. */
export interface ParallelSensitivityOptions extends SensitivityAnalysisOptions {
  /** Worker threads, from 1 to 1024 (capped at the available cores); default: the available cores. The result is the same for any number. */
  readonly workers?: number;
}

/**
 * The library's `sensitivityAnalysis` with the runs of its design simulated over worker
 * threads: bit-identical to one thread's result.
 *
 * @throws as the library's `sensitivityAnalysis`; InputError naming `options.workers` when it is not a whole number from 1 to 1024.
 * @example
 * ```ts
 * import { sensitivityAnalysis } from "chokepoint/node";
 * const drivers = await sensitivityAnalysis(scenario, { method: "morris", outcome: "gdpLoss:JP", samples: 20, seed: 1, workers: 2 });
 * drivers.parameters.map((p) => p.name);
 * ```
 */
export async function sensitivityAnalysis(scenario: ScenarioInput | Scenario, options: ParallelSensitivityOptions): Promise<SensitivityResult> {
  checkOptionsObject(options, '{ method: "sobol", outcome: "gdpLoss:JP", samples: 256, seed: 1 }');
  const workers = resolveWorkers(options.workers);
  return analyseSensitivity(scenario, options, async (parsed, model, plan, signal, onProgress) => {
    const ranges = await simulateRuns({ scenario: parsed, model, plan, runStart: 0, runEnd: plan.runs, workers, signal, onProgress });
    return assembleResult(parsed, model, plan, ranges, signal);
  });
}
