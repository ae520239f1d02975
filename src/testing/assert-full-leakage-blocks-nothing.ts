import type { Scenario, ScenarioInput } from "../schema/scenario.js";
import { InvariantError } from "./invariant-error.js";
import { isRestriction, restrictionLever, same, show, subject, withPoliciesOnly, type InvariantDrawOptions } from "./_internals/variants.js";
import { simulateDraw } from "./simulate-draw.js";

const INVARIANT = "with leakage 1, severity changes nothing";

/** Options of {@link assertFullLeakageBlocksNothing}. */
export interface LeakageOptions extends InvariantDrawOptions {
  /** Index of the restriction in the policy's `levers`; default its first export or import restriction. */
  readonly lever?: number;
}

/**
 * Invariant: **with leakage 1, severity changes nothing.** A restriction whose blocked
 * volume all arrives through third countries (leakage 1), at no premium, without a lag and
 * through a channel open at once and without a capacity (`leakageRamp` 0, `leakageCapacity`
 * 1), blocks nothing: what it does not license, third countries carry at the same price. On
 * the same draw, the lever as a complete ban (severity 1) and as a half measure (severity
 * 0.5), both so, give exactly the same outcomes (but what leaks, which is the blocked part) and per-period
 * series. (Against no restriction at all it may differ: a restricted route is a quota at
 * its baseline volume, docs/model.md step 5, which binds when its buyer wants more than
 * that.) Neither variant has rules, because rules see a restriction whatever its leakage.
 * Both set every restriction's leakage premium to 0: leaked volume pays the largest premium
 * of the restrictions on its flow, and how much leaks depends on severity.
 *
 * @param scenario - a valid scenario whose policy has an export or import restriction.
 * @param options - `{ lever?, seed = 1, run = 0, policy = baseline }`.
 * @returns `true` when the invariant holds.
 * @throws {InvariantError} naming the first outcome (or period of a series) that differs.
 * @throws {InputError} when the policy has no restriction at `lever`.
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { assertFullLeakageBlocksNothing, scenarioArbitrary } from "chokepoint/testing";
 *
 * const withBan = scenarioArbitrary({ maxPolicies: 1, minLevers: 1, leverKinds: ["exportRestriction", "importRestriction"] });
 * fc.assert(fc.property(withBan, (scenario) => assertFullLeakageBlocksNothing(scenario)));
 * ```
 */
export function assertFullLeakageBlocksNothing(scenario: ScenarioInput | Scenario, options: LeakageOptions = {}): true {
  const { scenario: parsed, policy, draw } = subject(scenario, options);
  const { index, lever } = restrictionLever(policy, options.lever);
  const levers = (severity: number) =>
    policy.levers.map((l, i) => (i === index ? { ...lever, severity, leakage: 1, leakagePremium: 0, leakageLag: 0, leakageRamp: 0, leakageCapacity: 1 } : isRestriction(l) ? { ...l, leakagePremium: 0 } : l));
  const variant = withPoliciesOnly(parsed, [
    { name: "ban", levers: levers(1) },
    { name: "half", levers: levers(0.5) },
  ]);
  const ban = simulateDraw(variant, { seed: draw.seed, run: draw.run, policy: "ban" });
  const half = simulateDraw(variant, { seed: draw.seed, run: draw.run, policy: "half" });
  const where = `policies[${JSON.stringify(policy.name)}].levers[${index}] (${lever.type} by ${lever.actor}) with leakage 1`;
  // (what leaks depends on the severity by design: the rest of the flow is licensed)
  const compared = (name: string) => !name.startsWith("leaked:");
  for (const [name, value] of Object.entries(half.outcomes)) {
    if (!compared(name)) continue;
    if (!same(ban.outcomes[name], value)) {
      throw new InvariantError(INVARIANT, draw, `${where}: ${name} is ${show(ban.outcomes[name]!)} at severity 1, but ${show(value)} at severity 0.5`);
    }
  }
  for (const [name, values] of Object.entries(half.series)) {
    if (!compared(name)) continue;
    const other = ban.series[name]!;
    const t = values.findIndex((v, i) => !same(other[i], v));
    if (t >= 0) throw new InvariantError(INVARIANT, draw, `${where}: ${name} in period ${t} is ${show(other[t]!)} at severity 1, but ${show(values[t]!)} at severity 0.5`);
  }
  return true;
}
