// Calibration, then out of sample: fit a scenario to an episode's observed series, then ask
// whether the fitted model predicts what it was not fitted on: the rest of the same
// episode, and another episode. docs/calibration.md walks through it.
//
//   npx tsx examples/calibrate-and-predict.ts
//
// About 45 s on 2 cores (four fits of 100,000 to 200,000 simulations, on every core).
import { readFileSync } from "node:fs";
import { applyPosterior, predict, splitObservations, type CalibrationResult, type PredictionResult } from "chokepoint";
import { calibrate, loadBundledScenario } from "chokepoint/node";

const seed = "calibration-example";
const antimony = await loadBundledScenario("antimony-export-controls-2024");
const rareEarths = await loadBundledScenario("rare-earth-licensing-2025");
const antimonyObserved = readFileSync("observations/antimony-export-controls-2024.json", "utf8");
const rareEarthsObserved = readFileSync("observations/rare-earth-licensing-2025.json", "utf8");

function printFit(title: string, fit: CalibrationResult): void {
  const { posterior, predictive } = fit;
  console.log(`\n${title}: ${posterior.simulations.toLocaleString("en-US")} simulations, ${posterior.generations.length} populations, stopped: ${posterior.stopReason}`);
  for (const p of posterior.summary) {
    console.log(`  ${p.name.padEnd(26)} prior ${p.prior.p05.toPrecision(2)} to ${p.prior.p95.toPrecision(2)}  ->  posterior ${p.mean.toPrecision(3)} (${p.p05.toPrecision(2)} to ${p.p95.toPrecision(2)})`);
  }
  console.log(`  in sample: the posterior covers ${percent(predictive.coverage)} of the ${fit.observations.points} points it was fitted to (the priors ${percent(predictive.priorCoverage)})`);
}

function printPrediction(title: string, prediction: PredictionResult): void {
  const points = prediction.observations.points;
  console.log(`\n${title}: ${points} points not used in the fit`);
  console.log(`  covered by the calibrated model: ${percent(prediction.predictive.coverage)}; by the priors alone: ${percent(prediction.predictive.priorCoverage)}`);
  for (const series of prediction.predictive.series) {
    const quantiles = series.points.map((p) => `${p.period}: ${p.quantile.toFixed(2)}${p.covered ? "" : "!"}`).join(", ");
    console.log(`  ${series.name} (period: predictive quantile, ! outside its 90% predictive interval): ${quantiles}`);
  }
}

const percent = (share: number) => `${Math.round(100 * share)}%`;

// 1. Fit each episode to all its observations.
const antimonyFit = await calibrate(antimony, antimonyObserved, { seed });
printFit("Antimony, September 2024", antimonyFit);
const rareEarthsFit = await calibrate(rareEarths, rareEarthsObserved, { seed });
printFit("Rare-earth magnets, April 2025", rareEarthsFit);

// 2. Out of sample in time: fit rare earths on the months to August 2025, predict September and October.
const { before, after } = splitObservations(rareEarthsObserved, rareEarths, "2025-09");
const earlyFit = await calibrate(rareEarths, before, { seed });
printPrediction("Rare earths, fitted to August, predicting September and October", predict(applyPosterior(rareEarths, earlyFit), after, { seed }));

// 3. Out of sample across episodes: both are MOFCOM licensing regimes; carry antimony's
//    fitted licensing path (the parameters the scenarios share) over to rare earths.
const licensing = ["initialApproval", "finalApproval", "approvalTimeConstant"];
const transferred = applyPosterior(rareEarths, antimonyFit, { parameters: licensing });
printPrediction("Rare earths predicted with antimony's licensing path", predict(transferred, rareEarthsObserved, { seed }));
