// The command line's parts, in-process: what the child-process tests cannot easily reach
// (a bug's report, a write that fails half-way) and constants that must agree with the library.
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CommandFailure } from "../../src/cli/errors.js";
import { main } from "../../src/cli/main.js";
import { MAX_RUNS as CLI_MAX_RUNS, parseRuns } from "../../src/cli/options.js";
import { problemLines } from "../../src/cli/problem-lines.js";
import { writeOutputFiles } from "../../src/cli/output-files.js";
import { MAX_RUNS } from "../../src/experiment/run-experiment.js";
import { recordingEnvironment, scratchDirectory } from "./_helpers.js";

const scratch = scratchDirectory();

describe("main", () => {
  it("reports an unexpected error as an internal error in two lines, no stack trace, exit code 70", async () => {
    const env = {
      ...recordingEnvironment(),
      out: () => {
        throw new TypeError("cannot read properties of undefined (reading 'x')");
      },
    };
    expect(await main(["schema"], env)).toBe(70);
    expect(env.written.err).toMatchInlineSnapshot(`
      "internal error: cannot read properties of undefined (reading 'x')
      please report it, with the command that caused it (CHOKEPOINT_DEBUG=1 adds the stack trace)
      "
    `);
  });

  it("returns 0 and writes to the given environment", async () => {
    const env = recordingEnvironment();
    expect(await main(["--version"], env)).toBe(0);
    expect(env.written.out).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe("parts", () => {
  it("allows as many runs as the library", () => {
    expect(CLI_MAX_RUNS).toBe(MAX_RUNS);
    expect(parseRuns(String(MAX_RUNS))).toBe(MAX_RUNS);
    expect(parseRuns("20_000")).toBe(20_000);
    expect(parseRuns("20,000")).toBe(20_000);
    expect(parseRuns("1e4")).toBe(10_000);
    expect(parseRuns("2.5E5")).toBe(250_000);
    expect(parseRuns("1e+8")).toBe(MAX_RUNS);
    for (const bad of ["1.5e0", "1e9", "1e-2", "e4", "1e", "0e3", "1.e4"]) expect(() => parseRuns(bad), bad).toThrow("--runs: expected a whole number");
  });

  it("formats problems as file:line:column: path: message", () => {
    expect(
      problemLines("s.yaml", [
        { path: "world.goods[0].unit", message: "expected a string", line: 7, column: 3 },
        { path: "horizon", message: "expected a whole number" },
        { path: "", message: "syntax error", line: 2, column: 1 },
      ]),
    ).toEqual(["s.yaml:7:3: world.goods[0].unit: expected a string", "s.yaml: horizon: expected a whole number", "s.yaml:2:1: syntax error"]);
  });

  it("writes a file atomically: when the target has become a folder, no temporary file stays and the folder is untouched", async () => {
    const target = join(scratch(), "occupied");
    mkdirSync(target);
    writeFileSync(join(target, "inside"), "x");
    const error = await writeOutputFiles([{ file: target, text: () => "{}\n" }], recordingEnvironment()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandFailure);
    expect((error as CommandFailure).lines).toEqual([`cannot write ${target}: it is a folder now`]);
    expect(readdirSync(scratch())).toEqual(["occupied"]);
    expect(readdirSync(target)).toEqual(["inside"]);
  });
});
