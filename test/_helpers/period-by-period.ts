import type { CompiledModel } from "../../src/compile/model.js";
import { simulateRun } from "../../src/engine/simulate.js";
import { createRunState, type RunState } from "../../src/engine/state.js";
import { sampleRun } from "../../src/experiment/range-accumulator.js";
import { monteCarloSampler } from "../../src/random/index.js";
import type { ScenarioInput } from "../../src/index.js";
import { prepareFresh } from "../../src/testing/_internals/prepared.js";

/**
 * The engine's state before and after each period of one draw, for tests that check what
 * happens within a period (mass balance, quotas) without a hook in the engine's loop.
 *
 * A run's first t periods do not depend on its horizon: `simulateRun` reads `model.T` only
 * as the loop's bound and when it records series and finishes outcomes. So the state after
 * period t is the state a run with horizon t + 1 ends in, and the state before it the one a
 * run with horizon t ends in (horizon 0: the state `resetRun` leaves). Each good's market
 * keeps the solution of the last period that cleared it. This costs T (T + 1) / 2 periods
 * instead of T: fine for the small generated worlds it is used on.
 *
 * `visit(t, before, after)` is called for t = 0 ... T - 1.
 */
export function periodByPeriod(
  scenario: ScenarioInput,
  draw: { seed: string | number; run: number; policy?: string },
  visit: (t: number, before: RunState, after: RunState, model: CompiledModel) => void,
): { model: CompiledModel; outcomes: Float64Array } {
  const { model } = prepareFresh(scenario);
  const policy = draw.policy === undefined ? model.policies.baseline : model.policies.names.indexOf(draw.policy);
  if (policy < 0) throw new Error(`unknown policy ${draw.policy}`);
  const draws = new Float64Array(model.randomDimensions);
  sampleRun(model, monteCarloSampler(draw.seed, model.randomDimensions), draw.run, draws);
  const outcomes = new Float64Array(model.outcomes.count);
  const runFor = (T: number, state: RunState) => simulateRun({ ...model, T }, state, policy, draws, outcomes, undefined);
  let before = createRunState(model);
  let after = createRunState(model);
  runFor(0, before);
  for (let t = 0; t < model.T; t++) {
    runFor(t + 1, after);
    visit(t, before, after, model);
    [before, after] = [after, before];
  }
  return { model, outcomes };
}
