// Observations simulated from the synthetic licensing episode at known parameter values,
// with 10% measurement noise: the known truth calibration tests recover.
import type { ObservationsInput } from "../../src/calibrate/observations-types.js";
import { parseScenario, simulateOnce } from "../../src/index.js";
import { normalQuantile } from "../../src/random/normal-quantile.js";
import { runStream } from "../../src/random/stream.js";
import { calibrationWorld, FREE } from "../_helpers/calibration-world.js";

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

