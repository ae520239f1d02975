// Files the command line reads (scenarios, shards): only regular files, their size checked
// before reading. A named pipe would block forever, a device could stream without end.
import { execFileSync } from "node:child_process";
import { closeSync, openSync, ftruncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ScenarioError } from "../../src/errors.js";
import { loadScenarioFile } from "../../src/node.js";
import { runInProcess, scratchDirectory } from "./_helpers.js";
import { tinyScenario } from "./_scenarios.js";

const scratch = scratchDirectory();
const unix = process.platform !== "win32";

/** A named pipe (FIFO) in the scratch folder, with no writer: reading it would block forever. */
function fifo(name: string): string {
  const path = join(scratch(), name);
  execFileSync("mkfifo", [path]);
  return path;
}

/** A sparse file of `bytes` bytes (no disk space used), that begins like a scenario. */
function largeFile(name: string, bytes: number): string {
  const path = join(scratch(), name);
  writeFileSync(path, JSON.stringify(tinyScenario));
  const fd = openSync(path, "r+");
  ftruncateSync(fd, bytes);
  closeSync(fd);
  return path;
}

async function loadError(path: string): Promise<ScenarioError> {
  const error = await loadScenarioFile(path).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ScenarioError);
  return error as ScenarioError;
}

describe.skipIf(!unix)("reading scenario and shard files", () => {
  it("loadScenarioFile refuses a named pipe and a device at once, without opening them", { timeout: 10_000 }, async () => {
    const pipe = fifo("scenario.fifo");
    expect((await loadError(pipe)).problems).toEqual([{ path: "", message: `cannot read ${pipe}: it is a named pipe (FIFO), not a file` }]);
    expect((await loadError("/dev/null")).problems[0]?.message).toBe("cannot read /dev/null: it is a character device, not a file");
    expect((await loadError(scratch())).problems[0]?.message).toBe(`cannot read ${scratch()}: it is a folder, not a file`);
  });

  it("loadScenarioFile checks the size before reading: a file over 64 MiB is refused", async () => {
    const large = largeFile("large.json", 64 * 1024 * 1024 + 1);
    expect((await loadError(large)).problems[0]?.message).toBe(`cannot read ${large}: it has 67108865 bytes; the limit is 67108864 bytes (64 MiB)`);
    // at the limit it is read (and found invalid: the zero bytes after the JSON)
    const atLimit = largeFile("at-limit.json", 1024);
    expect((await loadError(atLimit)).problems[0]?.message).not.toMatch(/cannot read/);
  });

  it("the command line calls a named pipe a bad command line (exit code 2), for scenarios and shards", { timeout: 10_000 }, async () => {
    const pipe = fifo("input.fifo");
    const validate = await runInProcess(["validate", pipe]);
    expect(validate).toMatchObject({ code: 2, out: "", err: `error: ${pipe} is a named pipe (FIFO), not a scenario file\n` });
    const merge = await runInProcess(["merge", pipe]);
    expect(merge).toMatchObject({ code: 2, out: "", err: `error: ${pipe}: it is a named pipe (FIFO), not a file\n` });
  });

  it("merge refuses a shard file over its limit before reading it (exit code 1)", async () => {
    const large = largeFile("large-shard.json", 256 * 1024 * 1024 + 1);
    const merge = await runInProcess(["merge", large]);
    expect(merge).toMatchObject({ code: 1, out: "", err: `${large}: it has 268435457 bytes; the limit is 268435456 bytes (256 MiB)\n` });
  });
});
