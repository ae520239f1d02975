import type { Scenario, ScenarioInput } from "../schema/scenario.js";
import { leverKind } from "../levers/index.js";
import { InvariantError } from "./invariant-error.js";
import { isRestriction, restrictionLever, same, show, subject, withPoliciesOnly, type InvariantDrawOptions } from "./_internals/variants.js";
import { simulateDraw } from "./simulate-draw.js";

const INVARIANT = "leakage 1 equals no restriction";

/** Options of {@link assertFullLeakageIsNoRestriction}. */
export interface LeakageOptions extends InvariantDrawOptions {
  /** Index of the restriction in the policy's `levers`; default its first export or import restriction. */
  readonly lever?: number;
}

/**
 * Invariant: **leakage 1 equals no restriction.** A restriction whose blocked volume
 * all arrives through third countries (leakage 1), at no premium, changes nothing: on
 * the same draw, the policy with the lever's leakage set to 1 and its leakage premium to
 * 0 gives exactly the outcomes and per-period series of the policy without that lever.
 * Both have no rules, because rules see a restriction whatever its leakage (a leaky ban
 * can still provoke retaliation).
 *
 * Two exceptions, by design, both about import costs (`importCostIncrease:*`), which are
 * then not compared; every other outcome still is:
 * - leaked volume pays the largest leakage premium of all the restrictions active on its
 *   flow (docs/model.md, step 2): if another restriction of the policy carries a premium
 *   (fixed above 0, or drawn), volume passing the leaky lever pays it;
 * - leaked volume arrives through third countries, so a tariff on its flow does not fall
 *   on it (docs/model.md, step 10): if the policy has a tariff (a lever that prices trade
 *   without restricting it), the leaky lever lowers the duties paid.
 *
 * @param scenario - a valid scenario whose policy has an export or import restriction.
 * @param options - `{ lever?, seed = 1, run = 0, policy = baseline }`.
 * @returns `true` when the invariant holds.
 * @throws {InvariantError} naming the first outcome (or period of a series) that differs.
 * @throws {InputError} when the policy has no restriction at `lever`.
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { assertFullLeakageIsNoRestriction, scenarioArbitrary } from "chokepoint/testing";
 *
 * const withBan = scenarioArbitrary({ maxPolicies: 1, minLevers: 1, leverKinds: ["exportRestriction", "importRestriction"] });
 * fc.assert(fc.property(withBan, (scenario) => assertFullLeakageIsNoRestriction(scenario)));
 * ```
 */
export function assertFullLeakageIsNoRestriction(scenario: ScenarioInput | Scenario, options: LeakageOptions = {}): true {
  const { scenario: parsed, policy, draw } = subject(scenario, options);
  const { index, lever } = restrictionLever(policy, options.lever);
  const variant = withPoliciesOnly(parsed, [
    { name: "leaky", levers: policy.levers.map((l, i) => (i === index ? { ...lever, leakage: 1, leakagePremium: 0 } : l)) },
    { name: "without", levers: policy.levers.filter((_, i) => i !== index) },
  ]);
  const leaky = simulateDraw(variant, { seed: draw.seed, run: draw.run, policy: "leaky" });
  const without = simulateDraw(variant, { seed: draw.seed, run: draw.run, policy: "without" });
  const premiumElsewhere = policy.levers.some((l, i) => i !== index && isRestriction(l) && l.leakagePremium !== 0);
  const tariffs = policy.levers.some((l) => leverKind(l.type).trade?.restricts === false);
  const compared = (name: string) => !((premiumElsewhere || tariffs) && name.startsWith("importCostIncrease:"));
  const where = `policies[${JSON.stringify(policy.name)}].levers[${index}] (${lever.type} by ${lever.actor}) with leakage 1`;
  for (const [name, value] of Object.entries(without.outcomes)) {
    if (compared(name) && !same(leaky.outcomes[name], value)) {
      throw new InvariantError(INVARIANT, draw, `${where}: ${name} is ${show(leaky.outcomes[name]!)}, but ${show(value)} without the lever`);
    }
  }
  for (const [name, values] of Object.entries(without.series)) {
    const other = leaky.series[name]!;
    const t = values.findIndex((v, i) => !same(other[i], v));
    if (t >= 0) throw new InvariantError(INVARIANT, draw, `${where}: ${name} in period ${t} is ${show(other[t]!)}, but ${show(values[t]!)} without the lever`);
  }
  return true;
}
