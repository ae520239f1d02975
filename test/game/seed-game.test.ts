// The seed scenario as a game (us-japan-chip-controls-2024's `game`): its shape, its
// provenance, and what must hold whatever the model's numbers.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeGame, parseScenario, sweepGameWeight, type GameAnalysis, type ScenarioInput } from "../../src/index.js";

const input = JSON.parse(readFileSync("scenarios/us-japan-chip-controls-2024.json", "utf8")) as ScenarioInput;
const scenario = parseScenario(input);
const game = scenario.game!;

describe("the seed scenario's game", () => {
  it("has the case's players, options and order", () => {
    expect(game.players.map((p) => [p.country, p.options.map((o) => o.name)])).toEqual([
      ["US", ["tool-controls", "chips-only"]],
      ["NL", ["stay-out", "join"]],
      ["JP", ["stay-out", "join"]],
      ["CN", ["hold", "gallium", "graphite", "both"]],
    ]);
    expect(game.order).toEqual(["US", "NL", "JP", "CN"]);
    // China's choice replaces the rules that drew it by chance, under every option
    for (const option of game.players[3]!.options) expect(option.disableRules).toEqual(["china-retaliates", "china-licensing-squeeze"]);
    // and each answer aims at whichever countries imposed tool controls
    for (const option of game.players[3]!.options.slice(1)) expect(option.rules[0]!.action).toMatchObject({ targets: "triggering" });
  });

  it("gives every objective weight a number or an uncertainty of the game with its assumption", () => {
    const names = new Set(game.uncertainties.map((u) => u.name));
    for (const player of game.players) {
      for (const term of player.objective) {
        if (typeof term.weight === "number") {
          expect(term.weight === 1 || term.assumption !== undefined, `${player.country} ${term.outcome}`).toBe(true);
        } else expect(names.has(term.weight.param), term.weight.param).toBe(true);
      }
    }
    for (const uncertainty of game.uncertainties) expect(uncertainty.assumption, uncertainty.name).toMatch(/assumption/i);
  });

  describe("solved on a few draws", () => {
    let analysis: GameAnalysis;
    beforeAll(async () => {
      analysis = await analyzeGame(input, { runs: 16, seed: "seed-game" });
    }, 120_000);

    it("gives China's options the same losses where no country controls tools: nothing triggers its answer", () => {
      const quiet = analysis.profiles.filter((p) => p.profile[0] === "chips-only" && p.profile[1] === "stay-out" && p.profile[2] === "stay-out");
      expect(quiet).toHaveLength(4);
      for (const profile of quiet) expect(profile.meanLoss).toEqual(quiet[0]!.meanLoss);
    });

    it("makes Japan join at more of its turns the more it values the cut in China's chip output", () => {
      // Japan's loss from joining less its loss from staying out is its GDP difference plus
      // w x the cut's difference, which joining never makes smaller: so less w (more value) never turns a join into staying out
      const joins = (weight: number) =>
        sweepGameWeight(analysis, { player: "JP", outcome: "advancedChipOutputLoss:CN", values: [weight] }).points[0]!.plans!.filter((m) => m.player === "JP" && m.choice === "join").length;
      fc.assert(
        fc.property(fc.double({ min: -2e11, max: 0, noNaN: true }), fc.double({ min: -2e11, max: 0, noNaN: true }), (a, b) => {
          const [less, more] = a <= b ? [b, a] : [a, b];
          return joins(more) >= joins(less);
        }),
        { numRuns: 50 },
      );
    });
  });
});
