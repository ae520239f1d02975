import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseScenario, runExperiment, type ExperimentProgress } from "../../src/index.js";
import { runExperiment as runWithWorkers } from "../../src/node.js";
import { longSeriesScenario } from "../_helpers/worlds.js";

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

/**
 * Run an experiment and abort it 100 ms after its last run was reported, so that the abort
 * comes while it summarises; how long from abort() to the rejection, and how long the
 * summarising ran before the abort.
 */
async function abortWhileSummarising(start: (signal: AbortSignal, onProgress: (p: ExperimentProgress) => void) => Promise<unknown>) {
  const controller = new AbortController();
  let lastRun = 0;
  let aborted = 0;
  const promise = start(controller.signal, ({ completed, total }) => {
    if (completed !== total || lastRun > 0) return;
    lastRun = performance.now();
    setTimeout(() => {
      aborted = performance.now();
      controller.abort();
    }, 100);
  });
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return { error, latency: performance.now() - aborted, summarising: aborted - lastRun };
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

  it("stops while summarising, after the last run, within 100 ms with an AbortError", async () => {
    const scenario = parseScenario(longSeriesScenario());
    const { error, latency, summarising } = await abortWhileSummarising((signal, onProgress) => runExperiment(scenario, { runs: 20, seed: 1, signal, onProgress }));
    expect(summarising).toBeGreaterThanOrEqual(100);
    expect(error).toMatchObject({ name: "AbortError" });
    expect(latency).toBeLessThan(100);
  });

  it("stops while summarising what worker threads recorded, within 100 ms", async () => {
    const scenario = parseScenario(longSeriesScenario());
    const { error, latency } = await abortWhileSummarising((signal, onProgress) => runWithWorkers(scenario, { runs: 40, seed: 1, workers: 2, signal, onProgress }));
    expect(error).toMatchObject({ name: "AbortError" });
    expect(latency).toBeLessThan(100);
  });
});
