// A small licensing episode for calibration tests: China licenses exports of a mineral to
// Japan and the US from period 3; what is fitted is how much it approves and how fast, and
// how strongly demand answers prices. Synthetic numbers, not a real market.
import type { ScenarioInput } from "../../src/index.js";

export const FREE = ["finalApproval", "approvalRecovery", "demandElasticity"] as const;

export function calibrationWorld(): ScenarioInput {
  return {
    name: "licensing-episode",
    horizon: 12,
    start: "2024-06",
    world: {
      countries: [
        { id: "CN", gdp: 17e12 },
        { id: "JP", gdp: 4e12 },
        { id: "US", gdp: 27e12 },
        { id: "ROW", gdp: 50e12 },
      ],
      goods: [{ id: "mineral", unit: "t", basePrice: 10000, demandElasticity: { param: "demandElasticity" }, supplyElasticity: 0.3 }],
      production: [
        { country: "CN", good: "mineral", output: 600 },
        { country: "ROW", good: "mineral", output: 400 },
      ],
      flows: [
        { exporter: "CN", importer: "JP", good: "mineral", volume: 250 },
        { exporter: "CN", importer: "US", good: "mineral", volume: 150 },
        { exporter: "ROW", importer: "JP", good: "mineral", volume: 150 },
        { exporter: "ROW", importer: "US", good: "mineral", volume: 150 },
      ],
      stocks: [
        { country: "JP", good: "mineral", coverMonths: { param: "coverMonths" } },
        { country: "US", good: "mineral", coverMonths: { param: "coverMonths" } },
      ],
    },
    uncertainties: [
      { name: "finalApproval", distribution: { type: "uniform", min: 0.3, max: 1 } },
      { name: "approvalRecovery", distribution: { type: "uniform", min: 0, max: 6 } },
      { name: "demandElasticity", distribution: { type: "uniform", min: 0.05, max: 0.8 } },
      { name: "coverMonths", distribution: { type: "triangular", min: 1, mode: 2, max: 3 } },
    ],
    policies: [
      { name: "no-controls" },
      {
        name: "licensing",
        levers: [
          {
            type: "exportRestriction",
            actor: "CN",
            targets: ["JP", "US"],
            goods: ["mineral"],
            start: 3,
            severity: 0,
            licensing: { reviewMax: 2, finalApproval: { param: "finalApproval" }, initialApproval: 0.05, approvalRecovery: { param: "approvalRecovery" } },
          },
        ],
      },
    ],
  } as ScenarioInput;
}
