import { compileScenario } from "../compile/compile-scenario.js";
import { parseScenario } from "../schema/parse.js";
import type { Scenario, ScenarioInput } from "../schema/scenario.js";
import { assembleResult } from "./assemble.js";
import type { CompiledModel } from "../compile/model.js";
import { Pacer } from "./pacer.js";
import { resolvePrecisionPlan, runToPrecision, type PrecisionPlan, type SimulateRanges } from "./precision.js";
import { resolvePlan, type ExperimentOptions, type ExperimentPlan, type ExperimentProgress } from "./plan.js";
import { RangeAccumulator, type RangeData } from "./range-accumulator.js";
import type { ExperimentResult } from "./result.js";

export { MAX_RUNS, type ExperimentOptions, type ExperimentProgress } from "./plan.js";
export { sampleRun } from "./range-accumulator.js";

/** Aim for chunks of about this long (ms), so an abort is seen well within 100 ms. */
const CHUNK_TARGET_MS = 10;

/** A millisecond clock: `performance` where the runtime has it (browsers, Node, Deno, Bun), else `Date`. */
const now: () => number = typeof performance === "undefined" ? () => Date.now() : () => performance.now();

/**
 * Run a Monte Carlo experiment: `runs` draws of the scenario's uncertainties, each
 * simulated under every policy with the same draws (common random numbers), and
 * summarised per policy and outcome, with paired differences to the baseline policy.
 * Results are bit-identical for the same scenario, seed and run count, on one thread or
 * many (`runExperiment` from `chokepoint/node` takes `workers`).
 *
 * @param scenario - a scenario object (validated here) or the result of `parseScenario`.
 * With `precision`, runs are added checkpoint by checkpoint (`runs`, twice as many, ... up
 * to `maxRuns`) until the intervals of the counted means and paired differences are on
 * target; see {@link PrecisionOptions} and the result's `precision`.
 *
 * @param options - runs, seed, and optionally policies, sampler, summaries, keepRuns,
 *   onProgress, signal; or precision and maxRuns.
 * @returns summaries per policy and outcome, and comparisons with the baseline policy.
 * @throws ScenarioError when the scenario is invalid; NonFiniteOutcomeError (a
 *   ScenarioError) when a formula outcome is not finite in some run, naming the lowest such
 *   run; InputError for bad options; an `AbortError` when `signal` aborts; what
 *   `onProgress` throws.
 * @example
 * ```ts
 * const result = await runExperiment(scenario, { runs: 10_000, seed: "2024" });
 * result.policies[0].outcomes[0]; // { name: "gdpLoss:JP", unit: "USD", mean: 1.2e9, p05: ..., p95: ... }
 * const precise = await runExperiment(scenario, { seed: "2024", precision: { relative: 0.01 }, maxRuns: 65_536 });
 * precise.precision; // { runs: 4096, stoppedBecause: "reached", checkpoints: [...], target: {...} }
 * ```
 */
export async function runExperiment(scenario: ScenarioInput | Scenario, options: ExperimentOptions): Promise<ExperimentResult> {
  const parsed = parseScenario(scenario);
  const model = compileScenario(parsed);
  const precise = resolvePrecisionPlan(options, parsed, model);
  if (precise !== undefined) {
    return runPrecisely(parsed, model, precise, options, async (plan, runStart, runEnd, onProgress) => [await simulateOnThisThread(model, plan, runStart, runEnd, options.signal, onProgress)]);
  }
  const plan = resolvePlan(options, parsed, model);
  const data = await simulateOnThisThread(model, plan, 0, plan.runs, options.signal, options.onProgress);
  return assembleResult(parsed, model, plan, [data], options.signal);
}

/**
 * A precision-targeted experiment: simulate checkpoint by checkpoint with `simulate` (on
 * this thread or over workers), then assemble the runs taken into the result of a
 * fixed-run experiment of that many runs, with the precision report added.
 */
export async function runPrecisely(
  scenario: Scenario,
  model: CompiledModel,
  precise: PrecisionPlan,
  options: Pick<ExperimentOptions, "signal" | "onProgress">,
  simulate: SimulateRanges,
): Promise<ExperimentResult> {
  const { plan, ranges, report } = await runToPrecision(model, precise, simulate, options.onProgress);
  const result = await assembleResult(scenario, model, plan, ranges, options.signal);
  return { ...result, precision: report };
}

/**
 * Simulate runs `[runStart, runEnd)` on this thread, yielding to the event loop every few
 * milliseconds so that progress is reported and an abort is seen within about 25 ms.
 */
export async function simulateOnThisThread(
  model: CompiledModel,
  plan: ExperimentPlan,
  runStart: number,
  runEnd: number,
  signal: AbortSignal | undefined,
  onProgress: ((progress: ExperimentProgress) => void) | undefined,
): Promise<RangeData> {
  const pacer = new Pacer(signal);
  pacer.due(); // throws if already aborted
  const accumulator = new RangeAccumulator(model, plan, runStart, runEnd);
  const total = (runEnd - runStart) * plan.policies.length;
  const lastPolicy = model.policies.names[plan.policies[plan.policies.length - 1]!]!;
  let completed = 0;
  // Chunk length adapts to how long runs take (the numbers do not depend on it), starting small.
  let runsPerChunk = 1;
  while (!accumulator.done) {
    // a chunk is at most 1% of the runs, so reporting after each keeps the promise of progress every 1%
    const started = now();
    const done = accumulator.simulateChunk(runsPerChunk);
    completed += done;
    const perRun = (now() - started) / (done / plan.policies.length);
    // at most doubling per chunk, so a coarse clock that reads 0 ms cannot make one chunk huge
    runsPerChunk = Math.max(1, Math.min(2 * runsPerChunk, Math.floor(CHUNK_TARGET_MS / Math.max(perRun, 1e-3))));
    onProgress?.({ completed, total, policy: lastPolicy });
    if (pacer.due()) await pacer.pause();
  }
  return accumulator.result();
}
