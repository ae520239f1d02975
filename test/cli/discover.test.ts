// `chokepoint discover`: the trajectory, the chosen box, the JSON, bad input.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runInProcess, scratchDirectory } from "./_helpers.js";
import { discoverScenarios } from "../../src/analysis/discover-scenarios.js";
import { loadBundledScenario } from "../../src/node.js";

const scratch = scratchDirectory();
const args = ["discover", "illustrative-standoff", "--outcome", "gdpLoss:JP", "--policy", "aligned", "--above", "4e9", "--runs", "300"];

describe("chokepoint discover", () => {
  it("prints the trajectory and the last box's limits, and writes the same numbers as discoverScenarios", async () => {
    const file = join(scratch(), "boxes.json");
    const { code, out, err } = await runInProcess([...args, "--json", file]);
    expect(code).toBe(0);
    expect(err).toBe(`wrote ${file}\n`);
    const expected = await discoverScenarios(await loadBundledScenario("illustrative-standoff"), { outcome: "gdpLoss:JP", policy: "aligned", above: 4e9, runs: 300, seed: "1" });
    const lines = out.split("\n");
    expect(lines[0]).toBe(`gdpLoss:JP under aligned: ${expected.cases} of 300 runs above $4 bn (${((100 * expected.cases) / 300).toFixed(1)}%)`);
    expect(lines[1]).toBe("PRIM over 13 random inputs (uncertainties and rule draws), alpha 0.05, minimum mass 0.05");
    expect(lines[3]).toMatch(/^box +step +coverage +density +mass +restricted$/);
    expect(lines[4]).toMatch(/^0 +start +100\.0% +\d+\.\d% +100\.0% +0$/);
    const last = expected.trajectory.length - 1;
    const box = expected.trajectory[last]!;
    expect(lines[4 + last]).toMatch(new RegExp(`^${last} `));
    expect(out).toContain(`chosen box ${last} (the last of the trajectory, as in EMA Workbench; --box I picks another): coverage ${(100 * box.coverage).toFixed(1)}%, density ${(100 * box.density).toFixed(1)}%`);
    for (const name of Object.keys(box.limits)) expect(out).toMatch(new RegExp(`\\n${name} +[\\d.]+ to [\\d.]+ +[<\\d.]`));
    const written = JSON.parse(readFileSync(file, "utf8"));
    expect(written).toMatchObject({ outcome: "gdpLoss:JP", unit: "USD", policy: "aligned", above: 4e9, chosen: last, runs: 300, alpha: 0.05, minMass: 0.05 });
    expect(written.trajectory).toEqual(JSON.parse(JSON.stringify(expected.trajectory)));
  });

  it("writes an HTML report of the trade-off and the chosen box, and a Vega-Lite spec", async () => {
    const html = join(scratch(), "discover.html");
    const spec = join(scratch(), "discover.vl.json");
    const { code, err } = await runInProcess([...args, "--box", "3", "--html", html, "--vega-lite", spec]);
    expect(code).toBe(0);
    expect(err).toBe(`wrote ${html}\nwrote ${spec}\n`);
    const page = readFileSync(html, "utf8");
    expect(page).toContain("<title>Illustrative standoff: where aligned fails</title>".replace("Illustrative standoff", (await loadBundledScenario("illustrative-standoff")).title!));
    expect(page).toContain('data-chart="prim-tradeoff"');
    expect(page).toMatch(/The chosen box is box 3 of \d+, picked on the trade-off/);
    const vl = JSON.parse(readFileSync(spec, "utf8"));
    expect(vl.$schema).toBe("https://vega.github.io/schema/vega-lite/v5.json");
    expect(vl.data.values.filter((row: { chosen: boolean }) => row.chosen).map((row: { box: number }) => row.box)).toEqual([3]);
  });

  it("classifies runs by a paired difference with --versus", async () => {
    const { code, out } = await runInProcess(["discover", "illustrative-standoff", "--outcome", "gdpLoss:JP", "--policy", "aligned", "--versus", "us-alone", "--above", "4e9", "--runs", "300"]);
    expect(code).toBe(0);
    const expected = await discoverScenarios(await loadBundledScenario("illustrative-standoff"), { outcome: "gdpLoss:JP", policy: "aligned", versus: "us-alone", above: 4e9, runs: 300, seed: "1" });
    expect(out.split("\n")[0]).toBe(`gdpLoss:JP of aligned minus us-alone (run by run): ${expected.cases} of 300 runs above $4 bn (${((100 * expected.cases) / 300).toFixed(1)}%)`);
  });

  it("describes the box --box picks", async () => {
    const { code, out } = await runInProcess([...args, "--box", "2", "--alpha", "0.1", "--min-mass", "0.2"]);
    expect(code).toBe(0);
    expect(out.split("\n")[1]).toBe("PRIM over 13 random inputs (uncertainties and rule draws), alpha 0.1, minimum mass 0.2");
    expect(out).toMatch(/\nchosen box 2 \(picked with --box\): coverage \d+\.\d%, density \d+\.\d%, mass \d+\.\d%\n/);
  });

  it("refuses a missing threshold, both thresholds, a box past the end, a bad alpha and an unknown outcome (exit 2)", async () => {
    const base = ["discover", "illustrative-standoff", "--outcome", "gdpLoss:JP", "--runs", "50"];
    expect(await runInProcess(base)).toMatchObject({ code: 2, err: "error: expected --above T or --below T (one of them): the threshold that makes a run a case of interest\n" });
    expect((await runInProcess([...base, "--above", "1", "--below", "2"])).code).toBe(2);
    expect(await runInProcess([...base, "--above", "1", "--box", "900"])).toMatchObject({ code: 2, err: expect.stringMatching(/^error: --box: expected a box of the trajectory, from 0 to \d+, found 900\n$/) });
    expect(await runInProcess([...base, "--above", "1", "--alpha", "0.5"])).toMatchObject({ code: 2, err: 'error: --alpha: expected a share above 0 and below 0.5 (such as 0.05), found "0.5"\n' });
    const outcome = await runInProcess(["discover", "illustrative-standoff", "--outcome", "gdpLoss:XX", "--above", "1"]);
    expect(outcome.code).toBe(2);
    expect(outcome.err).toMatch(/^error: .*gdpLoss:XX/);
    expect(await runInProcess(["discover", "illustrative-standoff", "--above", "1"])).toMatchObject({ code: 2, err: expect.stringMatching(/^error: --outcome/) });
  });
});
