import type fc from "fast-check";
import { drawLimits, fixedContext, type WorldNames } from "./_internals/context.js";
import { buildLever, leverDrawArbitrary, type LeverInput, type LeverKind } from "./_internals/policy-draw.js";

export type { LeverInput, LeverKind } from "./_internals/policy-draw.js";

/** What {@link leverArbitrary} generates. */
export interface LeverConstraints {
  /** Kinds of lever, shrinking toward the first; default every kind (src/levers; export restriction first). */
  readonly kinds?: readonly LeverKind[];
  /** The scenario's horizon, which bounds starts and durations; default 12. */
  readonly horizon?: number;
}

/**
 * Policy levers valid in a given world, every number fixed: export restrictions (on
 * one or two goods, aimed at other countries or `all`, with severity, leakage, leakage
 * premium, leakage lag, stockpile share, start and sometimes a duration), import restrictions, stockpile
 * releases (0 to 12 months, release share in (0, 1]), capacity expansions (0 to 1000
 * units, ramp 0 to 12 periods) and import tariffs (rate 0 to 1): every kind in src/levers,
 * each drawn by its own module. Works on any world, generated or your own: pass a
 * bundled scenario's world to put random levers into it.
 *
 * @param world - the world the levers act in (its `countries` and `goods`; at least two countries).
 * @param constraints - `{ kinds, horizon }`.
 * @returns an arbitrary of levers for a policy's `levers`.
 * @throws {InputError} for a world with fewer than two countries or no goods, an unknown
 *   kind, or a horizon that is not a whole number >= 1.
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { loadBundledScenario } from "chokepoint/node";
 * import { leverArbitrary } from "chokepoint/testing";
 *
 * const scenario = await loadBundledScenario("illustrative-standoff");
 * const bans = leverArbitrary(scenario.world, { kinds: ["exportRestriction"], horizon: scenario.horizon });
 * fc.sample(bans, 1)[0]; // { type: "exportRestriction", actor: ..., targets: [...], goods: [...], severity: 1, ... }
 * ```
 */
export function leverArbitrary(world: WorldNames, constraints: LeverConstraints = {}): fc.Arbitrary<LeverInput> {
  const ctx = fixedContext(world);
  const limits = drawLimits({ horizon: constraints.horizon, leverKinds: constraints.kinds }, []);
  // every kind exists in a world of two or more countries, so the lever is never undefined
  return leverDrawArbitrary(limits).map((draw) => buildLever(draw, ctx, "lever")!);
}
