// `chokepoint sensitivity`: the table of factors by importance, the JSON, bad input.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runInProcess, scratchDirectory } from "./_helpers.js";

describe("chokepoint sensitivity", () => {
  const directory = scratchDirectory();

  it("prints Sobol' indices of a paired difference, the largest total first, and writes the JSON", async () => {
    const json = `${directory()}/indices.json`;
    const { code, out, err } = await runInProcess(["sensitivity", "illustrative-standoff", "--outcome", "gdpLoss:JP", "--policy", "aligned", "--versus", "us-alone", "--samples", "32", "--workers", "1", "--json", json, "-q"]);
    expect(err).toBe("");
    expect(code).toBe(0);
    const lines = out.split("\n");
    expect(lines[0]).toBe(`gdpLoss:JP, aligned minus us-alone (paired): Sobol' indices over ${32 * 15} runs (seed "1")`);
    expect(lines[2]).toMatch(/^factor +total +95% interval +first order +95% interval$/);
    const totals = lines.slice(3, 16).map((line) => Number(line.trim().split(/ +/)[1]));
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    const written = JSON.parse(readFileSync(json, "utf8")) as { method: string; parameters: { name: string }[]; versus: string };
    expect(written).toMatchObject({ method: "sobol", versus: "us-alone" });
    expect(written.parameters).toHaveLength(13);
  });

  it("writes the indices as an HTML report and a Vega-Lite specification", async () => {
    const html = `${directory()}/indices.html`;
    const spec = `${directory()}/indices.vl.json`;
    const { code, err } = await runInProcess(["sensitivity", "illustrative-standoff", "--policy", "aligned", "--versus", "us-alone", "--samples", "16", "--workers", "1", "--html", html, "--vega-lite", spec]);
    expect(code).toBe(0);
    expect(err).toBe(`wrote ${html}\nwrote ${spec}\n`);
    const page = readFileSync(html, "utf8");
    expect(page).toContain("equipmentLeakage");
    expect(page).toContain("us-alone");
    const vegaLite = JSON.parse(readFileSync(spec, "utf8")) as { $schema: string; data?: { values: { name?: string }[] } };
    expect(vegaLite.$schema).toBe("https://vega.github.io/schema/vega-lite/v5.json");
    expect(JSON.stringify(vegaLite)).toContain("rule:china-gallium-retaliation/JP");
  });

  it("screens with Morris", async () => {
    const { code, out } = await runInProcess(["sensitivity", "illustrative-standoff", "--method", "morris", "--samples", "4", "--workers", "1"]);
    expect(code).toBe(0);
    expect(out.split("\n")[0]).toBe(`gdpLoss:JP under us-alone: Morris screening over ${4 * 14} runs (seed "1")`);
    expect(out).toMatch(/^factor +mu\* +95% interval +mu +sigma$/m);
  });

  it("refuses an unknown policy and an odd number of levels (exit 2)", async () => {
    const policy = await runInProcess(["sensitivity", "illustrative-standoff", "--versus", "alinged"]);
    expect(policy.code).toBe(2);
    expect(policy.err).toMatch(/^error: .*alinged.*did you mean "aligned"/);
    const levels = await runInProcess(["sensitivity", "illustrative-standoff", "--method", "morris", "--levels", "3", "--samples", "2"]);
    expect(levels.code).toBe(2);
    expect(levels.err).toMatch(/^error: options\.levels: expected an even whole number/);
  });
});
