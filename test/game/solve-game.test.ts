// solveGame on games whose equilibria are known, and its properties on random games.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError, solveGame, type Game } from "../../src/index.js";

const two = (rows: string[], columns: string[], table: number[][][]): Game => ({
  players: [
    { name: "row", strategies: rows },
    { name: "column", strategies: columns },
  ],
  payoffs: ([r, c]) => table[r!]![c!]!,
});

const close = (actual: readonly (readonly number[])[], expected: number[][]) => {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, p) => row.forEach((v, s) => expect(v).toBeCloseTo(expected[p]![s]!, 10)));
};

describe("solveGame on known games", () => {
  it("prisoner's dilemma: defection dominates, one strict equilibrium", () => {
    const solution = solveGame(two(["cooperate", "defect"], ["cooperate", "defect"], [[[3, 3], [0, 5]], [[5, 0], [1, 1]]]));
    expect(solution.pureEquilibria).toEqual([{ profile: ["defect", "defect"], payoffs: [1, 1], strict: true }]);
    expect(solution.dominated).toEqual([
      { player: "row", strategy: "cooperate", by: "defect", round: 1 },
      { player: "column", strategy: "cooperate", by: "defect", round: 1 },
    ]);
    expect(solution.surviving).toEqual([["defect"], ["defect"]]);
    expect(solution.mixedEquilibria).toHaveLength(1);
    close(solution.mixedEquilibria[0]!.strategies, [[0, 1], [0, 1]]);
  });

  it("battle of the sexes: two pure equilibria and the mixed one (2/3, 1/3), (1/3, 2/3)", () => {
    const solution = solveGame(two(["opera", "football"], ["opera", "football"], [[[2, 1], [0, 0]], [[0, 0], [1, 2]]]));
    expect(solution.pureEquilibria.map((e) => e.profile)).toEqual([["opera", "opera"], ["football", "football"]]);
    const mixed = solution.mixedEquilibria.find((e) => e.strategies[0]![0]! > 0 && e.strategies[0]![0]! < 1)!;
    close(mixed.strategies, [[2 / 3, 1 / 3], [1 / 3, 2 / 3]]);
    expect(mixed.payoffs[0]).toBeCloseTo(2 / 3, 10);
    expect(mixed.payoffs[1]).toBeCloseTo(2 / 3, 10);
    expect(solution.mixedEquilibria).toHaveLength(3);
    expect(solution.dominated).toEqual([]);
  });

  it("matching pennies: no pure equilibrium, the mixed one at one half each", () => {
    const solution = solveGame(two(["heads", "tails"], ["heads", "tails"], [[[1, -1], [-1, 1]], [[-1, 1], [1, -1]]]));
    expect(solution.pureEquilibria).toEqual([]);
    expect(solution.mixedEquilibria).toHaveLength(1);
    close(solution.mixedEquilibria[0]!.strategies, [[0.5, 0.5], [0.5, 0.5]]);
    expect(solution.mixedEquilibria[0]!.payoffs[0]).toBeCloseTo(0, 12);
  });

  it("three-player coordination: the two profiles where all agree, both strict", () => {
    const solution = solveGame({
      players: ["a", "b", "c"].map((name) => ({ name, strategies: ["left", "right"] })),
      payoffs: (profile) => (profile.every((s) => s === profile[0]) ? [1, 1, 1] : [0, 0, 0]),
    });
    expect(solution.pureEquilibria).toEqual([
      { profile: ["left", "left", "left"], payoffs: [1, 1, 1], strict: true },
      { profile: ["right", "right", "right"], payoffs: [1, 1, 1], strict: true },
    ]);
    expect(solution.mixedSolved).toBe(false);
  });

  it("a degenerate game: weak equilibria and the extreme points of a continuum", () => {
    // column is indifferent when row plays "top", and row keeps "top" while column puts at most 1/2 on "right":
    // a continuum from (top, left) to (top, [1/2, 1/2]), whose two ends are the extreme equilibria
    const solution = solveGame(two(["top", "bottom"], ["left", "right"], [[[1, 1], [1, 1]], [[0, 0], [2, 1]]]));
    expect(solution.pureEquilibria).toEqual([
      { profile: ["top", "left"], payoffs: [1, 1], strict: false },
      { profile: ["bottom", "right"], payoffs: [2, 1], strict: true },
    ]);
    const mixes = solution.mixedEquilibria.map((e) => e.strategies.map((s) => s.map((v) => Math.round(v * 1e9) / 1e9)));
    expect(mixes).toContainEqual([[1, 0], [1, 0]]);
    expect(mixes).toContainEqual([[1, 0], [0.5, 0.5]]);
    expect(mixes).toContainEqual([[0, 1], [0, 1]]);
  });

  it("names the problem in a bad game", () => {
    const problem = (game: unknown) => {
      try {
        solveGame(game as Game);
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        return (error as Error).message;
      }
      throw new Error("expected an error");
    };
    expect(problem({ players: [], payoffs: () => [] })).toMatch(/game\.players: expected at least one player/);
    expect(problem({ players: [{ name: "a", strategies: ["x", "x"] }], payoffs: () => [0] })).toMatch(/game\.players\[0\]\.strategies\[1\]: .*listed twice/);
    expect(problem({ players: [{ name: "a", strategies: ["x"] }], payoffs: () => [0, 1] })).toMatch(/expected 1 payoffs .* for \(x\), found 2/);
    expect(problem({ players: [{ name: "a", strategies: ["x"] }], payoffs: () => [Number.NaN] })).toMatch(/finite payoffs, found NaN for a at \(x\)/);
  });
});

describe("solveGame's properties on random games", () => {
  const game = fc
    .record({ m: fc.integer({ min: 1, max: 4 }), n: fc.integer({ min: 1, max: 4 }) })
    .chain(({ m, n }) => fc.array(fc.array(fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: -5, max: 5 })), { minLength: n, maxLength: n }), { minLength: m, maxLength: m }));
  const asGame = (table: [number, number][][]) => two(table.map((_, i) => `r${i}`), table[0]!.map((_, j) => `c${j}`), table);

  it("every equilibrium found is one: no player gains by deviating to a pure strategy", () => {
    fc.assert(
      fc.property(game, (table) => {
        const solution = solveGame(asGame(table));
        for (const e of solution.mixedEquilibria) {
          const [x, y] = e.strategies as [number[], number[]];
          for (let i = 0; i < table.length; i++) expect(table[i]!.reduce((sum, cell, j) => sum + y[j]! * cell[0], 0)).toBeLessThanOrEqual(e.payoffs[0]! + 1e-9);
          for (let j = 0; j < table[0]!.length; j++) expect(table.reduce((sum, row, i) => sum + x[i]! * row[j]![1], 0)).toBeLessThanOrEqual(e.payoffs[1]! + 1e-9);
        }
        // every game has an equilibrium (Nash 1951)
        expect(solution.mixedEquilibria.length).toBeGreaterThan(0);
      }),
    );
  });

  it("adding a strictly dominated strategy changes no equilibrium", () => {
    fc.assert(
      fc.property(game, (table) => {
        const before = solveGame(asGame(table));
        // a row that is worse by 1 than the worst row payoff everywhere
        const worst = Math.min(...table.flat().map((cell) => cell[0]));
        const extended = [...table, table[0]!.map((cell) => [worst - 1, cell[1]] as [number, number])];
        const after = solveGame(asGame(extended));
        expect(after.pureEquilibria).toEqual(before.pureEquilibria);
        const strip = (e: { strategies: readonly (readonly number[])[] }) => JSON.stringify([e.strategies[0]!.slice(0, table.length), e.strategies[1]!].map((s) => s.map((v) => Math.round(v * 1e6) / 1e6)));
        expect(after.mixedEquilibria.map(strip).sort()).toEqual(before.mixedEquilibria.map(strip).sort());
        expect(after.mixedEquilibria.every((e) => e.strategies[0]![table.length] === 0)).toBe(true);
      }),
    );
  });
});
