// The files the command line writes: checked before the run (where they go, what is there
// now), never written through a link or over anything but a regular file, never over
// another output or an input, and written all or none: Ctrl-C or a failure while writing
// leaves no file and no temporary file behind.
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { CliEnvironment } from "../../src/cli/environment.js";
import { CommandFailure, UsageError } from "../../src/cli/errors.js";
import { checkOutputFiles, writeOutputFiles } from "../../src/cli/output-files.js";
import { recordingEnvironment, runInProcess, scratchDirectory, writeScratchFile } from "./_helpers.js";
import { tinyScenario } from "./_scenarios.js";

const scratch = scratchDirectory();
const unix = process.platform !== "win32";
const root = process.getuid?.() === 0;
let dir = "";
let tiny = "";

beforeAll(() => {
  dir = join(scratch(), "outputs");
  mkdirSync(dir);
  tiny = writeScratchFile(dir, "tiny.json", JSON.stringify(tinyScenario));
});

/** The message of the UsageError that checkOutputFiles throws. */
function refusal(...args: Parameters<typeof checkOutputFiles>): string {
  try {
    checkOutputFiles(...args);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).message;
  }
  throw new Error("expected the outputs to be refused");
}

describe.skipIf(!unix)("outputs are checked before the run", () => {
  it("refuses a symbolic link, a device, a named pipe and a folder; accepts a regular file or a new name", () => {
    const victim = writeScratchFile(dir, "victim.txt", "keep me\n");
    const link = join(dir, "link.json");
    symlinkSync(victim, link);
    const pipe = join(dir, "out.fifo");
    execFileSync("mkfifo", [pipe]);
    expect(refusal([{ option: "--json", file: link }])).toBe(`--json: ${link} is a symbolic link (outputs are never written through one); give the name of a regular file`);
    expect(refusal([{ option: "--csv", file: "/dev/null" }])).toBe("--csv: /dev/null is a character device; give the name of a regular file");
    expect(refusal([{ option: "--html", file: pipe }])).toBe(`--html: ${pipe} is a named pipe (FIFO); give the name of a regular file`);
    expect(refusal([{ option: "--out", file: dir }])).toBe(`--out: ${dir} is a folder; give the name of a regular file`);
    expect(refusal([{ option: "--json", file: join(dir, "no", "r.json") }])).toBe(`--json: folder ${join(dir, "no")} does not exist`);
    checkOutputFiles([{ option: "--json", file: victim }, { option: "--csv", file: join(dir, "new.csv") }]);
  });

  it.skipIf(root)("refuses a file or a folder that is not writable", () => {
    const locked = writeScratchFile(dir, "locked.json", "{}\n");
    chmodSync(locked, 0o444);
    const folder = join(dir, "locked-folder");
    mkdirSync(folder, 0o555);
    expect(refusal([{ option: "--json", file: locked }])).toBe(`--json: ${locked} is not writable`);
    expect(refusal([{ option: "--json", file: join(folder, "r.json") }])).toBe(`--json: folder ${folder} is not writable`);
  });

  it("refuses two outputs that are the same file, and an output that is an input, however they are spelled", () => {
    const a = join(dir, "a.json");
    expect(refusal([{ option: "--json", file: a }, { option: "--csv", file: `${dir}/./a.json` }])).toBe(`--csv: ${dir}/./a.json is the same file as --json ${a}; give another name`);
    const folderLink = join(scratch(), "outputs-link");
    symlinkSync(dir, folderLink);
    expect(refusal([{ option: "--json", file: a }, { option: "--html", file: join(folderLink, "a.json") }])).toBe(
      `--html: ${join(folderLink, "a.json")} is the same file as --json ${a}; give another name`,
    );
    expect(refusal([{ option: "--json", file: tiny }], [{ what: "the scenario file", file: tiny }])).toBe(`--json: ${tiny} is the same file as the scenario file (${tiny}); give another name`);
    const hardLink = join(dir, "hard-link.json");
    linkSync(tiny, hardLink);
    expect(refusal([{ option: "--html", file: hardLink }], [{ what: "the scenario file", file: tiny }])).toBe(
      `--html: ${hardLink} is the same file as the scenario file (${tiny}); give another name`,
    );
  });

  it("the commands refuse such outputs before running, with exit code 2, and change nothing", async () => {
    const victim = writeScratchFile(dir, "victim2.txt", "keep me\n");
    const link = join(dir, "link2.json");
    symlinkSync(victim, link);
    // a named pipe stands for devices: a test must never risk replacing a real device, should the check fail
    const pipe = join(dir, "out2.fifo");
    execFileSync("mkfifo", [pipe]);
    const before = readFileSync(tiny, "utf8");
    const [device, viaLink, same, input, shard] = await Promise.all([
      runInProcess(["run", tiny, "--runs", "10", "--workers", "1", "--json", pipe]),
      runInProcess(["run", tiny, "--runs", "10", "--workers", "1", "--html", link]),
      runInProcess(["run", tiny, "--runs", "10", "--workers", "1", "--json", join(dir, "r.json"), "--csv", join(dir, "r.json")]),
      runInProcess(["run", tiny, "--runs", "10", "--workers", "1", "--json", tiny]),
      runInProcess(["shard", tiny, "--runs", "10", "--of", "1", "--index", "0", "--workers", "1", "--out", tiny]),
    ]);
    for (const run of [device, viaLink, same, input, shard]) expect(run).toMatchObject({ code: 2, out: "" });
    expect(device.err).toBe(`error: --json: ${pipe} is a named pipe (FIFO); give the name of a regular file\n`);
    expect(lstatSync(pipe).isFIFO()).toBe(true);
    expect(viaLink.err).toMatch(/^error: --html: .*link2\.json is a symbolic link/);
    expect(same.err).toMatch(/^error: --csv: .*r\.json is the same file as --json .*r\.json; give another name\n$/);
    expect(input.err).toMatch(/^error: --json: .*tiny\.json is the same file as the scenario file/);
    expect(shard.err).toMatch(/^error: --out: .*tiny\.json is the same file as the scenario file/);
    expect(readFileSync(tiny, "utf8")).toBe(before);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(victim, "utf8")).toBe("keep me\n");
    expect(existsSync(join(dir, "r.json"))).toBe(false);
  });

  it("merge refuses to write over a shard it merges", async () => {
    const shard = join(dir, "s0.json");
    expect((await runInProcess(["shard", tiny, "--runs", "10", "--of", "1", "--index", "0", "--workers", "1", "-q", "--out", shard])).code).toBe(0);
    const before = readFileSync(shard, "utf8");
    const merge = await runInProcess(["merge", shard, "--json", shard]);
    expect(merge).toMatchObject({ code: 2, out: "", err: `error: --json: ${shard} is the same file as a shard being merged (${shard}); give another name\n` });
    expect(readFileSync(shard, "utf8")).toBe(before);
  });
});

describe.skipIf(!unix)("outputs are written all or none", () => {
  it("a failure before the renames writes none of the files and leaves no temporary file", async () => {
    const folder = join(scratch(), "all-or-none");
    mkdirSync(folder);
    const first = join(folder, "first.json");
    const missing = await writeOutputFiles(
      [
        { file: first, text: () => "1\n" },
        { file: join(folder, "gone", "second.json"), text: () => "2\n" },
      ],
      recordingEnvironment(),
    ).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(CommandFailure);
    const failing = await writeOutputFiles(
      [
        { file: first, text: () => "1\n" },
        {
          file: join(folder, "second.json"),
          text: () => {
            throw new Error("cannot render");
          },
        },
      ],
      recordingEnvironment(),
    ).catch((e: unknown) => e);
    expect(failing).toMatchObject({ message: "cannot render" });
    // a link made after the check, before the renames
    const victim = writeScratchFile(folder, "victim.txt", "keep me\n");
    symlinkSync(victim, join(folder, "late-link.json"));
    const late = await writeOutputFiles(
      [
        { file: first, text: () => "1\n" },
        { file: join(folder, "late-link.json"), text: () => "2\n" },
      ],
      recordingEnvironment(),
    ).catch((e: unknown) => e);
    expect((late as CommandFailure).lines).toEqual([`cannot write ${join(folder, "late-link.json")}: it is a symbolic link (outputs are never written through one) now`]);
    expect(readdirSync(folder).sort()).toEqual(["late-link.json", "victim.txt"]);
    expect(readFileSync(victim, "utf8")).toBe("keep me\n");
  });

  it("Ctrl-C while the files are written: exit code 130, none of them written, no temporary file", async () => {
    const folder = join(scratch(), "interrupted-writing");
    mkdirSync(folder);
    const base = recordingEnvironment();
    let registrations = 0;
    // Ctrl-C comes once the experiment is over, as soon as the writing has begun
    const env: CliEnvironment = {
      ...base,
      onInterrupt: (listener) => {
        registrations += 1;
        if (registrations === 2) setImmediate(listener);
        return () => {};
      },
    };
    const files = ["w.json", "w.csv", "w.html"].map((name) => join(folder, name));
    const run = await runInProcess(["run", tiny, "--runs", "20", "--workers", "1", "--json", files[0]!, "--csv", files[1]!, "--html", files[2]!], { ...env, written: base.written, interrupt: base.interrupt });
    expect(run.code).toBe(130);
    expect(base.written.err).toBe(`interrupted; ${files.join(", ")} not written\n`);
    expect(readdirSync(folder)).toEqual([]);
  });
});
