// Bad command lines: one line on stderr saying what to change, exit code 2; never a stack
// trace. A scenario that cannot be run: its problems, exit code 1.
import { describe, expect, it } from "vitest";
import { runCli, scratchDirectory, writeScratchFile, type CliRun } from "./_helpers.js";
import { tinyScenario } from "./_scenarios.js";

const scratch = scratchDirectory();

/** Run each command line in the scratch folder (with the tiny scenario in it), in parallel. */
async function runAll(commandLines: readonly (readonly string[])[]): Promise<CliRun[]> {
  writeScratchFile(scratch(), "tiny.json", JSON.stringify(tinyScenario));
  return Promise.all(commandLines.map((args) => runCli(args, scratch())));
}

/** stderr of a run that must fail with `code`, print nothing on stdout and one line on stderr. */
function oneLineError(run: CliRun | undefined, code = 2): string {
  expect(run?.code).toBe(code);
  expect(run?.stdout).toBe("");
  expect(run?.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(run?.stderr).not.toMatch(/\bat .+:\d+:\d+/); // no stack frames
  return run?.stderr ?? "";
}

describe("bad command lines", () => {
  it("unknown commands and options, missing and extra arguments", async () => {
    const [command, option, missing, extra, sampler] = await runAll([
      ["rn", "tiny.json"],
      ["run", "tiny.json", "--rns", "5"],
      ["run"],
      ["list", "everything"],
      ["run", "tiny.json", "--sampler", "halton"],
    ]);
    expect(oneLineError(command)).toMatchInlineSnapshot(`
      "error: unknown command 'rn'; did you mean run?
      "
    `);
    expect(oneLineError(option)).toMatchInlineSnapshot(`
      "error: unknown option '--rns'; did you mean --runs?
      "
    `);
    expect(oneLineError(missing)).toMatchInlineSnapshot(`
      "error: missing required argument 'scenario'
      "
    `);
    expect(oneLineError(extra)).toMatchInlineSnapshot(`
      "error: too many arguments for 'list'. Expected 0 arguments but got 1.
      "
    `);
    expect(oneLineError(sampler)).toMatchInlineSnapshot(`
      "error: option '--sampler <kind>' argument 'halton' is invalid. Allowed choices are monte-carlo, latin-hypercube, sobol.
      "
    `);
  });

  it("bad values of --runs and --seed", async () => {
    const [zero, text, fraction, tooMany, seed] = await runAll([
      ["run", "tiny.json", "--runs", "0"],
      ["run", "tiny.json", "--runs", "many"],
      ["run", "tiny.json", "--runs", "2.5"],
      ["run", "tiny.json", "--runs", "100000001"],
      ["run", "tiny.json", "--seed", ""],
    ]);
    expect(oneLineError(zero)).toMatchInlineSnapshot(`
      "error: --runs: expected a whole number from 1 to 100000000 (such as 20000, 20_000, 20,000 or 2e4), found "0"
      "
    `);
    expect(oneLineError(text)).toMatchInlineSnapshot(`
      "error: --runs: expected a whole number from 1 to 100000000 (such as 20000, 20_000, 20,000 or 2e4), found "many"
      "
    `);
    expect(oneLineError(fraction)).toMatchInlineSnapshot(`
      "error: --runs: expected a whole number from 1 to 100000000 (such as 20000, 20_000, 20,000 or 2e4), found "2.5"
      "
    `);
    expect(oneLineError(tooMany)).toMatchInlineSnapshot(`
      "error: --runs: expected a whole number from 1 to 100000000 (such as 20000, 20_000, 20,000 or 2e4), found "100000001"
      "
    `);
    expect(oneLineError(seed)).toMatchInlineSnapshot(`
      "error: --seed: expected 1 to 256 characters, found 0
      "
    `);
  });

  it("missing files, unknown scenario names, policies and outcomes, with the closest name", async () => {
    const [file, name, policy, twice, outcome, json] = await runAll([
      ["run", "missing.json"],
      ["run", "ilustrative-standoff"],
      ["run", "tiny.json", "--policy", "none", "baan"],
      ["run", "tiny.json", "--policy", "ban", "ban"],
      ["run", "tiny.json", "--outcome", "gdploss:B"],
      ["run", "tiny.json", "--json", "no-such-folder/result.json"],
    ]);
    expect(oneLineError(file)).toMatchInlineSnapshot(`
      "error: cannot read missing.json: no such file
      "
    `);
    expect(oneLineError(name)).toMatch(/^error: no file or bundled scenario named "ilustrative-standoff"; did you mean "illustrative-standoff"\? \(bundled: .*illustrative-standoff.*\)\n$/);
    expect(oneLineError(policy)).toMatchInlineSnapshot(`
      "error: --policy: the scenario has no policy "baan"; did you mean "ban"? (policies: none, ban, half-ban)
      "
    `);
    expect(oneLineError(twice)).toMatchInlineSnapshot(`
      "error: --policy: "ban" is given twice
      "
    `);
    expect(oneLineError(outcome)).toMatchInlineSnapshot(`
      "error: --outcome: the scenario has no outcome "gdploss:B"; did you mean "gdpLoss:B"? (outcomes: gdpLoss:A, gdpLoss:B, price:x)
      "
    `);
    expect(oneLineError(json)).toMatchInlineSnapshot(`
      "error: --json: folder no-such-folder does not exist
      "
    `);
  });

  it("names the flag that gave an unknown policy: --policies, --versus", async () => {
    const [robustness, discover, sensitivity] = await runAll([
      ["robustness", "tiny.json", "--policies", "none,baan", "--runs", "10"],
      ["discover", "tiny.json", "--outcome", "gdpLoss:B", "--above", "1", "--policy", "ban", "--versus", "nne", "--runs", "10"],
      ["sensitivity", "tiny.json", "--outcome", "gdpLoss:B", "--policy", "ban", "--versus", "nne", "--samples", "8"],
    ]);
    expect(oneLineError(robustness)).toBe('error: --policies: the scenario has no policy "baan"; did you mean "ban"? (policies: none, ban, half-ban)\n');
    expect(oneLineError(discover)).toBe('error: --versus: the scenario has no policy "nne"; did you mean "none"? (policies: none, ban, half-ban)\n');
    expect(oneLineError(sensitivity)).toBe(oneLineError(discover));
  });
});
