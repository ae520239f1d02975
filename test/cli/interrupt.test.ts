// Ctrl-C during `chokepoint run`: the experiment stops, the command says how far it got,
// writes no result file (not even a partial one) and exits with 130.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { longSeriesScenario } from "../_helpers/worlds.js";
import { finished, scratchDirectory, startCli, writeScratchFile } from "./_helpers.js";

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

  it("stops on SIGINT after the last run, while it summarises: exit code 130, no JSON file", async () => {
    // summarising 20 runs of these long series takes about as long as running them
    const scenario = writeScratchFile(scratch(), "long-series.json", JSON.stringify(longSeriesScenario()));
    const file = join(scratch(), "summarising.json");
    const child = startCli(["run", scenario, "--runs", "20", "--progress", "--json", file]);
    const done = finished(child);
    await new Promise<void>((resolve) => {
      let seen = "";
      child.stderr?.on("data", (chunk: string) => {
        seen += chunk;
        if (seen.includes("progress 100%")) resolve();
      });
      child.on("close", () => resolve());
    });
    // well into summarising (about a second here), past the workers' shutdown
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.kill("SIGINT");
    const { code, stderr } = await done;
    expect(stderr.trimEnd().split("\n").at(-1)).toBe(`interrupted after 20 of 20 runs; ${file} not written`);
    expect(code).toBe(130);
    expect(existsSync(file)).toBe(false);
  });
});
