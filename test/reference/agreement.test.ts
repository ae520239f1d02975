// The engine against the reference implementation (test/reference/reference.ts): an
// independent, plain reading of docs/model.md. Every outcome and every period of every
// series must agree to a relative 1e-9, run by run and policy by policy, rules included.
import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ScenarioInput } from "../../src/index.js";
import { scenarioArbitrary } from "../../src/testing/index.js";
import { GENERATED_RELATIVE_TOLERANCE, validateWorld, validationWorlds } from "./agreement.js";
import type { ReferenceRun } from "./reference.js";

describe("engine and reference implementation agree", () => {
  for (const world of validationWorlds(true)) {
    it(world.label, () => {
      const agreement = validateWorld(world);
      expect(agreement.firstDisagreement).toBeUndefined();
      expect(agreement.values).toBeGreaterThan(0);
    });
  }

  const folder = new URL("../golden/worlds/", import.meta.url);
  for (const file of readdirSync(folder).filter((name) => name.startsWith("generated-"))) {
    it(`golden world ${file}`, () => {
      const scenario = JSON.parse(readFileSync(new URL(file, folder), "utf8")) as ScenarioInput;
      const agreement = validateWorld({ label: file, scenario, runs: 4 });
      expect(agreement.firstDisagreement).toBeUndefined();
      expect(agreement.values).toBeGreaterThan(0);
    });
  }

  it("can fail: a reference result off by a relative 1e-8, or a series value off, is a disagreement", () => {
    const world = { label: "two-country", scenario: validationWorlds(true)[0]!.scenario, runs: 1 };
    const offBy = (run: ReferenceRun) => {
      run.outcomes["gdpLoss:B"] = run.outcomes["gdpLoss:B"]! * (1 + 1e-8);
    };
    expect(validateWorld(world, "agreement", offBy).firstDisagreement).toMatch(/gdpLoss:B: engine 600, reference 600\.000006/);
    const seriesOff = (run: ReferenceRun) => {
      run.series["price:x"]![1] = run.series["price:x"]![1]! + 1e-6;
    };
    expect(validateWorld(world, "agreement", seriesOff).firstDisagreement).toMatch(/price:x\[1\]/);
  });

  it("on generated scenarios with rules (random seed)", () => {
    const scenarios = scenarioArbitrary({ maxCountries: 4, maxGoods: 3, maxPolicies: 3, maxRules: 3, maxPolicyRules: 2, maxHorizon: 12 });
    fc.assert(
      fc.property(scenarios, fc.string({ minLength: 1, maxLength: 4 }), (scenario, seed) => {
        const agreement = validateWorld({ label: "generated", scenario, runs: 2 }, seed, undefined, GENERATED_RELATIVE_TOLERANCE);
        if (agreement.firstDisagreement !== undefined) throw new Error(agreement.firstDisagreement);
        if (agreement.values === 0) throw new Error("nothing compared");
      }),
      { numRuns: Number(process.env.AGREEMENT_RUNS ?? 60) },
    );
  });
});
