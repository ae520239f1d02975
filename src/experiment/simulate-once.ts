import { compileScenario } from "../compile/compile-scenario.js";
import { simulateRun } from "../engine/simulate.js";
import { createRunState } from "../engine/state.js";
import { InputError } from "../errors.js";
import { experimentSampler } from "./sampler-kind.js";
import { closestName } from "../schema/suggest.js";
import { parseScenario } from "../schema/parse.js";
import type { Scenario, ScenarioInput } from "../schema/scenario.js";
import { checkOptionsObject } from "./plan.js";
import { nonFiniteError, sampleRun } from "./range-accumulator.js";

/** Which single run {@link simulateOnce} simulates. */
export interface SimulateOnceOptions {
  /** Policy name; the scenario's baseline policy by default. */
  readonly policy?: string;
  /** Seed and run index of the draw: the same draw run `run` of an experiment with this seed uses. */
  readonly seed: string | number;
  readonly run?: number;
  /** For a draw from a Latin hypercube or Sobol' experiment: the sampler (and, for a Latin hypercube, its run count). */
  readonly sampler?: "monte-carlo" | "latin-hypercube" | "sobol";
  readonly runs?: number;
}

/** One run's outcomes, per-period series and sampled parameters, by name. */
export interface SingleRun {
  readonly policy: string;
  readonly outcomes: Readonly<Record<string, number>>;
  readonly series: Readonly<Record<string, readonly number[]>>;
  readonly parameters: Readonly<Record<string, number>>;
}

/**
 * Simulate one policy on one draw of the uncertainties, identified by seed and run
 * index: the same draw that run `run` of `runExperiment` with this seed sees. Use it to
 * replay a run, or to compare policies under the same shocks in a property test.
 *
 * @throws ScenarioError for an invalid scenario; InputError for bad options (naming
 *   `options` when they are missing).
 * @example
 * ```ts
 * const a = simulateOnce(scenario, { policy: "us-alone", seed: 7, run: 3 });
 * const b = simulateOnce(scenario, { policy: "aligned", seed: 7, run: 3 });
 * b.outcomes["gdpLoss:JP"] - a.outcomes["gdpLoss:JP"]; // Japan's extra loss from aligning, in this draw
 * ```
 */
export function simulateOnce(scenario: ScenarioInput | Scenario, options: SimulateOnceOptions): SingleRun {
  checkOptionsObject(options, "{ seed: 1, run: 0 }");
  const parsed = parseScenario(scenario);
  const model = compileScenario(parsed);
  const names = model.policies.names;
  const policyName = options.policy ?? names[model.policies.baseline]!;
  const policy = names.indexOf(policyName);
  if (policy < 0) {
    const suggestion = closestName(policyName, names);
    throw new InputError("options.policy", `unknown policy "${policyName}"${suggestion ? `; did you mean "${suggestion}"?` : ""}`);
  }
  const run = options.run ?? 0;
  const sampler = experimentSampler(options.sampler, options.seed, model.randomDimensions, options.runs ?? run + 1);
  const draws = new Float64Array(model.randomDimensions);
  sampleRun(model, sampler, run, draws);
  const state = createRunState(model);
  const outcomes = new Float64Array(model.outcomes.count);
  const series = new Float64Array(model.outcomes.seriesCount * model.T);
  simulateRun(model, state, policy, draws, outcomes, series);
  for (let o = 0; o < outcomes.length; o++) if (!Number.isFinite(outcomes[o]!)) throw nonFiniteError(model, policy, o, run, String(options.seed));
  const T = model.T;
  return {
    policy: policyName,
    outcomes: Object.fromEntries(model.outcomes.info.map((info, o) => [info.name, outcomes[o]!])),
    series: Object.fromEntries(
      model.outcomes.info.flatMap((info, o) => {
        const s = model.outcomes.seriesIndex[o]!;
        return s < 0 ? [] : [[info.name, Array.from(series.subarray(s * T, (s + 1) * T))]];
      }),
    ),
    parameters: Object.fromEntries(model.uncertainties.map((u, d) => [u.name, draws[d]!])),
  };
}
