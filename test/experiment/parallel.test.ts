import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError, parseScenario, runExperiment as runOnOneThread, simulateOnce } from "../../src/index.js";
import { mergeShards, runExperiment, runShard } from "../../src/node.js";
import { resolveWorkers, splitRuns } from "../../src/parallel/run-experiment-parallel.js";

const example = parseScenario(readFileSync("scenarios/illustrative-standoff.json", "utf8"));

describe("runExperiment over worker threads (chokepoint/node)", () => {
  it("evaluates formula outcomes in workers from the programs compiled on the main thread, bit-identically", async () => {
    const input = JSON.parse(readFileSync("scenarios/illustrative-standoff.json", "utf8")) as { outcomes: unknown[] };
    input.outcomes.push(
      { name: "jpShareOfLoss", kind: "formula", expression: "jp / max(jp + cn, 1)", variables: { jp: "gdpLoss:JP", cn: "gdpLoss:CN" }, unit: "share" },
      { name: "lossGap", kind: "formula", expression: "abs(cn - jp) / 1e9", variables: { jp: "gdpLoss:JP", cn: "gdpLoss:CN" }, unit: "USD bn" },
    );
    const scenario = parseScenario(input);
    const options = { runs: 300, seed: "formulas", keepRuns: true } as const;
    const [one, two] = await Promise.all([runExperiment(scenario, { ...options, workers: 1 }), runExperiment(scenario, { ...options, workers: 2 })]);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    const gap = one.policies[0]!.outcomes.find((o) => o.name === "lossGap")!;
    expect(gap.mean).toBeGreaterThan(0);
  });

  it("gives bit-identical results whatever the number of workers", async () => {
    const options = { runs: 700, seed: "threads", keepRuns: true } as const;
    const [one, two, three] = await Promise.all([
      runExperiment(example, { ...options, workers: 1 }),
      runExperiment(example, { ...options, workers: 2 }),
      runExperiment(example, { ...options, workers: 3 }),
    ]);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(JSON.stringify(three)).toBe(JSON.stringify(one));
  });

  it("gives bit-identical results for every sampler whatever the workers or shards", async () => {
    for (const sampler of ["latin-hypercube", "sobol"] as const) {
      const options = { runs: 200, seed: `threads-${sampler}`, sampler } as const;
      const [one, two, streamed, shards] = await Promise.all([
        runExperiment(example, { ...options, workers: 1, keepRuns: true }),
        runExperiment(example, { ...options, workers: 2, keepRuns: true }),
        runExperiment(example, { ...options, workers: 2, summaries: "streaming" }),
        Promise.all([0, 1, 2].map((index) => runShard(example, { ...options, workers: 1, index, of: 3 }))),
      ]);
      expect(one.sampler).toBe(sampler);
      expect(JSON.stringify(two)).toBe(JSON.stringify(one));
      // Shards keep streaming summaries: the merged result is the streaming experiment's.
      expect(JSON.stringify(mergeShards(shards))).toBe(JSON.stringify(streamed));
    }
  });

  it("reports progress from the workers and ends at the total", async () => {
    const seen: number[] = [];
    await runExperiment(example, { runs: 3000, seed: 1, workers: 2, onProgress: (p) => seen.push(p.completed) });
    expect(seen.at(-1)).toBe(3000 * example.policies.length);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it("stops every worker promptly on abort", async () => {
    const controller = new AbortController();
    const started = Date.now();
    const promise = runExperiment(example, { runs: 2_000_000, seed: 1, workers: 2, signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    await expect(promise).rejects.toMatchObject({ name: "AbortError" });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("refuses a bad worker count", async () => {
    await expect(runExperiment(example, { runs: 10, seed: 1, workers: 0 })).rejects.toThrowErrorMatchingInlineSnapshot(`[InputError: options.workers: expected a whole number from 1 to 1024, found 0]`);
  });
});

describe("options", () => {
  it("a missing options argument is an InputError naming options, in every public entry", async () => {
    const missing = undefined as never;
    const thrown = (call: () => unknown) => {
      try {
        call();
      } catch (error) {
        return error;
      }
      return undefined;
    };
    const errors = [
      await runExperiment(example, missing).catch((e: unknown) => e),
      await runExperiment(example, null as never).catch((e: unknown) => e),
      await runOnOneThread(example, missing).catch((e: unknown) => e),
      await runShard(example, missing).catch((e: unknown) => e),
      thrown(() => simulateOnce(example, missing)),
    ];
    for (const error of errors) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).path).toBe("options");
      expect((error as InputError).message).toMatch(/^options: expected an object such as \{ .+ \}, found (undefined|null)$/);
    }
    const merge = thrown(() => mergeShards(missing));
    expect(merge).toBeInstanceOf(InputError);
    expect((merge as InputError).message).toBe("shards: expected an array of shard documents, found undefined");
  });

  it("caps worker threads at the available cores: asking for 1,000 on 2 cores uses 2", () => {
    expect(resolveWorkers(1000, 2)).toBe(2);
    expect(resolveWorkers(1024, 64)).toBe(64);
    expect(resolveWorkers(3, 8)).toBe(3);
    expect(resolveWorkers(undefined, 6)).toBe(6);
    expect(resolveWorkers(undefined, 0)).toBe(1);
    expect(() => resolveWorkers(1025, 2)).toThrow("options.workers: expected a whole number from 1 to 1024, found 1025");
    expect(() => resolveWorkers(1.5, 2)).toThrow("options.workers: expected a whole number from 1 to 1024, found 1.5");
  });
});

describe("splitRuns (guided self-scheduling)", () => {
  it("covers the runs with contiguous ranges of whole chunks that shrink towards the end", () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.integer({ min: 1, max: 200_000 }), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 16 }), (start, length, chunk, workers) => {
        const ranges = splitRuns(start, start + length, chunk, workers);
        expect(ranges[0]![0]).toBe(start);
        expect(ranges.at(-1)![1]).toBe(start + length);
        ranges.forEach(([from, to], k) => {
          expect(to).toBeGreaterThan(from);
          if (k > 0) expect(from).toBe(ranges[k - 1]![1]);
          if (k < ranges.length - 1) {
            expect((to - from) % chunk).toBe(0);
            // never larger than the one before, and about 1/(2 x workers) of what was left
            if (k > 0) expect(to - from).toBeLessThanOrEqual(ranges[k - 1]![1] - ranges[k - 1]![0]);
            expect(to - from).toBeLessThanOrEqual(Math.max(2 * chunk, Math.ceil((start + length - from) / (2 * workers) / chunk) * chunk));
          }
        });
        // geometric shrinking: about 2 x workers x ln(runs / chunk) ranges, not one per chunk
        expect(ranges.length).toBeLessThanOrEqual(Math.ceil(2 * workers * Math.log(Math.max(2, length / chunk))) + 2 * workers + 1);
      }),
      { numRuns: 300 },
    );
  });

  it("gives 4 x 2,500 runs of 10,000 and then shrinking ranges, for 2 workers and chunks of 100", () => {
    const sizes = splitRuns(0, 10_000, 100, 2).map(([from, to]) => to - from);
    expect(sizes.slice(0, 4)).toEqual([2500, 1900, 1400, 1100]);
    expect(sizes.at(-1)).toBe(200);
  });
});

describe("streaming summaries", () => {
  it("are bit-identical whatever the number of workers, and agree with exact summaries where exact", async () => {
    const options = { runs: 900, seed: "stream", summaries: "streaming" } as const;
    const [one, two] = await Promise.all([runExperiment(example, { ...options, workers: 1 }), runExperiment(example, { ...options, workers: 2 })]);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(one.summaries).toBe("streaming");
    const exact = await runExperiment(example, { ...options, summaries: "exact", workers: 1 });
    one.policies.forEach((policy, p) =>
      policy.outcomes.forEach((s, o) => {
        const e = exact.policies[p]!.outcomes[o]!;
        // exact in both: count, moments, extremes, exceedance
        expect([s.count, s.mean, s.sd, s.se, s.min, s.max, s.exceedance]).toEqual([e.count, e.mean, e.sd, e.se, e.min, e.max, e.exceedance]);
        // sketch quantiles within the sketch's relative accuracy (0.5%) of the exact ones
        for (const q of ["p05", "p50", "p95"] as const) expect(Math.abs(s[q] - e[q])).toBeLessThanOrEqual(0.005 * Math.abs(e[q]) + 1e-9 * (Math.abs(e.max) + Math.abs(e.min)));
      }),
    );
    one.comparisons.forEach((c, i) => c.outcomes.forEach((d, o) => expect(d.mean).toBe(exact.comparisons[i]!.outcomes[o]!.mean)));
  });
});
