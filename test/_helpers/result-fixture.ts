// A small experiment result made by hand (no engine), for the charts that put policies side
// by side: its numbers come from fixed formulas over a seeded sequence, summarised with the
// library's own statistics, so chart snapshots move only when the charts change.
// Outcomes: a GDP loss in USD that is a gain in some runs, a share that is 0 in most runs, a
// peak price that often reaches its cap of 6 (with a series), a 0/1 outcome and the period
// of a first event (24 = not within the horizon). Policies: a baseline, one that raises the
// loss, one the same as it in every run, and one with a long name.
import { pairedDifference, quantileBands, summarizeOutcome, type ExperimentResult } from "../../src/index.js";

const RUNS = 400;
const PERIODS = 24;

/** A seeded sequence in [0, 1) (a linear congruential generator: enough for fixtures). */
function uniforms(seed: number, count: number): number[] {
  let state = seed >>> 0;
  return Array.from({ length: count }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  });
}

/** Equal-width bins from the smallest to the largest value (about 30), as an experiment's. */
function histogram(values: readonly number[]): { edges: number[]; counts: number[] } {
  const low = Math.min(...values);
  const high = Math.max(...values);
  if (low === high) return { edges: [low, high], counts: [values.length] };
  const whole = values.every((v) => Number.isInteger(v)) && high - low <= 60;
  const bins = whole ? high - low + 1 : 30;
  const from = whole ? low - 0.5 : low;
  const step = whole ? 1 : (high - low) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.floor((v - from) / step))]!++;
  return { edges: Array.from({ length: bins + 1 }, (_, k) => from + k * step), counts };
}

const OUTCOMES = [
  { name: "gdpLoss:JP", unit: "USD", description: "GDP loss of JP over the horizon (direct value added)", thresholds: [], series: false },
  { name: "vehicleOutputLoss:JP", unit: "share of baseline output", description: "Lost output of vehicles in JP over the horizon", thresholds: [], series: false },
  { name: "anodePricePeak:outside", unit: "x base price", description: "Peak price of anode outside restricting countries", thresholds: [], series: true },
  { name: "retaliation", unit: "probability", description: "1 when china-retaliates took effect within the horizon", thresholds: [], series: false },
  { name: "retaliationMonth", unit: "month (0-based; 24 = not within the horizon)", description: "First month in which china-retaliates took effect", thresholds: [], series: false },
] as const;

/** Each policy's value of each outcome in each run, and its price per period. */
function runsOf(policy: number): { values: Record<string, number[]>; prices: number[] } {
  const u = uniforms(7, RUNS * 3);
  const push = policy === 0 ? 0 : policy === 3 ? 0.5 : 1;
  const values: Record<string, number[]> = { "gdpLoss:JP": [], "vehicleOutputLoss:JP": [], "anodePricePeak:outside": [], retaliation: [], retaliationMonth: [] };
  const prices: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const a = u[3 * i]!;
    const b = u[3 * i + 1]!;
    const c = u[3 * i + 2]!;
    values["gdpLoss:JP"]!.push(Math.round((-2e7 + 9e7 * a * a + push * (1.6e9 + 3.8e9 * b)) / 1000) * 1000);
    values["vehicleOutputLoss:JP"]!.push(c < 0.8 - 0.1 * push ? 0 : Math.round(0.0075 * b * (1 + push) * 1e6) / 1e6);
    const peak = Math.min(6, 1 + 6 * a * (1 + 0.1 * push));
    values["anodePricePeak:outside"]!.push(peak);
    const fired = c < 0.84 + 0.12 * push;
    values.retaliation!.push(fired ? 1 : 0);
    values.retaliationMonth!.push(fired ? Math.min(PERIODS - 1, 3 + Math.floor(6 * b * b)) : PERIODS);
    for (let t = 0; t < PERIODS; t++) prices.push(t < 4 ? 1 : Math.max(1, peak * Math.exp(-(t - 4) / (6 + 4 * b))));
  }
  return { values, prices };
}

/** The fixture: four policies, five outcomes, 400 runs with their values kept (`keepRuns`), or without them. */
export function resultFixture(keepRuns = true): ExperimentResult {
  const names = ["us-alone", "aligned", "aligned-stockpile", "a-policy-with-a-rather-long-name"];
  const perPolicy = names.map((_, k) => runsOf(k === 2 ? 1 : k));
  const policies = names.map((name, k) => {
    const { values, prices } = perPolicy[k]!;
    return {
      name,
      outcomes: OUTCOMES.map((o) => ({ name: o.name, unit: o.unit, ...summarizeOutcome(values[o.name]!), histogram: histogram(values[o.name]!) })),
      series: [{ name: "anodePricePeak:outside", unit: "x base price", ...quantileBands(prices, RUNS, PERIODS) }],
      ...(keepRuns ? { runs: values } : {}),
    };
  });
  const comparisons = names.slice(1).map((name, k) => ({
    policy: name,
    baseline: names[0]!,
    outcomes: OUTCOMES.map((o) => ({ name: o.name, unit: o.unit, ...pairedDifference(perPolicy[k + 1]!.values[o.name]!, perPolicy[0]!.values[o.name]!) })),
  }));
  return {
    chokepointVersion: "0.0.0-fixture",
    scenario: { name: "fixture", title: "A fixture", horizon: PERIODS, period: "month", currency: "USD", sha256: "0".repeat(64) },
    seed: "1",
    runs: RUNS,
    sampler: "monte-carlo",
    summaries: "exact",
    baselinePolicy: names[0]!,
    outcomes: OUTCOMES.map((o) => ({ ...o, thresholds: [...o.thresholds] })),
    policies,
    comparisons,
    diagnostics: { gdpLossCapped: 0 },
  };
}
