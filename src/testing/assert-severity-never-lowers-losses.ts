import type { Scenario, ScenarioInput } from "../schema/scenario.js";
import { InvariantError } from "./invariant-error.js";
import { severityPair } from "./_internals/severity-pair.js";
import { show, type InvariantDrawOptions } from "./_internals/variants.js";

const INVARIANT = "a more severe restriction never lowers the target's losses";

/** Options of {@link assertSeverityNeverLowersLosses}. */
export interface LossSeverityOptions extends InvariantDrawOptions {
  /** Index of the restriction in the policy's `levers`; default its first export or import restriction. */
  readonly lever?: number;
  /** The two severities compared, `0 <= weaker <= stronger <= 1`. */
  readonly weaker: number;
  readonly stronger: number;
  /** Slack allowed for rounding, relative to the larger loss; default 1e-9 (markets clear to a relative 1e-12). */
  readonly tolerance?: number;
  /** Slack allowed for rounding, in USD or units; default 1e-6 (a loss of 0 can come out as a few millionths). */
  readonly absoluteTolerance?: number;
}

/**
 * Invariant: **a more severe restriction never lowers the target's losses.** The policy's
 * restriction lever is set to severity `weaker`, then `stronger`, with the policy's other
 * levers unchanged and no rules; on the same draw, each country whose supply the
 * restriction cuts (the targets of an export restriction, or the actor of an import
 * restriction) has a GDP loss, a value added loss and an output loss of every good at
 * least as high under `stronger` (within the tolerances).
 *
 * Where it holds (model v2): a policy whose only lever is this restriction, on one good,
 * aimed at one country with a baseline flow of that good from (or, for an import
 * restriction, to) the actor, in a world where **supply does not respond to price**: every
 * `supplyElasticity` 0 and no surge capacity, so a producer makes at most what its inputs
 * allow of its baseline output, and the restriction is **not announced** ahead
 * (`announced` 0) and acts at **one severity** while it acts (no `schedule`, no
 * `licensing`: see assertSeverityNeverLowersShortfall on why). The suite checks it on
 * generated scenarios of that kind. With notice,
 * buyers front-load by a fixed number of months whatever the severity, and a harsher cut
 * then draws those stocks down on another path and rebuilds them on another: a generated
 * quarterly world (its restriction of g2 announced two quarters ahead, severities 0.05 and
 * 0.2) had the target's output of an upstream good lower by a relative 3e-6 under the
 * weaker cut.
 * Where supply responds to price it fails, by design, because a restriction raises the
 * target's prices and its producers make more:
 * - protection: the target's own producers of the restricted good sell more at a higher
 *   price, so a harsher restriction raises their output and lowers the target's GDP loss
 *   (an import ban shelters home producers);
 * - downstream: producers of goods made from the restricted good, short of it, may still
 *   make more than their baseline when the price of what they make rises enough
 *   (`min(y K, y Q0 p^eta)` above `Q0`);
 * - upstream: those sheltered producers order more of their own inputs, whose producers
 *   in the target make more too.
 * The causes {@link assertSeverityNeverLowersShortfall} lists (a glut, downstream demand,
 * the timing of surge capacity, the measure) apply beyond its scope as well.
 *
 * @param scenario - a valid scenario whose policy has an export or import restriction.
 * @param options - `{ weaker, stronger, lever?, tolerance = 1e-9, absoluteTolerance = 1e-6, seed = 1, run = 0, policy = baseline }`.
 * @returns `true` when the invariant holds.
 * @throws {InvariantError} naming the country, the outcome and both values when it does not.
 * @throws {InputError} for severities outside `0 <= weaker <= stronger <= 1`, or a policy
 *   without a restriction at `lever`.
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { assertSeverityNeverLowersLosses, scenarioArbitrary } from "chokepoint/testing";
 *
 * // one restriction, supply that does not respond to price
 * const withBan = scenarioArbitrary({ maxGoods: 1, maxPolicies: 1, minLevers: 1, maxLevers: 1, maxRules: 0, maxPolicyRules: 0, leverKinds: ["exportRestriction"] })
 *   .map((s) => ({ ...s, world: { ...s.world, goods: s.world.goods.map((g) => ({ ...g, supplyElasticity: 0 })),
 *     production: (s.world.production ?? []).map(({ surgeCapacity: _s, supplyElasticity: _e, ...p }) => p) } }));
 * fc.assert(fc.property(withBan, fc.double({ min: 0, max: 1 }), fc.double({ min: 0, max: 1 }), (scenario, a, b) =>
 *   assertSeverityNeverLowersLosses(scenario, { weaker: Math.min(a, b), stronger: Math.max(a, b) })));
 * ```
 */
export function assertSeverityNeverLowersLosses(scenario: ScenarioInput | Scenario, options: LossSeverityOptions): true {
  const tolerance = options.tolerance ?? 1e-9;
  const absoluteTolerance = options.absoluteTolerance ?? 1e-6;
  const { parsed, draw, weak, strong, cut, at } = severityPair(scenario, options);
  const goods = parsed.world.goods.map((g) => g.id);
  for (const country of cut) {
    for (const name of [`gdpLoss:${country}`, `valueAddedLoss:${country}`, ...goods.map((g) => `outputLoss:${country}:${g}`)]) {
      const a = weak[name]!;
      const b = strong[name]!;
      if (b < a - tolerance * Math.max(Math.abs(a), Math.abs(b)) - absoluteTolerance) {
        throw new InvariantError(INVARIANT, draw, `${at}: ${name} is ${show(a)} at severity ${show(options.weaker)} but ${show(b)} at severity ${show(options.stronger)}`);
      }
    }
  }
  return true;
}
