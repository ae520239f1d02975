// Calibration on known truth: observations simulated from a synthetic scenario at known
// parameter values (plus measurement noise) must be recovered, the true values falling
// inside the 90% posterior intervals in most of a batch of seeded cases (issue 16).
import { describe, expect, it } from "vitest";
import { calibrate } from "../../src/calibrate/calibrate.js";
import { parseScenario } from "../../src/index.js";
import { calibrationWorld } from "../_helpers/calibration-world.js";
import { cases } from "../_helpers/quick.js";
import { syntheticObservations } from "./synthetic-observations.js";

const scenario = parseScenario(calibrationWorld());

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
