// Section 8: whether V8 throws the engine's optimised code away while the bundled scenarios
// run. Each time it throws away clearGoods and compiles it again it spends 150 to 200 ms of
// CPU (on the cores the worker threads need), and the engine runs about 15 times slower
// meanwhile. It happens when a line runs for the first time after V8 optimised on the runs
// before, or sees its first fraction after only whole numbers (src/engine/simulate.ts, "Every
// path runs"). V8 compiles on the main thread here (--no-concurrent-recompilation), so when it
// optimises, and hence which lines have run by then, is the same on every machine.
//
// A warning, not a failure: which code V8 keeps depends on its version, and a deoptimisation
// costs time, never a number (was test/engine/deoptimization.test.ts until issue 12).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { heading } from "../lib.js";

const ENGINE_FUNCTIONS = ["simulateRun", "resetRun", "decide", "activateLevers", "clearGoods", "recordPeriod", "finishRun"];

// One scenario per process, as in a worker thread: a new scenario may rightly reach lines
// the last one never did.
const SCRIPT = `
import { readFileSync } from "node:fs";
import { parseScenario, runExperiment } from "./src/index.ts";
const [name, runs] = process.argv.slice(2);
await runExperiment(parseScenario(readFileSync("scenarios/" + name + ".json", "utf8")), { runs: Number(runs), seed: "bench" });
console.log("finished");
`;

const EXPERIMENTS: [scenario: string, runs: number][] = [
  ["us-japan-chip-controls-2024", 400],
  ["illustrative-standoff", 3000],
  ["china-gallium-germanium-ban", 5000],
];

export interface DeoptimizationResult {
  /** One line per deoptimisation of an engine function: scenario, function, reason, where. */
  readonly bailouts: readonly string[];
}

export async function deoptimization(): Promise<DeoptimizationResult> {
  heading("8. Deoptimisations of the engine (V8 throwing its optimised code away)");
  // the bundle runs from bench/, the script's paths are from the repository's root
  const root = fileURLToPath(new URL("../", import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), "chokepoint-deopt-"));
  try {
    const outfile = join(dir, "experiments.mjs");
    await build({
      stdin: { contents: SCRIPT, resolveDir: root, loader: "ts" },
      bundle: true,
      platform: "node",
      format: "esm",
      // the dependencies bundled with it are CommonJS, and need a require
      banner: { js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);' },
      outfile,
      logLevel: "silent",
    });
    const bailouts: string[] = [];
    for (const [scenario, runs] of EXPERIMENTS) {
      const child = spawnSync(process.execPath, ["--trace-deopt-verbose", "--no-concurrent-recompilation", outfile, scenario, String(runs)], {
        cwd: root,
        encoding: "utf8",
        maxBuffer: 256 * 1024 * 1024,
      });
      if (!child.stdout.includes("finished")) throw new Error(`the deoptimisation check of ${scenario} did not finish: ${child.stderr}`);
      // "[bailout (kind: ..., reason: ...): begin. deoptimizing <JSFunction clearGoods ...", then ";;; deoptimize at <file:line:column>"
      const lines = child.stdout.split("\n");
      lines.forEach((line, i) => {
        const name = /^\[bailout .*deoptimizing \S+ <JSFunction (\w+)/.exec(line)?.[1];
        if (name === undefined || !ENGINE_FUNCTIONS.includes(name)) return;
        const reason = /reason: ([^)]*)\)/.exec(line)?.[1] ?? "?";
        const at = lines.slice(i + 1, i + 40).find((next) => next.includes(";;; deoptimize at"))?.trim() ?? "";
        bailouts.push(`${scenario}: ${name}: ${reason} ${at}`);
      });
    }
    if (bailouts.length === 0) console.log(`none in ${EXPERIMENTS.map(([scenario, runs]) => `${scenario} (${runs} runs)`).join(", ")}`);
    else for (const bailout of bailouts) console.log(`WARNING: ${bailout}`);
    return { bailouts };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
