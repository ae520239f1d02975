// `chokepoint list`, `chokepoint schema`, and --help and --version on every command.
import { describe, expect, it } from "vitest";
import packageJson from "../../package.json" with { type: "json" };
import { resultJsonSchema } from "../../src/experiment/result-schema.js";
import { scenarioJsonSchema } from "../../src/index.js";
import { bundledScenarioNames } from "../../src/node.js";
import { runCli } from "./_helpers.js";

describe("chokepoint list", () => {
  it("prints each bundled scenario with its title, one line each, sorted by name", async () => {
    const { code, stdout, stderr } = await runCli(["list"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines.map((line) => line.split(/\s+/)[0])).toEqual(bundledScenarioNames());
    expect(lines).toContainEqual(expect.stringMatching(/^illustrative-standoff +Illustrative chip-control standoff \(small example, not calibrated\)$/));
  });
});

describe("chokepoint schema", () => {
  it("prints the scenario JSON Schema, and with --result the result file's", async () => {
    const [scenario, result] = await Promise.all([runCli(["schema"]), runCli(["schema", "--result"])]);
    expect(scenario.code).toBe(0);
    expect(JSON.parse(scenario.stdout)).toEqual(scenarioJsonSchema());
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${JSON.stringify(resultJsonSchema(), null, 2)}\n`);
  });
});

describe("--help and --version", () => {
  it("print the version on every command", async () => {
    const runs = await Promise.all([["--version"], ["run", "--version"], ["validate", "-V"], ["list", "--version"], ["schema", "--version"]].map((args) => runCli(args)));
    for (const run of runs) expect(run).toEqual({ code: 0, signal: null, stdout: `${packageJson.version}\n`, stderr: "" });
  });

  it("print help on every command, to stdout", async () => {
    const [program, run, validate, list, schema] = await Promise.all(
      [["--help"], ["run", "--help"], ["validate", "-h"], ["list", "--help"], ["schema", "--help"]].map((args) => runCli(args)),
    );
    for (const help of [program, run, validate, list, schema]) expect(help).toMatchObject({ code: 0, stderr: "" });
    expect(program?.stdout).toMatch(/^Usage: chokepoint \[options\] \[command\]/);
    for (const command of ["run", "validate", "list", "schema"]) expect(program?.stdout).toMatch(new RegExp(`^  ${command} `, "m"));
    expect(run?.stdout).toMatch(/^Usage: chokepoint run \[options\] <scenario>/);
    for (const option of ["--runs <n>", "--seed <seed>", "--policy <names...>", "--sampler <kind>", "--outcome <names...>", "--json <file>", "--version", "--help"]) {
      expect(run?.stdout).toContain(option);
    }
    // --runs has no commander default: with --precision it is the first checkpoint
    expect(run?.stdout).toMatch(/default 10,000; with --precision, the first\s+checkpoint \(default 256\)/);
    for (const option of ["--precision <share>", "--precision-absolute <x>", "--precision-outcome <name>", "--max-runs <n>"]) expect(run?.stdout).toContain(option);
    expect(run?.stdout).toMatch(/\(default:\s+"1"\)/);
    expect(validate?.stdout).toMatch(/^Usage: chokepoint validate \[options\] <file>/);
    expect(list?.stdout).toMatch(/^Usage: chokepoint list \[options\]/);
    expect(schema?.stdout).toContain("--result");
  });

  it("prints the help on stderr, with exit code 2, when no command is given", async () => {
    const { code, stdout, stderr } = await runCli([]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^Usage: chokepoint \[options\] \[command\]/);
  });
});
