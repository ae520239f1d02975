// Section 6: allocation per run and per period (a child process with --expose-gc).
import { fmt, heading, runChild, sig, table } from "../lib.js";
import { SEED } from "../worlds.js";

interface EngineAllocation {
  readonly T: number;
  readonly policies: number;
  readonly bytesPerCall: number;
  readonly callsCounted: number;
  readonly blocksWithGc: number;
  readonly gcEvents: number;
  readonly retainedPerRun: number;
  /** Allocated bytes per run by function (V8's sampling heap profiler). */
  readonly sites: { fn: string; bytesPerRun: number }[];
}

export interface AllocationResult {
  readonly runs: number;
  readonly longRuns: number;
  readonly readingOverhead: number;
  readonly engine: EngineAllocation;
  readonly longer: EngineAllocation;
  readonly control: { readonly bytesPerCall: number; readonly callsCounted: number; readonly blocksWithGc: number };
  readonly experiment: { readonly runs: number; readonly bytesPerRun: number; readonly runsCounted: number; readonly intervalsWithGc: number; readonly retainedPerRun: number };
  /** Bytes allocated per extra period: (per run at 2T - per run at T) / T. */
  readonly perPeriod: number;
}

export async function allocation(quick: boolean): Promise<AllocationResult> {
  const runs = quick ? 10_000 : 100_000;
  const longRuns = quick ? 5_000 : 50_000;
  const experimentRuns = quick ? 5_000 : 20_000;
  heading(`6. Allocation (${SEED}, node --expose-gc)`);
  const r = await runChild<Omit<AllocationResult, "perPeriod">>("./children/allocation.ts", [String(runs), String(longRuns), String(experimentRuns)], ["--expose-gc"]);
  const perPeriod = (r.longer.bytesPerCall - r.engine.bytesPerCall) / r.engine.T;
  table(
    ["measured", "runs", "runs counted (blocks without a GC)", "GCs during the runs", "heap allocated per run", "per period", "heap retained per run (after full GC)"],
    [
      [`simulateRun, horizon ${r.engine.T}, ${r.engine.policies} policies in turn`, fmt(r.runs), fmt(r.engine.callsCounted), String(r.engine.gcEvents), `${sig(r.engine.bytesPerCall)} B`, `${sig(r.engine.bytesPerCall / r.engine.T)} B`, `${sig(r.engine.retainedPerRun)} B`],
      [`simulateRun, horizon ${r.longer.T} (doubled)`, fmt(r.longRuns), fmt(r.longer.callsCounted), String(r.longer.gcEvents), `${sig(r.longer.bytesPerCall)} B`, `${sig(r.longer.bytesPerCall / r.longer.T)} B`, `${sig(r.longer.retainedPerRun)} B`],
      ["per extra period: (2T - T) / T", "", "", "", "", `**${sig(perPeriod)} B**`, ""],
      [`runExperiment, one policy, exact summaries (sampling included)`, fmt(r.experiment.runs), fmt(r.experiment.runsCounted), `${r.experiment.intervalsWithGc} intervals left out`, `${sig(r.experiment.bytesPerRun)} B`, `${sig(r.experiment.bytesPerRun / r.engine.T)} B`, `${sig(r.experiment.retainedPerRun)} B`],
      ["control: one { i, x, y } object per call", fmt(r.control.callsCounted), fmt(r.control.callsCounted), "", `${sig(r.control.bytesPerCall)} B`, "", ""],
    ],
  );
  console.log(
    `\nAllocated = growth of process.memoryUsage().heapUsed over blocks of 1,000 runs in which no GC ran (blocks with a GC are left out), less the ${r.readingOverhead} B the reading itself allocates; retained = heapUsed after gc() before and after all the runs. The control shows the method sees a 64-byte object per call.`,
  );
  console.log(`\nWhere (V8's sampling heap profiler, a sample every 64 bytes on average, ${r.engine.T} periods): ${r.engine.sites.length === 0 ? "nothing" : r.engine.sites.map((x) => `${x.fn} ${sig(x.bytesPerRun)} B/run`).join(", ")}; at ${r.longer.T} periods: ${r.longer.sites.length === 0 ? "nothing" : r.longer.sites.map((x) => `${x.fn} ${sig(x.bytesPerRun)} B/run`).join(", ")}.`);
  return { ...r, perPeriod };
}
