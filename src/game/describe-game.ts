// A game's moves in words, for the command line and the HTML report alike.

/** Moves in order, by player: `US chips-only, NL join`; a path (`{ player, strategy }`) or a node's history (`after`). */
export function movesText(moves: readonly { readonly player: string; readonly strategy: string }[] | Readonly<Record<string, string>>): string {
  const list = Array.isArray(moves) ? moves : Object.entries(moves as Readonly<Record<string, string>>).map(([player, strategy]) => ({ player, strategy }));
  return list.map((m) => `${m.player} ${m.strategy}`).join(", ");
}

/** A profile (one option per player, in the players' order) in words: `(JP join, CN hold)`. */
export function profileText(players: readonly { readonly name: string }[], profile: readonly string[]): string {
  return `(${profile.map((option, p) => `${players[p]!.name} ${option}`).join(", ")})`;
}
