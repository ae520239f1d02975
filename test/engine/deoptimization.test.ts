// The engine's optimised code must survive the bundled scenarios: each time V8 throws away
// the optimised clearGoods and compiles it again, it spends 150 to 200 ms of CPU (on the
// cores the worker threads need) and runs the engine about 15 times slower meanwhile. It
// happens when a line runs for the first time after V8 optimised on the runs before, or
// sees its first fraction after only whole numbers (src/engine/simulate.ts, "Every path
// runs"). V8 compiles on the main thread here (--no-concurrent-recompilation), so when it
// optimises, and hence which lines have run by then, is the same on every machine.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bundleScript } from "../_helpers/bundle-script.js";

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

describe("the engine's optimised code", () => {
  const dir = mkdtempSync(join(tmpdir(), "chokepoint-deopt-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is not thrown away while the bundled scenarios run (no deoptimisation of an engine function)", async () => {
    const outfile = join(dir, "experiments.mjs");
    await bundleScript(SCRIPT, outfile);
    const engineBailouts: string[] = [];
    for (const [scenario, runs] of EXPERIMENTS) {
      const child = spawnSync(process.execPath, ["--trace-deopt-verbose", "--no-concurrent-recompilation", outfile, scenario, String(runs)], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
      expect(child.stderr).toBe("");
      expect(child.stdout).toContain("finished");
      // "[bailout (kind: ..., reason: ...): begin. deoptimizing <JSFunction clearGoods ...", then ";;; deoptimize at <file:line:column>"
      const lines = child.stdout.split("\n");
      lines.forEach((line, i) => {
        const name = /^\[bailout .*deoptimizing \S+ <JSFunction (\w+)/.exec(line)?.[1];
        if (name === undefined || !ENGINE_FUNCTIONS.includes(name)) return;
        const reason = /reason: ([^)]*)\)/.exec(line)?.[1] ?? "?";
        const at = lines.slice(i + 1, i + 40).find((next) => next.includes(";;; deoptimize at"))?.trim() ?? "";
        engineBailouts.push(`${scenario}: ${name}: ${reason} ${at}`);
      });
    }
    expect(engineBailouts).toEqual([]);
  });
});
