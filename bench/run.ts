// Benchmarks (`npm run bench`). Results are written up in bench/README.md.
// Usage: npm run bench [-- --runs N] [-- --quick]
import { arch, cpus, platform, totalmem } from "node:os";
import { parseScenario, runExperiment } from "../src/index.js";
import { syntheticScenario } from "./synthetic-scenario.js";

const args = process.argv.slice(2);
const runsArg = args.indexOf("--runs");
const runs = runsArg >= 0 ? Number(args[runsArg + 1]) : args.includes("--quick") ? 5_000 : 100_000;

function machine(): string {
  const cpu = cpus()[0];
  return `${platform()} ${arch()}, ${cpus().length} x ${cpu?.model ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

async function measure(label: string, countries: number, goods: number, policies: string[]) {
  const scenario = parseScenario(syntheticScenario(countries, goods));
  let peakRss = process.memoryUsage().rss;
  const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const started = performance.now();
  const result = await runExperiment(scenario, { runs, seed: "bench", policies });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const simulations = runs * policies.length;
  console.log(
    `${label.padEnd(28)} ${String(scenario.world.flows.length).padStart(6)} flows  ${runs} runs x ${policies.length} policies in ${seconds.toFixed(1)} s: ` +
      `${Math.round(runs / seconds)} runs/s (${Math.round(simulations / seconds)} policy-runs/s), peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB`,
  );
  return result;
}

console.log(`machine: ${machine()}`);
await measure("8 countries x 10 goods, 24 months", 8, 10, ["restrict"]);
await measure("8 countries x 10 goods, 24 months", 8, 10, ["none", "restrict", "restrict-stockpile"]);
