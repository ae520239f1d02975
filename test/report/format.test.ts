import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatInterval, formatSummaryTable, formatValue, runExperiment } from "../../src/index.js";
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
    [15_000, "kg", "15,000"],
    [0.0031, "x base price", "0.00310x"],
    [0, "x base price", "0.00x"],
    [999_960_000, "USD", "$1 bn"],
    // small values in fixed notation down to 0.0001 of the unit shown, then ≈ 0
    [0.000_012, "share of requirement", "0.0012%"],
    [-0.000_001_23, "share of requirement", "-0.000123%"],
    [-8.4e-8, "share of baseline output", "≈ 0%"],
    [3e-5, "USD", "≈ $0"],
    [-2e-9, "x base price", "≈ 0x"],
    [1e-300, "kg", "≈ 0"],
  ])("%s %s -> %s", (value, unit, text) => {
    expect(formatValue(value, unit)).toBe(text);
  });

  it("takes more significant digits when asked", () => {
    expect(formatValue(1.23456e9, "USD", { digits: 5 })).toBe("$1.2346 bn");
  });
});

describe("formatInterval", () => {
  it.each([
    [{ mean: -0.0031, low: -0.0045, high: -0.0017 }, "x base price", ["-0.00310x", "-0.00450x", "-0.00170x"]],
    [{ mean: -0.0031, low: -0.0034, high: -0.0028 }, "x base price", ["-0.00310x", "-0.00340x", "-0.00280x"]],
    [{ mean: 6.72e8, low: 6.5e8, high: 6.94e8 }, "USD", ["$672 m", "$650 m", "$694 m"]],
    // three digits would read $672 m three times
    [{ mean: 6.721e8, low: 6.7205e8, high: 6.7215e8 }, "USD", ["$672.1 m", "$672.05 m", "$672.15 m"]],
    [{ mean: -8.4e-8, low: -9e-8, high: -7.9e-8 }, "share of baseline output", ["-0.0000084%", "-0.000009%", "-0.0000079%"]],
    [{ mean: 0, low: 0, high: 0 }, "USD", ["$0", "$0", "$0"]],
  ])("%j %s", (interval, unit, texts) => {
    const t = formatInterval(interval, unit);
    expect([t.mean, t.low, t.high]).toEqual(texts);
  });

  const units = ["USD", "share of baseline output", "probability", "x base price", "% of annual GDP", "kg", "month"];
  const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 });
  const relativelyApart = (a: number, b: number) => Math.abs(a - b) > 1e-9 * Math.max(Math.abs(a), Math.abs(b));

  it("tells apart a mean and the ends of its interval whenever they differ by more than a relative 1e-9, in fixed notation (property)", () => {
    fc.assert(
      fc.property(fc.tuple(finite, finite, finite), fc.constantFrom(...units), (values, unit) => {
        const [low, mean, high] = [...values].sort((a, b) => a - b) as [number, number, number];
        fc.pre(low < mean && mean < high && relativelyApart(low, mean) && relativelyApart(mean, high));
        const t = formatInterval({ mean, low, high }, unit);
        expect(new Set([t.mean, t.low, t.high]).size).toBe(3);
        for (const text of [t.mean, t.low, t.high]) expect(text).not.toMatch(/e[-+]|NaN|Infinity/);
      }),
      { numRuns: 2000 },
    );
  });

  it("never writes a value in scientific notation (property)", () => {
    fc.assert(
      fc.property(finite, fc.constantFrom(...units), fc.integer({ min: 1, max: 17 }), (value, unit, digits) => {
        expect(formatValue(value, unit, { digits })).not.toMatch(/e[-+]|NaN|Infinity/);
      }),
      { numRuns: 2000 },
    );
  });

  it("tells apart close values near each other, as in paired intervals of 2,000 runs (property)", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, min: -1e12, max: 1e12 }), fc.double({ noNaN: true, min: 1e-6, max: 1e-2 }), fc.constantFrom(...units), (mean, spread, unit) => {
        const half = Math.max(Math.abs(mean) * spread, 1e-12);
        const t = formatInterval({ mean, low: mean - half, high: mean + half }, unit);
        expect(new Set([t.mean, t.low, t.high]).size).toBe(3);
      }),
      { numRuns: 2000 },
    );
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
        policy  mean   p05   p50   p95    vs none (95% CI)
        none      $0    $0    $0    $0            baseline
        ban     $600  $600  $600  $600  +$600 in every run
        half    $300  $300  $300  $300  +$300 in every run

      (95% CI): the Monte Carlo precision of the mean difference to none in the same runs; it narrows with more runs. It is not the model's uncertainty: that is the spread across runs, p05 to p95.
      "
    `);
  });
});
