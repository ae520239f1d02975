import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ScenarioInput } from "../../src/index.js";
import { scenarioArbitrary, simulateDraw } from "../../src/testing/index.js";

// Schedules and licensing (docs/model.md, step 2) on generated scenarios: forms that change
// nothing must change nothing, bit for bit.
const NUM_RUNS = Math.max(20, Math.floor(Number(process.env.CHOKEPOINT_FUZZ_RUNS ?? 0) / 100));
type Lever = NonNullable<ScenarioInput["policies"][number]["levers"]>[number];
const isRestriction = (lever: Lever) => lever.type === "exportRestriction" || lever.type === "importRestriction";
const scenarios = scenarioArbitrary({ maxPolicies: 1, minLevers: 1, maxRules: 0, maxPolicyRules: 0, uncertainties: false });

/** Outcomes of the scenario with each restriction rewritten by `rewrite`, and without. */
function both(scenario: ScenarioInput, rewrite: (lever: Lever & { severity?: unknown }) => Lever) {
  const policy = scenario.policies[0]!;
  const withoutTime = (lever: Lever): Lever => {
    if (lever.type !== "exportRestriction" && lever.type !== "importRestriction") return lever;
    const { schedule: _schedule, licensing: _licensing, ...rest } = lever;
    return rest;
  };
  const plain = (policy.levers ?? []).map(withoutTime);
  const variant = (levers: Lever[]) => ({ ...scenario, policies: [{ ...policy, levers }] });
  const run = (levers: Lever[]) => simulateDraw(variant(levers), { seed: "steps", run: 0, policy: policy.name });
  return [run(plain), run(plain.map((lever) => (isRestriction(lever) ? rewrite(lever) : lever)))] as const;
}

describe("severity over time (fast-check)", () => {
  it("a schedule whose steps repeat the severity is no schedule", () => {
    fc.assert(
      fc.property(scenarios, fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }), (scenario, gaps) => {
        let after = 0;
        const [plain, stepped] = both(scenario, (lever) => ({ ...lever, schedule: gaps.map((gap) => ({ after: (after += gap), severity: (lever.severity ?? 1) as number })) }) as Lever);
        expect(stepped.outcomes).toEqual(plain.outcomes);
        expect(stepped.series).toEqual(plain.series);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("licensing whose reviews are instant and approve everything is no licensing", () => {
    fc.assert(
      fc.property(scenarios, (scenario) => {
        const [plain, licensed] = both(scenario, (lever) => ({ ...lever, licensing: { reviewMin: 0, reviewMax: 0, initialApproval: 1, finalApproval: 1, approvalRecovery: 2 } }) as Lever);
        expect(licensed.outcomes).toEqual(plain.outcomes);
        expect(licensed.series).toEqual(plain.series);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
