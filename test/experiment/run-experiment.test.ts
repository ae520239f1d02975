import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError, parseScenario, qmcInterval, runExperiment, simulateOnce, type ExperimentProgress } from "../../src/index.js";
import { twoCountryWorld } from "../_helpers/worlds.js";
import { cases } from "../_helpers/quick.js";

const example = parseScenario(readFileSync("scenarios/illustrative-standoff.json", "utf8"));

describe("runExperiment", () => {
  it("is deterministic: the same scenario, seed and run count give bit-identical results", async () => {
    const a = await runExperiment(example, { runs: 300, seed: "same" });
    const b = await runExperiment(example, { runs: 300, seed: "same" });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const c = await runExperiment(example, { runs: 300, seed: "other" });
    expect(JSON.stringify(c)).not.toBe(JSON.stringify(a));
  });

  it("uses common random numbers: every policy sees run i's draws, the ones simulateOnce replays", async () => {
    const result = await runExperiment(example, { runs: 20, seed: 9, keepRuns: true });
    const names = Object.keys(result.parameters!);
    expect(names).toEqual(example.uncertainties.map((u) => u.name));
    const run = 13;
    for (const policy of result.policies) {
      const replay = simulateOnce(example, { policy: policy.name, seed: 9, run });
      for (const name of names) expect(replay.parameters[name]).toBe(result.parameters![name]![run]);
      for (const [outcome, values] of Object.entries(policy.runs!)) expect(replay.outcomes[outcome]).toBe(values[run]);
    }
  });

  it("summarises every outcome per policy and compares each policy with the baseline, run by run", async () => {
    const result = await runExperiment(example, { runs: 400, seed: 3, keepRuns: true });
    expect(result.baselinePolicy).toBe("us-alone");
    expect(result.comparisons.map((c) => c.policy)).toEqual(["us-nl", "aligned", "aligned-stockpile"]);
    const aligned = result.policies.find((p) => p.name === "aligned")!;
    const baseline = result.policies.find((p) => p.name === "us-alone")!;
    const jp = aligned.outcomes.find((o) => o.name === "gdpLoss:JP")!;
    expect(jp.unit).toBe("USD");
    expect(jp.p05).toBeLessThanOrEqual(jp.p50);
    expect(jp.p50).toBeLessThanOrEqual(jp.p95);
    expect(jp.exceedance.map((e) => e.threshold)).toEqual([1e9, 5e9]);
    const difference = result.comparisons.find((c) => c.policy === "aligned")!.outcomes.find((o) => o.name === "gdpLoss:JP")!;
    const runs = aligned.runs!["gdpLoss:JP"]!.map((v, i) => v - baseline.runs!["gdpLoss:JP"]![i]!);
    expect(difference.mean).toBeCloseTo(runs.reduce((s, v) => s + v, 0) / runs.length, 0);
    expect(difference.ci95Low).toBeLessThan(difference.mean);
    expect(difference.ci95High).toBeGreaterThan(difference.mean);
    // bands for series outcomes: one value per period
    const bands = aligned.series.find((s) => s.name === "galliumPricePeak:outside")!;
    expect(bands.p50).toHaveLength(24);
  });

  it("samples with a Latin hypercube when asked, deterministically, with means close to Monte Carlo's", async () => {
    const runs = cases(2000);
    const lhs = await runExperiment(example, { runs, seed: 5, sampler: "latin-hypercube", policies: ["aligned"] });
    const again = await runExperiment(example, { runs, seed: 5, sampler: "latin-hypercube", policies: ["aligned"] });
    expect(JSON.stringify(lhs)).toBe(JSON.stringify(again));
    const mc = await runExperiment(example, { runs, seed: 5, policies: ["aligned"] });
    const mean = (r: typeof mc, name: string) => r.policies[0]!.outcomes.find((o) => o.name === name)!;
    const a = mean(lhs, "gdpLoss:CN");
    const b = mean(mc, "gdpLoss:CN");
    expect(Math.abs(a.mean - b.mean)).toBeLessThan(4 * Math.hypot(a.se, b.se));
  });

  it("samples scrambled Sobol' points when asked: deterministic, 16 interleaved scramblings, means close to Monte Carlo's", async () => {
    const runs = cases(2048);
    const sobol = await runExperiment(example, { runs, seed: 5, sampler: "sobol", policies: ["aligned"], keepRuns: true });
    const again = await runExperiment(example, { runs, seed: 5, sampler: "sobol", policies: ["aligned"], keepRuns: true });
    expect(JSON.stringify(sobol)).toBe(JSON.stringify(again));
    expect(sobol.sampler).toBe("sobol");
    const mc = await runExperiment(example, { runs, seed: 5, policies: ["aligned"] });
    const mean = (r: typeof mc, name: string) => r.policies[0]!.outcomes.find((o) => o.name === name)!;
    const a = mean(sobol, "gdpLoss:CN");
    const b = mean(mc, "gdpLoss:CN");
    expect(Math.abs(a.mean - b.mean)).toBeLessThan(4 * Math.hypot(a.se, b.se));
    // Run i's draws are point floor(i / 16) of scrambling i mod 16: simulateOnce agrees.
    const once = simulateOnce(example, { seed: 5, run: 37, sampler: "sobol", policy: "aligned" });
    expect(once.outcomes["gdpLoss:CN"]).toBe(sobol.policies[0]!.runs!["gdpLoss:CN"]![37]);
    // The interval from the 16 scramblings, from the kept runs.
    const honest = qmcInterval(sobol.policies[0]!.runs!["gdpLoss:CN"]!);
    expect(honest.estimate).toBeCloseTo(a.mean, -3);
    expect(honest.ci95Low).toBeLessThan(honest.estimate);
  });

  it("refuses an unknown sampler, naming the three", async () => {
    await expect(runExperiment(example, { runs: 10, seed: 1, sampler: "halton" as never })).rejects.toThrow(
      'options.sampler: expected "monte-carlo", "latin-hypercube" or "sobol", found halton',
    );
  });

  it("reports progress at least every 1% and ends at the total", async () => {
    const seen: ExperimentProgress[] = [];
    await runExperiment(example, { runs: 250, seed: 1, policies: ["us-alone", "aligned"], onProgress: (p) => seen.push(p) });
    expect(seen.at(-1)).toEqual({ completed: 500, total: 500, policy: "aligned" });
    const gaps = seen.map((p, i) => p.completed - (i === 0 ? 0 : seen[i - 1]!.completed));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(5);
  });

  it("aborts promptly with an AbortError", async () => {
    const controller = new AbortController();
    const started = Date.now();
    const promise = runExperiment(example, { runs: 1_000_000, seed: 1, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(promise).rejects.toMatchObject({ name: "AbortError" });
    expect(Date.now() - started).toBeLessThan(2000);
    const already = AbortSignal.abort();
    await expect(runExperiment(example, { runs: 10, seed: 1, signal: already })).rejects.toMatchObject({ name: "AbortError" });
  });

  it("names the policy, outcome and run of a value too large for exact sums, with exact or streaming summaries", async () => {
    const input = JSON.parse(readFileSync("scenarios/illustrative-standoff.json", "utf8")) as { outcomes: unknown[] };
    input.outcomes.push({ name: "huge", kind: "formula", expression: "1e200 + jp", variables: { jp: "gdpLoss:JP" }, unit: "USD" });
    const scenario = parseScenario(input);
    for (const summaries of ["exact", "streaming"] as const) {
      await expect(runExperiment(scenario, { runs: 10, seed: 1, summaries })).rejects.toThrowErrorMatchingInlineSnapshot(`[InputError: policy "us-alone", outcome "huge", run 0: 1e+200 is too large: |x| must be at most 2^510 (about 3.35e153) for its square to be exact]`);
    }
  });

  it("refuses bad options with a clear message", async () => {
    await expect(runExperiment(example, { runs: 0, seed: 1 })).rejects.toThrow(InputError);
    await expect(runExperiment(example, { runs: 0, seed: 1 })).rejects.toThrowErrorMatchingInlineSnapshot(`[InputError: options.runs: expected a whole number from 1 to 100000000, found 0]`);
    await expect(runExperiment(example, { runs: 10, seed: "" })).rejects.toThrowErrorMatchingInlineSnapshot(`[InputError: options.seed: expected a non-empty string (up to 256 characters) or a finite number, found ""]`);
    await expect(runExperiment(example, { runs: 10, seed: 1, policies: ["aligned", "alignd"] })).rejects.toThrowErrorMatchingInlineSnapshot(`[InputError: options.policies[1]: unknown policy "alignd"; did you mean "aligned"? (policies: us-alone, us-nl, aligned, aligned-stockpile)]`);
  });
});

describe("no-regression pins", () => {
  // These numbers pin the model's output at fixed seeds. A change that moves them must be
  // explained in its commit (what changed in the model, and why the new numbers are right).
  it("two-country world, half ban, mean GDP loss of B over 3 months", async () => {
    const result = await runExperiment(twoCountryWorld(), { runs: 3, seed: "pin", policies: ["half"] });
    expect(result.policies[0]!.outcomes.find((o) => o.name === "gdpLoss:B")!.mean).toBe(300);
  });

  it("illustrative standoff, 500 runs at seed 'pin'", async () => {
    const result = await runExperiment(example, { runs: 500, seed: "pin" });
    const pick = (policy: string, outcome: string) => result.policies.find((p) => p.name === policy)!.outcomes.find((o) => o.name === outcome)!;
    expect({
      alignedJapan: pick("aligned", "gdpLoss:JP").mean,
      alignedJapanP95: pick("aligned", "gdpLoss:JP").p95,
      stockpileJapan: pick("aligned-stockpile", "gdpLoss:JP").mean,
      usAloneChina: pick("us-alone", "gdpLoss:CN").p50,
      retaliation: pick("aligned", "retaliation").mean,
      galliumPeak: pick("aligned", "galliumPricePeak:outside").p95,
    }).toMatchInlineSnapshot(`
      {
        "alignedJapan": 3414987803.6553435,
        "alignedJapanP95": 4408707905.277102,
        "galliumPeak": 3.8508905575829155,
        "retaliation": 0.844,
        "stockpileJapan": 3402379087.83582,
        "usAloneChina": 0,
      }
    `);
  });
});
