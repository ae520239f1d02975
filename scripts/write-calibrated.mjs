// Writes scenarios/calibrated/<episode>.json: each bundled episode calibrated to its bundled
// observations (chokepoint calibrate, default settings, seed "1"), the posterior's joint
// draws in its `posterior` field. The fit is deterministic, so the files are what this
// script writes on any machine with the same sources.
//
//   node scripts/write-calibrated.mjs        (about 25 s on 2 cores)
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const repo = fileURLToPath(new URL("..", import.meta.url));
const episodes = readdirSync(join(repo, "observations"))
  .filter((file) => file.endsWith(".json"))
  .map((file) => JSON.parse(readFileSync(join(repo, "observations", file), "utf8")).scenario);
for (const episode of episodes) {
  const out = join("scenarios", "calibrated", `${episode}.json`);
  const run = spawnSync(process.execPath, [join(repo, "bin/chokepoint.js"), "calibrate", episode, episode, "--seed", "1", "--calibrated", out], { cwd: repo, stdio: "inherit" });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
