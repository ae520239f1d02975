import type fc from "fast-check";
import { CONDITION_TYPES, conditionKind } from "../conditions/index.js";
import { InputError } from "../errors.js";
import { drawLimits, fixedContext, type WorldNames } from "./_internals/context.js";
import { buildPolicy, policyDrawArbitrary, type LeverKind, type PolicyInput } from "./_internals/policy-draw.js";

export type { PolicyInput } from "./_internals/policy-draw.js";

/** What {@link policyArbitrary} generates. */
export interface PolicyConstraints {
  /** The policy's name; default `"policy"`. */
  readonly name?: string;
  /** Fewest levers; default 0. */
  readonly minLevers?: number;
  /** Most levers; default 3. */
  readonly maxLevers?: number;
  /** Most policy-only rules; default 1. */
  readonly maxRules?: number;
  /** Kinds of lever; default every kind (src/levers). */
  readonly leverKinds?: readonly LeverKind[];
  /** The scenario's horizon; default 12. */
  readonly horizon?: number;
}

/**
 * Policies valid in a given world, every number fixed: a name, levers (see
 * {@link leverArbitrary}) and policy-only rules (see {@link ruleArbitrary}, named
 * `<policy>-rule0`, ...). Shrinks toward a policy with no levers and no rules.
 *
 * @param world - the world the policy acts in (at least two countries).
 * @param constraints - `{ name, minLevers, maxLevers, maxRules, leverKinds, horizon }`.
 * @returns an arbitrary of policies for a scenario's `policies`.
 * @throws {InputError} for a world with fewer than two countries or no goods, counts that
 *   are not whole numbers with 0 <= minLevers <= maxLevers and maxRules >= 0, or a bad
 *   kind or horizon.
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { policyArbitrary, worldArbitrary } from "chokepoint/testing";
 *
 * const world = fc.sample(worldArbitrary(), 1)[0]!;
 * fc.sample(policyArbitrary(world, { name: "ban", minLevers: 1, leverKinds: ["exportRestriction"] }), 1)[0];
 * // { name: "ban", levers: [{ type: "exportRestriction", actor: "C1", targets: ["C0"], goods: ["g0"], ... }] }
 * ```
 */
export function policyArbitrary(world: WorldNames, constraints: PolicyConstraints = {}): fc.Arbitrary<PolicyInput> {
  const ctx = fixedContext(world);
  const minLevers = constraints.minLevers ?? 0;
  const maxLevers = constraints.maxLevers ?? Math.max(3, minLevers);
  const maxRules = constraints.maxRules ?? 1;
  if (!Number.isInteger(minLevers) || !Number.isInteger(maxLevers) || !Number.isInteger(maxRules) || minLevers < 0 || maxLevers < minLevers || maxRules < 0) {
    throw new InputError("constraints", `expected whole numbers 0 <= minLevers <= maxLevers and maxRules >= 0, found ${minLevers}, ${maxLevers} and ${maxRules}`);
  }
  // a policy alone declares no uncertainty: conditions that need one are left out
  const conditionKinds = CONDITION_TYPES.filter((kind) => !conditionKind(kind).needsUncertainty);
  const limits = drawLimits({ horizon: constraints.horizon, leverKinds: constraints.leverKinds, conditionKinds }, []);
  const name = constraints.name ?? "policy";
  return policyDrawArbitrary(limits, minLevers, maxLevers, maxRules).map((draw) => buildPolicy(draw, ctx, name, []));
}
