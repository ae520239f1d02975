// The main thread's summarising: wall and CPU time from the last run's progress report
// (completed === total) to the result, with the built library. With workers, their threads
// are idle by then, so the process's CPU time in that span is the main thread's (and the
// pool's shutdown). Run on its own, alternating builds to compare them:
//
//   npm run build && node bench/summarising.mjs [SCENARIO] [RUNS] [WORKERS] [exact|streaming]
//   DIST=/path/to/other/dist/ node bench/summarising.mjs ...
//
// SCENARIO is a bundled scenario's name, or `long-series`: illustrative-standoff with a
// horizon of 1,200 periods and 40 more series outcomes (few runs, long series).
import { readFileSync } from "node:fs";

const name = process.argv[2] ?? "us-japan-chip-controls-2024";
const runs = Number(process.argv[3] ?? 20_000);
const workers = Number(process.argv[4] ?? 2);
const summaries = process.argv[5] ?? "exact";
const dist = new URL(process.env.DIST ?? "../dist/", import.meta.url);
const { runExperiment } = await import(new URL("node.js", dist).href);
const { parseScenario } = await import(new URL("index.js", dist).href);

const bundled = (file) => JSON.parse(readFileSync(new URL(`../scenarios/${file}.json`, import.meta.url), "utf8"));
function longSeries() {
  const input = bundled("illustrative-standoff");
  input.horizon = 1200;
  const base = input.outcomes.filter((o) => o.kind === "outputLoss" || o.kind === "price");
  input.outcomes.push(...Array.from({ length: 10 }, (_, k) => base.map((o) => ({ ...o, name: `${o.name}-${k}`, series: true }))).flat());
  return input;
}
const scenario = parseScenario(name === "long-series" ? longSeries() : bundled(name));

const cpu = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e3;
};
const start = { wall: performance.now(), cpu: cpu() };
let last;
const result = await runExperiment(scenario, {
  runs,
  seed: "1",
  workers,
  summaries,
  onProgress: ({ completed, total }) => {
    if (completed === total && last === undefined) last = { wall: performance.now(), cpu: cpu() };
  },
});
const end = { wall: performance.now(), cpu: cpu() };
console.log(
  JSON.stringify({
    scenario: name,
    runs,
    workers,
    summaries,
    wallMs: Math.round(end.wall - start.wall),
    cpuMs: Math.round(end.cpu - start.cpu),
    summarisingWallMs: Math.round(end.wall - last.wall),
    summarisingCpuMs: Math.round(end.cpu - last.cpu),
    firstMean: result.policies[0].outcomes[0].mean,
  }),
);
