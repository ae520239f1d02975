// A GameAnalysis built from losses given directly (no simulation), solved as analyzeGame
// solves the game of mean losses: for reports and charts of games of any shape.
import type { GameAnalysis } from "../../src/game/analyze-game.js";
import { payoffTable, profileOf } from "../../src/game/normal-form.js";
import { solveSequential } from "../../src/game/sequential.js";
import { solveGame } from "../../src/game/solve-game.js";

/** Players with options, a loss per player for each profile (option indices, players' order), and an order of play. */
export function syntheticGame(
  players: readonly { readonly name: string; readonly options: readonly string[] }[],
  loss: (profile: readonly number[]) => readonly number[],
  options: { readonly order?: readonly string[]; readonly runs?: number } = {},
): GameAnalysis {
  const game = { players: players.map((p) => ({ name: p.name, strategies: p.options })), payoffs: (profile: readonly number[]) => loss(profile).map((l) => -l) };
  const table = payoffTable(game);
  const indices = Array.from({ length: table.profiles }, (_, q) => profileOf(table, q));
  const losses = indices.map((_, q) => Array.from(table.payoff.subarray(q * players.length, (q + 1) * players.length), (u) => (u === 0 ? 0 : -u)));
  const largest = Math.max(...losses.flat().map(Math.abs));
  const solved = solveGame(game);
  const negate = (values: readonly number[]) => values.map((v) => (v === 0 ? 0 : -v));
  const equilibria = new Set(solved.pureEquilibria.map((e) => JSON.stringify(e.profile)));
  const sequential = options.order === undefined ? undefined : solveSequential({ ...game, order: options.order });
  return {
    players: players.map((p) => ({ name: p.name, options: [...p.options] })),
    runs: options.runs ?? 400,
    seed: "synthetic",
    profiles: indices.map((profile, q) => {
      const names = profile.map((o, p) => players[p]!.options[o]!);
      return {
        profile: names,
        meanLoss: losses[q]!,
        ci95: losses[q]!.map((l) => [l - 0.02 * Math.abs(l) - 1e-3 * largest, l + 0.02 * Math.abs(l) + 1e-3 * largest] as const),
        // a share of runs that differs by profile, higher for the equilibria
        probabilityEquilibrium: equilibria.has(JSON.stringify(names)) ? 0.8 - 0.01 * (q % 10) : (q % 7) / 40,
      };
    }),
    pureEquilibria: solved.pureEquilibria.map((e) => ({ profile: e.profile, meanLoss: negate(e.payoffs), strict: e.strict })),
    ...(solved.mixedSolved ? { mixedEquilibria: solved.mixedEquilibria.map((e) => ({ strategies: e.strategies, payoffs: negate(e.payoffs) })) } : {}),
    ...(sequential === undefined ? {} : { sequential: { ...sequential, payoffs: negate(sequential.payoffs), plans: sequential.plans.map((plan) => ({ ...plan, payoffs: negate(plan.payoffs) })) } }),
    terms: indices.map((_, q) => players.map((__, p) => [{ outcome: "loss", weighted: losses[q]![p]!, mean: losses[q]![p]! }])),
  };
}

/**
 * Four players as in the seed scenario's game: the US presses or holds, the Netherlands and
 * Japan join or stay out, China holds or retaliates in one of three ways (2 x 2 x 2 x 4 = 32
 * profiles), in dollars; China's threat to retaliate hardest is not credible.
 */
export function fourPlayerGame(): GameAnalysis {
  const players = [
    { name: "US", options: ["press", "hold"] },
    { name: "NL", options: ["join", "stay-out"] },
    { name: "JP", options: ["join", "stay-out"] },
    { name: "CN", options: ["hold", "retaliate-gallium", "retaliate-rare-earths", "retaliate-everything"] },
  ];
  return syntheticGame(
    players,
    ([us, nl, jp, cn]) => {
      const press = us === 0;
      const allies = (nl === 0 ? 1 : 0) + (jp === 0 ? 1 : 0);
      const denial = press ? 1.5e9 * (1 + allies) : 0;
      const hit = [0, 0.6e9, 0.9e9, 1.8e9][cn!]!;
      const retaliates = cn! > 0 && press;
      return [
        (press ? 0.8e9 : 0) - 0.6 * denial + (retaliates ? 0.3 * hit : 0),
        (nl === 0 ? 0.9e9 : 0) - 0.2e9 * allies * (press ? 1 : 0) + (retaliates && nl === 0 ? 0.5 * hit : 0),
        (jp === 0 ? 1.4e9 : 0) - 0.7e9 * (press ? 1 : 0) * (jp === 0 ? 1 : 0) + (retaliates && jp === 0 ? 0.8 * hit : 0),
        denial + (retaliates ? 0.25e9 * cn! - 0.2 * hit * allies : 0),
      ];
    },
    { order: ["US", "NL", "JP", "CN"] },
  );
}
