// `chokepoint validate`: one line when valid; every problem with its path and position, and
// exit code 1, when not; a missing file is a bad command line (exit code 2).
import { beforeAll, describe, expect, it } from "vitest";
import { runCli, scratchDirectory, writeScratchFile } from "./_helpers.js";
import { brokenYaml, tinyJsonWithWrongNames, tinyScenario } from "./_scenarios.js";

const scratch = scratchDirectory();

beforeAll(() => {
  writeScratchFile(scratch(), "tiny.json", JSON.stringify(tinyScenario, null, 2));
  writeScratchFile(scratch(), "broken.yaml", brokenYaml);
  writeScratchFile(scratch(), "wrong-names.json", tinyJsonWithWrongNames());
  writeScratchFile(scratch(), "syntax.json", '{ "name": "x",\n  "horizon": 3,, }\n');
});

describe("chokepoint validate", () => {
  it("prints one line for a valid scenario file, and for a bundled one", async () => {
    const [file, bundled] = await Promise.all([runCli(["validate", "tiny.json"], scratch()), runCli(["validate", "illustrative-standoff"])]);
    expect(file).toEqual({ code: 0, signal: null, stdout: 'tiny.json: valid scenario "tiny" (2 countries, 2 goods, 3 policies, 1 uncertainty)\n', stderr: "" });
    expect(bundled.code).toBe(0);
    expect(bundled.stdout).toBe('illustrative-standoff: valid scenario "illustrative-standoff" (5 countries, 4 goods, 4 policies, 10 uncertainties)\n');
  });

  it("prints every problem of a YAML file with its path, line and column, and nothing else", async () => {
    const { code, stdout, stderr } = await runCli(["validate", "broken.yaml"], scratch());
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatchInlineSnapshot(`
      "broken.yaml:2:1: horizon: expected a horizon of at least 1 period, found 0
      broken.yaml:6:16: world.countries[1].gdp: expected GDP > 0, found -5
      "
    `);
  });

  it("prints the positions of problems in JSON files: wrong names, syntax errors", async () => {
    const [names, syntax] = await Promise.all([runCli(["validate", "wrong-names.json"], scratch()), runCli(["validate", "syntax.json"], scratch())]);
    expect(names.code).toBe(1);
    expect(names.stderr).toMatchInlineSnapshot(`
      "wrong-names.json:49:9: world.flows[0].exporter: unknown country "AA"; did you mean "A"?
      wrong-names.json:91:13: policies[1].levers[0].goods[0]: unknown good "z"; did you mean "x"?
      "
    `);
    expect(syntax.code).toBe(1);
    expect(syntax.stderr).toMatchInlineSnapshot(`
      "syntax.json:2:16: syntax error: Unexpected , in flow map
      "
    `);
  });

  it("calls a missing file or a folder a bad command line (exit code 2)", async () => {
    const [missing, folder] = await Promise.all([runCli(["validate", "missing.yaml"], scratch()), runCli(["validate", "."], scratch())]);
    expect(missing).toMatchObject({ code: 2, stdout: "" });
    expect(missing.stderr).toMatchInlineSnapshot(`
      "error: cannot read missing.yaml: no such file
      "
    `);
    expect(folder).toMatchObject({ code: 2, stdout: "" });
    expect(folder.stderr).toMatchInlineSnapshot(`
      "error: . is a folder, not a scenario file
      "
    `);
  });
});
