/** What identifies the draw an invariant was checked on. */
export interface InvariantDraw {
  readonly seed: string | number;
  readonly run: number;
  readonly policy: string;
}

/**
 * Thrown by the `assert...` invariants of `chokepoint/testing` when an invariant does not
 * hold: `message` says which invariant, on which draw, and which outcome broke it with
 * what values; `invariant` and `draw` carry the same as data.
 *
 * @example
 * ```ts
 * import { assertGdpLossWithinGdp, InvariantError, simulateDraw } from "chokepoint/testing";
 *
 * try {
 *   assertGdpLossWithinGdp(scenario, { seed: 1, run: 42 });
 * } catch (error) {
 *   if (!(error instanceof InvariantError)) throw error;
 *   error.invariant; // "GDP loss never exceeds GDP"
 *   simulateDraw(scenario, error.draw); // replay the draw that broke it: { seed: 1, run: 42, policy }
 * }
 * ```
 */
export class InvariantError extends Error {
  override readonly name = "InvariantError";
  /** The invariant, e.g. `"zero loss without restrictions"`. */
  readonly invariant: string;
  /** The seed, run index and policy of the draw, to replay it with `simulateDraw`. */
  readonly draw: InvariantDraw;
  constructor(invariant: string, draw: InvariantDraw, detail: string) {
    super(`invariant "${invariant}" does not hold (policy "${draw.policy}", seed ${JSON.stringify(draw.seed)}, run ${draw.run}): ${detail}`);
    this.invariant = invariant;
    this.draw = draw;
  }
}
