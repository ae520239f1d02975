import { describe, expect, it } from "vitest";
import { formatSummaryTable, formatValue, runExperiment } from "../../src/index.js";
import { twoCountryWorld } from "../_helpers/worlds.js";

describe("formatValue", () => {
  it.each([
    [1.234e9, "USD", "$1.23 bn"],
    [-356_000, "USD", "-$356 k"],
    [0, "USD", "$0"],
    [2.5e12, "USD", "$2.5 tn"],
    [0.0412, "share of baseline output", "4.12%"],
    [0.5, "probability", "50%"],
    [2.5, "x base price", "2.50x"],
    [0.226, "% of annual GDP", "0.226%"],
    [7.666, "month (0-based; 24 = not within the horizon)", "7.67"],
    [0.000_012, "share of requirement", "1.2e-3%"],
  ])("%s %s -> %s", (value, unit, text) => {
    expect(formatValue(value, unit)).toBe(text);
  });
});

describe("formatSummaryTable", () => {
  it("shows each policy's mean and quantiles and its difference to the baseline", async () => {
    const world = twoCountryWorld();
    const result = await runExperiment(world, { runs: 4, seed: 1 });
    expect(formatSummaryTable(result, { outcomes: ["gdpLoss:B"] })).toMatchInlineSnapshot(`
      "two-country
      4 runs, seed "1", monte-carlo, 3 months

      gdpLoss:B [USD]: GDP loss of B over the horizon (direct value added; no input-output table, so no indirect losses)
        policy  mean   p05   p50   p95      vs none (95% CI)
        none      $0    $0    $0    $0              baseline
        ban     $600  $600  $600  $600  +$600 ($600 .. $600)
        half    $300  $300  $300  $300  +$300 ($300 .. $300)
      "
    `);
  });
});
