import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseScenario, runExperiment, type ExperimentResult } from "../../src/index.js";

// USGS Open-File Report 2024-1057 (Nassar et al., 2024): a complete one-year restriction of
// China's net exports. U.S. GDP effect, central estimate and range, billion USD.
//
// Under model v1 the scenario was calibrated to these numbers (two U.S. industries were
// sized to hit $3.1 bn): a calibration, not a validation. Under model v2 prices ration
// quantities: buyers outside China pay more and economise on uses that are not critical,
// and critical uses are served, so U.S. output barely falls. The report's losses come from
// higher input costs lowering downstream output, a channel model v2 does not have yet
// (docs/model.md, "What the model leaves out"). These tests state where the scenario
// stands against the report; the one on the loss says it falls far short, and fails once
// the model gains that channel (then compare again, with the report's own inputs).
const published = {
  gallium: { central: 3.1, low: 1.7, high: 8.2 },
  germanium: { central: 0.4, low: 0.01, high: 1.1 },
  both: { central: 3.4, low: 1.7, high: 9.0 },
} as const;

describe("china-gallium-germanium-ban against USGS OFR 2024-1057", () => {
  const scenario = parseScenario(readFileSync("scenarios/china-gallium-germanium-ban.json", "utf8"));
  let result: ExperimentResult;
  const outcome = (policy: string, name: string) => result.policies.find((p) => p.name === policy)!.outcomes.find((o) => o.name === name)!;

  it("runs", async () => {
    result = await runExperiment(scenario, { runs: 2000, seed: "usgs-ofr-2024-1057" });
  });

  it("gallium prices outside China rise at least 150% under a gallium ban, as the report finds", () => {
    for (const variant of ["gallium", "both"]) expect(outcome(variant, "galliumPrice:outside").p50).toBeGreaterThanOrEqual(2.5);
  });

  it("germanium prices outside China rise under a germanium ban (report: 26%)", () => {
    expect(outcome("germanium", "germaniumPrice:outside").p50).toBeGreaterThan(1.1);
  });

  it("China loses output and value added when it bans exports (its price falls and its producers cut output)", () => {
    for (const variant of ["gallium", "germanium", "both"]) expect(outcome(variant, "gdpLoss:CN").p05).toBeGreaterThan(0);
  });

  it("known gap: the U.S. median loss is far below the report's lowest estimate (no cost pass-through channel yet)", () => {
    for (const [variant, { low }] of Object.entries(published)) expect(outcome(variant, "gdpLoss:US").p50 / 1e9, variant).toBeLessThan(low / 10);
  });

  it("no ban, no loss", () => {
    expect(outcome("no-ban", "gdpLoss:US").max).toBe(0);
  });
});
