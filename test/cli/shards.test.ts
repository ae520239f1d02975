import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, scratchDirectory } from "./_helpers.js";

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
    expect(mixed.stderr).toBe(`${join(dir, "b1.json")}: is a shard of another experiment (scenario or options differ from ${join(dir, "a0.json")})\n`);
  });
});
