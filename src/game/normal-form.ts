// A finite game in normal form: players, their strategies, and every profile's payoffs,
// tabulated once from the user's payoff function and checked.
import { InputError } from "../errors.js";

/** A player of a finite game: a name and the strategies it chooses from. */
export interface GamePlayer {
  readonly name: string;
  readonly strategies: readonly string[];
}

/** A finite game: its players and the payoffs (utilities: higher is better) of each profile. */
export interface Game {
  readonly players: readonly GamePlayer[];
  /** Payoffs of a profile (one strategy index per player, in the players' order): one number per player. */
  readonly payoffs: (profile: readonly number[]) => readonly number[];
}

/** Most profiles a game may have (the payoff table holds profiles x players numbers). */
export const MAX_PROFILES = 1_000_000;

/** A game's payoff table: `payoff[profileIndex * n + player]`, profiles in mixed radix (the last player's strategy fastest). */
export interface PayoffTable {
  readonly players: readonly GamePlayer[];
  readonly counts: readonly number[];
  /** Profile index step of each player's strategy. */
  readonly strides: readonly number[];
  readonly profiles: number;
  readonly payoff: Float64Array;
  /** A tolerance for comparing payoffs: 1e-9 of the largest absolute payoff (at least 1e-12). */
  readonly tolerance: number;
}

/** Check a game and tabulate its payoffs. @throws InputError naming the path of the first problem. */
export function payoffTable(game: Game): PayoffTable {
  if (game === null || typeof game !== "object") throw new InputError("game", "expected { players: [{ name, strategies }], payoffs: (profile) => number[] }");
  const { players } = game;
  if (!Array.isArray(players) || players.length === 0) throw new InputError("game.players", "expected at least one player");
  if (typeof game.payoffs !== "function") throw new InputError("game.payoffs", "expected a function of a profile (strategy indices) returning one payoff per player");
  const names = new Set<string>();
  players.forEach((player: GamePlayer, p) => {
    if (player === null || typeof player !== "object" || typeof player.name !== "string" || player.name === "") throw new InputError(`game.players[${p}].name`, "expected a non-empty name");
    if (names.has(player.name)) throw new InputError(`game.players[${p}].name`, `the name "${player.name}" is taken by another player`);
    names.add(player.name);
    if (!Array.isArray(player.strategies) || player.strategies.length === 0) throw new InputError(`game.players[${p}].strategies`, "expected at least one strategy");
    const seen = new Set<string>();
    player.strategies.forEach((s, i) => {
      if (typeof s !== "string" || s === "") throw new InputError(`game.players[${p}].strategies[${i}]`, "expected a non-empty name");
      if (seen.has(s)) throw new InputError(`game.players[${p}].strategies[${i}]`, `the strategy "${s}" is listed twice`);
      seen.add(s);
    });
  });
  const n = players.length;
  const counts = players.map((p) => p.strategies.length);
  const profiles = counts.reduce((a, b) => a * b, 1);
  if (profiles > MAX_PROFILES) throw new InputError("game.players", `expected at most ${MAX_PROFILES.toLocaleString("en-US")} profiles, found ${profiles.toLocaleString("en-US")}`);
  const strides = profileStrides(counts);
  const payoff = new Float64Array(profiles * n);
  const profile = new Array<number>(n).fill(0);
  let largest = 0;
  for (let index = 0; index < profiles; index++) {
    for (let p = 0; p < n; p++) profile[p] = Math.floor(index / strides[p]!) % counts[p]!;
    const values = game.payoffs(profile.slice());
    const where = () => `(${players.map((pl, p) => pl.strategies[profile[p]!]).join(", ")})`;
    if (!Array.isArray(values) && !ArrayBuffer.isView(values)) throw new InputError("game.payoffs", `expected a list of ${n} payoffs for ${where()}`);
    if (values.length !== n) throw new InputError("game.payoffs", `expected ${n} payoffs (one per player) for ${where()}, found ${values.length}`);
    for (let p = 0; p < n; p++) {
      const v = values[p];
      if (typeof v !== "number" || !Number.isFinite(v)) throw new InputError("game.payoffs", `expected finite payoffs, found ${String(v)} for ${players[p]!.name} at ${where()}`);
      payoff[index * n + p] = v;
      largest = Math.max(largest, Math.abs(v));
    }
  }
  return { players, counts, strides, profiles, payoff, tolerance: Math.max(1e-12, 1e-9 * largest) };
}

/** Profile index step of each player's strategy, profiles in mixed radix (the last player's strategy changing fastest). */
export function profileStrides(counts: readonly number[]): number[] {
  return counts.map((_, p) => counts.slice(p + 1).reduce((a, b) => a * b, 1));
}

/** The strategy indices of profile `index`, given each player's count of strategies and {@link profileStrides}. */
export function profileIndices(counts: readonly number[], strides: readonly number[], index: number): number[] {
  return counts.map((count, p) => Math.floor(index / strides[p]!) % count);
}

/** The strategy indices of profile `index`. */
export function profileOf(table: PayoffTable, index: number): number[] {
  return profileIndices(table.counts, table.strides, index);
}
