import type { Scenario, ScenarioInput } from "../schema/scenario.js";
import { InvariantError } from "./invariant-error.js";
import { prepareFresh, simulatePrepared } from "./_internals/prepared.js";
import { same, show, subject, type InvariantDrawOptions } from "./_internals/variants.js";
import { describeDraw } from "./simulate-draw.js";

const INVARIANT = "determinism";

/**
 * Invariant: **the same scenario and draw give the same results**, bit for bit. The
 * draw is simulated twice from scratch (validation and compilation included, nothing
 * cached), the second time from the scenario's JSON text read back, as a file would be:
 * every outcome, every period of every series and every sampled parameter must be
 * identical.
 *
 * @param scenario - a valid scenario.
 * @param options - `{ seed = 1, run = 0, policy = baseline }`.
 * @returns `true` when the invariant holds.
 * @throws {InvariantError} naming the first value that differs.
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { assertDeterministic, scenarioArbitrary } from "chokepoint/testing";
 *
 * fc.assert(fc.property(scenarioArbitrary(), fc.nat(1000), (scenario, run) => assertDeterministic(scenario, { seed: "x", run })));
 * ```
 */
export function assertDeterministic(scenario: ScenarioInput | Scenario, options: InvariantDrawOptions = {}): true {
  const { scenario: parsed, draw } = subject(scenario, options);
  const replay = (input: ScenarioInput | Scenario) => {
    const prepared = prepareFresh(input);
    return describeDraw(prepared, draw.seed, simulatePrepared(prepared, draw));
  };
  const first = replay(parsed);
  const second = replay(JSON.parse(JSON.stringify(parsed)) as ScenarioInput);
  const compare = (what: string, a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>) => {
    for (const [name, value] of Object.entries(a)) {
      if (!same(b[name], value)) throw new InvariantError(INVARIANT, draw, `${what} ${name} is ${show(value)} the first time and ${show(b[name]!)} the second`);
    }
  };
  compare("outcome", first.outcomes, second.outcomes);
  compare("parameter", first.parameters, second.parameters);
  for (const [name, values] of Object.entries(first.series)) {
    const other = second.series[name]!;
    const t = values.findIndex((v, i) => !same(other[i], v));
    if (t >= 0) throw new InvariantError(INVARIANT, draw, `${name} in period ${t} is ${show(values[t]!)} the first time and ${show(other[t]!)} the second`);
  }
  return true;
}
