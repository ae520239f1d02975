// 10 million runs of the seed scenario (us-japan-chip-controls-2024, policy "aligned"),
// streaming summaries, with the built library: shows that memory stays flat however many
// runs (issue 5). About 80 minutes on one thread of the reference machine, so it is not part of
// `npm run bench`. Prints RSS and heap every 30 s as JSON lines, then the peak.
//
//   npm run build && node bench/ten-million.mjs [RUNS=10000000] [WORKERS=1] [LOG=ten-million.jsonl]
//
// Peak RSS is sampled every 10 ms on the main thread; maxRss is the kernel's high-water mark
// for the whole process (worker threads included).
import { appendFileSync, readFileSync } from "node:fs";

const runs = Number(process.argv[2] ?? 1e7);
const workers = Number(process.argv[3] ?? 1);
const log = process.argv[4] ?? "ten-million.jsonl";
const dist = new URL("../dist/", import.meta.url);
const { runExperiment } = await import(new URL("node.js", dist).href);
const { parseScenario } = await import(new URL("index.js", dist).href);
const scenario = parseScenario(JSON.parse(readFileSync(new URL("../scenarios/us-japan-chip-controls-2024.json", import.meta.url), "utf8")));

const line = (record) => appendFileSync(log, `${JSON.stringify(record)}\n`);
const memory = () => ({ rss: process.memoryUsage.rss(), heap: process.memoryUsage().heapUsed });
const started = performance.now();
let peakRss = memory().rss;
let peakHeap = memory().heap;
line({ seconds: 0, ...memory(), completed: 0 });
const sampler = setInterval(() => {
  const now = memory();
  peakRss = Math.max(peakRss, now.rss);
  peakHeap = Math.max(peakHeap, now.heap);
}, 10);
let lastLine = 0;
const result = await runExperiment(scenario, {
  runs,
  seed: "memory",
  policies: ["aligned"],
  summaries: "streaming",
  workers,
  onProgress: ({ completed }) => {
    const seconds = (performance.now() - started) / 1000;
    if (seconds - lastLine >= 30) {
      lastLine = seconds;
      line({ seconds, ...memory(), completed });
    }
  },
});
clearInterval(sampler);
const summary = {
  runs,
  workers,
  seconds: (performance.now() - started) / 1000,
  peakRss,
  peakHeap,
  maxRss: process.resourceUsage().maxRSS * 1024,
  meanOfFirstOutcome: result.policies[0].outcomes[0].mean,
};
line({ final: summary });
console.log(JSON.stringify(summary));
