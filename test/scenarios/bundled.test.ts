import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseScenario, runExperiment, type Scenario } from "../../src/index.js";

const names = readdirSync("scenarios").filter((file) => file.endsWith(".json"));

type Provenanced = { readonly source?: unknown; readonly assumption?: unknown };

/** Entries that carry calibrated numbers, with where they are in the file. */
function calibratedEntries(scenario: Scenario): [string, Provenanced][] {
  const { world } = scenario;
  const at = (list: readonly Provenanced[], path: string): [string, Provenanced][] => list.map((entry, i) => [`${path}[${i}]`, entry]);
  return [
    ...at(world.countries, "world.countries"),
    ...at(world.goods, "world.goods"),
    ...at(world.production, "world.production"),
    ...at(world.flows, "world.flows"),
    ...at(world.recipes, "world.recipes"),
    ...at(world.inputOutput, "world.inputOutput"),
    ...at(scenario.uncertainties, "uncertainties"),
    // a stock entry drawn from an uncertainty carries its provenance there
    ...at(world.stocks, "world.stocks").filter(([, entry]) => typeof (entry as { coverMonths: unknown }).coverMonths === "number"),
  ];
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
