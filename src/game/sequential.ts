// Sequential play with perfect information: players move in a given order, each seeing the
// moves before it; solved by backward induction (the subgame-perfect equilibrium), with the
// normal form's equilibria whose threats are not credible. docs/game.md.
import { InputError } from "../errors.js";
import { payoffTable, type Game, type GamePlayer, type PayoffTable } from "./normal-form.js";
import { pureEquilibria } from "./solve-game.js";

/** A game played in turns: `order` names every player once, first mover first. */
export interface SequentialGame extends Game {
  readonly order: readonly string[];
}

/** One mover's choice at one node of the game tree. */
export interface SequentialMove {
  readonly player: string;
  /** The moves made before this node, by player name. */
  readonly after: Readonly<Record<string, string>>;
  /** The strategy backward induction chooses here. */
  readonly choice: string;
  /** Other strategies that would give the mover as much (ties broken by the strategies' order). */
  readonly indifferent: readonly string[];
  /** Payoffs (in the players' order) of play from here on. */
  readonly payoffs: readonly number[];
}

/**
 * A threat in a Nash equilibrium of the simultaneous game that the threatener would not carry
 * out: after one earlier mover deviates from the equilibrium, `player` would do better than
 * its equilibrium `strategy` by playing `best` (and play on as backward induction says).
 */
export interface NonCredibleThreat {
  /** The equilibrium profile (players' order) that rests on the threat. */
  readonly equilibrium: readonly string[];
  readonly player: string;
  readonly strategy: string;
  /** The moves before the threatener's turn: the equilibrium's, with one earlier mover's deviation. */
  readonly after: Readonly<Record<string, string>>;
  readonly best: string;
  /** What carrying out the threat would cost the threatener there. */
  readonly cost: number;
}

/** What {@link solveSequential} finds. */
export interface SequentialSolution {
  readonly players: readonly GamePlayer[];
  readonly order: readonly string[];
  /** The subgame-perfect path: each mover's strategy, in the order of play. */
  readonly path: readonly { readonly player: string; readonly strategy: string }[];
  /** Payoffs of the path, in the players' order. */
  readonly payoffs: readonly number[];
  /** Each mover's plan: its choice at every node where it moves, in the order of play then of histories. */
  readonly plans: readonly SequentialMove[];
  /** Pure equilibria of the simultaneous game that rest on threats backward induction rules out. */
  readonly nonCredible: readonly NonCredibleThreat[];
}

/**
 * Solve a game played in turns with perfect information: the players move in `order`, each
 * seeing every earlier move. Backward induction (Zermelo; Selten's subgame perfection) gives
 * each mover's best choice at every node, given best play after it; ties go to the strategy
 * listed first (and are reported as `indifferent`). Then every pure Nash equilibrium of the
 * simultaneous game is checked for threats that are not credible: if, after one earlier
 * mover's deviation from the equilibrium, a later mover would rather not play its
 * equilibrium strategy, the equilibrium rests on a threat it would not carry out.
 *
 * @param game - players, payoffs (utilities; higher is better) and the order of play.
 * @returns the subgame-perfect path and payoffs, every mover's plan, and the non-credible threats.
 * @throws InputError for an invalid game, or an order that does not name every player once.
 * @example
 * ```ts
 * // entry deterrence: the incumbent threatens to fight, but would accommodate once entry happened
 * const solution = solveSequential({
 *   players: [{ name: "entrant", strategies: ["enter", "stay out"] }, { name: "incumbent", strategies: ["fight", "accommodate"] }],
 *   payoffs: ([e, i]) => (e === 1 ? [0, 2] : i === 0 ? [-1, -1] : [1, 1]),
 *   order: ["entrant", "incumbent"],
 * });
 * solution.path; // [{ player: "entrant", strategy: "enter" }, { player: "incumbent", strategy: "accommodate" }]
 * solution.nonCredible[0].strategy; // "fight"
 * ```
 */
export function solveSequential(game: SequentialGame): SequentialSolution {
  const table = payoffTable(game);
  const movers = checkOrder(game.order, table.players);
  const n = table.players.length;
  const plans: SequentialMove[] = [];
  // value(depth, profile so far): payoffs of best play from the node where movers[depth] moves
  const choices = new Map<string, number>();
  const key = (depth: number, profile: readonly number[]) => `${depth}:${movers.slice(0, depth).map((p) => profile[p]).join(",")}`;
  const value = (depth: number, profile: number[]): Float64Array => {
    if (depth === n) {
      let index = 0;
      for (let p = 0; p < n; p++) index += profile[p]! * table.strides[p]!;
      return table.payoff.slice(index * n, (index + 1) * n);
    }
    const mover = movers[depth]!;
    let best: Float64Array | undefined;
    let choice = 0;
    const outcomes: Float64Array[] = [];
    for (let s = 0; s < table.counts[mover]!; s++) {
      profile[mover] = s;
      const v = value(depth + 1, profile);
      outcomes.push(v);
      if (best === undefined || v[mover]! > best[mover]! + table.tolerance) {
        best = v;
        choice = s;
      }
    }
    profile[mover] = choice;
    choices.set(key(depth, profile), choice);
    plans.push({
      player: table.players[mover]!.name,
      after: history(table, movers, depth, profile),
      choice: table.players[mover]!.strategies[choice]!,
      indifferent: outcomes.flatMap((v, s) => (s !== choice && Math.abs(v[mover]! - best![mover]!) <= table.tolerance ? [table.players[mover]!.strategies[s]!] : [])),
      payoffs: Array.from(best!),
    });
    return best!;
  };
  const payoffs = value(0, new Array<number>(n).fill(0));
  // play on from a node by the choices made (every node was visited above): payoffs at the leaf reached
  const playOn = (depth: number, from: readonly number[]): { profile: number[]; payoffs: Float64Array } => {
    const profile = from.slice();
    for (let d = depth; d < n; d++) profile[movers[d]!] = choices.get(key(d, profile))!;
    let index = 0;
    for (let p = 0; p < n; p++) index += profile[p]! * table.strides[p]!;
    return { profile, payoffs: table.payoff.slice(index * n, (index + 1) * n) };
  };
  const pathProfile = playOn(0, new Array<number>(n).fill(0)).profile;
  // plans in the order of play, then of histories (the recursion records them bottom-up)
  const depthOf = new Map(movers.map((p, d) => [table.players[p]!.name, d]));
  plans.sort((a, b) => depthOf.get(a.player)! - depthOf.get(b.player)!);
  return {
    players: table.players,
    order: movers.map((p) => table.players[p]!.name),
    path: movers.map((p) => ({ player: table.players[p]!.name, strategy: table.players[p]!.strategies[pathProfile[p]!]! })),
    payoffs: Array.from(payoffs),
    plans,
    nonCredible: nonCredibleThreats(table, movers, (depth, profile) => playOn(depth, profile).payoffs),
  };
}

function checkOrder(order: unknown, players: readonly GamePlayer[]): number[] {
  const names = players.map((p) => p.name);
  if (!Array.isArray(order)) throw new InputError("game.order", `expected the players' names in the order they move, e.g. ${JSON.stringify(names)}`);
  const movers = order.map((name, i) => {
    const index = names.indexOf(name as string);
    if (index < 0) throw new InputError(`game.order[${i}]`, `unknown player "${String(name)}" (players: ${names.join(", ")})`);
    return index;
  });
  if (new Set(movers).size !== movers.length) throw new InputError("game.order", "a player is listed twice");
  if (movers.length !== names.length) throw new InputError("game.order", `expected every player once; missing: ${names.filter((_, p) => !movers.includes(p)).join(", ")}`);
  return movers;
}

/** The moves before `depth`, by player name. */
function history(table: PayoffTable, movers: readonly number[], depth: number, profile: readonly number[]): Record<string, string> {
  return Object.fromEntries(movers.slice(0, depth).map((p) => [table.players[p]!.name, table.players[p]!.strategies[profile[p]!]!]));
}

/**
 * Threats of the simultaneous game's pure equilibria that backward induction rules out: for
 * each equilibrium, each later mover, and each history that is the equilibrium's with one
 * earlier mover deviating, whether the later mover's equilibrium strategy is its best reply
 * there (with best play after it).
 */
function nonCredibleThreats(table: PayoffTable, movers: readonly number[], value: (depth: number, profile: readonly number[]) => Float64Array): NonCredibleThreat[] {
  const out: NonCredibleThreat[] = [];
  for (const equilibrium of pureEquilibria(table)) {
    const base = equilibrium.profile.map((s, p) => table.players[p]!.strategies.indexOf(s));
    for (let depth = 1; depth < movers.length; depth++) {
      const mover = movers[depth]!;
      for (let earlier = 0; earlier < depth; earlier++) {
        const deviator = movers[earlier]!;
        for (let s = 0; s < table.counts[deviator]!; s++) {
          if (s === base[deviator]) continue;
          const profile = base.slice();
          profile[deviator] = s;
          const threatened = value(depth + 1, profile)[mover]!;
          let best = base[mover]!;
          let bestValue = threatened;
          for (let t = 0; t < table.counts[mover]!; t++) {
            profile[mover] = t;
            const v = value(depth + 1, profile)[mover]!;
            if (v > bestValue + table.tolerance) {
              best = t;
              bestValue = v;
            }
          }
          profile[mover] = base[mover]!;
          if (best !== base[mover]) {
            out.push({
              equilibrium: equilibrium.profile,
              player: table.players[mover]!.name,
              strategy: table.players[mover]!.strategies[base[mover]!]!,
              after: history(table, movers, depth, profile),
              best: table.players[mover]!.strategies[best]!,
              cost: bestValue - threatened,
            });
          }
        }
      }
    }
  }
  return out;
}
