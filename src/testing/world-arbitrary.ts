import type fc from "fast-check";
import { buildWorld, worldDrawArbitrary, worldLimits, type WorldInput } from "./_internals/world-draw.js";
import { UncertaintySink } from "./_internals/uncertain.js";

export type { WorldInput } from "./_internals/world-draw.js";

/** Size controls of {@link worldArbitrary} (and of {@link scenarioArbitrary}'s world). */
export interface WorldConstraints {
  /** Fewest countries, at least 2; default 2. */
  readonly minCountries?: number;
  /** Most countries; default 4. */
  readonly maxCountries?: number;
  /** Fewest goods, at least 1; default 1. */
  readonly minGoods?: number;
  /** Most goods; default 4. */
  readonly maxGoods?: number;
  /** Whether some countries get a national input-output table (indirect losses); default true. */
  readonly inputOutput?: boolean;
  /** Whether some users hold commercial stocks; default true. */
  readonly stocks?: boolean;
  /** The period the scenario steps in: GDP is set against a year of value added. Default `"month"`. */
  readonly period?: "month" | "quarter" | "year";
}

/**
 * Valid worlds of a few countries (`C0`, `C1`, ...) and goods (`g0`, `g1`, ...), with
 * every number fixed (no uncertainties):
 *
 * - goods with a base price, a demand elasticity in [0.05, 3], a substitution elasticity
 *   in [0.5, 12], a supply elasticity in [0, 2] and a price cap and floor;
 * - production (whole units, 1 to 1000 per period, or raised to cover others' needs)
 *   within capacity, with value added per unit up to the base price and sometimes surge
 *   capacity;
 * - acyclic recipes (a good is made only from lower-numbered goods), each input critical
 *   or not (with a weight), whose needs at baseline output every producer covers from its
 *   own output or imports;
 * - flows from output (exports never exceed output), commercial stocks (0 to 6 months,
 *   with a draw limit), now and then a buyer's own demand elasticity (world.demand) or a
 *   producer's domestic price ratio in [0.5, 1.5], GDP at least a year of the modelled value added, and sometimes a
 *   productive national input-output table with goods mapped to its sectors.
 *
 * Shrinking removes countries and goods first (down to 2 countries and 1 good) and then
 * simplifies numbers toward small round values, so counterexamples are small and readable.
 *
 * @param constraints - size controls, see {@link WorldConstraints}.
 * @returns an arbitrary of worlds (a scenario's `world` field) that pass `parseScenario`.
 * @throws {InputError} for sizes that are not whole numbers with 2 <= minCountries <=
 *   maxCountries and 1 <= minGoods <= maxGoods.
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { simulateOnce } from "chokepoint";
 * import { worldArbitrary } from "chokepoint/testing";
 *
 * fc.assert(fc.property(worldArbitrary({ maxCountries: 3 }), (world) => {
 *   const run = simulateOnce({ name: "calm", horizon: 6, world, policies: [{ name: "none" }] }, { seed: 1 });
 *   return Object.values(run.outcomes).every((loss) => loss === 0); // true: nothing happens, nothing is lost
 * }));
 * ```
 */
export function worldArbitrary(constraints: WorldConstraints = {}): fc.Arbitrary<WorldInput> {
  const limits = worldLimits(constraints, []);
  const period = constraints.period ?? "month";
  return worldDrawArbitrary(limits).map((draw) => buildWorld(draw, limits, new UncertaintySink(false), period));
}
