import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CHOKEPOINT_VERSION } from "../../src/version.js";
import { runCli, runInProcess, scratchDirectory, writeScratchFile } from "./_helpers.js";

const scratch = scratchDirectory();

describe("chokepoint shard and merge", () => {
  it("K shards run as separate processes merge into the result one process gives, byte for byte", async () => {
    const dir = scratch();
    const common = ["illustrative-standoff", "--runs", "300", "--seed", "k8s", "--workers", "1"];
    const shards = await Promise.all(
      [0, 1, 2].map((index) => runCli(["shard", ...common, "--index", String(index), "--of", "3", "--out", join(dir, `shard-${index}.json`)], dir)),
    );
    for (const shard of shards) expect(shard.code, shard.stderr).toBe(0);
    const merged = await runCli(["merge", ...[2, 0, 1].map((i) => join(dir, `shard-${i}.json`)), "--json", join(dir, "merged.json")], dir);
    expect(merged.code, merged.stderr).toBe(0);
    const single = await runCli(["run", ...common, "--summaries", "streaming", "--json", join(dir, "single.json")], dir);
    expect(single.code, single.stderr).toBe(0);
    expect(readFileSync(join(dir, "merged.json"), "utf8")).toBe(readFileSync(join(dir, "single.json"), "utf8"));
  });

  it("reads the shard index from JOB_COMPLETION_INDEX, as a Kubernetes Indexed Job sets it", async () => {
    const dir = scratch();
    const { code, stderr } = await runCli(["shard", "illustrative-standoff", "--runs", "40", "--of", "2", "--workers", "1", "--out", join(dir, "s.json")], dir, { JOB_COMPLETION_INDEX: "1" });
    expect(code, stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "s.json"), "utf8")).shard).toEqual({ index: 1, of: 2, runStart: 20, runEnd: 40 });
  });

  it("names the missing shard, and refuses shards of different experiments", async () => {
    const dir = scratch();
    const args = (seed: string, index: number, file: string) => ["shard", "illustrative-standoff", "--runs", "30", "--seed", seed, "--index", String(index), "--of", "3", "--workers", "1", "--out", join(dir, file)];
    await Promise.all([runCli(args("a", 0, "a0.json"), dir), runCli(args("a", 2, "a2.json"), dir), runCli(args("b", 1, "b1.json"), dir)]);
    const missing = await runCli(["merge", join(dir, "a0.json"), join(dir, "a2.json")], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe("shards: missing shard 1 of 3\n");
    const mixed = await runCli(["merge", join(dir, "a0.json"), join(dir, "b1.json"), join(dir, "a2.json")], dir);
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toBe(`${join(dir, "b1.json")}: is a shard of another experiment: seed "b", not "a" as in ${join(dir, "a0.json")}\n`);
  });

  it("reports a malformed shard file with its name and what is wrong in it (exit code 1)", async () => {
    const dir = scratch();
    const cut = writeScratchFile(dir, "cut.json", JSON.stringify({ format: "chokepoint-shard", version: 1, chokepointVersion: CHOKEPOINT_VERSION, experiment: "0123456789abcdef" }));
    const result = writeScratchFile(dir, "result.json", JSON.stringify({ format: "chokepoint-result", version: 1 }));
    const rows = writeScratchFile(dir, "rows.json", JSON.stringify({ format: "chokepoint-shard", version: 1, chokepointVersion: CHOKEPOINT_VERSION, experiment: "x", scenario: {}, scenarioSha256: "0", options: { runs: 10, seed: "1", sampler: "monte-carlo", policies: ["a"] }, shard: { index: 0, of: 1, runStart: 0, runEnd: 10 }, data: { summaries: "streaming", runStart: 0, runEnd: 10, outcomes: [1], comparisons: [], bands: [], gdpLossCapped: 0 } }));
    const [a, b, c] = await Promise.all([runInProcess(["merge", cut]), runInProcess(["merge", result]), runInProcess(["merge", rows])]);
    expect(a).toMatchObject({ code: 1, out: "" });
    expect(a.err).toMatch(new RegExp(`^${cut}: scenario: .+\n$`));
    expect(b).toMatchObject({ code: 1, out: "", err: `${result}: expected a shard written by \`chokepoint shard\` (format "chokepoint-shard")\n` });
    expect(c).toMatchObject({ code: 1, out: "" });
    expect(c.err).toMatch(new RegExp(`^${rows}: data\\.outcomes\\[0\\]: .+\n$`));
  });
});
