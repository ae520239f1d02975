// A small world built in code, typed end to end: a battery maker depends on imported
// graphite; what does a ban cost, and how much do six months of stocks save?
//   npx tsx examples/custom-scenario.ts
import { formatSummaryTable, runExperiment, type ScenarioInput } from "chokepoint";

const scenario: ScenarioInput = {
  name: "graphite-ban",
  title: "A graphite exporter bans sales to a battery maker",
  period: "month",
  horizon: 12,
  world: {
    countries: [
      { id: "EXP", name: "Exporter", gdp: 5e12 },
      { id: "BAT", name: "Battery maker", gdp: 2e12 },
      { id: "ALT", name: "Alternative supplier", gdp: 1e12 },
    ],
    goods: [
      { id: "graphite", unit: "t", basePrice: 800, demandElasticity: { param: "elasticity" } },
      { id: "cells", unit: "GWh", basePrice: 1.2e8, demandElasticity: 0.5 },
    ],
    production: [
      { country: "EXP", good: "graphite", output: 90_000, valueAddedPerUnit: 300 },
      { country: "ALT", good: "graphite", output: 10_000, capacity: 12_000, surgeCapacity: { param: "surge" }, rampPeriods: 6, valueAddedPerUnit: 300 },
      { country: "BAT", good: "cells", output: 5, valueAddedPerUnit: 2.4e7 },
    ],
    flows: [
      { exporter: "EXP", importer: "BAT", good: "graphite", volume: 6_000 },
      { exporter: "ALT", importer: "BAT", good: "graphite", volume: 1_000 },
    ],
    recipes: [{ output: "cells", inputs: [{ good: "graphite", perUnit: 1_200 }] }],
    stocks: [{ country: "BAT", good: "graphite", coverMonths: 1 }],
  },
  uncertainties: [
    { name: "elasticity", distribution: { type: "triangular", min: 0.2, mode: 0.4, max: 0.8 } },
    { name: "surge", distribution: { type: "pert", min: 0, mode: 1_000, max: 4_000 } },
    { name: "leakage", distribution: { type: "beta", alpha: 2, beta: 6 } },
  ],
  policies: [
    { name: "ban", levers: [{ type: "exportRestriction", actor: "EXP", targets: ["BAT"], goods: ["graphite"], leakage: { param: "leakage" } }] },
    {
      name: "ban-with-reserve",
      levers: [
        { type: "exportRestriction", actor: "EXP", targets: ["BAT"], goods: ["graphite"], leakage: { param: "leakage" } },
        { type: "stockpileRelease", actor: "BAT", goods: ["graphite"], coverMonths: 6, maxReleaseShare: 0.5 },
      ],
    },
  ],
  outcomes: [
    { name: "gdpLoss:BAT", kind: "gdpLoss", country: "BAT", thresholds: [1e9] },
    { name: "cellOutputLoss", kind: "outputLoss", country: "BAT", good: "cells", unit: "share" },
    { name: "graphitePeak", kind: "price", good: "graphite", stat: "max" },
  ],
};

const result = await runExperiment(scenario, { runs: Number(process.env.CHOKEPOINT_RUNS ?? 5_000), seed: "custom" });
console.log(formatSummaryTable(result));
const withReserve = result.comparisons[0]!.outcomes.find((o) => o.name === "gdpLoss:BAT")!;
console.log(`the reserve is better in ${(withReserve.probabilityLower * 100).toFixed(1)}% of runs`);
