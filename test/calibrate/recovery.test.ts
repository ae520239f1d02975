// Calibration on known truth: observations simulated from a synthetic scenario at known
// parameter values (plus measurement noise) must be recovered, the true values falling
// inside the 90% posterior intervals in most of a batch of seeded cases (issue 16).
import { describe, expect, it } from "vitest";
import { calibrate } from "../../src/calibrate/calibrate.js";
import { parseScenario } from "../../src/index.js";
import { calibrationWorld } from "../_helpers/calibration-world.js";
import { cases, QUICK } from "../_helpers/quick.js";
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
      const fit = await calibrate(scenario, observations, { seed: `recovery-${k}`, particles: 200, maxSimulations: QUICK ? 8000 : 25_000, predictiveRuns: 100 });
      for (const parameter of fit.posterior.summary) {
        const value = truth[parameter.name]!;
        total++;
        if (value >= parameter.p05 && value <= parameter.p95) inside++;
        shrink.push(parameter.intervalRatio);
      }
    }
    // Nominal 90%. The fit compares each proposal as an observation of it (plus a draw of
    // each point's error), so a tolerance above 0 widens intervals: coverage comes out above
    // 90% (24 of 24 here). Before the error was drawn, a fit that stopped after 8
    // populations covered 20 of 24, and deeper fits end on the parameters that reproduce the
    // observed noise; 19 of 24 is the least accepted (the quick suite's 5 cases: 12 of 15).
    expect(inside).toBeGreaterThanOrEqual(batch >= 8 ? 19 : 12);
    // and the data are informative: the posterior intervals are narrower than the priors' on average
    expect(shrink.reduce((a, b) => a + b, 0) / shrink.length).toBeLessThan(0.7);
  });
});
