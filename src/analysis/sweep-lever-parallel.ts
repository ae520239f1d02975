// chokepoint/node's sweepLever: the library's, with the experiment over worker threads.
import { runExperiment } from "../parallel/run-experiment-parallel.js";
import type { Scenario, ScenarioInput } from "../schema/scenario.js";
import { sweepLeverWith, type SweepLeverOptions, type SweepResult } from "./sweep-lever.js";

/** Options of chokepoint/node's `sweepLever`: the library's, plus worker threads. */
export interface ParallelSweepLeverOptions extends SweepLeverOptions {
  /** Worker threads, as chokepoint/node's `runExperiment` takes them; the result does not depend on it. */
  readonly workers?: number;
}

/**
 * The library's `sweepLever` (one number of one lever of a policy over a grid, on common
 * draws) with its experiment spread over worker threads: bit-identical for any number of
 * workers.
 *
 * @throws as the library's `sweepLever`.
 * @example
 * ```ts
 * import { sweepLever } from "chokepoint/node";
 * const sweep = await sweepLever(scenario, { policy: "aligned", lever: 2, field: "severity", values: [0, 0.5, 1], runs: 20_000, seed: 1, workers: 4 });
 * ```
 */
export function sweepLever(scenario: ScenarioInput | Scenario, options: ParallelSweepLeverOptions): Promise<SweepResult> {
  const workers = options?.workers;
  return sweepLeverWith((parsed, experiment) => runExperiment(parsed, workers === undefined ? experiment : { ...experiment, workers }), scenario, options);
}
