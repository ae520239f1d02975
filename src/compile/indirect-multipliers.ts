// Indirect value-added multipliers of a national input-output table for the goods the
// engine models explicitly (docs/model.md, "Baseline", indirect losses). The sectors a good
// maps to are *modelled*: their output is the engine's, so the table treats it as given
// (a mixed exogenous/endogenous model, Miller & Blair 2009, section 13.1), and only the
// other sectors respond. That way no value added is counted twice: modelled output is
// counted once, directly, and the table adds only what the engine does not model.
import { luFactor, luSolve, luSolveTranspose } from "../linear-algebra.js";

/** Per sector of the table (0 for sectors no good maps to). */
export interface IndirectMultipliers {
  /**
   * Backward (demand-driven): value added lost in the unmodelled sectors, directly and
   * indirectly, per USD of output a modelled sector does not make (it buys less from them):
   * `v_n' (I - A_nn)^-1 A_nj`.
   */
  readonly backward: Float64Array;
  /**
   * Forward (supply-driven, Ghosh): value added lost in the unmodelled sectors per USD of
   * a modelled sector's output their buyers do not receive: the sector's sales to each
   * unmodelled sector `k` as a share of its domestic sales to all but modelled sectors, times
   * `[(I - B_nn)^-1 v_n]_k`.
   */
  readonly forward: Float64Array;
}

/**
 * Mixed-model multipliers of one table.
 *
 * @param Z - inter-industry flows of domestic output (n x n).
 * @param x - gross output per sector.
 * @param valueAdded - value added per sector.
 * @param modelled - whether some good maps to each sector.
 * @param exports - exports per sector (0 where unknown): not domestic sales.
 * @throws {Error} when `I - A_nn` is singular (validation rules this out: `A` is productive).
 */
export function indirectMultipliers(
  Z: readonly (readonly number[])[],
  x: readonly number[],
  valueAdded: readonly number[],
  modelled: readonly boolean[],
  exports: readonly number[] = [],
): IndirectMultipliers {
  const n = x.length;
  const backward = new Float64Array(n);
  const forward = new Float64Array(n);
  const free: number[] = [];
  for (let k = 0; k < n; k++) if (!modelled[k]) free.push(k);
  const m = free.length;
  if (m === 0) return { backward, forward };
  const a = (i: number, j: number) => (x[j]! > 0 ? Z[i]![j]! / x[j]! : 0); // technical coefficient A
  const b = (i: number, j: number) => (x[i]! > 0 ? Z[i]![j]! / x[i]! : 0); // allocation coefficient B
  const v = Float64Array.from(free, (k) => (x[k]! > 0 ? valueAdded[k]! / x[k]! : 0));
  const leontief = new Float64Array(m * m);
  const ghosh = new Float64Array(m * m);
  for (let r = 0; r < m; r++) {
    for (let s = 0; s < m; s++) {
      leontief[r * m + s] = (r === s ? 1 : 0) - a(free[r]!, free[s]!);
      ghosh[r * m + s] = (r === s ? 1 : 0) - b(free[r]!, free[s]!);
    }
  }
  const leontiefFactors = luFactor(leontief, m);
  const ghoshFactors = luFactor(ghosh, m);
  if (leontiefFactors === undefined || ghoshFactors === undefined) throw new Error("internal error: I - A of the unmodelled sectors is singular");
  const lambda = luSolveTranspose(leontiefFactors, v); // lambda' = v_n' (I - A_nn)^-1
  const kappa = luSolve(ghoshFactors, v); // kappa = (I - B_nn)^-1 v_n
  for (let j = 0; j < n; j++) {
    if (!modelled[j]) continue;
    let back = 0;
    for (let r = 0; r < m; r++) back += lambda[r]! * a(free[r]!, j);
    backward[j] = back;
    // domestic sales to all but modelled sectors: to unmodelled sectors and to final demand
    let open = x[j]! - (exports[j] ?? 0);
    for (let k = 0; k < n; k++) if (modelled[k]) open -= Z[j]![k]!;
    let ahead = 0;
    if (open > 0) for (let r = 0; r < m; r++) ahead += (Z[j]![free[r]!]! / open) * kappa[r]!;
    forward[j] = ahead;
  }
  return { backward, forward };
}
