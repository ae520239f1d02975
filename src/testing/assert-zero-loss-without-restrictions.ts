import type { Scenario, ScenarioInput } from "../schema/scenario.js";
import { InvariantError } from "./invariant-error.js";
import { leverKind } from "../levers/index.js";
import { show, subject, withPoliciesOnly, type InvariantDrawOptions } from "./_internals/variants.js";
import { simulateDraw } from "./simulate-draw.js";

const INVARIANT = "zero loss without restrictions";
/** Standard outcomes that are levels, not losses or changes: what the flows carry, stocks. */
const LEVELS = ["exports:", "stock:"];

/**
 * Invariant: **no restriction gives zero loss.** With every lever that acts on a world in
 * balance removed from the policy (restrictions, tariffs: every kind but those that act
 * only in a shortage), and no rules (rules are how restrictions come about), nothing is
 * lost: on the given draw every GDP loss, value added lost, output lost, export revenue
 * lost and extra import cost is exactly 0, every shortfall exactly 0, and every price
 * exactly the base price; nothing leaks and trade does not change on the year before
 * (levels, such as what the flows carry and stocks, are not checked). Stockpile levers
 * stay; with no shortage they change nothing.
 * Capacity levers go too: added capacity raises supply at every price.
 *
 * Exact equality holds because a good that nothing disturbs writes the baseline exactly
 * rather than clearing its market (docs/model.md, engine rule 3).
 *
 * @param scenario - a valid scenario.
 * @param options - `{ seed = 1, run = 0, policy = baseline }`: the draw, and the policy
 *   whose non-restriction levers are kept.
 * @returns `true` when the invariant holds (so it can be a fast-check predicate).
 * @throws {InvariantError} naming the first outcome that is not 0 (or 1 for a price).
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { assertZeroLossWithoutRestrictions, scenarioArbitrary } from "chokepoint/testing";
 *
 * fc.assert(fc.property(scenarioArbitrary(), fc.nat(1000), (scenario, run) =>
 *   assertZeroLossWithoutRestrictions(scenario, { seed: 7, run })));
 * ```
 */
export function assertZeroLossWithoutRestrictions(scenario: ScenarioInput | Scenario, options: InvariantDrawOptions = {}): true {
  const { scenario: parsed, policy, draw } = subject(scenario, options);
  const variant = withPoliciesOnly(parsed, [{ name: policy.name, levers: policy.levers.filter((lever) => leverKind(lever.type).actsOnlyInShortage === true) }]);
  const result = simulateDraw(variant, draw);
  for (const [name, value] of Object.entries(result.outcomes)) {
    if (LEVELS.some((prefix) => name.startsWith(prefix))) continue;
    const expected = name.startsWith("price:") ? 1 : 0;
    if (value !== expected) {
      throw new InvariantError(INVARIANT, draw, `with no restrictions, tariffs or rules, ${name} is ${show(value)}, expected exactly ${expected}`);
    }
  }
  return true;
}
