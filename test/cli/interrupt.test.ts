// Ctrl-C during `chokepoint run`: the experiment stops, the command says how far it got,
// writes no result file (not even a partial one) and exits with 130.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { finished, scratchDirectory, startCli } from "./_helpers.js";

const scratch = scratchDirectory();

describe("chokepoint run, interrupted", () => {
  it("stops on SIGINT once progress has started: exit code 130, a message, no JSON file", async () => {
    const file = join(scratch(), "interrupted.json");
    const report = join(scratch(), "interrupted.html");
    const child = startCli(["run", "illustrative-standoff", "--runs", "200000", "--progress", "--json", file, "--html", report]);
    const done = finished(child);
    await new Promise<void>((resolve) => {
      let seen = "";
      child.stderr?.on("data", (chunk: string) => {
        seen += chunk;
        if (seen.includes("progress ")) resolve();
      });
      child.on("close", () => resolve());
    });
    child.kill("SIGINT");
    const { code, stdout, stderr } = await done;
    expect(code).toBe(130);
    expect(stdout).toBe("");
    const lines = stderr.trimEnd().split("\n");
    // runs done, then (once it can tell) the rate and the time left
    expect(lines.slice(0, -1).every((line) => /^progress \d+% \(\d+ of 200000 runs(, [\d,]+ runs\/s, about \d+ (s|min \d\d s|h \d\d min) left)?\)$/.test(line))).toBe(true);
    const [, runsDone] = /^interrupted after (\d+) of 200000 runs; (.+) not written$/.exec(lines.at(-1) ?? "") ?? [];
    expect(Number(runsDone)).toBeGreaterThan(0);
    expect(Number(runsDone)).toBeLessThan(200000);
    expect(lines.at(-1)?.endsWith(`; ${file}, ${report} not written`)).toBe(true);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(report)).toBe(false);
    expect(readdirSync(scratch())).toEqual([]);
  });
});
