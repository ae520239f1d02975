// Benchmarks (`npm run bench`); results are written up in bench/README.md.
//
//   npm run bench                       every section, about 15 minutes on an idle 2-core machine
//   npm run bench -- --quick            shorter runs, about 5 minutes
//   npm run bench -- --long             also the long memory runs: the seed scenario at 10^6 runs
//                                       and a bundled scenario at 10^7, over all cores (20+ minutes more)
//   npm run bench -- --only throughput,scaling
//   npm run bench -- --only memory --memory-runs 1e3,1e5
//   npm run bench -- --only memory --long --memory-runs none    (the long rows alone)
//   npm run bench -- --json results.json
//
// Sections: throughput (1), scaling and floor (2 and 5), memory (3), reference (4),
// allocation (6), deoptimization (8: warnings only); the targets of issue 5 are printed
// after section 6, as ratios, PASS or FAIL. Exits non-zero when the reference
// implementation disagrees with the engine.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { fmt, load, machine, sig, table } from "./lib.js";
import { allocation, type AllocationResult } from "./sections/allocation.js";
import { deoptimization, type DeoptimizationResult } from "./sections/deoptimization.js";
import { memory, memoryPlan, streamingGrowth, type MemoryResult } from "./sections/memory.js";
import { reference, type ReferenceResult } from "./sections/reference.js";
import { scaling, type ScalingResult } from "./sections/scaling.js";
import { throughput, type ThroughputResult } from "./sections/throughput.js";

const SECTIONS = ["throughput", "scaling", "memory", "reference", "allocation", "deoptimization"] as const;
type Section = (typeof SECTIONS)[number];

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    long: { type: "boolean", default: false },
    only: { type: "string" },
    "memory-runs": { type: "string" },
    json: { type: "string" },
  },
});
const quick = values.quick === true;
const only = values.only?.split(",").map((s) => s.trim()) ?? [...SECTIONS];
for (const s of only) if (!(SECTIONS as readonly string[]).includes(s)) throw new Error(`unknown section ${s}; sections: ${SECTIONS.join(", ")}`);
const selected = (s: Section) => only.includes(s);

const m = machine();
const started = performance.now();
console.log(`# chokepoint benchmarks${quick ? " (--quick)" : ""}\n`);
console.log(`machine: ${m.cpu}, ${m.cores} cores (availableParallelism ${m.parallelism}), ${m.memoryGiB.toFixed(1)} GiB, ${m.os}, Node ${m.node}`);
console.log(`load average at start: ${load()}; started ${new Date().toISOString()}`);

const results: {
  throughput?: ThroughputResult;
  scaling?: ScalingResult;
  memory?: MemoryResult;
  reference?: ReferenceResult;
  allocation?: AllocationResult;
  deoptimization?: DeoptimizationResult;
} = {};
if (selected("throughput")) results.throughput = await throughput(quick);
if (selected("scaling")) results.scaling = scaling(quick);
if (selected("memory")) results.memory = await memory(memoryPlan(quick, values.long === true, values["memory-runs"]));
if (selected("reference")) results.reference = reference(quick);
if (selected("allocation")) results.allocation = await allocation(quick);

// --- targets ------------------------------------------------------------------------------
console.log("\n## 7. Targets of issue 5, as measured in this run\n");
const rows: string[][] = [];
const verdict = (pass: boolean) => (pass ? "PASS" : "**FAIL**");
const short = (measured: number, required: number, higherIsBetter: boolean) => {
  const pass = higherIsBetter ? measured >= required : measured <= required;
  if (pass) return "";
  return higherIsBetter ? `${fmt((1 - measured / required) * 100)}% short` : `${sig(measured / required)}x over`;
};
if (results.throughput !== undefined) {
  const t = results.throughput;
  for (const r of t.rows) {
    rows.push([
      `speed-up on ${t.workers} cores: ${r.scenario} [${t.workers} shard processes: ${sig(r.shards)}x; CPU / wall ${sig(r.parallel.cpuSeconds / r.parallel.seconds)}]`,
      ">= 1.8x",
      `${sig(r.speedup)}x`,
      verdict(r.speedup >= 1.8),
      short(r.speedup, 1.8, true),
    ]);
  }
}
if (results.reference !== undefined) {
  const r = results.reference;
  rows.push(["reference agrees with the engine (relative 1e-9)", "all values", `${r.agreement.reduce((s, a) => s + a.disagreements, 0)} disagreements`, verdict(r.agreed), ""]);
  for (const e of r.experiments) {
    const ratio = e.referenceUs / e.engineUs;
    rows.push([`faster than the reference: ${e.world}, the experiment (${e.policies} policies)`, ">= 20x", `${fmt(ratio)}x`, verdict(ratio >= 20), short(ratio, 20, true)]);
  }
  const ratios = r.timings.map((t) => ({ label: `${t.world}, ${t.policy}`, ratio: t.referenceUs / t.engineUs }));
  const worst = ratios.reduce((a, b) => (b.ratio < a.ratio ? b : a));
  const best = ratios.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  rows.push([`faster than the reference: worst single (world, policy) of ${ratios.length}: ${worst.label} (best ${fmt(best.ratio)}x)`, ">= 20x", `${fmt(worst.ratio)}x`, verdict(worst.ratio >= 20), short(worst.ratio, 20, true)]);
}
if (results.scaling !== undefined) {
  const f = results.scaling.floor;
  const seedRows = f.filter((x) => x.world.endsWith("(seed)"));
  const seedRatio = seedRows.reduce((s, x) => s + x.engineUs, 0) / seedRows.length / seedRows[0]!.bareUs;
  rows.push(["per-run time / bare loop: seed scenario (mean over its policies)", "<= 3x", `${sig(seedRatio)}x`, verdict(seedRatio <= 3), short(seedRatio, 3, false)]);
  const worst = f.reduce((a, b) => (b.engineUs / b.bareUs > a.engineUs / a.bareUs ? b : a));
  const best = f.reduce((a, b) => (b.engineUs / b.bareUs < a.engineUs / a.bareUs ? b : a));
  const worstRatio = worst.engineUs / worst.bareUs;
  rows.push([
    `per-run time / bare loop: worst of ${f.length} (${worst.world}, ${worst.policy}; best ${sig(best.engineUs / best.bareUs)}x)`,
    "<= 3x",
    `${sig(worstRatio)}x`,
    verdict(worstRatio <= 3),
    short(worstRatio, 3, false),
  ]);
}
if (results.allocation !== undefined) {
  const a = results.allocation;
  rows.push([
    `no allocation per period (simulateRun, ${a.engine.T} vs ${a.longer.T} periods; ${sig(a.engine.bytesPerCall)} B per run at ${a.engine.T})`,
    "< 1 B per period",
    `${sig(a.perPeriod)} B per period`,
    verdict(a.perPeriod < 1),
    a.perPeriod < 1 ? "" : `${sig(a.perPeriod / 16)} boxed numbers (16 B) per period`,
  ]);
}
if (results.memory !== undefined) {
  for (const g of streamingGrowth(results.memory)) {
    rows.push([`flat memory, streaming summaries: ${g.label}, ${fmt(g.fromRuns)} to ${fmt(g.toRuns)} runs`, "flat", `${g.growth >= 0 ? "+" : ""}${fmt(g.growth / 2 ** 20)} MiB peak RSS`, verdict(g.growth < 32 * 2 ** 20), "(flat = under 32 MiB of growth)"]);
  }
}
table(["target", "required", "measured", "result", "by how much"], rows);
if (selected("deoptimization")) results.deoptimization = await deoptimization();
console.log(`\nTimings on a shared machine can vary by 2x from minute to minute (bench/README.md, "Load"): compare runs with care. Load average at the end: ${load()}. Total time: ${fmt((performance.now() - started) / 60000, 1)} min.`);

if (values.json !== undefined) {
  writeFileSync(values.json, JSON.stringify({ machine: m, quick, results }, null, 2));
  console.log(`results written to ${values.json}`);
}
if (results.reference !== undefined && !results.reference.agreed) {
  console.error("\n*** FAILED: the reference implementation disagrees with the engine (section 4). ***");
  process.exitCode = 1;
}
