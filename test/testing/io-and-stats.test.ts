// Properties of the input-output toolkit (src/input-output) over generated productive tables, and of
// the statistics (src/stats) over outcomes of generated scenarios, with the arbitraries
// of chokepoint/testing.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allocationCoefficients,
  conditionalValueAtRisk,
  ghoshInverse,
  inoperability,
  interdependencyMatrix,
  leontiefInverse,
  outputMultipliers,
  pairedDifference,
  runExperiment,
  spectralRadius,
  summarizeOutcome,
  technicalCoefficients,
  totalOutput,
  valueAddedMultipliers,
  valueAtRisk,
} from "../../src/index.js";
import { OutcomeAccumulator, type OutcomeAccumulatorJSON } from "../../src/stats/outcome-accumulator.js";
import { inputOutputTableArbitrary, scenarioArbitrary, simulateDraw } from "../../src/testing/index.js";
import { cases } from "../_helpers/quick.js";

const IO_RUNS = cases(200);
const STATS_RUNS = cases(20);
const MAX_SECTORS = 4;

/** |a - b| within `rel` of the larger magnitude (or of 1 near 0). */
const close = (a: number, b: number, rel = 1e-9) => Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
const columnSums = (M: readonly (readonly number[])[]) => M[0]!.map((_, j) => M.reduce((sum, row) => sum + row[j]!, 0));
const rowSums = (M: readonly (readonly number[])[]) => M.map((row) => row.reduce((sum, v) => sum + v, 0));
const shares = fc.array(fc.integer({ min: 0, max: 20 }).map((k) => k / 20), { minLength: MAX_SECTORS, maxLength: MAX_SECTORS });
const tables = inputOutputTableArbitrary({ maxSectors: MAX_SECTORS });

describe("input-output toolkit over generated productive tables", () => {
  it("property: the Leontief inverse inverts I - A and is at least I", () => {
    fc.assert(
      fc.property(tables, ({ Z, x }) => {
        const A = technicalCoefficients(Z, x);
        const L = leontiefInverse(A);
        const n = x.length;
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            let product = L[i]![j]!; // ((I - A) L)[i][j]
            for (let k = 0; k < n; k++) product -= A[i]![k]! * L[k]![j]!;
            expect(close(product, i === j ? 1 : 0), `(I - A) L at ${i},${j}`).toBe(true);
            expect(L[i]![j]!).toBeGreaterThanOrEqual(i === j ? 1 : 0);
          }
        }
      }),
      { numRuns: IO_RUNS },
    );
  });

  it("property: the table's own final demand gives back its gross output (x = L f, f = x - Z 1)", () => {
    fc.assert(
      fc.property(tables, ({ Z, x }) => {
        const f = rowSums(Z).map((sold, i) => x[i]! - sold);
        totalOutput(technicalCoefficients(Z, x), f).forEach((xi, i) => expect(close(xi, x[i]!), `sector ${i}`).toBe(true));
      }),
      { numRuns: IO_RUNS },
    );
  });

  it("property: output multipliers are the column sums of L; value-added multipliers with all primary inputs are 1", () => {
    fc.assert(
      fc.property(tables, ({ Z, x }) => {
        const A = technicalCoefficients(Z, x);
        const sums = columnSums(leontiefInverse(A));
        outputMultipliers(A).forEach((m, j) => expect(close(m, sums[j]!)).toBe(true));
        const v = columnSums(A).map((used) => 1 - used);
        valueAddedMultipliers(A, v).forEach((m) => expect(close(m, 1)).toBe(true));
      }),
      { numRuns: IO_RUNS },
    );
  });

  it("property: the Ghosh inverse turns value added into gross output (x' = v' G), and B has A's spectral radius", () => {
    fc.assert(
      fc.property(tables, ({ Z, x }) => {
        const B = allocationCoefficients(Z, x);
        const G = ghoshInverse(B);
        const v = columnSums(Z).map((bought, j) => x[j]! - bought);
        x.forEach((xj, j) => expect(close(v.reduce((sum, vi, i) => sum + vi * G[i]![j]!, 0), xj), `sector ${j}`).toBe(true));
        const A = technicalCoefficients(Z, x);
        expect(spectralRadius(A)).toBeLessThanOrEqual(Math.max(...columnSums(A)) + 1e-12);
        expect(close(spectralRadius(B), spectralRadius(A), 1e-7)).toBe(true);
      }),
      { numRuns: IO_RUNS },
    );
  });

  it("property: inoperability is a share, 0 without a shock, and never falls when the shock grows", () => {
    fc.assert(
      fc.property(tables, shares, shares, ({ Z, x }, a, b) => {
        const n = x.length;
        const Astar = interdependencyMatrix(technicalCoefficients(Z, x), x);
        const small = a.slice(0, n).map((ai, i) => Math.min(ai, b[i]!));
        const large = a.slice(0, n).map((ai, i) => Math.max(ai, b[i]!));
        const qSmall = inoperability(Astar, small);
        const qLarge = inoperability(Astar, large);
        expect(inoperability(Astar, new Array<number>(n).fill(0))).toEqual(new Array<number>(n).fill(0));
        qSmall.forEach((q, i) => {
          expect(q).toBeGreaterThanOrEqual(0);
          expect(qLarge[i]!).toBeLessThanOrEqual(1);
          expect(qLarge[i]! >= q - 1e-12, `sector ${i}: ${qLarge[i]} < ${q}`).toBe(true);
        });
      }),
      { numRuns: IO_RUNS },
    );
  });
});

// Small generated scenarios, their outcomes over a few runs: the statistics must hold for
// whatever the engine produces (many zeros, ties, negative losses, a few large values).
const smallScenarios = scenarioArbitrary({ maxCountries: 3, maxGoods: 3, maxPolicies: 2, maxHorizon: 6 });
const RUNS = 12;

describe("statistics over outcomes of generated scenarios", () => {
  it("property: an experiment's kept runs are the draws simulateDraw replays, and its summaries are summarizeOutcome of them", async () => {
    await fc.assert(
      fc.asyncProperty(smallScenarios, fc.nat(RUNS - 1), async (scenario, run) => {
        const result = await runExperiment(scenario, { runs: RUNS, seed: "stats", keepRuns: true });
        for (const policy of result.policies) {
          const draw = simulateDraw(scenario, { seed: "stats", run, policy: policy.name });
          for (const [name, value] of Object.entries(draw.parameters)) expect(result.parameters![name]![run], name).toBe(value);
          for (const summary of policy.outcomes) {
            const values = policy.runs![summary.name]!;
            expect(values[run], `${policy.name} ${summary.name}`).toBe(draw.outcomes[summary.name]);
            const { count, mean, sd, p05, p50, p95, var99, cvar99 } = summarizeOutcome(values);
            expect({ count, mean, sd, p05, p50, p95, var99, cvar99 }).toEqual({
              count: summary.count,
              mean: summary.mean,
              sd: summary.sd,
              p05: summary.p05,
              p50: summary.p50,
              p95: summary.p95,
              var99: summary.var99,
              cvar99: summary.cvar99,
            });
          }
        }
      }),
      { numRuns: STATS_RUNS },
    );
  });

  it("property: comparisons are paired differences over common random numbers", async () => {
    const twoPolicies = scenarioArbitrary({ maxCountries: 3, maxGoods: 3, minPolicies: 2, maxPolicies: 2, maxHorizon: 6 });
    await fc.assert(
      fc.asyncProperty(twoPolicies, async (scenario) => {
        const result = await runExperiment(scenario, { runs: RUNS, seed: "paired", keepRuns: true });
        const [baseline, other] = result.policies;
        const comparison = result.comparisons.find((c) => c.policy === other!.name)!;
        for (const outcome of comparison.outcomes) {
          const expected = pairedDifference(other!.runs![outcome.name]!, baseline!.runs![outcome.name]!);
          expect({ ...outcome, name: undefined, unit: undefined }).toEqual({ ...expected, name: undefined, unit: undefined });
          const self = pairedDifference(baseline!.runs![outcome.name]!, baseline!.runs![outcome.name]!);
          expect([self.mean, self.sd, self.probabilityLower, self.probabilityHigher]).toEqual([0, 0, 0, 0]);
        }
      }),
      { numRuns: STATS_RUNS },
    );
  });

  it("property: a streaming summary of the runs, split into shards and merged, has the exact mean and sd of summarizeOutcome", () => {
    fc.assert(
      fc.property(smallScenarios, fc.array(fc.nat(RUNS), { maxLength: 3 }), (scenario, cuts) => {
        const values = Array.from({ length: RUNS }, (_, run) => simulateDraw(scenario, { seed: "shards", run }).outcomes);
        const bounds = [0, ...[...new Set(cuts)].sort((a, b) => a - b), RUNS];
        for (const name of Object.keys(values[0]!)) {
          const column = values.map((outcomes) => outcomes[name]!);
          const shards = bounds.slice(1).map((end, k) => {
            const shard = new OutcomeAccumulator({ quantiles: "sketch" });
            for (let run = bounds[k]!; run < end; run++) shard.add(column[run]!);
            return shard;
          });
          const merged = shards.reduceRight((acc, shard) => shard.merge(acc));
          const streamed = OutcomeAccumulator.fromJSON(JSON.parse(JSON.stringify(merged.toJSON())) as OutcomeAccumulatorJSON).summarize();
          const exact = summarizeOutcome(column);
          expect([streamed.count, streamed.mean, streamed.sd, streamed.min, streamed.max], name).toEqual([exact.count, exact.mean, exact.sd, exact.min, exact.max]);
        }
      }),
      { numRuns: STATS_RUNS },
    );
  });

  it("property: quantiles are ordered, and VaR <= CVaR <= max, for every outcome's runs", () => {
    fc.assert(
      fc.property(smallScenarios, fc.integer({ min: 50, max: 99 }), (scenario, percent) => {
        const values = Array.from({ length: RUNS }, (_, run) => simulateDraw(scenario, { seed: "tails", run }).outcomes);
        for (const name of Object.keys(values[0]!)) {
          const sorted = values.map((outcomes) => outcomes[name]!).sort((a, b) => a - b);
          const s = summarizeOutcome(sorted);
          const ordered = [s.min, s.p01, s.p05, s.p10, s.p25, s.p50, s.p75, s.p90, s.p95, s.p99, s.max];
          ordered.slice(1).forEach((q, k) => expect(q, `${name} quantile ${k + 1}`).toBeGreaterThanOrEqual(ordered[k]!));
          const level = percent / 100;
          const v = valueAtRisk(sorted, level);
          const c = conditionalValueAtRisk(sorted, level);
          expect(v, name).toBeLessThanOrEqual(c + 1e-12 * Math.max(1, Math.abs(c)));
          expect(c, name).toBeLessThanOrEqual(s.max);
          expect(s.mean).toBeGreaterThanOrEqual(s.min);
          expect(s.mean).toBeLessThanOrEqual(s.max);
        }
      }),
      { numRuns: STATS_RUNS },
    );
  });
});
