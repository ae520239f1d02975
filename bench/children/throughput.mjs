// Child process of section 1: one experiment of a bundled scenario with all its policies,
// in a fresh process, so one thread and many start equally cold. Plain JavaScript so that
// it can run the built library without tsx; prints the time of the runExperiment call and
// a hash of the result as JSON, with the CPU time of all its threads (about `workers` x the
// wall time when every worker had a core to itself).
// Usage: node bench/children/throughput.mjs BUILD_DIR SCENARIO RUNS WORKERS
//        node --import tsx bench/children/throughput.mjs src SCENARIO RUNS WORKERS
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [from, name, runsText, workersText] = process.argv.slice(2);
const base = from === "src" ? new URL("../../src/", import.meta.url) : pathToFileURL(`${from}/`);
const { parseScenario } = await import(new URL(from === "src" ? "index.ts" : "index.js", base).href);
const { runExperiment } = await import(new URL(from === "src" ? "node.ts" : "node.js", base).href);
const scenario = parseScenario(JSON.parse(readFileSync(new URL(`../../scenarios/${name}.json`, import.meta.url), "utf8")));
const cpuBefore = process.cpuUsage();
const started = performance.now();
const result = await runExperiment(scenario, { runs: Number(runsText), seed: "bench", workers: Number(workersText) });
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const hash = createHash("sha256").update(JSON.stringify(result)).digest("hex");
console.log(JSON.stringify({ seconds, cpuSeconds, hash, policies: scenario.policies.length }));
