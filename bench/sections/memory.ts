// Section 3: peak memory against the number of runs, each size in a fresh child process
// (bench/children/memory.ts).
//
// Default: the seed scenario, one policy, on the main thread, exact and streaming
// summaries, 10^3 to 10^5 runs. With --long: streaming summaries over all cores (the
// library built from src/), the seed scenario at 10^4 and 10^6 runs, and the cheapest
// bundled experiment (china-gallium-germanium-ban, its baseline policy "no-ban") from 10^4
// to 10^7 runs. 10^7 runs of the seed scenario would take about an hour on two idle cores,
// so they are not part of the bench. `--memory-runs none` leaves out the main-thread rows.
import { availableParallelism } from "node:os";
import { buildLibrary } from "../build-library.js";
import { fmt, heading, load, mib, runChild, sig, table } from "../lib.js";
import { SEED } from "../worlds.js";

interface ChildResult {
  readonly runs: number;
  readonly summaries: "exact" | "streaming";
  readonly workers: number;
  readonly seconds: number;
  readonly rssBefore: number;
  readonly sampledRss: number;
  readonly sampledHeap: number;
  readonly maxRss: number;
}

export interface MemoryRow {
  readonly scenario: string;
  readonly policy: string;
  readonly summaries: "exact" | "streaming";
  readonly workers: number;
  readonly runs: number;
  readonly result: ChildResult;
}

export interface MemoryResult {
  readonly baseline: ChildResult;
  readonly rows: MemoryRow[];
}

const SEED_POLICY = "aligned";
const SMALL = "china-gallium-germanium-ban";
const SMALL_POLICY = "no-ban";

export interface MemoryPlan {
  readonly seedSizes: number[];
  readonly long: boolean;
}

export function memoryPlan(quick: boolean, long: boolean, override: string | undefined): MemoryPlan {
  if (override === "none") return { seedSizes: [], long };
  if (override !== undefined) return { seedSizes: override.split(",").map((s) => Math.round(Number(s))), long };
  return { seedSizes: quick ? [1e3, 1e4] : [1e3, 1e4, 1e5], long };
}

export async function memory(plan: MemoryPlan): Promise<MemoryResult> {
  heading(`3. Peak memory against the number of runs (a fresh process per row)`);
  const child = (scenario: string, policy: string, runs: number, summaries: "exact" | "streaming", workers = 1, buildDir?: string) =>
    runChild<ChildResult>("./children/memory.ts", [String(runs), summaries, policy, scenario, String(workers), ...(buildDir === undefined ? [] : [buildDir])]);
  const baseline = await child(SEED, SEED_POLICY, 1, "exact");
  const rows: MemoryRow[] = [];
  const record = (scenario: string, policy: string, summaries: "exact" | "streaming", workers: number, runs: number, result: ChildResult) => {
    rows.push({ scenario, policy, summaries, workers, runs, result });
    console.log(`  ${scenario} (${policy}), ${summaries}, ${workers} worker${workers > 1 ? "s" : ""}, ${fmt(runs)} runs: peak RSS ${mib(result.maxRss)} in ${fmt(result.seconds, 1)} s (load ${load()})`);
  };
  for (const summaries of ["exact", "streaming"] as const) {
    for (const runs of plan.seedSizes) record(SEED, SEED_POLICY, summaries, 1, runs, await child(SEED, SEED_POLICY, runs, summaries));
  }
  if (plan.long) {
    const workers = availableParallelism();
    const library = await buildLibrary();
    try {
      for (const runs of [1e4, 1e6]) record(SEED, SEED_POLICY, "streaming", workers, runs, await child(SEED, SEED_POLICY, runs, "streaming", workers, library.dir));
      for (const runs of [1e4, 1e5, 1e6, 1e7]) record(SMALL, SMALL_POLICY, "streaming", workers, runs, await child(SMALL, SMALL_POLICY, runs, "streaming", workers, library.dir));
    } finally {
      library.cleanup();
    }
  }
  console.log("");
  table(
    ["scenario (policy)", "summaries", "threads", "runs", "time", "runs/s", "peak RSS (kernel high-water mark)", "peak RSS (sampled every 10 ms)", "peak heap used (sampled, main thread)", "growth per run since the previous row"],
    [
      [`${SEED} (${SEED_POLICY})`, "exact", "1", "1", `${fmt(baseline.seconds, 2)} s`, "-", mib(baseline.maxRss), mib(baseline.sampledRss), mib(baseline.sampledHeap), "-"],
      ...rows.map((r, k) => {
        const previous = rows[k - 1];
        const same = previous !== undefined && previous.scenario === r.scenario && previous.summaries === r.summaries && previous.workers === r.workers;
        const growth = same ? `${sig((r.result.maxRss - previous.result.maxRss) / (r.runs - previous.runs))} B` : "-";
        return [`${r.scenario} (${r.policy})`, r.summaries, r.workers === 1 ? "1 (main)" : `${r.workers} workers`, fmt(r.runs), `${fmt(r.result.seconds, 1)} s`, fmt(r.runs / r.result.seconds), mib(r.result.maxRss), mib(r.result.sampledRss), mib(r.result.sampledHeap), growth];
      }),
    ],
  );
  console.log(
    `\nEach row is a fresh Node process (bench/memory.child.bundle.mjs under \`npm run bench\`) running one experiment with one policy; the 1-run row is the fixed cost (Node, zod, mathjs, the library). Rows on the main thread run the library from src/, bundled; rows with workers run chokepoint/node's runExperiment from the library built from src/ (worker threads included in the process's RSS). Exact summaries keep every run's values (memory grows with runs by design); streaming summaries should stay flat.`,
  );
  return { baseline, rows };
}

/** Growth of peak RSS from the first to the last streaming row of each (scenario, threads) group. */
export function streamingGrowth(result: MemoryResult): { label: string; fromRuns: number; toRuns: number; growth: number }[] {
  const groups = new Map<string, MemoryRow[]>();
  for (const r of result.rows) {
    if (r.summaries !== "streaming") continue;
    const key = `${r.scenario} (${r.policy}), ${r.workers === 1 ? "main thread" : `${r.workers} workers`}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups].filter(([, rows]) => rows.length > 1).map(([label, rows]) => ({ label, fromRuns: rows[0]!.runs, toRuns: rows[rows.length - 1]!.runs, growth: rows[rows.length - 1]!.result.maxRss - rows[0]!.result.maxRss }));
}
