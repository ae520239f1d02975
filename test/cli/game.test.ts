// `chokepoint game`: the payoff table, equilibria, play in turns, a weight sweep, bad input;
// and the example game stays the bundled standoff with a game added.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatPlans } from "../../src/cli/game-command.js";
import { analyzeGame, solveSequential } from "../../src/index.js";
import { runInProcess, scratchDirectory } from "./_helpers.js";

const file = "examples/game/standoff-game.json";
const scratch = scratchDirectory();

describe("chokepoint game", () => {
  it("prints each profile's losses, the equilibria, play in turns and where a weight turns the answer", async () => {
    const { code, out, err } = await runInProcess(["game", file, "--runs", "100", "--workers", "1", "--sweep", "JP:chipOutputLoss:CN", "--sweep-values=-1e11:0:2.5e10"]);
    expect(err).toBe("");
    expect(code).toBe(0);
    const expected = await analyzeGame(JSON.parse(readFileSync(file, "utf8")), { runs: 100, seed: "1" });
    const lines = out.split("\n");
    expect(lines[0]).toBe(`4 profiles over 100 common draws (seed "1"); a loss is the player's objective (mean over the runs; lower is better)`);
    expect(lines[2]).toMatch(/^JP +CN +loss JP +loss CN +equilibrium in$/);
    expect(lines.slice(3, 7).map((line) => line.split(/ +/).slice(0, 2).join(" "))).toEqual(["stay-out hold", "stay-out retaliate", "join hold", "join retaliate"]);
    expect(lines[3]).toMatch(/ 0 +0 +100% of runs$/);
    expect(out).toContain(`equilibria of the mean losses: ${expected.pureEquilibria.map((e) => `(JP ${e.profile[0]}, CN ${e.profile[1]})`).join("; ")}`);
    expect(out).toContain(`played in turns (JP, then CN): ${expected.sequential!.path.map((m) => `${m.player} ${m.strategy}`).join(", ")}`);
    expect(out).toMatch(/JP.s weight on chipOutputLoss:CN:\n +-100 bn: \(JP join, CN hold\)/);
    expect(out).toMatch(/it changes between -75\.0 bn and -50\.0 bn/);
  });

  it("writes the payoff matrix, the game tree and the sweep as an HTML report, and the JSON beside it", async () => {
    const html = join(scratch(), "game.html");
    const json = join(scratch(), "game.json");
    const { code, err } = await runInProcess(["game", file, "--runs", "50", "--workers", "1", "--sweep", "JP:chipOutputLoss:CN", "--sweep-values=-1e11,0", "--html", html, "--json", json]);
    expect(code).toBe(0);
    expect(err).toBe(`wrote ${json}\nwrote ${html}\n`);
    const page = readFileSync(html, "utf8");
    expect(page).toContain("<title>The illustrative standoff as a game: Japan chooses whether to join, China whether to retaliate: what each country should choose</title>");
    expect(page).toContain('<section id="game">');
    expect(page).toContain("<caption>Mean losses: JP chooses the row, CN the column</caption>");
    // the objectives are in dollars
    expect(page).toMatch(/JP \$2\.\d+ bn<br>/);
    expect(page).toContain('data-chart="game-tree" data-marks="6"');
    expect(page).toContain("<h3>Where the answer turns: JP's weight on <code>chipOutputLoss:CN</code></h3>");
    expect(JSON.parse(readFileSync(json, "utf8")).sweep.points).toHaveLength(2);
  });

  it("refuses a scenario without a game, a lone --sweep and a bad --sweep (exit 2)", async () => {
    expect(await runInProcess(["game", "illustrative-standoff", "--runs", "10"])).toMatchObject({ code: 2, err: expect.stringMatching(/^error: illustrative-standoff declares no game/) });
    expect(await runInProcess(["game", file, "--sweep", "JP:gdpLoss:JP"])).toMatchObject({ code: 2, err: expect.stringMatching(/--sweep-values goes with --sweep or --sweep-uncertainty/) });
    expect(await runInProcess(["game", file, "--sweep", "JP:gdpLoss:JP", "--sweep-uncertainty", "equipmentLeakage", "--sweep-values", "0"])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/give one of them/),
    });
    const noSuchUncertainty = await runInProcess(["game", file, "--runs", "10", "--workers", "1", "--sweep-uncertainty", "leakage", "--sweep-values", "0"]);
    expect(noSuchUncertainty).toMatchObject({ code: 2, err: expect.stringMatching(/unknown uncertainty "leakage"/) });
    const unknown = await runInProcess(["game", file, "--runs", "10", "--workers", "1", "--sweep", "KR:gdpLoss:KR", "--sweep-values", "1,2"]);
    expect(unknown).toMatchObject({ code: 2, err: expect.stringMatching(/unknown player "KR"/) });
  });

  it("plays the seed scenario's four-player game in turns, and re-simulates it with an uncertainty held", async () => {
    const args = ["game", "us-japan-chip-controls-2024", "--runs", "20", "--workers", "1", "--sweep-uncertainty", "retaliationSeverity", "--sweep-values", "0.5,1"];
    const { code, out, err } = await runInProcess(args);
    expect(err).toBe("");
    expect(code).toBe(0);
    const lines = out.split("\n");
    expect(lines[0]).toMatch(/^32 profiles over 20 common draws/);
    expect(lines[2]).toMatch(/^US +NL +JP +CN +loss US +loss NL +loss JP +loss CN +equilibrium in$/);
    expect(out).toMatch(/played in turns \(US, then NL, then JP, then CN\): US \S+, NL \S+, JP \S+, CN \S+\n/);
    const plans = lines.indexOf("what each would choose at its turns (backward induction):");
    expect(plans).toBeGreaterThan(0);
    expect(lines.slice(plans + 1, plans + 5).map((line) => line.slice(0, 6))).toEqual(["  US: ", "  NL: ", "  JP: ", "  CN: "]);
    expect(out).toMatch(/retaliationSeverity held at each value \(every profile simulated again on the same draws of the rest\):\n +0\.500: .*\n +1\.00: /);
  });

  it("says what each mover would do at its turns, and which options it would never carry out", () => {
    const entry = solveSequential({
      players: [
        { name: "entrant", strategies: ["enter", "stay out"] },
        { name: "incumbent", strategies: ["fight", "accommodate"] },
      ],
      payoffs: ([e, i]) => (e === 1 ? [0, 2] : i === 0 ? [-1, -1] : [1, 1]),
      order: ["entrant", "incumbent"],
    });
    // after "stay out" the incumbent's options tie and the first listed is taken
    expect(formatPlans(entry)).toEqual(["  entrant: enter (it moves first)", "  incumbent: fight after (entrant stay out); accommodate after (entrant enter)"]);
    const alwaysHold = solveSequential({
      players: [
        { name: "A", strategies: ["a", "b"] },
        { name: "B", strategies: ["hold", "punish"] },
      ],
      payoffs: ([, b]) => (b === 0 ? [0, 0] : [-1, -1]),
      order: ["A", "B"],
    });
    expect(formatPlans(alwaysHold)[1]).toBe("  B: hold at all 2 of its turns; never punish: as a threat, not credible");
  });

  it("plays on the bundled illustrative standoff, with a game added and nothing else changed", () => {
    const game = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    const bundled = JSON.parse(readFileSync("scenarios/illustrative-standoff.json", "utf8")) as Record<string, unknown>;
    for (const key of ["world", "uncertainties", "rules", "policies", "outcomes", "horizon", "period"]) expect(game[key], key).toEqual(bundled[key]);
  });
});
