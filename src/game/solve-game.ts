// Equilibria of a finite game in normal form: every pure Nash equilibrium (n players), every
// extreme mixed equilibrium of a two-player game (vertex enumeration, so degenerate games
// too), and iterated elimination of strictly dominated strategies. docs/game.md.
import { InputError } from "../errors.js";
import { luFactor, luSolve } from "../linear-algebra.js";
import { payoffTable, profileOf, type Game, type GamePlayer, type PayoffTable } from "./normal-form.js";

/** A pure-strategy Nash equilibrium. */
export interface PureEquilibrium {
  /** Each player's strategy, in the players' order. */
  readonly profile: readonly string[];
  readonly payoffs: readonly number[];
  /** True when every player loses by any deviation (a strict equilibrium); false when some player is indifferent to one (weak). */
  readonly strict: boolean;
}

/** A mixed-strategy Nash equilibrium of a two-player game. */
export interface MixedEquilibrium {
  /** Per player, the probability of each of its strategies (in its strategies' order). */
  readonly strategies: readonly (readonly number[])[];
  /** Expected payoffs. */
  readonly payoffs: readonly number[];
}

/** A strategy removed by iterated elimination of strictly dominated strategies. */
export interface DominatedStrategy {
  readonly player: string;
  readonly strategy: string;
  /** A strategy of the same player that does strictly better against every remaining profile of the others. */
  readonly by: string;
  /** The round of elimination, from 1. */
  readonly round: number;
}

/** What {@link solveGame} finds. */
export interface GameSolution {
  readonly players: readonly GamePlayer[];
  readonly pureEquilibria: readonly PureEquilibrium[];
  /**
   * Two players: every extreme Nash equilibrium, pure ones included (for a degenerate game
   * with a continuum of equilibria, its extreme points). More players: empty (see `mixedSolved`).
   */
  readonly mixedEquilibria: readonly MixedEquilibrium[];
  /** Whether `mixedEquilibria` was computed (two-player games only). */
  readonly mixedSolved: boolean;
  /** Strategies removed by iterated elimination of strictly dominated strategies (by pure strategies), in order. */
  readonly dominated: readonly DominatedStrategy[];
  /** The strategies that survive the elimination, per player. */
  readonly surviving: readonly (readonly string[])[];
}

/** Most strategies per player for the mixed equilibria: vertex enumeration visits C(m + n, m) bases of each polytope. */
const MAX_MIXED_STRATEGIES = 12;

/**
 * Solve a finite game in normal form: every pure Nash equilibrium (weak ones included, for
 * any number of players); for two players, every extreme mixed equilibrium; and the iterated
 * elimination of strictly dominated strategies.
 *
 * Methods. Pure equilibria: every profile is checked against every unilateral deviation
 * (payoffs compared with a tolerance of 1e-9 of the largest payoff). Mixed equilibria:
 * vertex enumeration of the best-response polytopes (Avis, Rosenberg, Savani & von Stengel
 * 2010, "Enumeration of Nash equilibria for two-player games", Economic Theory 42:9-37; as
 * nashpy's `vertex_enumeration`): with payoffs shifted positive, every vertex x of
 * P = {x >= 0 : B'x <= 1} and y of Q = {y >= 0 : A y <= 1} is found by solving each choice of
 * tight constraints, and each completely labelled pair, normalised, is an equilibrium. This
 * finds every equilibrium of a nondegenerate game and the extreme equilibria of a degenerate
 * one. Elimination: strict dominance by pure strategies, repeated until nothing is removed
 * (the result does not depend on the order).
 *
 * @param game - the players with their strategies, and the payoff function of a profile (strategy indices).
 * @returns pure and (two players) mixed equilibria, dominated and surviving strategies.
 * @throws InputError for an invalid game (names, payoffs not finite or of the wrong length, more than 1,000,000 profiles; more than 12 strategies per player for mixed equilibria).
 * @example
 * ```ts
 * // battle of the sexes: two pure equilibria and one mixed
 * const solution = solveGame({
 *   players: [{ name: "row", strategies: ["opera", "football"] }, { name: "column", strategies: ["opera", "football"] }],
 *   payoffs: ([r, c]) => (r !== c ? [0, 0] : r === 0 ? [2, 1] : [1, 2]),
 * });
 * solution.pureEquilibria.map((e) => e.profile); // [["opera", "opera"], ["football", "football"]]
 * solution.mixedEquilibria.length; // 3
 * ```
 */
export function solveGame(game: Game): GameSolution {
  const table = payoffTable(game);
  const mixedSolved = table.players.length === 2;
  if (mixedSolved && Math.max(...table.counts) > MAX_MIXED_STRATEGIES) {
    throw new InputError("game.players", `expected at most ${MAX_MIXED_STRATEGIES} strategies per player for the mixed equilibria of a two-player game, found ${Math.max(...table.counts)}`);
  }
  const { dominated, surviving } = eliminateDominated(table);
  return {
    players: table.players,
    pureEquilibria: pureEquilibria(table),
    mixedEquilibria: mixedSolved ? mixedEquilibria(table) : [],
    mixedSolved,
    dominated,
    surviving: surviving.map((kept, p) => kept.map((s) => table.players[p]!.strategies[s]!)),
  };
}

/** Every pure equilibrium, in profile order. */
export function pureEquilibria(table: PayoffTable): PureEquilibrium[] {
  const n = table.players.length;
  const out: PureEquilibrium[] = [];
  const utility = (index: number, player: number) => table.payoff[index * n + player]!;
  for (let index = 0; index < table.profiles; index++) {
    const found = equilibriumAt(index, table.counts, table.strides, utility, table.tolerance);
    if (found === "none") continue;
    out.push({ profile: profileOf(table, index).map((s, p) => table.players[p]!.strategies[s]!), payoffs: Array.from(table.payoff.subarray(index * n, (index + 1) * n)), strict: found === "strict" });
  }
  return out;
}

/**
 * Whether profile `index` (in mixed radix: player p's strategy is floor(index / strides[p])
 * mod counts[p]) is a Nash equilibrium: no player's utility rises by more than `tolerance`
 * when it alone deviates. `strict` when every deviation loses more than `tolerance`.
 */
export function equilibriumAt(index: number, counts: readonly number[], strides: readonly number[], utility: (profile: number, player: number) => number, tolerance: number): "strict" | "weak" | "none" {
  let strict = true;
  for (let p = 0; p < counts.length; p++) {
    const own = utility(index, p);
    const chosen = Math.floor(index / strides[p]!) % counts[p]!;
    for (let s = 0; s < counts[p]!; s++) {
      if (s === chosen) continue;
      const deviation = utility(index + (s - chosen) * strides[p]!, p);
      if (deviation > own + tolerance) return "none";
      if (deviation >= own - tolerance) strict = false;
    }
  }
  return strict ? "strict" : "weak";
}

/** Iterated elimination of strategies strictly dominated by a pure strategy. */
function eliminateDominated(table: PayoffTable): { dominated: DominatedStrategy[]; surviving: number[][] } {
  const n = table.players.length;
  const surviving = table.counts.map((count) => Array.from({ length: count }, (_, s) => s));
  const dominated: DominatedStrategy[] = [];
  // profiles of the others among the surviving strategies, as index offsets without player p
  const othersOffsets = (p: number): number[] => {
    let offsets = [0];
    for (let q = 0; q < n; q++) {
      if (q === p) continue;
      offsets = offsets.flatMap((o) => surviving[q]!.map((s) => o + s * table.strides[q]!));
    }
    return offsets;
  };
  for (let round = 1; ; round++) {
    const removed: { p: number; s: number; by: number }[] = [];
    for (let p = 0; p < n; p++) {
      const offsets = othersOffsets(p);
      for (const s of surviving[p]!) {
        const by = surviving[p]!.find((t) => t !== s && offsets.every((o) => table.payoff[(o + t * table.strides[p]!) * n + p]! > table.payoff[(o + s * table.strides[p]!) * n + p]! + table.tolerance));
        if (by !== undefined) removed.push({ p, s, by });
      }
    }
    if (removed.length === 0) return { dominated, surviving };
    for (const { p, s, by } of removed) {
      surviving[p] = surviving[p]!.filter((t) => t !== s);
      dominated.push({ player: table.players[p]!.name, strategy: table.players[p]!.strategies[s]!, by: table.players[p]!.strategies[by]!, round });
    }
  }
}

/** Every extreme equilibrium of a two-player game, by vertex enumeration of the best-response polytopes. */
function mixedEquilibria(table: PayoffTable): MixedEquilibrium[] {
  const [m, n] = table.counts as [number, number];
  const A = new Float64Array(m * n);
  const B = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      A[i * n + j] = table.payoff[(i * n + j) * 2]!;
      B[i * n + j] = table.payoff[(i * n + j) * 2 + 1]!;
    }
  }
  // shifted so that every payoff is at least 1: the polytopes are then bounded and the equilibria the same
  const shift = (M: Float64Array) => {
    const least = Math.min(...M);
    return M.map((v) => v - least + 1);
  };
  const As = shift(A);
  const Bs = shift(B);
  const tolerance = 1e-9;
  // P: x in R^m, constraints x_i >= 0 (label i), (B^T x)_j <= 1 (label m + j)
  const pVertices = vertices(m, (row, k) => (row < m ? (k === row ? 1 : 0) : Bs[k * n + (row - m)]!), (row) => (row < m ? 0 : 1), m + n, tolerance);
  // Q: y in R^n, constraints (A y)_i <= 1 (label i), y_j >= 0 (label m + j)
  const qVertices = vertices(n, (row, k) => (row < m ? As[row * n + k]! : k === row - m ? 1 : 0), (row) => (row < m ? 1 : 0), m + n, tolerance);
  const out: MixedEquilibrium[] = [];
  const all = (1n << BigInt(m + n)) - 1n;
  for (const x of pVertices) {
    for (const y of qVertices) {
      if ((x.labels | y.labels) !== all) continue;
      const sx = x.point.reduce((a, b) => a + b, 0);
      const sy = y.point.reduce((a, b) => a + b, 0);
      const px = x.point.map((v) => clean(v / sx));
      const py = y.point.map((v) => clean(v / sy));
      let u1 = 0;
      let u2 = 0;
      for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
        u1 += px[i]! * py[j]! * A[i * n + j]!;
        u2 += px[i]! * py[j]! * B[i * n + j]!;
      }
      out.push({ strategies: [px, py], payoffs: [u1, u2] });
    }
  }
  return out;
}

/** Probabilities within 1e-12 of 0 or 1 read as 0 or 1, so that pure strategies print as such. */
function clean(v: number): number {
  return Math.abs(v) < 1e-12 ? 0 : Math.abs(v - 1) < 1e-12 ? 1 : v;
}

/**
 * The vertices other than the origin of {z in R^d : row_r . z (<= or >=) rhs_r for r < rows},
 * where the first rows are either bounds z_k >= 0 or constraints <= 1 as the caller encodes:
 * each choice of d rows taken as equalities is solved, and kept when it satisfies every row;
 * a vertex's labels are all the rows tight at it. Duplicates (degenerate vertices reached from
 * several bases) are merged.
 */
function vertices(d: number, coefficient: (row: number, k: number) => number, rhs: (row: number) => number, rows: number, tolerance: number): { point: number[]; labels: bigint }[] {
  const out: { point: number[]; labels: bigint }[] = [];
  const chosen: number[] = [];
  const isBound = (row: number) => rhs(row) === 0; // z_k >= 0 rows have right-hand side 0
  const satisfied = (row: number, z: Float64Array) => {
    let value = 0;
    for (let k = 0; k < d; k++) value += coefficient(row, k) * z[k]!;
    return isBound(row) ? value >= -tolerance : value <= 1 + tolerance;
  };
  const tight = (row: number, z: Float64Array) => {
    let value = 0;
    for (let k = 0; k < d; k++) value += coefficient(row, k) * z[k]!;
    return Math.abs(value - rhs(row)) <= tolerance;
  };
  const visit = (start: number) => {
    if (chosen.length === d) {
      const M = new Float64Array(d * d);
      const b = new Float64Array(d);
      chosen.forEach((row, r) => {
        for (let k = 0; k < d; k++) M[r * d + k] = coefficient(row, k);
        b[r] = rhs(row);
      });
      const factors = luFactor(M, d);
      if (factors === undefined) return;
      const z = luSolve(factors, b);
      if (z.every((v) => Math.abs(v) <= tolerance)) return; // the origin pairs only with itself
      for (let row = 0; row < rows; row++) if (!satisfied(row, z)) return;
      let labels = 0n;
      for (let row = 0; row < rows; row++) if (tight(row, z)) labels |= 1n << BigInt(row);
      const point = Array.from(z, (v) => (Math.abs(v) <= tolerance ? 0 : v));
      if (!out.some((v) => v.point.every((c, k) => Math.abs(c - point[k]!) <= tolerance))) out.push({ point, labels });
      return;
    }
    for (let row = start; row < rows; row++) {
      chosen.push(row);
      visit(row + 1);
      chosen.pop();
    }
  };
  visit(0);
  return out;
}
