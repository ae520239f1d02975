// Section 1: runs per second of each bundled scenario, one thread and all cores. Every
// measurement is a fresh process (bench/children/throughput.mjs) running the library built
// from the current src/ (bench/build-library.ts), so one thread and many start equally
// cold. (From source under tsx each worker thread starts with `--import tsx` and pays
// tsx's start-up too; users run the built library, so that is what is timed.)
import { availableParallelism } from "node:os";
import { buildLibrary } from "../build-library.js";
import { fmt, heading, load, parallelCapacity, runChild, sig, table } from "../lib.js";
import { BUNDLED } from "../worlds.js";

interface ChildResult {
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly hash: string;
  readonly policies: number;
}

export interface ThroughputRow {
  readonly scenario: string;
  readonly policies: number;
  readonly runs: number;
  readonly single: ChildResult;
  readonly parallel: ChildResult;
  /** Parallel capacity of the machine measured just before each repetition (a CPU-bound loop on `workers` threads). */
  readonly capacity: number[];
  readonly speedup: number;
  /**
   * The experiment's work split as shards would split it: `workers` independent
   * single-thread processes, each running an experiment of runs / workers runs (exact
   * summaries, as the other columns; not `chokepoint shard` itself), started together; the
   * single-thread time over the slowest one's (best of the repetitions). Each process pays
   * its own start, compilation and JIT warm-up, as each worker thread does, so this is the
   * speed-up any split of this one experiment over `workers` cores could expect here.
   */
  readonly shards: number;
  readonly identical: boolean;
}

export interface ThroughputResult {
  readonly workers: number;
  readonly startup: ChildResult;
  readonly rows: ThroughputRow[];
}

/**
 * Runs per scenario: 14 to 20 s single-threaded each on an idle reference machine (a fifth
 * with --quick), long enough that the worker pool's start-up and each worker's JIT warm-up
 * are a small part; at most 100,000 so summaries stay exact.
 */
const RUNS: Record<string, number> = {
  "us-japan-chip-controls-2024": 8_000,
  "china-gallium-germanium-ban": 100_000,
  "illustrative-standoff": 50_000,
};

export async function throughput(quick: boolean): Promise<ThroughputResult> {
  const workers = availableParallelism();
  heading(`1. Runs per second, bundled scenarios: workers 1 and ${workers}`);
  console.log(`load average before: ${load()}`);
  const library = await buildLibrary();
  try {
    const child = (name: string, runs: number, w: number) => runChild<ChildResult>("./children/throughput.mjs", [library.dir, name, String(runs), String(w)]);
    const startups: ChildResult[] = [];
    for (let k = 0; k < 3; k++) startups.push(await child("china-gallium-germanium-ban", 2, workers));
    const startup = startups.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    console.log(`worker pool start-up (2 runs on ${workers} workers, built library, best of 3): ${fmt(startup.seconds * 1000)} ms wall, ${fmt(startup.cpuSeconds * 1000)} ms CPU`);
    const rows: ThroughputRow[] = [];
    // This VM's vCPUs change speed by up to 2x from minute to minute (bench/README.md), so
    // every configuration is repeated, in turn, and the fastest kept.
    const repetitions = quick ? 1 : 3;
    for (const name of BUNDLED) {
      const runs = Math.round(RUNS[name]! / (quick ? 5 : 1));
      const capacity: number[] = [];
      const singles: ChildResult[] = [];
      const parallels: ChildResult[] = [];
      const shards: number[] = [];
      for (let k = 0; k < repetitions; k++) {
        capacity.push(await parallelCapacity(workers));
        singles.push(await child(name, runs, 1));
        parallels.push(await child(name, runs, workers));
        const together = await Promise.all(Array.from({ length: workers }, () => child(name, Math.round(runs / workers), 1)));
        shards.push(Math.max(...together.map((r) => r.seconds)));
      }
      // best of the repetitions for each configuration: other tenants only ever add time
      const single = singles.reduce((a, b) => (b.seconds < a.seconds ? b : a));
      const parallel = parallels.reduce((a, b) => (b.seconds < a.seconds ? b : a));
      const row: ThroughputRow = {
        scenario: name,
        policies: single.policies,
        runs,
        single,
        parallel,
        capacity,
        speedup: single.seconds / parallel.seconds,
        shards: single.seconds / Math.min(...shards),
        identical: [...singles, ...parallels].every((r) => r.hash === single.hash),
      };
      rows.push(row);
      console.log(
        `  ${name}: ${fmt(runs / single.seconds)} runs/s on 1 thread, ${fmt(runs / parallel.seconds)} on ${workers}; ${workers} shard processes ${sig(row.shards)}x; capacity ${capacity.map((c) => c.toFixed(2)).join(", ")}; load ${load()}`,
      );
    }
    console.log("");
    table(
      ["scenario", "policies", "runs", "runs/s, 1 worker", "policy-runs/s, 1 worker", `runs/s, ${workers} workers`, "speed-up", `speed-up less pool start-up`, `${workers} shard processes`, "speed-up / shard processes", `CPU / wall, ${workers} workers`, `CPU s, 1 / ${workers} workers`, `2 x CPU(1) / CPU(${workers})`, "machine capacity", "identical results"],
      rows.map((r) => [
        r.scenario,
        String(r.policies),
        fmt(r.runs),
        fmt(r.runs / r.single.seconds),
        fmt((r.runs * r.policies) / r.single.seconds),
        fmt(r.runs / r.parallel.seconds),
        `${sig(r.speedup)}x`,
        `${sig(r.single.seconds / Math.max(1e-9, r.parallel.seconds - startup.seconds))}x`,
        `${sig(r.shards)}x`,
        `${Math.round((100 * r.speedup) / r.shards)}%`,
        sig(r.parallel.cpuSeconds / r.parallel.seconds),
        `${sig(r.single.cpuSeconds)} / ${sig(r.parallel.cpuSeconds)}`,
        `${sig((workers * r.single.cpuSeconds) / r.parallel.cpuSeconds)}x`,
        r.capacity.map((c) => `${sig(c)}x`).join(", "),
        r.identical ? "yes" : "NO",
      ]),
    );
    console.log(
      `\nA run is one draw of the uncertainties simulated under every policy of the scenario (runExperiment's default), exact summaries, timed around the runExperiment call in a fresh process (compile, simulate, summarise; with ${workers} workers, starting the pool too); the fastest of ${repetitions} repetitions of each. ` +
        `Speed-up less pool start-up: the same with the best start-up time above taken off the ${workers}-worker time (what a long experiment tends to). CPU / wall is the CPU time of all the process's threads over the wall time: about ${workers} when every worker had a core. ${workers} x CPU(1) / CPU(${workers}): the speed-up the work allows if every worker had a core to itself (CPU time of the single-thread run over that of the ${workers}-worker run, pool start-up included) — an estimate for a loaded machine, not a measurement. Machine capacity: ${workers} threads of a CPU-bound loop against one, just before each repetition (about ${workers} on an idle machine; other tenants of this shared machine lower it). ` +
        `${workers} shard processes: the experiment's work split as shards split it, ${workers} independent single-thread processes each running an experiment of 1/${workers} of the runs (exact summaries; not \`chokepoint shard\` itself), started together; the single-thread time over the slowest one's (best of ${repetitions}). Each pays its own start-up and JIT warm-up, as a worker thread does: what splitting this one experiment over ${workers} cores gives without threads. Speed-up / shard processes is how much of that the worker threads get.`,
    );
    return { workers, startup, rows };
  } finally {
    library.cleanup();
  }
}
