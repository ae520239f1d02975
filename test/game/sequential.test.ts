// solveSequential: backward induction on games with known subgame-perfect equilibria, and
// the threats of the simultaneous game that are not credible.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError, solveGame, solveSequential } from "../../src/index.js";

// entry deterrence (Selten's chain store, one period): entering against a fight costs both
const entry = {
  players: [
    { name: "entrant", strategies: ["enter", "stay out"] },
    { name: "incumbent", strategies: ["fight", "accommodate"] },
  ],
  payoffs: ([e, i]: readonly number[]) => (e === 1 ? [0, 2] : i === 0 ? [-1, -1] : [1, 1]),
};

describe("solveSequential", () => {
  it("entry deterrence: the entrant enters, the incumbent accommodates, and the threat to fight is not credible", () => {
    const solution = solveSequential({ ...entry, order: ["entrant", "incumbent"] });
    expect(solution.path).toEqual([
      { player: "entrant", strategy: "enter" },
      { player: "incumbent", strategy: "accommodate" },
    ]);
    expect(solution.payoffs).toEqual([1, 1]);
    expect(solution.plans).toEqual([
      { player: "entrant", after: {}, choice: "enter", indifferent: [], payoffs: [1, 1] },
      { player: "incumbent", after: { entrant: "enter" }, choice: "accommodate", indifferent: [], payoffs: [1, 1] },
      { player: "incumbent", after: { entrant: "stay out" }, choice: "fight", indifferent: ["accommodate"], payoffs: [0, 2] },
    ]);
    // the simultaneous game has two equilibria; (stay out, fight) rests on the threat
    expect(solveGame(entry).pureEquilibria.map((e) => e.profile)).toEqual([["enter", "accommodate"], ["stay out", "fight"]]);
    expect(solution.nonCredible).toEqual([{ equilibrium: ["stay out", "fight"], player: "incumbent", strategy: "fight", after: { entrant: "enter" }, best: "accommodate", cost: 2 }]);
  });

  it("a first mover's advantage: in the battle of the sexes whoever moves first gets its favourite", () => {
    const bos = {
      players: [
        { name: "row", strategies: ["opera", "football"] },
        { name: "column", strategies: ["opera", "football"] },
      ],
      payoffs: ([r, c]: readonly number[]) => (r !== c ? [0, 0] : r === 0 ? [2, 1] : [1, 2]),
    };
    expect(solveSequential({ ...bos, order: ["row", "column"] }).path.map((m) => m.strategy)).toEqual(["opera", "opera"]);
    expect(solveSequential({ ...bos, order: ["column", "row"] }).path.map((m) => m.strategy)).toEqual(["football", "football"]);
  });

  it("three movers: each sees the earlier moves (a hand-solved tree)", () => {
    // c copies b; b, anticipating, matches a's wish for agreement only if it pays; a picks the best outcome it can secure
    const solution = solveSequential({
      players: ["a", "b", "c"].map((name) => ({ name, strategies: ["x", "y"] })),
      payoffs: ([a, b, c]) => [a === 0 && b === 0 && c === 0 ? 3 : a === 1 ? 1 : 0, b === c ? 2 + b! : 0, b === c ? 1 : 0],
      order: ["a", "b", "c"],
    });
    // c matches b (1 > 0); b then gets 2 + b, so b plays y whatever a did; a gets 1 from y, 0 from x (since b plays y)
    expect(solution.path.map((m) => m.strategy)).toEqual(["y", "y", "y"]);
    expect(solution.payoffs).toEqual([1, 3, 1]);
    expect(solution.plans.filter((p) => p.player === "c")).toHaveLength(4);
  });

  it("names a bad order", () => {
    expect(() => solveSequential({ ...entry, order: ["entrant"] })).toThrow(/game\.order: expected every player once; missing: incumbent/);
    expect(() => solveSequential({ ...entry, order: ["entrant", "incumbant"] })).toThrow(InputError);
    expect(() => solveSequential({ ...entry, order: ["entrant", "entrant"] })).toThrow(/listed twice/);
  });

  it("the subgame-perfect path is a Nash equilibrium of the game in which later movers play their plans", () => {
    const payoff = fc.integer({ min: -4, max: 4 });
    fc.assert(
      fc.property(fc.array(fc.tuple(payoff, payoff), { minLength: 6, maxLength: 6 }), (cells) => {
        const game = {
          players: [
            { name: "first", strategies: ["a", "b"] },
            { name: "second", strategies: ["p", "q", "r"] },
          ],
          payoffs: ([f, s]: readonly number[]) => cells[f! * 3 + s!]!,
          order: ["first", "second"],
        };
        const solution = solveSequential(game);
        const reply = (f: number) => game.players[1]!.strategies.indexOf(solution.plans.find((p) => p.player === "second" && p.after.first === game.players[0]!.strategies[f])!.choice);
        // the first mover cannot gain by switching, given the second's replies
        const chosen = game.players[0]!.strategies.indexOf(solution.path[0]!.strategy);
        for (let f = 0; f < 2; f++) expect(cells[f * 3 + reply(f)]![0]).toBeLessThanOrEqual(cells[chosen * 3 + reply(chosen)]![0]);
        // the second's reply is a best reply at every node
        for (let f = 0; f < 2; f++) for (let s = 0; s < 3; s++) expect(cells[f * 3 + s]![1]).toBeLessThanOrEqual(cells[f * 3 + reply(f)]![1]);
      }),
    );
  });
});
