// A scenario that fails while it runs (a formula that is not finite in some run) is a
// problem of the scenario: one line naming the file, the outcome, the run and the policy,
// exit code 1, the same with one worker thread or several.
import { describe, expect, it } from "vitest";
import { runInProcess, scratchDirectory, writeScratchFile } from "./_helpers.js";
import { fragileScenario } from "./_scenarios.js";

const scratch = scratchDirectory();

describe("a formula that is not finite in some run", () => {
  it("is reported as a problem of the scenario, exit code 1, the same with 1 and 2 workers", async () => {
    const file = writeScratchFile(scratch(), "fragile.json", JSON.stringify(fragileScenario(560)));
    // One after the other: three commands started at once in this process once crashed it
    // with a V8 fatal error while Node 20 loaded their modules ("v8::Module::IsGraphAsync
    // must be used on an instantiated module"); what is compared does not depend on it.
    const one = await runInProcess(["run", file, "--runs", "400", "--seed", "scattered", "--workers", "1"]);
    const two = await runInProcess(["run", file, "--runs", "400", "--seed", "scattered", "--workers", "2"]);
    const shard = await runInProcess(["shard", file, "--runs", "400", "--seed", "scattered", "--of", "1", "--index", "0", "--workers", "2", "--out", `${scratch()}/s.json`]);
    expect(one).toMatchObject({ code: 1, out: "" });
    expect(one.err).toMatch(
      new RegExp(`^${file}: outcomes\\[3\\]\\.expression: the formula of outcome "fragile", .* is not a finite number in run \\d+ \\(seed "scattered"\\) of policy "ban": .*\\n$`),
    );
    expect(two).toEqual(one);
    expect(shard).toEqual(one);
  });
});
