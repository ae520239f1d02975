import { InvariantError } from "./invariant-error.js";

/**
 * The boolean form of an `assert...` invariant: `true` when `check` returns, `false` when
 * it throws an {@link InvariantError}. Any other error (an invalid scenario, a bad
 * option) is thrown on, so a mistake in the property is not mistaken for a
 * counterexample.
 *
 * @param check - a function that calls one or more invariants.
 * @returns whether the invariants hold.
 * @example
 * ```ts
 * import { assertGdpLossWithinGdp, invariantHolds } from "chokepoint/testing";
 *
 * const runs = Array.from({ length: 100 }, (_, run) => run);
 * runs.filter((run) => !invariantHolds(() => assertGdpLossWithinGdp(scenario, { run }))); // [] when it always holds
 * ```
 */
export function invariantHolds(check: () => unknown): boolean {
  try {
    check();
    return true;
  } catch (error) {
    if (error instanceof InvariantError) return false;
    throw error;
  }
}
