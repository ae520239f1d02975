import type { Scenario, ScenarioInput } from "../schema/scenario.js";
import { InvariantError } from "./invariant-error.js";
import { severityPair } from "./_internals/severity-pair.js";
import { show, type InvariantDrawOptions } from "./_internals/variants.js";

const INVARIANT = "a more severe restriction never lowers the target's shortfall";

/** Options of {@link assertSeverityNeverLowersShortfall}. */
export interface SeverityOptions extends InvariantDrawOptions {
  /** Index of the restriction in the policy's `levers`; default its first export or import restriction. */
  readonly lever?: number;
  /** The two severities compared, `0 <= weaker <= stronger <= 1`. */
  readonly weaker: number;
  readonly stronger: number;
  /** Slack allowed for rounding, in shares; default 1e-9 (markets clear to a relative 1e-12). */
  readonly tolerance?: number;
}

/**
 * Invariant: **a more severe restriction never lowers the target's shortfall.** The
 * policy's restriction lever is set to severity `weaker`, then `stronger`, with the
 * policy's other levers unchanged and no rules; on the same draw, each country whose
 * supply the restriction cuts (the targets of an export restriction, or the actor of an
 * import restriction) has a largest and a mean shortfall of each restricted good at
 * least as high under `stronger` (within `tolerance`).
 *
 * Rules are switched off because a harsher restriction can provoke a response that
 * helps its target: if the target retaliates with an export ban of the same good, its
 * home market absorbs what it no longer sells and its own shortfall falls.
 *
 * Where it holds (model v2): a policy whose only lever is this restriction, on one good,
 * aimed at one country with a baseline flow of that good from (or, for an import
 * restriction, to) the actor, a country that **makes nothing from the good** (else the
 * measure below applies: a generated world, its target making g1 from the restricted g0,
 * had a mean shortfall of g0 lower by 1e-7 at severity 0.35 than at 0.3, as its g1 makers
 * planned less), **not announced ahead** when both severities are above 0
 * (with notice, buyers front-load the same months whatever the severity, and a harsher cut
 * draws and rebuilds those stocks on another path: a generated world with notice 1,
 * severities 0.6 and 0.65, gave the target a mean shortfall lower by 3e-6 under the
 * harsher cut). Against severity 0, which announces nothing, notice does no harm. And the
 * restriction acts at **one severity** while it acts: no `schedule` and no `licensing`
 * (`severity` is then only part of what blocks, and a schedule's later steps do not move
 * with it). Where the severity changes over time, a harsher early cut leaves the target's
 * stock lower, its restocking order then raises its claim on suppliers that ration pro rata,
 * and it gets a larger share of them later: the rationing game (Lee, Padmanabhan and Whang
 * 1997). A generated world with a schedule (severity s, then a ban a month later) had the
 * target's shortfall in the ban's month 0.288 at s = 0.05 against 0.292 at s = 0
 * (test/engine/rationing-game.test.ts). Beyond that, prices carry a restriction to other buyers and
 * goods, and the model shows effects that can help a target, by design:
 * - a glut: a restriction of other flows lowers the restricting exporter's price, its own
 *   buyers turn to it, and the prices of the target's other origins fall;
 * - downstream: restricting a good made from the target's good lowers the demand for the
 *   target's good, and its price;
 * - timing: a mild early restriction raises the outside price and starts surge capacity
 *   sooner, so the target is better supplied when a later, harsher cut comes (a lower
 *   largest shortfall, a higher mean);
 * - the measure: `shortfall` is against the requirement, which falls when the target's own
 *   producers plan less; it can receive fewer tonnes and still show a lower shortfall.
 *
 * `tolerance` (default 1e-9) allows for the markets' clearing to a relative 1e-12.
 *
 * @param scenario - a valid scenario whose policy has an export or import restriction.
 * @param options - `{ weaker, stronger, lever?, tolerance = 1e-9, seed = 1, run = 0, policy = baseline }`.
 * @returns `true` when the invariant holds.
 * @throws {InvariantError} naming the country, good and both shortfalls when it does not.
 * @throws {InputError} for severities outside `0 <= weaker <= stronger <= 1`, or a policy
 *   without a restriction at `lever`.
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { assertSeverityNeverLowersShortfall, scenarioArbitrary } from "chokepoint/testing";
 *
 * const withBan = scenarioArbitrary({ maxGoods: 1, maxPolicies: 1, minLevers: 1, maxLevers: 1, maxRules: 0, maxPolicyRules: 0, leverKinds: ["exportRestriction"] });
 * fc.assert(fc.property(withBan, fc.double({ min: 0, max: 1 }), fc.double({ min: 0, max: 1 }), (scenario, a, b) =>
 *   assertSeverityNeverLowersShortfall(scenario, { weaker: Math.min(a, b), stronger: Math.max(a, b) })));
 * ```
 */
export function assertSeverityNeverLowersShortfall(scenario: ScenarioInput | Scenario, options: SeverityOptions): true {
  const tolerance = options.tolerance ?? 1e-9;
  const { lever, draw, weak, strong, cut, at } = severityPair(scenario, options);
  for (const country of cut) {
    for (const good of lever.goods) {
      for (const name of [`shortfall:${country}:${good}`, `meanShortfall:${country}:${good}`]) {
        if (strong[name]! < weak[name]! - tolerance) {
          throw new InvariantError(INVARIANT, draw, `${at}: ${name} is ${show(weak[name]!)} at severity ${show(options.weaker)} but ${show(strong[name]!)} at severity ${show(options.stronger)}`);
        }
      }
    }
  }
  return true;
}
