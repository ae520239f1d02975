import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseScenario, runExperiment, type Scenario } from "../../src/index.js";

const names = readdirSync("scenarios").filter((file) => file.endsWith(".json"));

/** Entries that carry calibrated numbers, with where they are in the file. */
function calibratedEntries(scenario: Scenario): [string, { source?: unknown; assumption?: unknown }][] {
  const { world } = scenario;
  return [
    ...world.countries.map((x, i) => [`world.countries[${i}]`, x] as const),
    ...world.goods.map((x, i) => [`world.goods[${i}]`, x] as const),
    ...world.production.map((x, i) => [`world.production[${i}]`, x] as const),
    ...world.flows.map((x, i) => [`world.flows[${i}]`, x] as const),
    ...world.recipes.map((x, i) => [`world.recipes[${i}]`, x] as const),
    ...world.inputOutput.map((x, i) => [`world.inputOutput[${i}]`, x] as const),
    ...scenario.uncertainties.map((x, i) => [`uncertainties[${i}]`, x] as const),
    // a stock entry drawn from an uncertainty carries its provenance there
    ...world.stocks.flatMap((x, i) => (typeof x.coverMonths === "number" ? [[`world.stocks[${i}]`, x] as const] : [])),
  ] as [string, { source?: unknown; assumption?: unknown }][];
}

describe.each(names)("bundled scenario %s", (file) => {
  const scenario = parseScenario(readFileSync(`scenarios/${file}`, "utf8"));

  it("is named after its file and describes itself", () => {
    expect(`${scenario.name}.json`).toBe(file);
    expect(scenario.title?.length).toBeGreaterThan(10);
    expect(scenario.description?.length).toBeGreaterThan(50);
  });

  it("gives every calibrated number a source or marks it as an assumption", () => {
    const missing = calibratedEntries(scenario)
      .filter(([, entry]) => entry.source === undefined && entry.assumption === undefined)
      .map(([path]) => path);
    expect(missing).toEqual([]);
  });

  it("is documented in docs/scenarios.md", () => {
    expect(readFileSync("docs/scenarios.md", "utf8")).toContain(`\`${scenario.name}\``);
  });

  it("runs, with finite results for every policy and outcome", async () => {
    const result = await runExperiment(scenario, { runs: 100, seed: "bundled" });
    expect(result.policies).toHaveLength(scenario.policies.length);
    for (const policy of result.policies) for (const outcome of policy.outcomes) expect(Number.isFinite(outcome.mean)).toBe(true);
  });
});
