// Will Japan join? The 2024 case as a game: the US chooses its tool controls, the Netherlands
// and then Japan choose whether to align, and China, seeing every move, chooses whether to
// answer with gallium, graphite, both or neither. Every profile of choices is simulated on
// the same draws; the game of mean losses is solved simultaneously and in turns; and the
// threshold questions are answered: how much must Japan value denying China chips (alliance
// ties included) before it joins, how severe must China's retaliation be to change that, and
// how much must China value hurting Japan before its threat is credible?
//   npx tsx examples/will-japan-join.ts
import { sweepGameWeight, type GameAnalysis } from "chokepoint";
import { analyzeGame, loadBundledScenario, sweepGameUncertainty } from "chokepoint/node";

const scenario = await loadBundledScenario("us-japan-chip-controls-2024");
const runs = Number(process.env.CHOKEPOINT_RUNS ?? 300);
const game = await analyzeGame(scenario, { runs, seed: "japan" });

const bn = (x: number) => `${x < 0 ? "-" : ""}$${(Math.abs(x) / 1e9).toFixed(2)} bn`;
const player = (name: string) => game.players.findIndex((p) => p.name === name);
const profileOf = (analysis: GameAnalysis, choices: Record<string, string>) =>
  analysis.profiles.find((p) => analysis.players.every((pl, i) => choices[pl.name] === undefined || p.profile[i] === choices[pl.name]))!;
const [US, NL, JP, CN] = ["US", "NL", "JP", "CN"].map(player) as [number, number, number, number];

// 1. Play in turns: the subgame-perfect path
const sequential = game.sequential!;
console.log(`${game.profiles.length} profiles, each simulated ${runs} times on the same draws.`);
console.log(`Played in turns (${sequential.order.join(" -> ")}): ${sequential.path.map((m) => `${m.player} ${m.strategy}`).join(", ")}`);
const path = Object.fromEntries(sequential.path.map((m) => [m.player, m.strategy]));
const onPath = profileOf(game, path);
console.log(`That profile is an equilibrium of the run's own game in ${(100 * onPath.probabilityEquilibrium).toFixed(0)}% of runs (the rest: draws under which some player would choose otherwise).`);

// 2. Japan's choice at each of its turns, and why
const cut = (nl: string, jp: string) => {
  const q = game.profiles.indexOf(profileOf(game, { US: "chips-only", NL: nl, JP: jp, CN: "hold" }));
  return `${(100 * game.terms[q]![JP]!.find((term) => term.outcome === "advancedChipOutputLoss:CN")!.mean).toFixed(1)}%`;
};
console.log(`\nChina's advanced-chip output falls on average by ${cut("join", "join")} with both the Netherlands and Japan in, ${cut("join", "stay-out")} with the Netherlands alone, ${cut("stay-out", "join")} with Japan alone.`);
console.log("Japan's choice at each of its turns (its loss: GDP loss less the value it puts on China's lost advanced-chip output):");
for (const move of sequential.plans.filter((m) => m.player === "JP")) {
  const after = `${move.after.US === "tool-controls" ? "the US controls tools" : "the US controls AI chips only"}, the Netherlands ${move.after.NL === "join" ? "joined" : "stayed out"}`;
  const loss = (jp: string) => profileOf(game, { ...move.after, JP: jp, CN: "hold" }).meanLoss[JP]!;
  console.log(`  after ${after}: ${move.choice} (loss if it joins ${bn(loss("join"))}, if it stays out ${bn(loss("stay-out"))}, China holding)`);
}

// 3. Is China's threat credible? What retaliating would cost China, and what it would cost Japan
console.log("\nChina's answer at each of its turns where Japan has joined:");
for (const move of sequential.plans.filter((m) => m.player === "CN" && m.after.JP === "join")) {
  const hold = profileOf(game, { ...move.after, CN: "hold" });
  const both = profileOf(game, { ...move.after, CN: "both" });
  console.log(
    `  after (${Object.entries(move.after).map(([p, o]) => `${p} ${o}`).join(", ")}): ${move.choice}; ` +
      `retaliating with both would change China's loss by ${bn(both.meanLoss[CN]! - hold.meanLoss[CN]!)} and Japan's by ${bn(both.meanLoss[JP]! - hold.meanLoss[JP]!)}`,
  );
}
const threatens = sequential.plans.some((m) => m.player === "CN" && m.choice !== "hold");
console.log(threatens ? "China would retaliate at some of its turns: its threat is credible there." : "China holds at every turn: retaliating costs it more than it gains, so its threat is not credible in this model.");

// 4. Threshold: how much must Japan value denial (and alliance ties) before it joins? Its
// choice at two of its turns: after the Netherlands joined the US's tool controls (the case),
// and after it joined with the US controlling AI chips only.
const japanWeights = [0, -1e10, -2e10, -3e10, -4e10, -5e10, -7.5e10, -1e11];
const japanSweep = sweepGameWeight(game, { player: "JP", outcome: "advancedChipOutputLoss:CN", values: japanWeights });
const japanAt = (point: (typeof japanSweep.points)[number], us: string) => point.plans!.find((m) => m.player === "JP" && m.after.US === us && m.after.NL === "join")!.choice;
console.log("\nJapan's value of cutting China's advanced-chip output by 1%: its choice after the Netherlands joined, and play in turns:");
for (const point of japanSweep.points) {
  console.log(
    `  ${bn(-point.weight / 100).padStart(9)}: ${japanAt(point, "tool-controls").padEnd(8)} beside US tool controls, ${japanAt(point, "chips-only").padEnd(8)} beside AI-chip controls only; ` +
      `path ${point.path!.map((m) => `${m.player} ${m.strategy}`).join(", ")}`,
  );
}

// 5. Threshold: would harsher retaliation change anything? (simulated again with the severity held)
const severity = await sweepGameUncertainty(scenario, { uncertainty: "retaliationSeverity", values: [0.5, 1], runs: Math.min(runs, 150), seed: "japan" });
console.log(`\nChina's retaliation held at ${severity.points.map((p) => p.value).join(" and ")} of Japan's imports blocked:`);
for (const point of severity.points) {
  const joined = profileOf({ ...game, profiles: point.profiles }, { ...path, JP: "join", CN: "both" });
  const held = profileOf({ ...game, profiles: point.profiles }, { ...path, JP: "join", CN: "hold" });
  console.log(`  ${point.value}: path ${point.path!.map((m) => `${m.player} ${m.strategy}`).join(", ")}; retaliation would cost Japan ${bn(joined.meanLoss[JP]! - held.meanLoss[JP]!)}`);
}
console.log(severity.changes.length === 0 ? "  the answer does not change" : `  it changes between ${severity.changes.map((c) => `${c.from} and ${c.to}`).join(", ")}`);

// 6. Threshold: how much must China value hurting Japan's economy before it would retaliate?
const chinaSweep = sweepGameWeight(game, { player: "CN", outcome: "gdpLoss:JP", values: [0, -0.5, -1, -2, -5, -10] });
console.log("\nChina's gain per dollar of Japan's GDP loss (a reputation for answering), and play in turns:");
for (const point of chinaSweep.points) console.log(`  ${String(-point.weight).padStart(4)}: ${point.path!.map((m) => `${m.player} ${m.strategy}`).join(", ")}`);
console.log(chinaSweep.changes.length === 0 ? "  the path does not change over these values" : `  the path changes between ${chinaSweep.changes.map((c) => `${-c.from} and ${-c.to}`).join(", ")}`);
console.log(`\nThe US's loss on the path: ${bn(onPath.meanLoss[US]!)}; the Netherlands': ${bn(onPath.meanLoss[NL]!)} (losses net of the value each puts on the denial).`);
console.log(`Every loss above is a mean over ${runs} runs; docs/game.md says what "rational" assumes here.`);
