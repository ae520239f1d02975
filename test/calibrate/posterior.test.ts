// Posteriors as scenarios: the `posterior` field draws rows jointly, by weight; applyPosterior
// writes it from a fit; calibrate is bit-identical over workers; predict reads a scenario as given.
import { describe, expect, it } from "vitest";
import { applyPosterior } from "../../src/calibrate/apply-posterior.js";
import { calibrate as calibrateHere } from "../../src/calibrate/calibrate.js";
import { predict } from "../../src/calibrate/predict.js";
import { parseScenario, runExperiment, safeParseScenario, type ScenarioInput } from "../../src/index.js";
import { calibrate } from "../../src/node.js";
import { calibrationWorld } from "../_helpers/calibration-world.js";
import { syntheticObservations } from "./synthetic-observations.js";

const world = calibrationWorld();

function withPosterior(posterior: unknown): ScenarioInput {
  return { ...world, posterior } as ScenarioInput;
}

describe("the scenario's posterior field", () => {
  it("draws the listed uncertainties jointly from one row, by weight", async () => {
    const draws = [
      [0.4, 1],
      [0.6, 2],
      [0.9, 5],
    ];
    const scenario = withPosterior({ parameters: ["finalApproval", "approvalRecovery"], draws, weights: [1, 0, 3], assumption: "test" });
    const result = await runExperiment(scenario, { runs: 4000, seed: 3, keepRuns: true });
    const final = result.parameters!.finalApproval!;
    const recovery = result.parameters!.approvalRecovery!;
    const rows = new Map<string, number>();
    final.forEach((value, run) => rows.set(`${value},${recovery[run]}`, (rows.get(`${value},${recovery[run]}`) ?? 0) + 1));
    // only whole rows, never a mix; the row of weight 0 never
    expect([...rows.keys()].sort()).toEqual(["0.4,1", "0.9,5"]);
    expect(rows.get("0.9,5")! / 4000).toBeGreaterThan(0.72);
    expect(rows.get("0.9,5")! / 4000).toBeLessThan(0.78);
    // the other uncertainties are still drawn from their distributions
    expect(new Set(result.parameters!.demandElasticity).size).toBeGreaterThan(3000);
  });

  it("refuses unknown names, ragged rows, values an uncertainty cannot take, and bad weights", () => {
    const result = safeParseScenario(withPosterior({ parameters: ["finalApproval", "finalAproval"], draws: [[0.5], [0.5, 0.3], [1.5, 0.1]], weights: [1] }));
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'posterior.parameters[1]: unknown uncertainty "finalAproval"; did you mean "finalApproval"?',
      "posterior.draws[0]: expected 2 values, one per listed uncertainty, found 1",
      'posterior.draws[2][0]: 1.5 is outside what uncertainty "finalApproval" can take (uniform(0.3, 1))',
      "posterior.weights: expected one weight per draw (3), found 1",
    ]);
  });
});

describe("applyPosterior and calibrate", () => {
  it("gives the same fit on one thread and on two workers, and a scenario that draws from it", async () => {
    const { observations } = syntheticObservations(3);
    const options = { seed: "workers", particles: 200, maxGenerations: 4, predictiveRuns: 50 };
    const one = await calibrateHere(world, observations, options);
    const two = await calibrate(world, observations, { ...options, workers: 2 });
    expect(two).toEqual(one);
    expect(one.posterior.generations).toHaveLength(5);

    const calibrated = applyPosterior(world, one);
    expect(calibrated.posterior!.parameters).toEqual(["finalApproval", "approvalRecovery", "demandElasticity"]);
    expect(calibrated.posterior!.source).toMatchObject({ publication: expect.stringMatching(/^chokepoint .*, calibrate \(ABC-SMC\)$/) });
    const result = await runExperiment(calibrated, { runs: 300, seed: 1, keepRuns: true });
    const rows = new Set(one.posterior.draws.map((row) => row.join(",")));
    for (let run = 0; run < 300; run++) {
      const drawn = [result.parameters!.finalApproval![run], result.parameters!.approvalRecovery![run], result.parameters!.demandElasticity![run]].join(",");
      expect(rows.has(drawn)).toBe(true);
    }

    // a subset; and a name the scenario lacks
    expect(applyPosterior(world, one, { parameters: ["finalApproval"] }).posterior!.draws[0]).toHaveLength(1);
    const { uncertainties: _u, ...rest } = world;
    const other = { ...rest, uncertainties: world.uncertainties!.filter((u) => u.name !== "demandElasticity"), world: { ...world.world, goods: [{ ...world.world.goods[0]!, demandElasticity: 0.3 }] } };
    expect(() => applyPosterior(other, one)).toThrow('fit.parameters[2]: the scenario "licensing-episode" has no uncertainty "demandElasticity" to draw from the posterior');
  });

  it("predict: the scenario with and without its posterior, and coverage that can fail", async () => {
    const { observations } = syntheticObservations(1);
    const plain = predict(world, observations, { seed: 2, runs: 200 });
    expect(plain.calibrated).toBe(false);
    expect(plain.predictive.series[0]!.prior).toEqual(plain.predictive.series[0]!.posterior);
    // a posterior pinned far from the truth misses the observations after the controls
    const wrong = parseScenario(withPosterior({ parameters: ["finalApproval", "approvalRecovery"], draws: [[0.3, 6]], assumption: "wrong on purpose" }));
    const missed = predict(wrong, observations, { seed: 2, runs: 200 });
    expect(missed.calibrated).toBe(true);
    expect(missed.predictive.coverage).toBeLessThan(missed.predictive.priorCoverage);
  });

  it("refits a calibrated scenario from the priors, and keeps an earlier posterior's other parameters only when asked to refit them too", async () => {
    const { observations } = syntheticObservations(5);
    const options = { seed: "again", particles: 100, maxGenerations: 2, predictiveRuns: 20 };
    const first = await calibrateHere(world, observations, options);
    const calibrated = applyPosterior(world, first, { parameters: ["finalApproval", "approvalRecovery"] });
    // fitting finalApproval again: its prior is the scenario's uniform(0.3, 1), not the earlier draws
    const again = await calibrateHere(calibrated, observations, { ...options, free: ["finalApproval"] });
    expect(again.posterior.summary[0]!.prior.p05).toBeCloseTo(0.3 + 0.05 * 0.7, 12);
    // applying it would drop approvalRecovery's earlier posterior: refused, with what to do
    expect(() => applyPosterior(calibrated, again)).toThrow(
      "scenario.posterior: the scenario already draws approvalRecovery from an earlier posterior, which this one would replace; fit it together with finalApproval, or remove the scenario's `posterior` first",
    );
  });
});
