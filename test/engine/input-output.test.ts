import { describe, expect, it } from "vitest";
import { simulateOnce } from "../../src/index.js";
import { twoCountryWorld } from "../_helpers/worlds.js";

describe("indirect losses through a national input-output table", () => {
  // B's economy is Miller & Blair's two-sector example (2009, ch. 2): Z = [[150, 500], [200, 100]],
  // x = [1000, 2000]; value added = x - column sums = [650, 1400], so v = [0.65, 0.7].
  // With every input domestic, v'L = 1' (each dollar of final demand is a dollar of value
  // added), so the indirect value added per dollar of lost manufacturing output is 1 - 0.65 = 0.35.
  const world = twoCountryWorld();
  world.world.inputOutput = [
    { country: "B", sectors: ["manufacturing", "services"], Z: [[150, 500], [200, 100]], x: [1000, 2000], goodSectors: { y: "manufacturing" } },
  ];

  it("adds lost output x base price x (type-I value-added multiplier - direct coefficient) to GDP loss", () => {
    const { outcomes } = simulateOnce(world, { policy: "ban", seed: 1 });
    // direct: 40 y x 5 = 200 a month; indirect: 40 y x 100 USD x 0.35 = 1400 a month; 3 months
    expect(outcomes["gdpLoss:B"]).toBeCloseTo(3 * (200 + 1400), 6);
  });

  it("leaves countries without a table, and goods not mapped to a sector, to direct losses", () => {
    const { outcomes } = simulateOnce(world, { policy: "half", seed: 1 });
    expect(outcomes["gdpLoss:B"]).toBeCloseTo(3 * (100 + 700), 6);
    const direct = simulateOnce(twoCountryWorld(), { policy: "half", seed: 1 }).outcomes;
    expect(outcomes["gdpLoss:A"]).toBe(direct["gdpLoss:A"]);
  });

  it("rejects a table whose coefficients are not productive", () => {
    const bad = twoCountryWorld();
    bad.world.inputOutput = [{ country: "B", sectors: ["m"], Z: [[1200]], x: [1000], goodSectors: { y: "m" } }];
    expect(() => simulateOnce(bad, { seed: 1 })).toThrow(/world\.inputOutput\[0\]: .*productive/);
  });
});
