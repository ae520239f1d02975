import type { SingleRun } from "../experiment/simulate-once.js";
import type { Scenario, ScenarioInput } from "../schema/scenario.js";
import { prepare, simulatePrepared, type Prepared, type RawDraw } from "./_internals/prepared.js";

/** Which draw {@link simulateDraw} replays, and under which policy. */
export interface DrawOptions {
  /** Seed of the experiment the draw belongs to. */
  readonly seed: string | number;
  /** Run index within that experiment; default 0. */
  readonly run?: number;
  /** Policy name; the scenario's baseline policy by default. */
  readonly policy?: string;
  /** For a draw from a Latin hypercube experiment: the sampler and the experiment's run count. */
  readonly sampler?: "monte-carlo" | "latin-hypercube" | "sobol";
  readonly runs?: number;
}

/** One draw's outcomes, series and parameters (as `simulateOnce` gives them), with what identifies the draw and the stocks left at the end. */
export interface DrawResult extends SingleRun {
  readonly seed: string | number;
  readonly run: number;
  /** Commercial stocks left at the end of the horizon, by `"country:good"`, in units. */
  readonly closingStocks: Readonly<Record<string, number>>;
  /** Strategic reserves (from stockpile levers) left at the end, by `"country:good"`. */
  readonly closingReserves: Readonly<Record<string, number>>;
}

/**
 * Simulate one policy on one draw of the uncertainties: the draw that run `run` of
 * `runExperiment(scenario, { seed })` sees, under every policy alike (common random
 * numbers). So a property can compare policies under the same shocks, and a draw found
 * by a property can be replayed, or looked up in an experiment's kept runs, by its seed
 * and run index.
 *
 * The same as `simulateOnce`, except that the validated and compiled scenario is kept for
 * the last few scenarios used (keyed by their JSON text, so a scenario changed in place is
 * never served stale): replaying many draws of one scenario costs one validation.
 *
 * @param scenario - a scenario object or the result of `parseScenario`.
 * @param options - `{ seed, run, policy, sampler?, runs? }`.
 * @returns outcomes and series by name, the sampled parameters, the seed and run, and
 *   the closing stocks and reserves.
 * @throws ScenarioError when the scenario is invalid; InputError for an unknown policy
 *   (with the closest name) or a bad run index.
 * @example
 * ```ts
 * import { simulateDraw } from "chokepoint/testing";
 *
 * const before = simulateDraw(scenario, { seed: 1, run: 42, policy: "us-nl" });
 * const after = simulateDraw(scenario, { seed: 1, run: 42, policy: "aligned" });
 * after.outcomes["gdpLoss:CN"]! >= before.outcomes["gdpLoss:CN"]!; // true in this draw: Japan joining hurt China more
 * after.parameters["alliedToolSeverity"]; // the shock both policies saw, e.g. 0.61
 * ```
 */
export function simulateDraw(scenario: ScenarioInput | Scenario, options: DrawOptions): DrawResult {
  const prepared = prepare(scenario);
  return describeDraw(prepared, options.seed, simulatePrepared(prepared, options));
}

/** Name the raw values of a draw. */
export function describeDraw(prepared: Prepared, seed: string | number, raw: RawDraw): DrawResult {
  const { model, state } = prepared;
  const T = model.T;
  const cells = (values: Float64Array) => {
    const named: Record<string, number> = {};
    for (let c = 0; c < model.C; c++) {
      for (let g = 0; g < model.G; g++) named[`${model.countryIds[c]}:${model.goodIds[g]}`] = values[c * model.G + g]!;
    }
    return named;
  };
  return {
    policy: raw.policy,
    seed,
    run: raw.run,
    outcomes: Object.fromEntries(model.outcomes.info.map((info, o) => [info.name, raw.outcomes[o]!])),
    series: Object.fromEntries(
      model.outcomes.info.flatMap((info, o) => {
        const s = model.outcomes.seriesIndex[o]!;
        return s < 0 ? [] : [[info.name, Array.from(raw.series.subarray(s * T, (s + 1) * T))]];
      }),
    ),
    parameters: Object.fromEntries(model.uncertainties.map((u, d) => [u.name, raw.draws[d]!])),
    closingStocks: cells(state.stock),
    closingReserves: cells(state.reserve),
  };
}
