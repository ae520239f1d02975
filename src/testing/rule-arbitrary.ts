import type fc from "fast-check";
import { CONDITION_TYPES, conditionKind } from "../conditions/index.js";
import { InputError } from "../errors.js";
import { drawLimits, fixedContext, type WorldNames } from "./_internals/context.js";
import { buildRule, ruleDrawArbitrary, type ConditionKind, type LeverKind, type RuleInput } from "./_internals/policy-draw.js";

export type { RuleInput, ConditionKind } from "./_internals/policy-draw.js";

/** What {@link ruleArbitrary} generates. */
export interface RuleConstraints {
  /** The rule's name; default `"rule"`. */
  readonly name?: string;
  /** Kinds of condition in `when` (one or two conditions), shrinking toward the first;
   * default restriction, shortfall, period and price (a `draw` condition needs an
   * uncertainty, which only {@link scenarioArbitrary} declares). */
  readonly conditionKinds?: readonly ConditionKind[];
  /** Kinds of lever the rule pulls; default every kind (src/levers). */
  readonly actionKinds?: readonly LeverKind[];
  /** The scenario's horizon, which bounds periods in conditions and durations; default 12. */
  readonly horizon?: number;
}

/**
 * Agents' rules valid in a given world, every number fixed: one or two conditions
 * (a restriction imposed by some countries, against the agent or others, on some goods,
 * at least some severity; the agent's shortfall of a good above a share in [0, 0.95];
 * a window of periods; a price above 1 to 5 times the base price), a probability in
 * [0, 1] (often 1), a delay of 0 to 6 periods, and an action: any lever without `actor`
 * and `start`, a restriction sometimes aimed at the `triggering` countries.
 *
 * @param world - the world the rule acts in (at least two countries).
 * @param constraints - `{ name, conditionKinds, actionKinds, horizon }`.
 * @returns an arbitrary of rules for a scenario's or a policy's `rules`.
 * @throws {InputError} for a world with fewer than two countries or no goods, an unknown
 *   kind (or `draw`, which needs an uncertainty), or a horizon that is not a whole number >= 1.
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { parseScenario } from "chokepoint";
 * import { ruleArbitrary, worldArbitrary } from "chokepoint/testing";
 *
 * const world = fc.sample(worldArbitrary(), 1)[0]!;
 * fc.assert(fc.property(ruleArbitrary(world, { horizon: 6 }), (rule) => {
 *   parseScenario({ name: "x", horizon: 6, world, rules: [rule], policies: [{ name: "none" }] }); // never throws
 * }));
 * ```
 */
export function ruleArbitrary(world: WorldNames, constraints: RuleConstraints = {}): fc.Arbitrary<RuleInput> {
  const ctx = fixedContext(world);
  // conditions that refer to an uncertainty need scenarioArbitrary, which declares it
  const conditionKinds = constraints.conditionKinds ?? CONDITION_TYPES.filter((kind) => !conditionKind(kind).needsUncertainty);
  const limits = drawLimits({ horizon: constraints.horizon, leverKinds: constraints.actionKinds, conditionKinds }, []);
  const needy = conditionKinds.find((kind) => conditionKind(kind).needsUncertainty);
  if (needy !== undefined) {
    throw new InputError("constraints.conditionKinds", `a "${needy}" condition needs an uncertainty; use scenarioArbitrary for rules with ${needy} conditions`);
  }
  const name = constraints.name ?? "rule";
  return ruleDrawArbitrary(limits).map((draw) => buildRule(draw, ctx, name)!);
}
