import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseScenario, runExperiment } from "../../src/index.js";
import { runExperiment as runWithWorkers } from "../../src/node.js";

// The seed scenario: the slowest bundled one per run, so the test is a fair one.
const scenario = parseScenario(readFileSync("scenarios/us-japan-chip-controls-2024.json", "utf8"));

/** Start an experiment, abort it after `after` ms; how long from abort() to the rejection. */
async function abortLatency(start: (signal: AbortSignal) => Promise<unknown>, after: number): Promise<{ error: unknown; latency: number }> {
  const controller = new AbortController();
  const promise = start(controller.signal);
  await new Promise((resolve) => setTimeout(resolve, after));
  const aborted = performance.now();
  controller.abort();
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return { error, latency: performance.now() - aborted };
}

const workers = () => process.getActiveResourcesInfo().filter((resource) => resource === "Worker" || resource === "MessagePort").length;

describe("cancellation", () => {
  it("stops a single-threaded experiment within 100 ms with an AbortError", async () => {
    const { error, latency } = await abortLatency((signal) => runExperiment(scenario, { runs: 1_000_000, seed: 1, signal }), 300);
    expect(error).toMatchObject({ name: "AbortError" });
    expect(latency).toBeLessThan(100);
  });

  it("stops an experiment over worker threads within 100 ms and leaves no worker running", async () => {
    const before = workers();
    const { error, latency } = await abortLatency((signal) => runWithWorkers(scenario, { runs: 1_000_000, seed: 1, workers: 2, signal }), 1500);
    expect(error).toMatchObject({ name: "AbortError" });
    expect(latency).toBeLessThan(100);
    for (let i = 0; i < 20 && workers() > before; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(workers(), JSON.stringify(process.getActiveResourcesInfo())).toBe(before);
  });
});
