// Calibration on known truth: observations simulated from a synthetic scenario at known
// parameter values (plus measurement noise) must be recovered, the true values falling
// inside the 90% posterior intervals in most of a batch of seeded cases (issue 16).
import { describe, expect, it } from "vitest";
import { calibrate } from "../../src/calibrate/calibrate.js";
import type { ObservationsInput } from "../../src/calibrate/observations-types.js";
import { parseScenario, simulateOnce } from "../../src/index.js";
import { normalQuantile } from "../../src/random/normal-quantile.js";
import { runStream } from "../../src/random/stream.js";
import { calibrationWorld, FREE } from "../_helpers/calibration-world.js";
import { cases } from "../_helpers/quick.js";

const scenario = parseScenario(calibrationWorld());
const RELATIVE_ERROR = 0.1;

/** Observations of case `k`: the licensing policy simulated at draw k of seed "truth", with 10% noise. */
export function syntheticObservations(k: number): { observations: ObservationsInput; truth: Record<string, number> } {
  const measured = {
    ...scenario,
    outcomes: [
      { name: "exports", kind: "trade" as const, good: "mineral", exporter: "CN", series: true },
      { name: "price", kind: "price" as const, good: "mineral", unit: "USD" as const, series: true },
    ],
  };
  const run = simulateOnce(measured, { policy: "licensing", seed: "truth", run: k });
  const noise = runStream("noise", k);
  const points = (series: readonly number[], from: number) =>
    series.slice(from).map((value, i) => ({ period: from + i, value: value * (1 + RELATIVE_ERROR * normalQuantile(noise())) }));
  return {
    truth: run.parameters,
    observations: {
      name: `synthetic-${k}`,
      scenario: "licensing-episode",
      policy: "licensing",
      free: [...FREE],
      series: [
        { name: "exports", measure: { kind: "trade", good: "mineral", exporter: "CN" }, error: { relative: RELATIVE_ERROR }, assumption: "synthetic", points: points(run.series.exports!, 2) },
        { name: "price", measure: { kind: "price", good: "mineral", unit: "USD" }, error: { relative: RELATIVE_ERROR }, assumption: "synthetic", points: points(run.series.price!, 2) },
      ],
    },
  };
}

describe("calibrate recovers known parameters", () => {
  it("puts the true values inside the 90% posterior intervals in most seeded cases", async () => {
    const batch = cases(8);
    let inside = 0;
    let total = 0;
    const shrink: number[] = [];
    for (let k = 0; k < batch; k++) {
      const { observations, truth } = syntheticObservations(k);
      const fit = await calibrate(scenario, observations, { seed: `recovery-${k}`, particles: 300, maxGenerations: 8, predictiveRuns: 100 });
      for (const parameter of fit.posterior.summary) {
        const value = truth[parameter.name]!;
        total++;
        if (value >= parameter.p05 && value <= parameter.p95) inside++;
        shrink.push(parameter.intervalRatio);
      }
    }
    // nominal 90%; ABC's tolerance widens intervals, so coverage tends to be higher. With 24
    // intervals, fewer than 17 inside would be improbable (binomial, p = 0.9: P < 0.3%).
    expect(inside / total).toBeGreaterThanOrEqual(batch >= 8 ? 17 / 24 : 0.5);
    // and the data are informative: the posterior intervals are narrower than the priors' on average
    expect(shrink.reduce((a, b) => a + b, 0) / shrink.length).toBeLessThan(0.7);
  });
});
