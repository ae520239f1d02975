// Announcements (issue 14, deliverable 2): before any lever acts or is announced, nothing
// moves. Before the earliest period in which some lever of the policy acts or some restriction
// is announced, every price is its base price and no stock has moved: no front-loading before
// an announcement. `npm run fuzz` runs more cases (CHOKEPOINT_FUZZ_RUNS).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scenarioArbitrary, simulateDraw } from "../../src/testing/index.js";

const FUZZ = process.env.CHOKEPOINT_FUZZ_RUNS;
const NUM_RUNS = FUZZ === undefined ? 40 : Math.max(40, Math.ceil(Number(FUZZ) / 100));

describe("announcements (fast-check)", () => {
  it("no price moves and no stock is bought before the first lever acts or is announced", () => {
    // fixed numbers (no uncertainties) and no rules, so each lever's start and notice are known
    const scenarios = scenarioArbitrary({ maxRules: 0, maxPolicyRules: 0, minLevers: 1, uncertainties: false });
    let checked = 0;
    fc.assert(
      fc.property(scenarios, (scenario) => {
        const policy = scenario.policies[0]!;
        const first = Math.min(
          ...(policy.levers ?? []).map((lever) => {
            const start = Math.max(0, Math.round((lever as { start?: number }).start ?? 0));
            const notice = "announced" in lever ? Math.max(0, Math.round(lever.announced as number)) : 0;
            return start - notice;
          }),
        );
        if (!(first > 0)) return;
        const { series } = simulateDraw(scenario, { seed: "announce", run: 0, policy: policy.name });
        for (const good of scenario.world.goods) {
          const price = series[`price:${good.id}`]!;
          for (let t = 0; t < Math.min(first, price.length); t++) expect(price[t], `price of ${good.id} in period ${t}, first lever or notice in ${first}`).toBe(1);
        }
        // and every stock is where it would be with no lever at all: nothing bought ahead
        const idle = simulateDraw({ ...scenario, policies: [{ name: policy.name }] }, { seed: "announce", run: 0, policy: policy.name }).series;
        for (const [name, values] of Object.entries(series)) {
          if (!name.startsWith("stock:")) continue;
          for (let t = 0; t < Math.min(first, values.length); t++) expect(values[t], `${name} in period ${t}, first lever or notice in ${first}`).toBe(idle[name]![t]);
        }
        checked++;
      }),
      { numRuns: NUM_RUNS },
    );
    expect(checked).toBeGreaterThan(0);
  });
});
