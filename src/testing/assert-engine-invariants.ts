import type { Scenario, ScenarioInput } from "../schema/scenario.js";
import { assertDeterministic } from "./assert-deterministic.js";
import { assertGdpLossWithinGdp } from "./assert-gdp-loss-within-gdp.js";
import { assertStocksAndPricesNonNegative } from "./assert-stocks-and-prices-non-negative.js";
import { assertZeroLossWithoutRestrictions } from "./assert-zero-loss-without-restrictions.js";
import type { InvariantDrawOptions } from "./_internals/variants.js";

/**
 * The invariants that need nothing but a scenario and a draw, in one call:
 * {@link assertZeroLossWithoutRestrictions}, {@link assertStocksAndPricesNonNegative},
 * {@link assertGdpLossWithinGdp} and {@link assertDeterministic}. (The others compare
 * variants you choose: a lever and two severities, a leaky lever, a scale factor.)
 * A quick health check of your own scenario over many draws.
 *
 * @param scenario - a valid scenario.
 * @param options - `{ seed = 1, run = 0, policy = baseline }`.
 * @returns `true` when all hold.
 * @throws {InvariantError} from the first invariant that does not hold.
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { loadBundledScenario } from "chokepoint/node";
 * import { assertEngineInvariants } from "chokepoint/testing";
 *
 * const scenario = await loadBundledScenario("us-japan-chip-controls-2024");
 * const policies = scenario.policies.map((p) => p.name);
 * fc.assert(fc.property(fc.constantFrom(...policies), fc.nat(10_000), (policy, run) =>
 *   assertEngineInvariants(scenario, { policy, seed: 2024, run })), { numRuns: 20 });
 * ```
 */
export function assertEngineInvariants(scenario: ScenarioInput | Scenario, options: InvariantDrawOptions = {}): true {
  assertZeroLossWithoutRestrictions(scenario, options);
  assertStocksAndPricesNonNegative(scenario, options);
  assertGdpLossWithinGdp(scenario, options);
  assertDeterministic(scenario, options);
  return true;
}
