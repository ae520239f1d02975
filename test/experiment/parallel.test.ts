import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseScenario } from "../../src/index.js";
import { runExperiment } from "../../src/node.js";

const example = parseScenario(readFileSync("scenarios/illustrative-standoff.json", "utf8"));

describe("runExperiment over worker threads (chokepoint/node)", () => {
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
