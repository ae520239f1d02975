// Sobol' (randomised quasi-Monte Carlo) against Monte Carlo, measured (issue 17):
//
// 1. the seed scenario us-japan-chip-controls-2024, policies us-alone (baseline) and
//    aligned: for each seed, one experiment of 4,096 runs per sampler with every run kept;
//    the estimates at 256, 1,024 and 4,096 runs are its prefixes' means (with `sobol`,
//    every prefix of 16 x 2^k runs is balanced). Reported per headline mean and paired
//    difference: the sd of the estimate across seeds for each sampler, the ratio, and for
//    Sobol' the average standard error the experiment reports (iid runs) against the one
//    from its 16 independent scramblings;
// 2. a smooth function, prod_j (1 + 0.8 (x_j - 1/2)) over 8 dimensions (exact integral 1):
//    the RMSE across seeds of each sampler's mean.
//
//   npm run bench:qmc [-- --seeds 10]
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { monteCarloSampler, parseScenario, qmcInterval, runExperiment, sobolSampler, type ExperimentResult } from "../src/index.js";

const seeds = Number(process.argv[process.argv.indexOf("--seeds") + 1] || 10);
const SIZES = [256, 1024, 4096];
const RUNS = SIZES.at(-1)!;
const scenario = parseScenario(JSON.parse(readFileSync(new URL("../scenarios/us-japan-chip-controls-2024.json", import.meta.url), "utf8")));
const policies = ["us-alone", "aligned"];
/** Headline quantities: a policy's mean, or the paired difference aligned - us-alone. */
const QUANTITIES = [
  { label: "mean gdpLoss:JP, aligned", policy: "aligned", outcome: "gdpLoss:JP", paired: false },
  { label: "mean gdpLoss:US, us-alone", policy: "us-alone", outcome: "gdpLoss:US", paired: false },
  { label: "mean gdpLoss:CN, us-alone", policy: "us-alone", outcome: "gdpLoss:CN", paired: false },
  { label: "mean retaliation (0/1), us-alone", policy: "us-alone", outcome: "retaliation", paired: false },
  { label: "paired gdpLoss:JP, aligned - us-alone", policy: "aligned", outcome: "gdpLoss:JP", paired: true },
  { label: "paired gdpLoss:US, aligned - us-alone", policy: "aligned", outcome: "gdpLoss:US", paired: true },
];

const started = performance.now();
console.log(`# Sobol' against Monte Carlo: ${seeds} seeds, ${cpus().length} cores (${cpus()[0]?.model.trim()}), load ${loadavg().map((x) => x.toFixed(2)).join(" ")}, ${new Date().toISOString()}\n`);

/** Per-run values of a quantity: the policy's, or its difference from the baseline's. */
function values(result: ExperimentResult, q: (typeof QUANTITIES)[number]): Float64Array {
  const runs = (name: string) => result.policies.find((p) => p.name === name)!.runs![q.outcome]!;
  const own = runs(q.policy);
  const base = runs("us-alone");
  return Float64Array.from(own, (v, i) => (q.paired ? v - base[i]! : v));
}
const mean = (x: ArrayLike<number>, n = x.length) => {
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i]!;
  return s / n;
};
const sd = (x: readonly number[]) => {
  const m = mean(x);
  return Math.sqrt(x.reduce((s, v) => s + (v - m) ** 2, 0) / (x.length - 1));
};
/** Standard error of the mean of x[0..n) as iid runs. */
const iidSe = (x: Float64Array, n: number) => {
  const m = mean(x, n);
  let s = 0;
  for (let i = 0; i < n; i++) s += (x[i]! - m) ** 2;
  return Math.sqrt(s / (n - 1) / n);
};

// estimates[sampler][quantity][size] = one value per seed; standard errors for sobol
const estimates = { "monte-carlo": QUANTITIES.map(() => SIZES.map(() => [] as number[])), sobol: QUANTITIES.map(() => SIZES.map(() => [] as number[])) };
const iid = QUANTITIES.map(() => SIZES.map(() => [] as number[]));
const replicate = QUANTITIES.map(() => SIZES.map(() => [] as number[]));
for (let s = 0; s < seeds; s++) {
  for (const sampler of ["monte-carlo", "sobol"] as const) {
    const result = await runExperiment(scenario, { runs: RUNS, seed: `qmc-${s}`, sampler, policies, keepRuns: true });
    QUANTITIES.forEach((q, k) => {
      const x = values(result, q);
      SIZES.forEach((n, j) => {
        estimates[sampler][k]![j]!.push(mean(x, n));
        if (sampler === "sobol") {
          iid[k]![j]!.push(iidSe(x, n));
          replicate[k]![j]!.push(qmcInterval(x.subarray(0, n)).standardError);
        }
      });
    });
  }
  process.stderr.write(`seed ${s + 1}/${seeds} done, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
}

const fmt = (v: number) => (v === 0 ? "0" : Math.abs(v) >= 1e4 || Math.abs(v) < 1e-2 ? v.toExponential(2) : v.toPrecision(3));
console.log("## us-japan-chip-controls-2024: sd of the estimate across seeds\n");
console.log("| quantity | runs | sd, Monte Carlo | sd, Sobol' | MC / Sobol' sd | Sobol': mean se reported (iid) | Sobol': mean se from 16 scramblings |");
console.log("| --- | --- | --- | --- | --- | --- | --- |");
QUANTITIES.forEach((q, k) => {
  SIZES.forEach((n, j) => {
    const a = sd(estimates["monte-carlo"][k]![j]!);
    const b = sd(estimates.sobol[k]![j]!);
    console.log(`| ${q.label} | ${n.toLocaleString("en-US")} | ${fmt(a)} | ${fmt(b)} | ${(a / b).toFixed(1)}x | ${fmt(mean(iid[k]![j]!))} | ${fmt(mean(replicate[k]![j]!))} |`);
  });
});

console.log("\n## Smooth function prod_j (1 + 0.8 (x_j - 1/2)), 8 dimensions: RMSE across seeds (exact integral 1)\n");
console.log("| points | RMSE, Monte Carlo | RMSE, Sobol' | ratio |");
console.log("| --- | --- | --- | --- |");
const u = new Float64Array(8);
const f = () => u.reduce((p, x) => p * (1 + 0.8 * (x - 0.5)), 1);
for (const n of SIZES) {
  let mcSquares = 0;
  let qmcSquares = 0;
  for (let s = 0; s < seeds; s++) {
    for (const [sampler, add] of [
      [monteCarloSampler(`smooth-${s}`, 8), (e: number) => (mcSquares += e * e)],
      [sobolSampler(`smooth-${s}`, 8), (e: number) => (qmcSquares += e * e)],
    ] as const) {
      let sum = 0;
      for (let i = 0; i < n; i++) {
        sampler.fill(i, u);
        sum += f();
      }
      add(sum / n - 1);
    }
  }
  const a = Math.sqrt(mcSquares / seeds);
  const b = Math.sqrt(qmcSquares / seeds);
  console.log(`| ${n.toLocaleString("en-US")} | ${a.toExponential(2)} | ${b.toExponential(2)} | ${(a / b).toFixed(0)}x |`);
}
console.log(`\n${((performance.now() - started) / 1000).toFixed(0)} s in all, load ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
