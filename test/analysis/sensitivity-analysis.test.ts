// sensitivityAnalysis on scenarios: known answers on a world where one uncertainty alone
// moves the outcome, the paired difference, the factors' names, workers, bad options.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError, parseScenario, sensitivityAnalysis, type ScenarioInput } from "../../src/index.js";
import { sensitivityAnalysis as sensitivityOverWorkers } from "../../src/node.js";
import { twoCountryWorld } from "../_helpers/worlds.js";

// A's restriction of x to B with an uncertain severity; `unused` moves nothing.
const world: ScenarioInput = twoCountryWorld({
  uncertainties: [
    { name: "severity", distribution: { type: "uniform", min: 0, max: 1 }, assumption: "test" },
    { name: "unused", distribution: { type: "uniform", min: 0, max: 1 }, assumption: "test" },
  ],
  policies: [{ name: "none" }, { name: "uncertain", levers: [{ type: "exportRestriction", actor: "A", targets: ["B"], goods: ["x"], severity: { param: "severity" } }] }],
});
const standoff = parseScenario(readFileSync("scenarios/illustrative-standoff.json", "utf8"));

describe("sensitivityAnalysis", () => {
  it("gives the one uncertainty that matters all the variance, and one that does not exactly none", async () => {
    const found = await sensitivityAnalysis(world, { method: "sobol", outcome: "revenueLoss:A", policy: "uncertain", samples: 256, seed: 1 });
    expect(found.factors).toEqual([
      { name: "severity", kind: "uncertainty" },
      { name: "unused", kind: "uncertainty" },
    ]);
    expect(found.evaluations).toBe(256 * 4);
    if (found.method !== "sobol") throw new Error("expected Sobol' indices");
    const [severity, unused] = found.parameters;
    // one input alone: S = S_T = 1 in theory; the estimators' noise at N = 256 is a few per cent
    expect(severity!.first.estimate).toBeGreaterThan(0.9);
    expect(severity!.total.estimate).toBeGreaterThan(0.9);
    expect(severity!.total.ci95Low).toBeLessThan(1);
    expect(severity!.total.ci95High).toBeGreaterThan(1);
    // f(A_B^unused) = f(A) run by run: both estimators are exactly 0
    expect(unused!.first).toEqual({ estimate: 0, ci95Low: 0, ci95High: 0 });
    expect(unused!.total).toEqual({ estimate: 0, ci95Low: 0, ci95High: 0 });
  });

  it("analyses the paired difference on common draws: against a policy with a constant outcome, the same indices", async () => {
    const options = { method: "sobol", outcome: "revenueLoss:A", policy: "uncertain", samples: 64, seed: "pair", bootstrap: 100 } as const;
    const alone = await sensitivityAnalysis(world, options);
    const paired = await sensitivityAnalysis(world, { ...options, versus: "none" });
    expect(paired.versus).toBe("none");
    expect(paired.parameters).toEqual(alone.parameters);
  });

  it("screens with Morris: mu* of the unused input is 0, of the severity positive", async () => {
    const found = await sensitivityAnalysis(world, { method: "morris", outcome: "revenueLoss:A", policy: "uncertain", samples: 10, seed: 1 });
    if (found.method !== "morris") throw new Error("expected Morris statistics");
    expect(found.evaluations).toBe(10 * 3);
    expect(found.levels).toBe(4);
    expect(found.parameters[0]!.muStar).toBeGreaterThan(0);
    expect(found.parameters[1]).toMatchObject({ mu: 0, muStar: 0, sigma: 0 });
  });

  it("names each rule instance's draw by the country that triggers it, and gives the same numbers over workers", async () => {
    const options = { method: "morris", outcome: "gdpLoss:JP", policy: "aligned", versus: "us-alone", samples: 6, seed: 3, bootstrap: 50 } as const;
    const [one, two] = await Promise.all([sensitivityOverWorkers(standoff, { ...options, workers: 1 }), sensitivityOverWorkers(standoff, { ...options, workers: 2 })]);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(one.factors.filter((f) => f.kind === "rule").map((f) => f.name)).toEqual([
      "rule:china-gallium-retaliation/US",
      "rule:china-gallium-retaliation/JP",
      "rule:china-gallium-retaliation/NL",
    ]);
    expect(one.factors).toHaveLength(standoff.uncertainties.length + 3);
  });

  it("names the bad option", async () => {
    const bad = async (options: object) => {
      const error = await sensitivityAnalysis(world, { method: "sobol", outcome: "revenueLoss:A", samples: 8, seed: 1, ...options } as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      return `${(error as InputError).path}: ${(error as Error).message}`;
    };
    expect(await bad({ method: "fast" })).toMatch(/^options\.method: .*"sobol" or "morris"/);
    expect(await bad({ outcome: "revenueLoss:B" })).toMatch(/^options\.outcome: .*unknown outcome/);
    expect(await bad({ policy: "uncertian" })).toMatch(/^options\.policy: .*did you mean "uncertain"/);
    expect(await bad({ policy: "uncertain", versus: "uncertain" })).toMatch(/^options\.versus: .*another policy/);
    expect(await bad({ samples: 1 })).toMatch(/^options\.samples: /);
    expect(await bad({ samples: 4e6 })).toMatch(/^options\.samples: .*expected at most 2,500,000 for 2 factors/);
    // under "none" nothing varies
    expect(await bad({ policy: "none" })).toMatch(/^options\.outcome: .*does not vary/);
  });
});
