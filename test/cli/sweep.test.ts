// `chokepoint sweep`: the table, the grid syntax, the JSON, bad input.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runInProcess, scratchDirectory } from "./_helpers.js";
import { MAX_SWEEP_VALUES as LIBRARY_MAX } from "../../src/analysis/sweep-lever.js";
import { MAX_SWEEP_VALUES, parseSweepValues } from "../../src/cli/options.js";

const scratch = scratchDirectory();

describe("chokepoint sweep", () => {
  it("prints a row per grid value and the policy as written, per outcome, and writes the sweep", async () => {
    const file = join(scratch(), "sweep.json");
    const args = ["sweep", "illustrative-standoff", "--policy", "aligned", "--lever", "exportRestriction:JP", "--field", "severity", "--values", "0:1:0.5", "--outcome", "gdpLoss:JP,gdpLoss:CN", "--runs", "100", "--json", file];
    const { code, out, err } = await runInProcess(args);
    expect(err).toBe(`wrote ${file}\n`);
    expect(code).toBe(0);
    const lines = out.split("\n");
    expect(lines[0]).toBe("aligned: severity of levers[2] (exportRestriction:JP:equipment) over 3 values, 100 runs on common draws; differences against aligned as written, run by run");
    expect(lines[2]).toBe("gdpLoss:JP");
    expect(lines[3]).toMatch(/^severity +mean \(95% interval\) +p05 +p50 +p95 +difference vs aligned as written \(95% interval\)$/);
    expect(lines.slice(4, 8).map((l) => l.split(/  +/)[0])).toEqual(["0", "0.5", "1", "as written (1)"]);
    expect(lines[4]).toMatch(/ -\$[\d.]+ bn \(-\$[\d.]+ bn to -\$[\d.]+ bn\)$/); // no ban by Japan: a lower loss for Japan
    expect(lines[6]).toMatch(/same in every run$/);
    expect(lines[7]!.replace(/^as written \(1\) */, "")).toBe(lines[6]!.replace(/^1 */, ""));
    expect(lines[9]).toBe("gdpLoss:CN");
    const sweep = JSON.parse(readFileSync(file, "utf8"));
    expect(sweep).toMatchObject({ policy: "aligned", lever: 2, field: "severity", versus: "aligned", runs: 100, seed: "1", asWritten: 1 });
    expect(sweep.points.map((p: { value: number }) => p.value)).toEqual([0, 0.5, 1]);
    expect(sweep.points[2].outcomes).toEqual(sweep.reference.outcomes);
  });

  it("writes an HTML report and a Vega-Lite spec of the sweep", async () => {
    const html = join(scratch(), "sweep.html");
    const spec = join(scratch(), "sweep.vl.json");
    const args = ["sweep", "illustrative-standoff", "--policy", "aligned", "--lever", "2", "--field", "severity", "--values", "0,1", "--outcome", "gdpLoss:JP", "--runs", "50", "--html", html, "--vega-lite", spec, "-q"];
    const { code, err } = await runInProcess(args);
    expect(err).toBe("");
    expect(code).toBe(0);
    const page = readFileSync(html, "utf8");
    expect(page).toContain('data-chart="lever-sweep"');
    expect(page).toContain("<tr><td>as written (1)</td>");
    const vl = JSON.parse(readFileSync(spec, "utf8"));
    expect(vl.$schema).toBe("https://vega.github.io/schema/vega-lite/v5.json");
    expect(vl.data.values.map((row: { value: number; outcome: string }) => [row.value, row.outcome])).toEqual([[0, "gdpLoss:JP"], [1, "gdpLoss:JP"]]);
  });

  it("reads a grid as a list or as start:stop:step", () => {
    expect(parseSweepValues("0,0.25, 1")).toEqual([0, 0.25, 1]);
    expect(parseSweepValues("0:1:0.25")).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(parseSweepValues("0:0.3:0.1")).toEqual([0, 0.1, 0.2, 0.3]);
    expect(parseSweepValues("2:9:3")).toEqual([2, 5, 8]);
    expect(() => parseSweepValues("0:1")).toThrow(/--values: expected a range start:stop:step/);
    expect(() => parseSweepValues("1:0:0.1")).toThrow(/a step above 0 and a stop at or above the start/);
    expect(() => parseSweepValues("0:1000:1")).toThrow(/at most 100 values/);
    expect(() => parseSweepValues("0,half")).toThrow(/expected numbers separated by commas/);
    expect(MAX_SWEEP_VALUES).toBe(LIBRARY_MAX);
  });

  it("names the flag for a missing option, an unknown field and a value the scenario refuses (exit 2)", async () => {
    const base = ["sweep", "illustrative-standoff", "--policy", "aligned", "--lever", "2", "--runs", "20"];
    expect(await runInProcess([...base, "--field", "severity"])).toMatchObject({ code: 2, err: "error: --values: required (e.g. --policy aligned --lever exportRestriction:JP --field severity --values 0:1:0.25)\n" });
    const field = await runInProcess([...base, "--field", "severty", "--values", "0,1"]);
    expect(field.code).toBe(2);
    expect(field.err).toMatch(/^error: --field: policies\.aligned\.levers\[2\] \(exportRestriction:JP:equipment\) has no number "severty"; did you mean "severity"\?; its numbers: start, severity, leakage/);
    const value = await runInProcess([...base, "--field", "severity", "--values", "0,2"]);
    expect(value).toMatchObject({ code: 2, err: "error: --values (value 2): 2 is not a valid severity of exportRestriction:JP:equipment: policies.aligned.levers[2].severity: expected a share in [0, 1], found 2\n" });
  });
});
