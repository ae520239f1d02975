// Exploratory analysis of the seed scenario, the questions analysts ask of any simulation:
// which policy holds up across the uncertainties, what drives the cost of a choice, and under
// which conditions a policy fails; then how much of a lever is worth pulling, and how many
// runs an answer needs. docs/analysis.md explains each method and how to read it.
//
//   npx tsx examples/analysis.ts
//
// About a minute and a half on 2 cores.
import { discoverScenarios, robustnessAnalysis, type ScenarioFactor } from "chokepoint";
import { loadBundledScenario, runExperiment, sensitivityAnalysis, sweepLever } from "chokepoint/node";

const scenario = await loadBundledScenario("us-japan-chip-controls-2024");
const seed = "analysis-example";
const bn = (usd: number) => `${usd < 0 ? "-" : ""}$${Math.abs(usd / 1e9).toFixed(2)} bn`;

// 1. Which policy holds up? Every policy on the same 2,000 draws, compared on Japan's GDP loss:
//    mean, 90th percentile, regret (the loss above the best policy of the same run).
const table = await robustnessAnalysis(scenario, { outcome: "gdpLoss:JP", runs: 2000, seed, threshold: 5e9 });
console.log(`1. Japan's GDP loss by policy over ${table.runs} common draws (regret: above the best policy of the run)`);
for (const p of table.policies) {
  console.log(`   ${p.policy.padEnd(18)} mean ${bn(p.mean)}  p90 ${bn(p.p90)}  mean regret ${bn(p.meanRegret)}  max regret ${bn(p.maxRegret)}  at or below $5 bn in ${(100 * p.satisficing!).toFixed(0)}% of runs`);
}
console.log(`   minimax regret: ${table.preferred.maxRegret}; lowest mean: ${table.preferred.mean}`);

// 2. What drives the cost of aligning? Morris screening of Japan's extra loss under "aligned"
//    against "us-alone", run by run, over every uncertainty and rule draw (cheap: 20 x 43 runs) ...
const screening = await sensitivityAnalysis(scenario, { method: "morris", outcome: "gdpLoss:JP", policy: "aligned", versus: "us-alone", samples: 20, seed });
const named = (factors: readonly ScenarioFactor[], name: string) => `${name}${factors.find((f) => f.name === name)?.kind === "rule" ? " (whether the rule fires)" : ""}`;
if (screening.method === "morris") {
  const top = [...screening.parameters].sort((a, b) => b.muStar - a.muStar).slice(0, 5);
  console.log(`\n2. Morris screening of Japan's extra loss from aligning (${screening.evaluations} runs): the five largest mu*`);
  for (const p of top) console.log(`   ${named(screening.factors, p.name).padEnd(40)} mu* ${bn(p.muStar)}  sigma ${bn(p.sigma)}`);
}

// ... then Sobol' indices: the share of its variance each factor explains, alone and with interactions.
const indices = await sensitivityAnalysis(scenario, { method: "sobol", outcome: "gdpLoss:JP", policy: "aligned", versus: "us-alone", samples: 128, seed });
if (indices.method === "sobol") {
  const top = [...indices.parameters].sort((a, b) => b.total.estimate - a.total.estimate).slice(0, 5);
  console.log(`\n   Sobol' indices (${indices.evaluations} runs; total with its 95% interval, first order):`);
  for (const p of top) {
    console.log(`   ${named(indices.factors, p.name).padEnd(40)} total ${p.total.estimate.toFixed(2)} [${p.total.ci95Low.toFixed(2)}, ${p.total.ci95High.toFixed(2)}]  first ${p.first.estimate.toFixed(2)}`);
  }
}

// 3. Under which conditions does aligning cost Japan most? PRIM over the same inputs, for the
//    runs where aligning costs Japan $5 bn more than the US acting alone. Peeling trades
//    coverage for density; boxes that restrict many inputs gain density by fitting noise, so
//    read the trade-off and prefer few restrictions (the quasi-p-values flag weak ones).
const found = await discoverScenarios(scenario, { outcome: "gdpLoss:JP", policy: "aligned", versus: "us-alone", above: 5e9, runs: 2000, seed });
console.log(`\n3. Runs where aligning costs Japan $5 bn more than the US acting alone: ${found.cases} of ${found.points} (${((100 * found.cases) / found.points).toFixed(0)}%)`);
console.log("   densest box restricting at most n inputs: coverage, density");
for (const n of [1, 2, 3, 5, 10, Infinity]) {
  const boxes = found.trajectory.filter((b) => b.restricted <= n);
  const box = boxes.reduce((best, b) => (b.density > best.density ? b : best));
  console.log(`   n ${String(n === Infinity ? "any" : n).padStart(3)}: ${(100 * box.coverage).toFixed(0).padStart(3)}% of the cases, ${(100 * box.density).toFixed(0).padStart(3)}% dense (${box.restricted} restricted)`);
}
const chosen = found.trajectory.filter((b) => b.restricted <= 3).reduce((best, b) => (b.density > best.density ? b : best));
console.log("   the box of at most 3 inputs restricts:");
for (const [name, limits] of Object.entries(chosen.limits)) {
  const range = "values" in limits ? `one of ${limits.values.join(", ")}` : `${limits.min.toPrecision(3)} to ${limits.max.toPrecision(3)}`;
  console.log(`   ${name.padEnd(24)} ${range} (quasi-p ${chosen.pValues[name]!.toExponential(1)})`);
}

// 4. How much of Japan's tool control is worth it? Its severity in "aligned" over a grid, on
//    common draws: Japan's own loss against the chips denied to China.
const sweep = await sweepLever(scenario, {
  policy: "aligned",
  lever: "exportRestriction:JP",
  field: "severity",
  values: [0, 0.25, 0.5, 0.75, 1],
  outcomes: ["gdpLoss:JP", "advancedChipOutputLoss:CN"],
  runs: 500,
  seed,
});
console.log(`\n4. Japan's tool-control severity under "aligned" (${sweep.runs} common draws): mean, and the difference to the policy as written`);
for (const point of sweep.points) {
  const [jp, cn] = point.outcomes;
  console.log(`   severity ${point.value.toFixed(2)}: Japan's GDP loss ${bn(jp!.mean)} (${bn(jp!.difference.mean)}), China's advanced-chip output loss ${cn!.mean.toPrecision(3)} ${cn!.unit}`);
}

// 5. How many runs does an answer need? Run until the 95% interval of Japan's extra loss from
//    aligning is within 2% of it, checking only at 256, 512, 1,024, ... runs (so the result is
//    the same for any number of workers).
const precise = await runExperiment(scenario, {
  seed,
  policies: ["us-alone", "aligned"],
  precision: { relative: 0.02, outcome: "gdpLoss:JP", statistics: "differences" },
  maxRuns: 16_384,
});
const difference = precise.comparisons[0]!.outcomes.find((o) => o.name === "gdpLoss:JP")!;
console.log(`\n5. Japan's extra loss from aligning: ${bn(difference.mean)} (${bn(difference.ci95Low)} to ${bn(difference.ci95High)}), ${precise.precision!.stoppedBecause === "reached" ? "within 2%" : "not yet within 2%"} after ${precise.runs.toLocaleString("en-US")} runs`);
