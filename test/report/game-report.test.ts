// The game section of the analysis report: the payoff matrix (bimatrix for two players, every
// profile for more) with equilibria and the path marked, the game tree (whole, or along the
// path for a large game) laid out without overlaps, credibility and ties in words, a weight
// sweep, escaping and the same bytes for the same input.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { analyzeGame, sweepGameUncertainty, sweepGameWeight } from "../../src/game/analyze-game.js";
import { parseScenario } from "../../src/schema/parse.js";
import { renderAnalysisReport } from "../../src/report/analysis-report.js";
import { FULL_TREE_LEAVES } from "../../src/report/charts/game-tree-svg.js";
import { objectiveUnit } from "../../src/report/game-report.js";
import { fourPlayerGame, syntheticGame } from "../_helpers/game-analysis.js";
import { chartsOf as charts, outside, overlapping, textBoxes } from "../_helpers/svg-text.js";

function expectLaidOut(svg: string): void {
  expect(outside(svg).map((b) => b.text)).toEqual([]);
  expect(overlapping(textBoxes(svg)).map(([a, b]) => `${a.text} | ${b.text}`)).toEqual([]);
}

/** The rows of the page's payoff table (the section's first table), each with its class. */
function payoffRows(html: string): { cls: string; cells: string[] }[] {
  const table = /<table class="payoff">[\s\S]*?<\/table>/.exec(html)![0];
  return [...table.matchAll(/<tr(?: class="([^"]*)")?>([\s\S]*?)<\/tr>/g)].slice(1).map((m) => ({ cls: m[1] ?? "", cells: [...m[2]!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => c[1]!) }));
}

// entry deterrence: the incumbent threatens to fight, but would accommodate once entry happened
const entry = syntheticGame(
  [
    { name: "entrant", options: ["enter", "stay-out"] },
    { name: "incumbent", options: ["fight", "accommodate"] },
  ],
  ([e, i]) => (e === 1 ? [0, -2] : i === 0 ? [1, 1] : [-1, -1]),
  { order: ["entrant", "incumbent"] },
);

describe("the game section", () => {
  it("two players: a bimatrix with each cell's losses, intervals and equilibrium share, the equilibria and the path marked", () => {
    const html = renderAnalysisReport({ title: "Entry", game: entry });
    expect([...html.matchAll(/<section id="(\w+)">/g)].map((m) => m[1])).toEqual(["game"]);
    expect(html).toContain("<h2>What each country should choose</h2>");
    expect(html).toContain("<caption>Mean losses: entrant chooses the row, incumbent the column</caption>");
    const rows = payoffRows(html);
    expect(rows.map((r) => r.cells[0])).toEqual(["entrant <code>enter</code>", "entrant <code>stay-out</code>"]);
    // (enter, accommodate) is the path and an equilibrium; (stay-out, fight) an equilibrium resting on a threat
    const cell = (r: number, c: number) => rows[r]!.cells[c + 1]!;
    expect(cell(0, 1)).toContain('<span class="tag">equilibrium</span> <span class="tag">played in turns</span>');
    expect(cell(0, 1)).toContain("entrant -1<br>");
    expect(cell(1, 0)).toContain('<span class="tag">equilibrium (weak)</span>');
    expect(cell(1, 0)).not.toContain("played in turns");
    expect(cell(0, 0)).not.toContain('class="tag"');
    expect(html).toContain('<td class="equilibrium path">entrant -1<br><span class="muted">-1.02 to -0.978</span><br>incumbent -1<br>');
    expect(cell(0, 0)).toContain("equilibrium in 0% of runs");
    expect(cell(1, 0)).toContain("equilibrium in 78% of runs");
    expect(html).toContain("Choosing at once: 2 equilibria: <strong>(entrant enter, incumbent accommodate)</strong>");
    expect(html).toContain("In turns (entrant, then incumbent), backward induction gives <strong>entrant enter, incumbent accommodate</strong>: losses entrant -1, incumbent -1.");
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
  });

  it("says which equilibrium rests on a threat that is not credible, by whom, after which move, at what cost", () => {
    const html = renderAnalysisReport({ game: entry });
    expect(entry.sequential!.nonCredible).toHaveLength(1);
    expect(html).toContain("<h3>Which threats are credible</h3>\n<p>A threat is not credible");
    expect(html).toContain(
      "<li><strong>(entrant stay-out, incumbent fight)</strong> rests on incumbent's threat to play <code>fight</code> should entrant play <code>enter</code> instead (after entrant enter); there <code>accommodate</code> would cost incumbent 2 less, so it would not carry the threat out.</li>",
    );
    // once the entrant stays out, the incumbent's options cost it the same
    expect(html).toContain("<li>After entrant stay-out, incumbent loses as much (-2) with <code>fight</code> or <code>accommodate</code>; backward induction takes <code>fight</code>, listed first.</li>");
  });

  it("draws the game tree: an edge per option at every node, the path thick, planned choices dark, the leaves' losses", () => {
    const html = renderAnalysisReport({ game: { ...entry, unit: "USD" } });
    const [tree] = charts(html);
    expect(tree!.kind).toBe("game-tree");
    expect(tree!.marks).toBe(6);
    expect(tree!.drawn).toBe(6);
    expect(tree!.svg).toContain('aria-labelledby="game-tree-title"');
    expect(tree!.svg).toContain('<title id="game-tree-title">Game tree: entrant, then incumbent move in turn</title>');
    // enter (path), then fight (not chosen) and accommodate (path); stay out, then fight (planned) and accommodate (as good: a tie)
    expect(edgeKinds(tree!.svg)).toEqual(["path", "other", "path", "other", "planned", "tie"]);
    expect(tree!.svg).toContain(">$1</text>");
    expectLaidOut(tree!.svg);
  });

  it("more than two players: a row per profile with each player's mean loss and interval, equilibria highlighted, the path marked", () => {
    const game = fourPlayerGame();
    const html = renderAnalysisReport({ game: { ...game, unit: "USD" } });
    const rows = payoffRows(html);
    expect(rows).toHaveLength(32);
    const keyOf = (cells: string[]) => cells.slice(0, 4).map((c) => c.replace(/<\/?code>/g, "")).join(" ");
    const equilibria = game.pureEquilibria.map((e) => e.profile.join(" "));
    expect(rows.filter((r) => r.cls.includes("equilibrium")).map((r) => keyOf(r.cells))).toEqual(game.profiles.map((p) => p.profile.join(" ")).filter((p) => equilibria.includes(p)));
    expect(rows.filter((r) => r.cls.includes("path")).map((r) => keyOf(r.cells))).toEqual([game.sequential!.path.map((m) => m.strategy).join(" ")]);
    // press, join, join, hold: the US gains $1.9 bn
    expect(rows[0]!.cells.slice(4, 5)).toEqual(['-$1.9 bn<br><span class="muted">-$1.94 to -$1.86 bn</span>']);
    expect(rows[0]!.cells[8]).toBe("0%");
    expect(html).toContain("<th>equilibrium in<br>(share of runs)</th>");
    expect(html).toContain("Every profile of the players' options (32: US 2 &times; NL 2 &times; JP 2 &times; CN 4)");
  });

  it("the 32-leaf tree of four players: every edge drawn, the path's four edges, no text over another or outside", () => {
    const game = fourPlayerGame();
    const html = renderAnalysisReport({ game: { ...game, unit: "USD" } });
    const [tree] = charts(html);
    expect(tree!.marks).toBe(2 + 4 + 8 + 32);
    expect(tree!.drawn).toBe(tree!.marks);
    expect(edgeKinds(tree!.svg).filter((k) => k === "path")).toHaveLength(4);
    // every node but the path's has its planned choice drawn dark (or the path)
    expect(edgeKinds(tree!.svg).filter((k) => k === "planned")).toHaveLength(1 + 2 + 4 + 8 - 4);
    expect(html).toContain("Each leaf is a profile, with every player&#39;s mean loss.");
    expectLaidOut(tree!.svg);
    // the threats of China's retaliation while the US holds are not credible, and China is indifferent there
    expect(html).toContain("3 threats are not credible");
    expect(html).toContain("<strong>(US hold, NL stay-out, JP stay-out, CN retaliate-everything)</strong> rests on CN's threat to play <code>retaliate-everything</code> should US play <code>press</code> instead (after US press, NL stay-out, JP stay-out); there <code>hold</code> would cost CN $750 m less");
    expect(html).toContain("After US hold, NL join, JP join, CN loses as much ($0) with <code>hold</code>, <code>retaliate-gallium</code>, <code>retaliate-rare-earths</code> or <code>retaliate-everything</code>; backward induction takes <code>hold</code>, listed first.");
  });

  it(`a game of more than ${FULL_TREE_LEAVES} profiles: the tree along the path only, the table of the notable profiles`, () => {
    const names = ["US", "NL", "JP", "CN", "KR", "TW", "DE", "FR"];
    const game = syntheticGame(names.map((name) => ({ name, options: ["act", "wait"] })), (p) => p.map((o, i) => (o === 0 ? 1e9 * (i + 1) : 0) - 0.3e9 * p.filter((x) => x === 0).length), { order: names });
    const html = renderAnalysisReport({ game });
    const [tree] = charts(html);
    // each of the 8 path nodes: the path edge and the one alternative
    expect(tree!.marks).toBe(16);
    expect(edgeKinds(tree!.svg).filter((k) => k === "path")).toHaveLength(8);
    expect(html).toContain("The game has 256 profiles, more than the 64 drawn as a whole tree: only the subgame-perfect path is drawn");
    expectLaidOut(tree!.svg);
    expect(payoffRows(html)).toHaveLength(64);
    expect(html).toContain("<caption>64 of the 256 profiles: the equilibria, the path played in turns, and those most often an equilibrium run by run");
    expect(payoffRows(html).filter((r) => r.cls.includes("path"))).toHaveLength(1);
    // plain units: scale words without a dollar sign
    expect(html).toContain("losses US 0, NL 0, JP 0, CN 0, KR 0, TW 0, DE 0, FR 0.");
    expect(html).not.toContain("$");
  });

  it("a path-only tree leaves out options past 12 at a node, saying so, and keeps the planned choice", () => {
    const many = Array.from({ length: 16 }, (_, k) => `option-${k}`);
    // the last option is best for both A and B: it must be drawn though it is past the twelfth
    const game = syntheticGame(
      [
        { name: "A", options: many },
        { name: "B", options: many },
        { name: "C", options: ["yes", "no"] },
      ],
      ([a, b, c]) => [15 - a!, 15 - b!, c!],
      { order: ["A", "B", "C"] },
    );
    const html = renderAnalysisReport({ game });
    const [tree] = charts(html);
    expect(game.sequential!.path.map((m) => m.strategy)).toEqual(["option-15", "option-15", "yes"]);
    expect(tree!.marks).toBe(12 + 12 + 2);
    expect(edgeKinds(tree!.svg).filter((k) => k === "path")).toHaveLength(3);
    expect(tree!.svg).toContain(">option-15</text>");
    expect(html).toContain("At nodes with more than 12 options, 8 are left out (the planned choice and ties are always drawn).");
    expectLaidOut(tree!.svg);
  });

  it("without an order of play: the matrix only, no tree and no credibility", () => {
    const { sequential: _s, ...simultaneous } = entry;
    const html = renderAnalysisReport({ game: simultaneous });
    expect(charts(html)).toEqual([]);
    expect(html).not.toContain("Which threats are credible");
    expect(html).toContain("Choosing at once: 2 equilibria");
  });

  it("escapes players' and options' names, and gives the same bytes for the same input", () => {
    const game = syntheticGame(
      [
        { name: "A&B", options: ['<b>"go"</b>', "wait"] },
        { name: "C", options: ["x<y", "y>x"] },
      ],
      ([a, c]) => [a! + c!, a! - c!],
      { order: ["A&B", "C"] },
    );
    const html = renderAnalysisReport({ title: "<i>t</i>", game });
    expect(html).not.toMatch(/<b>|<i>|x<y|y>x/);
    expect(html).toContain("A&amp;B <code>&lt;b&gt;&quot;go&quot;&lt;/b&gt;</code>");
    expect(html).toContain("<title>&lt;i&gt;t&lt;/i&gt;</title>");
    expectLaidOut(charts(html)[0]!.svg);
    expect(renderAnalysisReport({ title: "<i>t</i>", game })).toBe(html);
  });

  it("refuses a game that is not an analysis", () => {
    expect(() => renderAnalysisReport({ game: { ...entry, profiles: entry.profiles.slice(1) } })).toThrow(/options\.game: expected what analyzeGame returns/);
    expect(() => renderAnalysisReport({ game: { ...entry, players: [] } })).toThrow(InputError);
  });
});

describe("the game section of a simulated game", () => {
  it("the standoff: losses in dollars, the sweep's table and where it changes, the same bytes twice", async () => {
    const scenario = parseScenario(JSON.parse(readFileSync("examples/game/standoff-game.json", "utf8")));
    expect(objectiveUnit(scenario)).toBe("USD");
    expect(objectiveUnit(parseScenario(JSON.parse(readFileSync("scenarios/illustrative-standoff.json", "utf8"))))).toBe("");
    const game = await analyzeGame(scenario, { runs: 60, seed: 1 });
    const sweep = sweepGameWeight(game, { player: "JP", outcome: "chipOutputLoss:CN", values: [-1e11, -5e10, 0] });
    const options = { title: "Standoff", game: { ...game, sweep, unit: objectiveUnit(scenario) } };
    const html = renderAnalysisReport(options);
    expect(html).toContain("<caption>Mean losses: JP chooses the row, CN the column</caption>");
    expect(html).toMatch(/JP \$2\.\d+ bn<br>/);
    expect(html).toContain("<h3>Where the answer turns: JP's weight on <code>chipOutputLoss:CN</code></h3>");
    expect(html).toContain('<tr><td class="num">-100 bn</td><td>(JP join, CN hold)</td><td>JP join, CN hold</td><td></td></tr>');
    expect(html).toMatch(/<tr class="changed"><td class="num">-50 bn<\/td><td>\(JP stay-out, CN hold\)<\/td><td>JP stay-out, CN hold<\/td><td><span class="tag">changes<\/span><\/td><\/tr>/);
    expect(html).toContain("The answer changes between -100 bn and -50 bn.");
    expect(html.match(/<tr class="changed">/g)).toHaveLength(1);
    const [tree] = charts(html);
    expect(tree!.marks).toBe(6);
    expectLaidOut(tree!.svg);
    expect(renderAnalysisReport(options)).toBe(html);
  });

  it("an uncertainty held at each value: its table and where the answer turns", async () => {
    const scenario = parseScenario(JSON.parse(readFileSync("examples/game/standoff-game.json", "utf8")));
    const game = await analyzeGame(scenario, { runs: 30, seed: 1 });
    const uncertaintySweep = await sweepGameUncertainty(scenario, { uncertainty: "equipmentLeakage", values: [0, 0.3], runs: 30, seed: 1 });
    const html = renderAnalysisReport({ game: { ...game, uncertaintySweep, unit: "USD" } });
    expect(html).toContain("<h3>Where the answer turns: <code>equipmentLeakage</code> held at each value</h3>");
    expect(html).toContain("every profile simulated again on 30 runs with the other uncertainties on the same draws.");
    expect(html).toContain('<th class="num">value</th>');
    expect(html).toMatch(/<tr><td class="num">0<\/td><td>\(JP [a-z-]+, CN [a-z]+\)/);
    // the leakage of Japan's tools does not turn Japan's choice at the illustrative weight (docs/game.md): it stays out at both
    expect(uncertaintySweep.points.map((p) => p.path?.[0]?.strategy)).toEqual(["stay-out", "stay-out"]);
    expect(html).toContain("The answer does not change over these values.");
  });
});

/** The kinds of the tree's edges, in the order drawn. */
function edgeKinds(svg: string): string[] {
  return [...svg.matchAll(/class="mark edge (\w+)"/g)].map((m) => m[1]!);
}
