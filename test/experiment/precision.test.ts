import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError, parseScenario, runExperiment as runOnOneThread, studentTQuantile, type ExperimentResult } from "../../src/index.js";
import { runExperiment, runShard } from "../../src/node.js";
import { experimentResultSchema } from "../../src/experiment/result-schema.js";
import { tinyScenario } from "../cli/_scenarios.js";
import { cases } from "../_helpers/quick.js";

// Two countries, three policies ("none", the baseline, loses nothing: sd 0; "half-ban" loses
// the same in every run: sd 0; "ban" varies with a uniform severity), fast to run.
const tiny = parseScenario(tinyScenario);

/** The result without its precision block: what a fixed-run experiment returns. */
function withoutPrecision(result: ExperimentResult): ExperimentResult {
  const { precision: _precision, ...rest } = result;
  return rest;
}

/** Mean and t half-width of the first n values, two-pass, by hand. */
function interval(values: readonly number[], n: number, confidence: number): { mean: number; halfWidth: number } {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i]! - mean) ** 2;
  const sd = Math.sqrt(squares / (n - 1));
  return { mean, halfWidth: sd === 0 ? 0 : (studentTQuantile((1 + confidence) / 2, n - 1) * sd) / Math.sqrt(n) };
}

describe("runExperiment with a precision target", () => {
  it("stops at the first checkpoint where every mean and paired difference is on target (checked by hand from the kept runs)", async () => {
    const relative = 0.01;
    const result = await runOnOneThread(tiny, { seed: "hand", precision: { relative }, keepRuns: true });
    const report = result.precision!;
    expect(report.target).toEqual({ outcomes: ["gdpLoss:A", "gdpLoss:B", "price:x"], relative, confidence: 0.95, statistics: "both", checkpoints: [256, 512, 1024, 2048, 4096, 8192, 16384, 32768, 65536] });
    expect(report.stoppedBecause).toBe("reached");
    expect(result.runs).toBe(report.runs);
    expect(experimentResultSchema.parse(result)).toEqual(result);
    expect(report.checkpoints.map((c) => c.runs)).toEqual(report.target.checkpoints.slice(0, report.checkpoints.length));
    expect(report.checkpoints.length).toBeGreaterThan(2); // the target is missed at first: the test checks the stopping rule
    const baseline = result.policies.find((p) => p.name === result.baselinePolicy)!;
    for (const checkpoint of report.checkpoints) {
      const n = checkpoint.runs;
      // the statistics at n runs are those of the first n kept runs (run i is the same draw at any run count)
      const stats: { statistic: string; policy: string; outcome: string; mean: number; halfWidth: number; target: number }[] = [];
      for (const policy of result.policies) {
        for (const outcome of report.target.outcomes) {
          const values = policy.runs![outcome]!;
          stats.push({ statistic: "mean", policy: policy.name, outcome, ...interval(values, n, 0.95), target: 0 });
          if (policy !== baseline) {
            const differences = values.map((v, i) => v - baseline.runs![outcome]![i]!);
            stats.push({ statistic: "difference", policy: policy.name, outcome, ...interval(differences, n, 0.95), target: 0 });
          }
        }
      }
      for (const s of stats) s.target = relative * Math.abs(s.mean);
      const unmet = stats.filter((s) => s.halfWidth > s.target * (1 + 1e-9));
      expect(unmet.length).toBe(checkpoint.unmet);
      const worst = stats.reduce((a, b) => (b.halfWidth / Math.max(b.target, 1e-300) > a.halfWidth / Math.max(a.target, 1e-300) ? b : a));
      expect(checkpoint.worst).toMatchObject({ statistic: worst.statistic, policy: worst.policy, outcome: worst.outcome });
      expect(checkpoint.worst!.halfWidth).toBeCloseTo(worst.halfWidth, 9);
      expect(checkpoint.worst!.target).toBeCloseTo(worst.target, 9);
      if (n === report.runs) expect(unmet).toEqual([]);
      else expect(unmet.length).toBeGreaterThan(0);
    }
  });

  it("is exactly the fixed-run experiment of the run count it stopped at, on one thread and over two workers", async () => {
    const options = { seed: "same", precision: { relative: 0.03, outcome: "gdpLoss:B" }, keepRuns: true } as const;
    const [one, two] = await Promise.all([runOnOneThread(tiny, options), runExperiment(tiny, { ...options, workers: 2 })]);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(one.precision).toMatchObject({ stoppedBecause: "reached", runs: 1024 });
    const fixed = await runOnOneThread(tiny, { seed: "same", runs: one.runs, keepRuns: true });
    expect(JSON.stringify(withoutPrecision(one))).toBe(JSON.stringify(fixed));
    const fixedTwo = await runExperiment(tiny, { seed: "same", runs: one.runs, keepRuns: true, workers: 2 });
    expect(JSON.stringify(withoutPrecision(two))).toBe(JSON.stringify(fixedTwo));
  });

  it("property: stops at the first checkpoint on target (else the last), with the fixed-run result of that count, exact or streaming", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 1e6 }),
        fc.double({ min: 0.002, max: 0.3, noNaN: true }),
        fc.integer({ min: 2, max: 300 }),
        fc.integer({ min: 0, max: 5 }),
        fc.constantFrom("exact" as const, "streaming" as const),
        async (seed, relative, first, doublings, summaries) => {
          const maxRuns = first * 2 ** doublings + (doublings > 0 ? 1 : 0);
          const result = await runOnOneThread(tiny, { seed, runs: first, maxRuns, summaries, precision: { relative } });
          const report = result.precision!;
          const last = report.checkpoints.at(-1)!;
          expect(report.checkpoints.slice(0, -1).every((c) => c.unmet > 0)).toBe(true);
          expect(report.stoppedBecause).toBe(last.unmet === 0 ? "reached" : "maxRuns");
          if (last.unmet > 0) expect(last.runs).toBe(maxRuns);
          const fixed = await runOnOneThread(tiny, { seed, runs: result.runs, summaries });
          expect(JSON.stringify(withoutPrecision(result))).toBe(JSON.stringify(fixed));
        },
      ),
      { numRuns: cases(12) },
    );
  });

  it("stops at maxRuns, its last checkpoint, when the target is out of reach, and takes runs as the first checkpoint", async () => {
    const result = await runOnOneThread(tiny, { seed: 1, runs: 300, maxRuns: 1000, precision: { relative: 1e-6 } });
    expect(result.runs).toBe(1000);
    expect(result.precision).toMatchObject({ runs: 1000, stoppedBecause: "maxRuns", target: { checkpoints: [300, 600, 1000] } });
    expect(result.precision!.checkpoints.map((c) => c.runs)).toEqual([300, 600, 1000]);
    expect(result.precision!.checkpoints.every((c) => c.unmet > 0)).toBe(true);
  });

  it("takes the larger of the relative and absolute targets, and counts a statistic that never varies as on target", async () => {
    // "none" and "half-ban" lose the same in every run (sd 0): on target at once, whatever the target
    const constant = await runOnOneThread(tiny, { seed: 1, policies: ["none", "half-ban"], precision: { relative: 1e-9 } });
    expect(constant.precision).toMatchObject({ runs: 256, stoppedBecause: "reached", checkpoints: [{ runs: 256, unmet: 0, worst: { halfWidth: 0 } }] });
    // an absolute target as wide as B's whole range is met at the first checkpoint
    const loose = await runOnOneThread(tiny, { seed: 1, precision: { relative: 1e-9, absolute: 1000 } });
    expect(loose.precision!.runs).toBe(256);
    expect(loose.precision!.checkpoints[0]!.worst!.target).toBe(1000);
  });

  it("counts means or differences alone when asked", async () => {
    const differences = await runOnOneThread(tiny, { seed: 2, maxRuns: 1024, precision: { relative: 0.01, statistics: "differences" } });
    expect(differences.precision!.checkpoints.every((c) => c.worst!.statistic === "difference")).toBe(true);
    const means = await runOnOneThread(tiny, { seed: 2, maxRuns: 1024, precision: { relative: 0.01, statistics: "means" } });
    expect(means.precision!.checkpoints.every((c) => c.worst!.statistic === "mean")).toBe(true);
    // the worst interval is a mean under "both" too (ban's difference to a baseline that loses nothing ties with its mean):
    // what tells them apart is how many intervals miss the target
    const both = await runOnOneThread(tiny, { seed: 2, maxRuns: 1024, precision: { relative: 0.01 } });
    expect(both.precision!.checkpoints[0]!.unmet).toBeGreaterThan(means.precision!.checkpoints[0]!.unmet);
    expect(both.precision!.checkpoints[0]!.unmet).toBeGreaterThan(differences.precision!.checkpoints[0]!.unmet);
  });

  it("reports progress from run 0 against the checkpoint under way, and ends at the runs taken", async () => {
    const seen: { completed: number; total: number }[] = [];
    const result = await runExperiment(tiny, { seed: 3, maxRuns: 2048, precision: { relative: 0.01 }, workers: 2, onProgress: ({ completed, total }) => seen.push({ completed, total }) });
    const P = tiny.policies.length;
    expect(seen.at(-1)).toEqual({ completed: result.runs * P, total: result.runs * P });
    expect(seen.map((s) => s.completed)).toEqual(seen.map((s) => s.completed).sort((a, b) => a - b));
    expect(new Set(seen.map((s) => s.total)).size).toBeGreaterThan(1);
  });

  it("stops when aborted during a checkpoint, on one thread and over workers (whose pool is kept between checkpoints)", async () => {
    for (const workers of [1, 2]) {
      const controller = new AbortController();
      const run = runExperiment(tiny, {
        seed: 4,
        workers,
        maxRuns: 1 << 20,
        precision: { relative: 1e-9 },
        signal: controller.signal,
        onProgress: ({ completed }) => {
          if (completed > 3000 * tiny.policies.length) controller.abort();
        },
      });
      await expect(run).rejects.toMatchObject({ name: "AbortError" });
    }
  });

  it("fails as the fixed-run experiment does when a run is not finite, naming the lowest such run", async () => {
    const input = { ...tinyScenario, outcomes: [...tinyScenario.outcomes, { name: "fragile", kind: "formula", expression: "b > 500 ? 1 / (b - b) : 0", variables: { b: "gdpLoss:B" } }] };
    const fixed = await runOnOneThread(input as never, { seed: 5, runs: 4096 }).catch((e: unknown) => e);
    const precise = await runExperiment(input as never, { seed: 5, workers: 2, precision: { relative: 1e-9 }, maxRuns: 4096 }).catch((e: unknown) => e);
    expect((fixed as Error).name).toBe("NonFiniteOutcomeError");
    expect((precise as Error).message).toBe((fixed as Error).message);
  });

  it("rejects bad precision options with an InputError naming the option", async () => {
    const bad: [Record<string, unknown>, string, RegExp][] = [
      [{ precision: { relative: -0.01 } }, "options.precision.relative", /greater than 0/],
      [{ precision: { relative: 0 } }, "options.precision.relative", /greater than 0/],
      [{ precision: { relative: Number.NaN } }, "options.precision.relative", /NaN/],
      [{ precision: { absolute: Infinity } }, "options.precision.absolute", /greater than 0/],
      [{ precision: {} }, "options.precision", /relative, absolute or both/],
      [{ precision: 0.01 }, "options.precision", /object/],
      [{ precision: { relative: 0.01, confidence: 1 } }, "options.precision.confidence", /between 0 and 1/],
      [{ precision: { relative: 0.01, statistics: "all" } }, "options.precision.statistics", /"differences"/],
      [{ precision: { relative: 0.01 }, runs: 1000, maxRuns: 500 }, "options.maxRuns", /from 1000 \(the first checkpoint\)/],
      [{ precision: { relative: 0.01 }, runs: 1 }, "options.runs", /first checkpoint/],
      [{ maxRuns: 500, runs: 100 }, "options.maxRuns", /only with options.precision/],
      [{ precision: { relative: 0.01 }, sampler: "latin-hypercube" }, "options.sampler", /cannot be extended/],
      [{ precision: { relative: 0.01, outcome: "gdpLoss:b" } }, "options.precision.outcome", /unknown outcome "gdpLoss:b"; did you mean "gdpLoss:B"\?/],
    ];
    for (const [options, path, message] of bad) {
      const error = await runOnOneThread(tiny, { seed: 1, ...options } as never).catch((e: unknown) => e);
      expect(error, JSON.stringify(options)).toBeInstanceOf(InputError);
      expect((error as InputError).path, JSON.stringify(options)).toBe(path);
      expect((error as InputError).message, JSON.stringify(options)).toMatch(message);
    }
    await expect(runShard(tiny, { runs: 100, seed: 1, index: 0, of: 2, precision: { relative: 0.01 } } as never)).rejects.toMatchObject({ path: "options.precision" });
  });
});
