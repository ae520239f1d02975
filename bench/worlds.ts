// Worlds the benchmarks use: bundled scenarios, synthetic worlds of growing size, the
// MRIO-shaped world, and variants without rules for the reference implementation.
import { readFileSync } from "node:fs";
import type { ScenarioInput } from "../src/index.js";
import { mrioScenario } from "./mrio-scenario.js";
import { syntheticScenario } from "./synthetic-scenario.js";

export const BUNDLED = ["us-japan-chip-controls-2024", "china-gallium-germanium-ban", "illustrative-standoff"] as const;
/** The seed scenario (README: "the bundled seed scenario"). */
export const SEED = "us-japan-chip-controls-2024";

export function bundled(name: string): ScenarioInput {
  return JSON.parse(readFileSync(new URL(`../scenarios/${name}.json`, import.meta.url), "utf8")) as ScenarioInput;
}

/**
 * The same scenario without rules (global or per policy), and without the outcomes and
 * headline list that name rules: the part of the model the reference implementation covers.
 */
export function withoutRules(scenario: ScenarioInput): ScenarioInput {
  const copy = structuredClone(scenario) as ScenarioInput & { headlineOutcomes?: unknown };
  const outcomes = (copy.outcomes ?? []).filter((o) => o.kind !== "ruleFired" && o.kind !== "firstFiring");
  // the game's options switch off rules this drops: the variant is not played as a game
  const { headlineOutcomes: _dropped, game: _game, ...rest } = copy as typeof copy & { game?: unknown };
  return {
    ...rest,
    name: `${scenario.name}-no-rules`,
    rules: [],
    policies: copy.policies.map((p) => ({ ...p, rules: [], disableRules: [] })),
    outcomes,
  };
}

/** A synthetic world (bench/synthetic-scenario.ts) plus a `restrict-all` policy: C0 cuts every export to everyone, so every good is disturbed. */
export function syntheticWithRestrictAll(countries: number, goods: number): ScenarioInput {
  const scenario = syntheticScenario(countries, goods);
  const allGoods = Array.from({ length: goods }, (_, g) => `G${g}`);
  return {
    ...scenario,
    policies: [
      ...scenario.policies,
      { name: "restrict-all", levers: [{ type: "exportRestriction", actor: "C0", targets: "all", goods: allGoods, severity: { param: "severity" }, leakage: { param: "leakage" } }] },
    ],
  };
}

/** The growing worlds of section 2: label, scenario, and the policies timed. */
export function scalingWorlds(): { label: string; countries: number; goods: number; scenario: () => ScenarioInput }[] {
  const sizes: [number, number][] = [
    [5, 5],
    [10, 10],
    [20, 20],
    [20, 50],
    [50, 100],
  ];
  return [
    ...sizes.map(([c, g]) => ({ label: `synthetic ${c} x ${g}`, countries: c, goods: g, scenario: () => syntheticWithRestrictAll(c, g) })),
    { label: "MRIO-shaped 49 x 200", countries: 49, goods: 200, scenario: () => mrioScenario(49, 200) },
  ];
}

/**
 * A synthetic 8 x 10 world without rules that exercises every step the reference covers:
 * market integration (drawn), price floors and caps, an import restriction, diversion,
 * leakage premium, start and duration, capacity expansion, strategic reserves, country-
 * specific recipes and an input-output table for indirect losses.
 */
export function featureRichWorld(): ScenarioInput {
  const base = withoutRules(syntheticScenario(8, 10, { seed: 3 }));
  const world = base.world;
  return {
    ...base,
    name: "feature-rich-8x10",
    uncertainties: [...(base.uncertainties ?? []), { name: "sigma", distribution: { type: "uniform", min: 1, max: 8 } }, { name: "joinMonth", distribution: { type: "uniform", min: 0, max: 8 } }],
    world: {
      ...world,
      goods: world.goods.map((g, i) => ({ ...g, substitutionElasticity: i % 3 === 0 ? { param: "sigma" } : i % 3 === 1 ? 2 : 6, supplyElasticity: i % 2 === 0 ? 0.2 : 1, priceFloor: i % 2 === 0 ? 0.7 : 0.3, priceCap: i % 4 === 0 ? 3 : 10 })),
      recipes: [...(world.recipes ?? []), { output: "G9", country: "C2", inputs: [{ good: "G0", perUnit: 0.05 }, { good: "G1", perUnit: 0.02, critical: false }] }],
      inputOutput: [
        {
          country: "C1",
          sectors: ["raw", "made", "other"],
          Z: [
            [10, 40, 5],
            [5, 20, 30],
            [2, 10, 15],
          ],
          x: [100, 200, 150],
          imports: [8, 30, 10],
          goodSectors: { G0: "raw", G1: "raw", G5: "made", G9: "made" },
        },
      ],
    },
    policies: [
      { name: "none" },
      {
        name: "mixed",
        levers: [
          { type: "exportRestriction", actor: "C0", targets: ["C1", "C2"], goods: ["G0", "G1"], severity: { param: "severity" }, leakage: { param: "leakage" }, leakagePremium: 0.3, leakageLag: 1, stockpileShare: 0.4, duration: 9 },
          { type: "exportRestriction", actor: "C3", targets: "all", goods: ["G2", "G0"], severity: 0.6, start: { param: "joinMonth" } },
          { type: "importRestriction", actor: "C1", sources: ["C4", "C5"], goods: ["G3", "G4"], severity: 0.8, leakage: 0.2, leakagePremium: 0.1 },
          { type: "stockpileRelease", actor: "C1", goods: ["G0", "G1"], coverMonths: 3, maxReleaseShare: 0.3, start: 2 },
          { type: "capacityExpansion", actor: "C6", good: "G0", capacity: 200, rampPeriods: 3, start: 1 },
          { type: "capacityExpansion", actor: "C7", good: "G1", capacity: 50, start: 4 },
        ],
      },
      {
        name: "ban-all",
        levers: [{ type: "exportRestriction", actor: "C0", targets: "all", goods: world.goods.map((g) => g.id), severity: 1, stockpileShare: { param: "leakage" } }],
      },
    ],
    outcomes: [
      ...(base.outcomes ?? []),
      { name: "gdpPercent:C1", kind: "gdpLoss", country: "C1", unit: "percentGdp" },
      { name: "va:C0", kind: "valueAddedLoss", country: "C0", goods: ["G0", "G1"] },
      { name: "output:C1:G5", kind: "outputLoss", country: "C1", good: "G5", unit: "share", series: true },
      { name: "output:C0:G0", kind: "outputLoss", country: "C0", good: "G0", unit: "USD" },
      { name: "shortfall:C1:G9", kind: "shortfall", country: "C1", good: "G9", stat: "mean", series: true },
      { name: "price:G0:in:C0", kind: "price", good: "G0", market: { inside: "C0" }, stat: "mean", series: true },
      { name: "price:G1:usd", kind: "price", good: "G1", stat: "final", unit: "USD" },
      { name: "revenue:C0", kind: "exportRevenueLoss", country: "C0" },
      { name: "revenue:C3:G2", kind: "exportRevenueLoss", country: "C3", goods: ["G2"], to: ["C1", "C2"] },
      { name: "importCost:C1", kind: "importCostIncrease", country: "C1" },
      { name: "importCost:C2:G0", kind: "importCostIncrease", country: "C2", goods: ["G0"] },
    ],
  };
}
