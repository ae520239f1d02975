// Child process of section 3: one experiment of a bundled scenario, one policy; prints peak
// RSS (the kernel's high-water mark, and a 10 ms sample) and peak heap as JSON.
// Usage: node bench/memory.child.bundle.mjs RUNS exact|streaming POLICY SCENARIO WORKERS [BUILD_DIR]
// (bundled by bench/start.mjs; or node --import tsx bench/children/memory.ts ...)
// With WORKERS 1 the runs go on the main thread (the library's runExperiment from src/);
// with more, chokepoint/node's runExperiment over worker threads, loaded from BUILD_DIR (the
// library built by bench/build-library.ts) so the workers run plain JavaScript.
import { pathToFileURL } from "node:url";
import { parseScenario, runExperiment as runOnThisThread } from "../../src/index.js";
import type { ParallelExperimentOptions } from "../../src/node.js";
import type { ExperimentResult } from "../../src/index.js";
import { bundled } from "../worlds.js";

const runs = Number(process.argv[2]);
const summaries = process.argv[3] as "exact" | "streaming";
const policy = process.argv[4]!;
const name = process.argv[5]!;
const workers = Number(process.argv[6] ?? 1);
const buildDir = process.argv[7];
type Run = (scenario: unknown, options: ParallelExperimentOptions) => Promise<ExperimentResult>;
let run: Run = runOnThisThread as Run;
let parse = parseScenario as (input: unknown) => unknown;
if (buildDir !== undefined) {
  run = ((await import(pathToFileURL(`${buildDir}/node.js`).href)) as { runExperiment: Run }).runExperiment;
  parse = ((await import(pathToFileURL(`${buildDir}/index.js`).href)) as { parseScenario: typeof parse }).parseScenario;
}
const scenario = parse(bundled(name));
let sampledRss = process.memoryUsage.rss();
let sampledHeap = process.memoryUsage().heapUsed;
const timer = setInterval(() => {
  sampledRss = Math.max(sampledRss, process.memoryUsage.rss());
  sampledHeap = Math.max(sampledHeap, process.memoryUsage().heapUsed);
}, 10);
const rssBefore = process.memoryUsage.rss();
const started = performance.now();
const result = await run(scenario, { runs, seed: "memory", policies: [policy], summaries, workers });
const seconds = (performance.now() - started) / 1000;
clearInterval(timer);
sampledRss = Math.max(sampledRss, process.memoryUsage.rss());
console.log(
  JSON.stringify({
    runs,
    summaries,
    workers,
    seconds,
    rssBefore,
    sampledRss,
    sampledHeap,
    maxRss: process.resourceUsage().maxRSS * 1024,
    mean: result.policies[0]!.outcomes[0]!.mean,
  }),
);
