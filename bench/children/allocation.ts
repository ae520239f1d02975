// Child process of section 6 (needs --expose-gc): does the per-period loop allocate?
// Usage: node --expose-gc bench/allocation.child.bundle.mjs RUNS LONG_RUNS EXPERIMENT_RUNS
// (bundled by bench/start.mjs; or node --expose-gc --import tsx bench/children/allocation.ts ...)
//
// 1. simulateRun on a prepared state (compileScenario + createRunState), seed scenario,
//    every policy in turn, RUNS runs: heap used after a full GC before and after (what is
//    retained), and heap growth between GCs in blocks of 1,000 runs (what is allocated:
//    a block in which a GC ran is left out), with the number of GCs seen.
// 2. The same with the horizon doubled (LONG_RUNS runs): the difference per extra period
//    is what the per-period loop allocates, apart from what a run allocates once.
// 3. The same measure of allocation around runExperiment (main thread, one policy,
//    EXPERIMENT_RUNS runs), read at each progress callback (every chunk of at most 64 runs).
// 4. A control: a loop allocating one small object per call, measured the same way, to
//    show the method sees allocation when there is some.
// 5. Where it is allocated: V8's sampling heap profiler (one sample every 64 bytes on
//    average) over RUNS / 5 more runs of simulateRun, allocated bytes per run by function.
import { Session } from "node:inspector/promises";
import { PerformanceObserver } from "node:perf_hooks";
import { simulateRun } from "../../src/engine/simulate.js";
import { parseScenario, runExperiment, type ScenarioInput } from "../../src/index.js";
import { prepare } from "../prepared.js";
import { SEED, bundled } from "../worlds.js";

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error("run with node --expose-gc");
const runs = Number(process.argv[2] ?? 100_000);
const longRuns = Number(process.argv[3] ?? 50_000);
const experimentRuns = Number(process.argv[4] ?? 10_000);
const BLOCK = 1000;

let gcEvents = 0;
const observer = new PerformanceObserver((list) => (gcEvents += list.getEntries().length));
observer.observe({ entryTypes: ["gc"] });
const heapUsed = () => process.memoryUsage().heapUsed;
const settle = () => {
  gc();
  gc();
  return heapUsed();
};

/** What one heapUsed reading allocates itself (its result object), to subtract. */
function readingOverhead(): number {
  const samples: number[] = [];
  for (let k = 0; k < 200; k++) {
    const a = heapUsed();
    const b = heapUsed();
    if (b >= a) samples.push(b - a);
  }
  samples.sort((x, y) => x - y);
  return samples[samples.length >> 1] ?? 0;
}

/** Allocation per call of `step`, from heap growth over blocks without a GC. */
function allocationPerCall(step: (i: number) => void, calls: number, overhead: number): { bytesPerCall: number; callsCounted: number; blocksWithGc: number } {
  let allocated = 0;
  let counted = 0;
  let blocksWithGc = 0;
  for (let start = 0; start < calls; start += BLOCK) {
    const end = Math.min(calls, start + BLOCK);
    const before = heapUsed();
    for (let i = start; i < end; i++) step(i);
    const after = heapUsed();
    if (after >= before) {
      allocated += Math.max(0, after - before - overhead);
      counted += end - start;
    } else blocksWithGc++;
  }
  return { bytesPerCall: counted === 0 ? Number.NaN : allocated / counted, callsCounted: counted, blocksWithGc };
}

/** Allocated bytes per run by function, from V8's sampling heap profiler. */
async function allocationSites(step: (i: number) => void, calls: number): Promise<{ fn: string; bytesPerRun: number }[]> {
  const session = new Session();
  session.connect();
  await session.post("HeapProfiler.startSampling", { samplingInterval: 64, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as never);
  for (let i = 0; i < calls; i++) step(i);
  const { profile } = (await session.post("HeapProfiler.stopSampling")) as unknown as { profile: { head: SamplingNode } };
  session.disconnect();
  interface SamplingNode {
    callFrame: { functionName: string; url: string };
    selfSize: number;
    children: SamplingNode[];
  }
  const byFunction = new Map<string, number>();
  const walk = (node: SamplingNode) => {
    if (node.selfSize > 0) {
      const where = `${node.callFrame.functionName || "(anonymous)"} (${node.callFrame.url.split("/").slice(-2).join("/")})`;
      byFunction.set(where, (byFunction.get(where) ?? 0) + node.selfSize);
    }
    node.children.forEach(walk);
  };
  walk(profile.head);
  return [...byFunction]
    .map(([fn, bytes]) => ({ fn, bytesPerRun: bytes / calls }))
    .filter((x) => x.bytesPerRun >= 1)
    .sort((a, b) => b.bytesPerRun - a.bytesPerRun);
}

/** Allocation and retention of simulateRun over `calls` runs of `scenario`, every policy in turn. */
async function measureEngine(input: ScenarioInput, calls: number, overhead: number) {
  const world = prepare(input);
  const { model, state, draws, outcomes, series } = world;
  const P = model.policies.names.length;
  const step = (i: number) => simulateRun(model, state, i % P, draws[i % draws.length]!, outcomes, series);
  for (let i = 0; i < 3000; i++) step(i); // warm-up: let the JIT optimise first
  const retainedBefore = settle();
  await new Promise((r) => setTimeout(r, 0));
  const gcStart = gcEvents;
  const measured = allocationPerCall(step, calls, overhead);
  await new Promise((r) => setTimeout(r, 0)); // let the observer deliver
  const gcDuring = gcEvents - gcStart;
  const retainedAfter = settle();
  const sites = await allocationSites(step, Math.max(1000, Math.round(calls / 5)));
  return { T: model.T, policies: P, ...measured, gcEvents: gcDuring, retainedPerRun: (retainedAfter - retainedBefore) / calls, sites };
}

const overhead = readingOverhead();
const seed = bundled(SEED);
const engine = await measureEngine(seed, runs, overhead);
const longer = await measureEngine({ ...seed, horizon: seed.horizon * 2 }, longRuns, overhead);

// control
const sink: unknown[] = [];
const control = allocationPerCall(
  (i) => {
    sink[i & 1023] = { i, x: i * 0.5, y: i + 1 };
  },
  100_000,
  overhead,
);

// runExperiment, read at every progress callback
const scenario = parseScenario(bundled(SEED));
await runExperiment(scenario, { runs: 2000, seed: "warm", policies: ["aligned"] }); // warm-up
settle();
let last = heapUsed();
let lastCompleted = 0;
let allocated = 0;
let counted = 0;
let intervalsWithGc = 0;
const experimentStart = settle();
const result = await runExperiment(scenario, {
  runs: experimentRuns,
  seed: "allocation",
  policies: ["aligned"],
  onProgress: ({ completed }) => {
    const now = heapUsed();
    if (now >= last) {
      allocated += Math.max(0, now - last - overhead);
      counted += completed - lastCompleted;
    } else intervalsWithGc++;
    last = heapUsed();
    lastCompleted = completed;
  },
});
const experimentEnd = settle();

console.log(
  JSON.stringify({
    runs,
    longRuns,
    readingOverhead: overhead,
    engine,
    longer,
    control,
    experiment: {
      runs: experimentRuns,
      bytesPerRun: counted === 0 ? Number.NaN : allocated / counted,
      runsCounted: counted,
      intervalsWithGc,
      retainedPerRun: (experimentEnd - experimentStart) / experimentRuns,
      outcomes: result.outcomes.length,
    },
  }),
);
observer.disconnect();
