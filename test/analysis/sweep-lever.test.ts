// Lever sweeps: grid points against policies written by hand, the policy's own value, bad input.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sweepLever, numericLeverFields } from "../../src/analysis/sweep-lever.js";
import { sweepLever as sweepOverWorkers } from "../../src/node.js";
import { InputError } from "../../src/errors.js";
import { runExperiment } from "../../src/experiment/run-experiment.js";
import { parseScenario } from "../../src/schema/parse.js";
import type { ScenarioInput } from "../../src/schema/scenario.js";
import { twoCountryWorld } from "../_helpers/worlds.js";

/** The two-country world with an uncertain demand elasticity, so runs differ. */
function uncertainWorld(): ScenarioInput {
  const base = twoCountryWorld();
  return {
    ...base,
    horizon: 6,
    uncertainties: [{ name: "elasticity", distribution: { type: "uniform", min: 0.2, max: 0.9 } }],
    world: { ...base.world, goods: base.world.goods.map((g) => (g.id === "x" ? { ...g, demandElasticity: { param: "elasticity" } } : g)) },
  };
}
const outcomes = ["gdpLoss:B", "shortfall:B:y", "price:x"];

describe("sweepLever", () => {
  it("gives, at severity 0, 0.5 and 1, exactly the policies written with no lever, severity 0.5 and the ban", async () => {
    const scenario = parseScenario(uncertainWorld());
    const sweep = await sweepLever(scenario, { policy: "ban", lever: 0, field: "severity", values: [0, 0.5, 1], runs: 200, seed: 7, outcomes });
    const direct = await runExperiment(parseScenario({ ...uncertainWorld(), baselinePolicy: "ban" }), { runs: 200, seed: 7, policies: ["ban", "none", "half"] });
    const summary = (policy: string, outcome: string) => direct.policies.find((p) => p.name === policy)!.outcomes.find((o) => o.name === outcome)!;
    const versusBan = (policy: string, outcome: string) => direct.comparisons.find((c) => c.policy === policy)!.outcomes.find((o) => o.name === outcome)!;
    expect(sweep.points.map((p) => p.value)).toEqual([0, 0.5, 1]);
    for (const [j, policy] of [[0, "none"], [1, "half"], [2, "ban"]] as const) {
      sweep.points[j]!.outcomes.forEach((o, k) => {
        const s = summary(policy, outcomes[k]!);
        expect(o).toMatchObject({ name: outcomes[k], mean: s.mean, p05: s.p05, p50: s.p50, p95: s.p95 });
        expect(o.ci95High - o.mean).toBeCloseTo(1.959963984540054 * s.se, 6);
        if (policy !== "ban") expect(o.difference).toEqual((({ name: _n, unit: _u, ...d }) => d)(versusBan(policy, outcomes[k]!)));
      });
    }
    // the ban cuts B's supply of x: its loss falls as the severity falls
    const loss = sweep.points.map((p) => p.outcomes[0]!.mean);
    expect(loss[0]).toBeLessThan(loss[1]!);
    expect(loss[1]).toBeLessThan(loss[2]!);
    expect(sweep).toMatchObject({ policy: "ban", lever: 0, leverLabel: "exportRestriction:A:x", field: "severity", versus: "ban", runs: 200, seed: "7", asWritten: 1 });
  });

  it("reproduces the policy's numbers exactly at the policy's own value, whatever the value and seed", async () => {
    await fc.assert(
      fc.asyncProperty(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 1000 }), async (severity, seed) => {
        const input = uncertainWorld();
        const scenario = parseScenario({ ...input, policies: [{ name: "none" }, { name: "p", levers: [{ type: "exportRestriction", actor: "A", targets: ["B"], goods: ["x"], severity }] }] });
        const sweep = await sweepLever(scenario, { policy: "p", lever: "exportRestriction:A:x", field: "severity", values: [severity], runs: 20, seed, outcomes, versus: "none" });
        const point = sweep.points[0]!.outcomes;
        expect(point).toEqual(sweep.reference.outcomes);
        expect(point[0]!.difference.count).toBe(20);
      }),
      { numRuns: 8 },
    );
  });

  it("sweeps a number drawn from an uncertainty, and numbers of other kinds of lever", async () => {
    const input = uncertainWorld();
    const scenario = parseScenario({
      ...input,
      uncertainties: [...input.uncertainties!, { name: "cut", distribution: { type: "uniform", min: 0.2, max: 1 } }],
      policies: [{ name: "none" }, { name: "p", levers: [{ type: "exportRestriction", actor: "A", targets: ["B"], goods: ["x"], severity: { param: "cut" } }, { type: "importTariff", actor: "B", sources: ["A"], goods: ["x"], rate: 0.1 }] }],
    });
    const drawn = await sweepLever(scenario, { policy: "p", lever: 0, field: "severity", values: [0.2, 1], runs: 50, seed: 1, outcomes });
    expect(drawn.asWritten).toEqual({ param: "cut" });
    expect(drawn.points[0]!.outcomes[0]!.difference.mean).toBeLessThan(0); // a fixed 0.2 is milder than a draw from 0.2 to 1
    expect(drawn.points[1]!.outcomes[0]!.difference.mean).toBeGreaterThan(0);
    const tariff = await sweepLever(scenario, { policy: "p", lever: "importTariff", field: "rate", values: [0.1, 0.5], runs: 50, seed: 1, outcomes });
    expect(tariff.points[0]!.outcomes).toEqual(tariff.reference.outcomes);
    expect(numericLeverFields(scenario.policies[1]!.levers[1]!)).toContain("rate");
  });

  it("gives bit-identical sweeps over worker threads (chokepoint/node)", async () => {
    const scenario = parseScenario(uncertainWorld());
    const options = { policy: "ban", lever: 0, field: "severity", values: [0, 0.25, 1], runs: 300, seed: 3, outcomes } as const;
    const [one, two] = await Promise.all([sweepLever(scenario, options), sweepOverWorkers(scenario, { ...options, workers: 2 })]);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  });

  it("names the option and what it expected for bad input", async () => {
    const scenario = parseScenario(uncertainWorld());
    const base = { policy: "ban", lever: 0, field: "severity", values: [0, 1], runs: 10, seed: 1 } as const;
    const fails = async (options: object, path: string, message: RegExp) => {
      const error = await sweepLever(scenario, { ...base, ...options }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).path).toBe(path);
      expect((error as InputError).message).toMatch(message);
    };
    await fails({ values: [0.5, 1.5] }, "options.values[1]", /1\.5 is not a valid severity of exportRestriction:A:x: policies\.ban\.levers\[0\]\.severity: /);
    await fails({ values: [0, Number.NaN] }, "options.values[1]", /expected a finite number, found NaN/);
    await fails({ values: [] }, "options.values", /expected 1 to 100 numbers/);
    await fails({ field: "severty" }, "options.field", /has no number "severty"; did you mean "severity"\?; its numbers: .*severity.*leakage/);
    await fails({ field: "actor" }, "options.field", /has no number "actor"/);
    await fails({ lever: 3 }, "options.lever", /expected an index from 0 to 0, found 3 \(levers of ban: 0 exportRestriction:A:x\)/);
    await fails({ lever: "stockpileRelease" }, "options.lever", /no lever of policy "ban" matches "stockpileRelease"/);
    await fails({ policy: "bam" }, "options.policy", /unknown policy "bam"; did you mean "ban"\?/);
    await fails({ versus: "nothing" }, "options.versus", /unknown policy "nothing"/);
    await fails({ outcomes: ["gdpLoss:C"] }, "options.outcomes[0]", /unknown outcome "gdpLoss:C"/);
  });
});
