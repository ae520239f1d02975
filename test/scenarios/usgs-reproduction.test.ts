import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseScenario, runExperiment, type ExperimentResult } from "../../src/index.js";

// USGS Open-File Report 2024-1057 (Nassar et al., 2024): a complete one-year restriction of
// China's net exports. U.S. GDP effect, central estimate and range, billion USD.
const published = {
  gallium: { central: 3.1, low: 1.7, high: 8.2 },
  germanium: { central: 0.4, low: 0.01, high: 1.1 },
  both: { central: 3.4, low: 1.7, high: 9.0 },
} as const;

describe("china-gallium-germanium-ban reproduces USGS OFR 2024-1057", () => {
  const scenario = parseScenario(readFileSync("scenarios/china-gallium-germanium-ban.json", "utf8"));
  let result: ExperimentResult;
  const outcome = (policy: string, name: string) => result.policies.find((p) => p.name === policy)!.outcomes.find((o) => o.name === name)!;

  it("runs", async () => {
    result = await runExperiment(scenario, { runs: 2000, seed: "usgs-ofr-2024-1057" });
  });

  for (const [variant, { central, low, high }] of Object.entries(published)) {
    it(`${variant}: the published central loss lies inside the simulated 90% interval, and the simulated median inside the published range`, () => {
      const loss = outcome(variant, "gdpLoss:US");
      expect(loss.p05 / 1e9).toBeLessThanOrEqual(central);
      expect(loss.p95 / 1e9).toBeGreaterThanOrEqual(central);
      expect(loss.p50 / 1e9).toBeGreaterThanOrEqual(low);
      expect(loss.p50 / 1e9).toBeLessThanOrEqual(high);
    });
  }

  it("gallium prices outside China rise at least 150% under a gallium ban", () => {
    for (const variant of ["gallium", "both"]) expect(outcome(variant, "galliumPrice:outside").p50).toBeGreaterThanOrEqual(2.5);
  });

  it("semiconductor device makers carry more than 40% of the U.S. loss from gallium, as the report finds", () => {
    expect(outcome("gallium", "deviceValueAddedLoss:US").mean / outcome("gallium", "gdpLoss:US").mean).toBeGreaterThan(0.4);
  });

  it("germanium prices rise by about a quarter (report: 26%)", () => {
    const price = outcome("germanium", "germaniumPrice:outside").p50;
    expect(price).toBeGreaterThan(1.1);
    expect(price).toBeLessThan(1.5);
  });

  it("no ban, no loss", () => {
    expect(outcome("no-ban", "gdpLoss:US").max).toBe(0);
  });
});
