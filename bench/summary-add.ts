/**
 * Not a test: nanoseconds per `add` of the streaming summaries, and garbage collections
 * during them once warm. Run with `npx tsx bench/summary-add.ts` (best of 3 runs
 * of 5 million adds each; a plain `+=` loop is the floor). Our code allocates nothing per
 * add; the scavenges counted come from V8 boxing a double passed to a call it did not
 * inline (a short-lived 16-byte HeapNumber).
 */
import { PerformanceObserver } from "node:perf_hooks";
import { ExactMoments, ExactSum, LogSketch } from "../src/stats/index.js";
import { OutcomeAccumulator } from "../src/stats/outcome-accumulator.js";

let collections = 0;
new PerformanceObserver((list) => {
  collections += list.getEntries().length;
}).observe({ entryTypes: ["gc"] });
const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

const N = 5_000_000;
// Loss-like values: magnitudes spread over 1.3 decades around 5e8, a fifth of them
// negative (gains), one in 17 exactly zero.
const values = new Float64Array(1 << 16);
let state = 12345;
for (let i = 0; i < values.length; i++) {
  state = (state * 1103515245 + 12345) >>> 0;
  const u = state / 2 ** 32;
  values[i] = i % 17 === 0 ? 0 : (i % 5 === 0 ? -1 : 1) * Math.exp(20 + 3 * (u - 0.5));
}
const mask = values.length - 1;

async function report(name: string, run: () => void): Promise<void> {
  run(); // warm up: JIT, and the sketch's window of buckets
  await tick();
  collections = 0;
  let best = Infinity;
  for (let rep = 0; rep < 3; rep++) {
    const start = process.hrtime.bigint();
    run();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / N);
  }
  await tick();
  console.log(`${name.padEnd(36)} ${best.toFixed(1).padStart(6)} ns/add   ${String(collections).padStart(4)} GCs over ${(3 * N) / 1e6}M adds`);
}

let floor = 0;
await report("plain double +=", () => {
  let total = 0;
  for (let i = 0; i < N; i++) total += values[i & mask]!;
  floor += total;
});
const sum = new ExactSum();
await report("ExactSum.add", () => {
  for (let i = 0; i < N; i++) sum.add(values[i & mask]!);
});
const moments = new ExactMoments();
await report("ExactMoments.add", () => {
  for (let i = 0; i < N; i++) moments.add(values[i & mask]!);
});
const sketch = new LogSketch();
await report("LogSketch.add", () => {
  for (let i = 0; i < N; i++) sketch.add(values[i & mask]!);
});
const summary = new OutcomeAccumulator({ quantiles: "sketch", thresholds: [1e9, 5e9] });
await report("OutcomeAccumulator.add, sketch (2 thresholds)", () => {
  for (let i = 0; i < N; i++) summary.add(values[i & mask]!);
});
const exact = new OutcomeAccumulator({ quantiles: "exact", capacity: 4 * N, thresholds: [1e9, 5e9] });
await report("OutcomeAccumulator.add, every value (2 thresholds)", () => {
  for (let i = 0; i < N; i++) exact.add(values[i & mask]!);
});
console.log(`checks: ${floor !== 0} ${sum.partials().length} ${moments.count} ${sketch.count} ${summary.count} ${exact.count}`);
