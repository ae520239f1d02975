// Precision-targeted runs on a bundled scenario, with the built library: how many runs and
// how many seconds a relative target takes, each checkpoint's intervals above target, and
// for every counted interval at the stopping point its half-width relative to |mean| and
// the runs it would need (half-width shrinks as 1 / sqrt(runs)). Then the fixed-run
// experiment of the same runs, timed, to show what checking at checkpoints costs.
//
//   npm run build && npm run bench:precision -- [SCENARIO] [RELATIVE] [WORKERS] [MAX_RUNS] [both|means|differences]
//
// Defaults: us-japan-chip-controls-2024, 0.01, 2 workers, 65,536 runs, differences.
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";

const name = process.argv[2] ?? "us-japan-chip-controls-2024";
const relative = Number(process.argv[3] ?? 0.01);
const workers = Number(process.argv[4] ?? 2);
const maxRuns = Number(process.argv[5] ?? 65_536);
const statistics = process.argv[6] ?? "differences";
const dist = new URL(process.env.DIST ?? "../dist/", import.meta.url);
const { runExperiment } = await import(new URL("node.js", dist).href);
const { parseScenario, studentTQuantile } = await import(new URL("index.js", dist).href);
const scenario = parseScenario(JSON.parse(readFileSync(new URL(`../scenarios/${name}.json`, import.meta.url), "utf8")));

const load = () => loadavg().map((x) => x.toFixed(2)).join(" ");
console.log(`${name}: relative ${relative} on ${statistics}, ${workers} workers, maxRuns ${maxRuns}; load before: ${load()}`);

let started = performance.now();
const checkpointAt = [];
let lastTotal = 0;
const result = await runExperiment(scenario, {
  seed: "1",
  workers,
  maxRuns,
  precision: { relative, statistics },
  onProgress: ({ completed, total }) => {
    if (completed === total && total !== lastTotal) {
      lastTotal = total;
      checkpointAt.push(performance.now() - started);
    }
  },
});
const wall = (performance.now() - started) / 1000;
const report = result.precision;
console.log(`\nstopped: ${report.stoppedBecause} at ${report.runs} runs in ${wall.toFixed(2)} s (${result.policies.length} policies)`);
console.log("\n| runs | seconds since start | intervals above target | widest relative to its target |");
console.log("| ---: | ---: | ---: | --- |");
report.checkpoints.forEach((c, i) => {
  const w = c.worst;
  const at = checkpointAt[i] === undefined ? "" : (checkpointAt[i] / 1000).toFixed(2);
  // no worst interval when nothing is counted (differences only, one policy)
  const widest = w === undefined ? "none counted" : `${w.statistic} ${w.policy} ${w.outcome}: ±${(w.halfWidth / Math.abs(w.mean || 1)).toExponential(2)} of |mean|`;
  console.log(`| ${c.runs} | ${at} | ${c.unmet} | ${widest} |`);
});
if (statistics === "means") process.exit(0); // the table below is of the paired differences, which were not counted

// Every counted paired difference at the stopping point: relative half-width, and the runs
// it would need for the target at the same variance.
const t = studentTQuantile((1 + report.target.confidence) / 2, report.runs - 1);
const rows = [];
for (const comparison of result.comparisons) {
  for (const d of comparison.outcomes) {
    if (!report.target.outcomes.includes(d.name)) continue;
    const halfWidth = t * d.se;
    const share = d.mean === 0 ? (halfWidth === 0 ? 0 : Infinity) : halfWidth / Math.abs(d.mean);
    const needed = share === 0 ? report.runs : Math.ceil(report.runs * (share / relative) ** 2);
    rows.push({ policy: comparison.policy, outcome: d.name, mean: d.mean, share, needed });
  }
}
rows.sort((a, b) => b.share - a.share);
console.log(`\n| difference | mean | half-width / abs(mean) at ${report.runs} runs | runs needed for ${relative} |`);
console.log("| --- | ---: | ---: | ---: |");
for (const r of rows) {
  console.log(`| ${r.policy} - ${result.baselinePolicy}, ${r.outcome} | ${r.mean.toPrecision(3)} | ${r.share === Infinity ? "inf" : r.share.toPrecision(3)} | ${r.needed === Infinity ? "never" : r.needed} |`);
}

started = performance.now();
await runExperiment(scenario, { seed: "1", workers, runs: report.runs });
const fixedWall = (performance.now() - started) / 1000;
console.log(`\nfixed-run experiment of ${report.runs} runs, ${workers} workers: ${fixedWall.toFixed(2)} s (precision run: ${wall.toFixed(2)} s); load after: ${load()}`);
