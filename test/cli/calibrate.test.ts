// `chokepoint calibrate` and `chokepoint predict`: the printed fit, the files, bad input,
// and Ctrl-C, on the synthetic licensing episode (in-process, one thread, small fits).
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseScenario } from "../../src/index.js";
import { calibrationWorld } from "../_helpers/calibration-world.js";
import { syntheticObservations } from "../calibrate/synthetic-observations.js";
import { recordingEnvironment, runInProcess, scratchDirectory, writeScratchFile } from "./_helpers.js";

const scratch = scratchDirectory();
const small = ["--particles", "100", "--generations", "3", "--predictive-runs", "50", "--workers", "1"];

function files() {
  const directory = scratch();
  return {
    directory,
    scenario: writeScratchFile(directory, "episode.json", JSON.stringify(calibrationWorld(), null, 2)),
    observations: writeScratchFile(directory, "observed.json", JSON.stringify(syntheticObservations(2).observations, null, 2)),
  };
}

describe("chokepoint calibrate", () => {
  it("prints the fit, each parameter's prior and posterior, and the coverage; writes the three files", async () => {
    const { directory, scenario, observations } = files();
    const json = join(directory, "fit.json");
    const html = join(directory, "fit.html");
    const calibrated = join(directory, "calibrated.json");
    const { code, out, err } = await runInProcess(["calibrate", scenario, observations, ...small, "--json", json, "--html", html, "--calibrated", calibrated]);
    expect(err).toBe(`wrote ${json}\nwrote ${html}\nwrote ${calibrated}\n`);
    expect(code).toBe(0);
    const lines = out.split("\n");
    expect(lines[0]).toBe("calibrated licensing-episode to synthetic-2: 20 points in 2 series, policy licensing");
    expect(lines[1]).toMatch(/^4 populations of 100 particles, [\d,]+ simulations in [\d.]+ s; effective sample size \d+; stopped: the most populations were run$/);
    expect(lines[2]).toMatch(/^tolerance by population: none > [\d.]+ > [\d.]+ > [\d.]+ \(last acceptance rate [\d.]+%\)$/);
    expect(lines[4]).toMatch(/^parameter +prior 90% +posterior mean +posterior 90% +width vs prior$/);
    expect(lines.slice(5, 8).map((line) => line.split(/ +/)[0])).toEqual(["finalApproval", "approvalRecovery", "demandElasticity"]);
    expect(out).toMatch(/\npredictive check \(50 runs each\): \d+ of 20 points \(\d+%\) inside their 90% predictive intervals under the posterior; \d+ of 20 points \(\d+%\) under the prior\n/);
    const fit = JSON.parse(readFileSync(json, "utf8"));
    expect(fit.format).toBe("chokepoint-calibration");
    expect(fit.posterior.draws).toHaveLength(100);
    expect(readFileSync(html, "utf8")).toContain('data-chart="predictive"');
    const scenarioWithPosterior = parseScenario(JSON.parse(readFileSync(calibrated, "utf8")));
    expect(scenarioWithPosterior.posterior?.parameters).toEqual(["finalApproval", "approvalRecovery", "demandElasticity"]);
  });

  it("reports an invalid observation file line by line (exit 1), and bad options as a bad command line (exit 2)", async () => {
    const { directory, scenario } = files();
    const broken = writeScratchFile(directory, "broken.yaml", "name: x\nscenario: licensing-episode\nfree: [finalApproval]\nseries:\n  - name: a\n    measure: { kind: trade, good: minerl }\n    error: { relative: 0.1 }\n    assumption: test\n    points: [{ period: 30, value: 1 }]\n");
    const bad = await runInProcess(["calibrate", scenario, broken, ...small]);
    expect(bad.code).toBe(1);
    expect(bad.err).toBe(
      `${broken}:9:16: series[0].points[0].period: expected a period within the scenario's horizon (periods 0 to 11), found period 30\n` +
        `${broken}:6:29: series[0].measure.good: unknown good "minerl"; did you mean "mineral"?\n`,
    );
    const { observations } = files();
    const free = await runInProcess(["calibrate", scenario, observations, ...small, "--free", "finalApproval,speed"]);
    expect(free.code).toBe(2);
    expect(free.err).toBe('error: --free: unknown uncertainty "speed"\n');
    const missing = await runInProcess(["calibrate", scenario, join(directory, "none.json")]);
    expect(missing).toMatchObject({ code: 2, err: `error: ${join(directory, "none.json")}: no such observation file (nor bundled observations of that name)\n` });
    const particles = await runInProcess(["calibrate", scenario, observations, "--particles", "5"]);
    expect(particles).toMatchObject({ code: 2, err: 'error: --particles: expected a whole number from 10 to 10000, found "5"\n' });
  });

  it("stops on Ctrl-C, says how far it got and writes nothing", async () => {
    const { directory, scenario, observations } = files();
    const json = join(directory, "stopped.json");
    const env = recordingEnvironment();
    const before = readdirSync(directory).sort();
    const running = runInProcess(["calibrate", scenario, observations, "--workers", "1", "--particles", "2000", "--json", json, "--progress"], env);
    await new Promise<void>((resolve) => {
      const wait = () => (env.written.err.includes("progress population 1") ? resolve() : setTimeout(wait, 5));
      wait();
    });
    env.interrupt();
    const { code, err } = await running;
    expect(code).toBe(130);
    expect(err.trimEnd().split("\n").at(-1)).toMatch(new RegExp(`^interrupted after [\\d]+ simulations; ${json.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} not written$`));
    expect(existsSync(json)).toBe(false);
    expect(readdirSync(directory).sort()).toEqual(before);
  });
});

describe("chokepoint predict", () => {
  it("prints the coverage of a scenario, and of one with a fit applied", async () => {
    const { directory, scenario, observations } = files();
    const plain = await runInProcess(["predict", scenario, observations, "--runs", "100"]);
    expect(plain.code).toBe(0);
    expect(plain.out).toMatch(/^predicted synthetic-2 with licensing-episode: 20 points in 2 series, policy licensing, 100 runs\ncovered: \d+ of 20 points \(\d+%\) \(the scenario has no posterior\)\n  exports: /);
    const fit = join(directory, "fit-for-predict.json");
    expect((await runInProcess(["calibrate", scenario, observations, ...small, "--json", fit, "-q"])).code).toBe(0);
    const html = join(directory, "prediction.html");
    const applied = await runInProcess(["predict", scenario, observations, "--posterior", fit, "--parameters", "finalApproval", "--runs", "100", "--html", html]);
    expect(applied.code).toBe(0);
    expect(applied.out).toMatch(/\ncovered: \d+ of 20 points \(\d+%\) with the scenario's posterior; \d+ of 20 points \(\d+%\) with its priors alone\n/);
    expect(readFileSync(html, "utf8")).toContain("Prediction of synthetic-2");
    const unknown = await runInProcess(["predict", scenario, observations, "--posterior", fit, "--parameters", "speed"]);
    expect(unknown).toMatchObject({ code: 2, err: 'error: --parameters[0]: "speed" is not a parameter of the posterior (finalApproval, approvalRecovery, demandElasticity)\n' });
    const notAFit = await runInProcess(["predict", scenario, observations, "--posterior", observations]);
    expect(notAFit).toMatchObject({ code: 1, err: `${observations}: expected a calibration file (written by chokepoint calibrate --json), found no "format": "chokepoint-calibration"\n` });
  });
});
