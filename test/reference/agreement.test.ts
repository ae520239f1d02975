// The engine against the reference implementation (test/reference/reference.ts): an
// independent, plain reading of docs/model.md. Every outcome and every period of every
// series must agree to a relative 1e-9, run by run and policy by policy, rules included.
import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ScenarioInput } from "../../src/index.js";
import { scenarioArbitrary } from "../../src/testing/index.js";
import { validateWorld, validationWorlds } from "./agreement.js";

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
      expect(validateWorld({ label: file, scenario, runs: 4 }).firstDisagreement).toBeUndefined();
    });
  }

  it("on generated scenarios with rules (random seed)", () => {
    const scenarios = scenarioArbitrary({ maxCountries: 4, maxGoods: 3, maxPolicies: 3, maxRules: 3, maxPolicyRules: 2, maxHorizon: 12 });
    fc.assert(
      fc.property(scenarios, fc.string({ minLength: 1, maxLength: 4 }), (scenario, seed) => {
        const agreement = validateWorld({ label: "generated", scenario, runs: 2 }, seed);
        if (agreement.firstDisagreement !== undefined) throw new Error(agreement.firstDisagreement);
      }),
      { numRuns: Number(process.env.AGREEMENT_RUNS ?? 60) },
    );
  });
});
