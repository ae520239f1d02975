// Calibration speed (issue 16): `chokepoint calibrate` on each bundled episode with its
// bundled observations and default settings (1,000 particles, at most 200,000 simulations),
// on 1 worker and on every core, timed around the command (start-up, fit, predictive check).
// The command runs as users run it from a clone (esbuild bundle of the sources, plain Node).
//
//   node bench/calibration.mjs [--repetitions 2]
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const repo = fileURLToPath(new URL("..", import.meta.url));
const repetitions = Number(process.argv[process.argv.indexOf("--repetitions") + 1] || 2);
const episodes = ["antimony-export-controls-2024", "rare-earth-licensing-2025"];
const cores = availableParallelism();
const scratch = mkdtempSync(join(tmpdir(), "chokepoint-bench-calibration-"));
console.log(`# calibration: ${cores} cores, load ${loadavg().map((x) => x.toFixed(2)).join(" ")}, ${new Date().toISOString()}\n`);
console.log("| episode | workers | free parameters | points | simulations | populations | stopped | wall (best of " + repetitions + ") | simulations/s |");
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
for (const episode of episodes) {
  for (const workers of [1, cores]) {
    let best = Infinity;
    let fit;
    for (let k = 0; k < repetitions; k++) {
      const out = join(scratch, `${episode}-${workers}.json`);
      const started = performance.now();
      const run = spawnSync(process.execPath, [join(repo, "bin/chokepoint.js"), "calibrate", episode, episode, "--workers", String(workers), "--json", out, "-q"], { cwd: repo, encoding: "utf8" });
      const seconds = (performance.now() - started) / 1000;
      if (run.status !== 0) throw new Error(run.stderr);
      best = Math.min(best, seconds);
      fit = JSON.parse(readFileSync(out, "utf8"));
    }
    const p = fit.posterior;
    console.log(`| ${episode} | ${workers} | ${p.parameters.length} | ${fit.observations.points} | ${p.simulations.toLocaleString("en-US")} | ${p.generations.length} | ${p.stopReason} | ${best.toFixed(1)} s | ${Math.round(p.simulations / best).toLocaleString("en-US")} |`);
  }
}
rmSync(scratch, { recursive: true, force: true });
