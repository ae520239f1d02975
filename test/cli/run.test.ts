// `chokepoint run`: the table, the result file (deterministic, complete or absent), options.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { resultDocumentSchema } from "../../src/experiment/result-schema.js";
import { parseScenario } from "../../src/index.js";
import { scenarioSha256 } from "../../src/schema/scenario-hash.js";
import { CHOKEPOINT_VERSION } from "../../src/version.js";
import { runCli, scratchDirectory, writeScratchFile } from "./_helpers.js";
import { tinyScenario } from "./_scenarios.js";

const scratch = scratchDirectory();
let tiny = "";

beforeAll(() => {
  tiny = writeScratchFile(scratch(), "tiny.json", JSON.stringify(tinyScenario, null, 2));
});

describe("chokepoint run", () => {
  it("runs a bundled scenario and prints a header and the summary table", async () => {
    const { code, stdout, stderr } = await runCli(["run", "illustrative-standoff", "--runs", "40", "--seed", "7"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    expect(lines[0]).toBe("scenario illustrative-standoff (bundled): 4 policies (baseline us-alone), 11 outcomes, 5 shown");
    expect(lines[2]).toBe("Illustrative chip-control standoff (small example, not calibrated)");
    expect(lines[3]).toBe('40 runs, seed "7", monte-carlo, 24 months');
    expect(stdout).toMatch(/^gdpLoss:JP \[USD\]: /m);
    expect(stdout).toMatch(/^ {2}policy +mean +p05 +p50 +p95 +vs us-alone \(95% CI\)$/m);
    // the scenario's headline outcomes, in their order; --all-outcomes shows every one
    expect([...stdout.matchAll(/^([\w:]+) \[/gm)].map((m) => m[1])).toEqual(["gdpLoss:JP", "vehicleOutputLoss:JP", "gdpLoss:CN", "galliumPricePeak:outside", "retaliation"]);
    const all = await runCli(["run", "illustrative-standoff", "--runs", "40", "--seed", "7", "--all-outcomes"]);
    expect([...all.stdout.matchAll(/^([\w:]+) \[/gm)]).toHaveLength(11);
  });

  it("writes the full result as JSON: format and version first, every outcome even when the table shows some, byte-identical on a second run", async () => {
    const args = (file: string) => ["run", tiny, "--runs", "60", "--seed", "s", "--outcome", "gdpLoss:B", "--json", file];
    const [first, second] = await Promise.all([runCli(args(join(scratch(), "a.json"))), runCli(args(join(scratch(), "b.json")))]);
    for (const run of [first, second]) {
      expect(run.code).toBe(0);
      expect(run.stdout.split("\n")[0]).toBe(`scenario tiny (${tiny}): 3 policies (baseline none), 3 outcomes, 1 shown`);
      expect(run.stdout).toContain("gdpLoss:B [USD]");
      expect(run.stdout).not.toContain("gdpLoss:A [USD]");
    }
    expect(first.stderr).toBe(`wrote ${join(scratch(), "a.json")}\n`);
    const text = readFileSync(join(scratch(), "a.json"), "utf8");
    expect(readFileSync(join(scratch(), "b.json"), "utf8")).toBe(text);
    expect(text.startsWith(`{\n  "format": "chokepoint-result",\n  "version": 1,\n  "chokepointVersion": "${CHOKEPOINT_VERSION}",\n  "scenario": {\n`)).toBe(true);
    expect(text.endsWith("}\n")).toBe(true);
    const document = resultDocumentSchema.parse(JSON.parse(text));
    expect(document.runs).toBe(60);
    expect(document.seed).toBe("s");
    expect(document.scenario.sha256).toBe(scenarioSha256(parseScenario(tinyScenario)));
    expect(document.outcomes.map((o) => o.name)).toEqual(["gdpLoss:A", "gdpLoss:B", "price:x"]);
    expect(document.policies.map((p) => p.name)).toEqual(["none", "ban", "half-ban"]);
    expect(document.comparisons.map((c) => `${c.policy} vs ${c.baseline}`)).toEqual(["ban vs none", "half-ban vs none"]);
    expect(text).not.toMatch(/time|date|duration|elapsed/i);
    expect(readdirSync(scratch()).filter((f) => f.includes(".tmp-"))).toEqual([]);
  });

  it("simulates only the policies given, in their order, with the sampler given", async () => {
    const file = join(scratch(), "policies.json");
    const { code, stdout } = await runCli(["run", tiny, "--runs", "20", "--policy", "half-ban", "none", "--sampler", "latin-hypercube", "--json", file]);
    expect(code).toBe(0);
    expect(stdout).toContain('20 runs, seed "1", latin-hypercube, 3 months');
    const document = resultDocumentSchema.parse(JSON.parse(readFileSync(file, "utf8")));
    expect(document.sampler).toBe("latin-hypercube");
    expect(document.policies.map((p) => p.name)).toEqual(["half-ban", "none"]);
    expect(document.baselinePolicy).toBe("none");
  });

  it("samples scrambled Sobol' points with --sampler sobol", async () => {
    const file = join(scratch(), "sobol.json");
    const { code, stdout } = await runCli(["run", tiny, "--runs", "32", "--sampler", "sobol", "--json", file]);
    expect(code).toBe(0);
    expect(stdout).toContain('32 runs, seed "1", sobol, 3 months');
    expect(resultDocumentSchema.parse(JSON.parse(readFileSync(file, "utf8"))).sampler).toBe("sobol");
  });

  it("writes no file when the run fails, and leaves an earlier file as it was", async () => {
    const invalid = writeScratchFile(scratch(), "invalid.json", JSON.stringify({ ...tinyScenario, horizon: 0 }));
    const fresh = join(scratch(), "never.json");
    const failed = await runCli(["run", invalid, "--runs", "10", "--json", fresh]);
    expect(failed.code).toBe(1);
    expect(existsSync(fresh)).toBe(false);

    const earlier = join(scratch(), "earlier.json");
    writeFileSync(earlier, "earlier result\n");
    const badPolicy = await runCli(["run", tiny, "--runs", "10", "--policy", "nope", "--json", earlier]);
    expect(badPolicy.code).toBe(2);
    expect(readFileSync(earlier, "utf8")).toBe("earlier result\n");
    expect(readdirSync(scratch()).filter((f) => f.includes(".tmp-"))).toEqual([]);
  });
});
