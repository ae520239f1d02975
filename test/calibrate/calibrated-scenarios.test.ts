// The calibrated episodes that ship (scenarios/calibrated/, written by
// scripts/write-calibrated.mjs): each is its bundled scenario with the posterior of a fit to
// its bundled observations, and predicts them as the fit did.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { predict } from "../../src/calibrate/predict.js";
import { parseScenario } from "../../src/index.js";
import { loadBundledScenario } from "../../src/node.js";

const files = readdirSync("scenarios/calibrated").filter((file) => file.endsWith(".json"));

describe("calibrated episodes", () => {
  it("ship for every bundled observation file", () => {
    const observed = readdirSync("observations").filter((file) => file.endsWith(".json"));
    expect(files.sort()).toEqual(observed.sort());
  });

  it.each(files)("%s: the bundled scenario with the fit's joint draws, covering its observations", async (file) => {
    const calibrated = parseScenario(readFileSync(`scenarios/calibrated/${file}`, "utf8"));
    const observations = JSON.parse(readFileSync(`observations/${file}`, "utf8")) as { name: string; free: string[] };
    const { posterior: _posterior, ...rest } = calibrated;
    expect(rest).toEqual(await loadBundledScenario(calibrated.name));
    expect(calibrated.posterior!.parameters).toEqual(observations.free);
    expect(calibrated.posterior!.draws).toHaveLength(1000);
    const source = calibrated.posterior!.source as { publication: string; note: string };
    expect(source.publication).toMatch(/^chokepoint .*, calibrate \(ABC-SMC\)$/);
    expect(source.note).toContain(`fitted to the observations "${observations.name}"`);
    expect(source.note).toContain("seed 1");
    const prediction = predict(calibrated, readFileSync(`observations/${file}`, "utf8"), { seed: 1, runs: 300 });
    expect(prediction.calibrated).toBe(true);
    expect(prediction.predictive.coverage).toBeGreaterThanOrEqual(0.8);
  });
});
