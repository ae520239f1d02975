import { describe, expect, it } from "vitest";
import { simulateOnce } from "../../src/index.js";
import { indirectMultipliers } from "../../src/compile/indirect-multipliers.js";
import { twoCountryWorld } from "../_helpers/worlds.js";

// B's economy is Miller & Blair's two-sector example (2009, ch. 2): Z = [[150, 500], [200, 100]],
// x = [1000, 2000], value added [650, 1400] (every input domestic). Good y is in manufacturing,
// which is therefore modelled: the engine gives its output, and only services respond (a
// mixed model, Miller & Blair section 13.1). So:
// - backward, per USD of y not made: services sell it 200/1000 less, and with their own
//   purchases from themselves (100/2000) that is 0.2 / 0.95 of services output, at value
//   added 0.7: 0.7 x 0.2 / 0.95 = 0.147368...;
// - forward, per USD of y its buyers go without: manufacturing sells 500 of its 1000 to
//   services and 150 to itself (modelled), so services take 500/850 of what the unmodelled
//   uses lose; in Ghosh's model a USD of input lost is a USD of output lost, with the same
//   feedback 1 / 0.95, at value added 0.7: (500/850) x 0.7 / 0.95 = 0.433436...
const BACKWARD = (0.7 * 0.2) / 0.95;
const FORWARD = ((500 / 850) * 0.7) / 0.95;
const table = { country: "B", sectors: ["manufacturing", "services"], Z: [[150, 500], [200, 100]], x: [1000, 2000], valueAdded: [650, 1400], goodSectors: { y: "manufacturing" } };

function withTable(extra: Record<string, unknown> = {}) {
  const world = twoCountryWorld();
  world.world.inputOutput = [{ ...table, ...extra }];
  return world;
}

describe("indirect losses through a national input-output table (a mixed model)", () => {
  it("multipliers: the worked example, by hand", () => {
    const { backward, forward } = indirectMultipliers(table.Z, table.x, table.valueAdded, [true, false]);
    expect(backward[0]).toBeCloseTo(BACKWARD, 14);
    expect(forward[0]).toBeCloseTo(FORWARD, 14);
    expect([backward[1], forward[1]]).toEqual([0, 0]); // services are not modelled
  });

  it("multipliers: the same as iterating the rounds of purchases and sales, on three sectors with two modelled", () => {
    const Z = [
      [20, 30, 10],
      [15, 40, 60],
      [25, 10, 30],
    ];
    const x = [200, 300, 250];
    const va = [120, 150, 100];
    const { backward, forward } = indirectMultipliers(Z, x, va, [true, false, true]);
    // only sector 1 responds: each round it buys 40/300 of its own output again
    const own = 40 / 300;
    for (const j of [0, 2]) {
      let rounds = 0;
      let bought = Z[1]![j]! / x[j]!; // first round: what j buys from sector 1 per USD of its output
      for (let k = 0; k < 200; k++) {
        rounds += bought;
        bought *= own;
      }
      expect(backward[j]).toBeCloseTo((va[1]! / x[1]!) * rounds, 12);
      // forward: j's sales to sector 1 over its sales to all but the modelled sectors 0 and 2
      const open = x[j]! - Z[j]![0]! - Z[j]![2]!;
      const ghoshOwn = 40 / 300; // B_11 = Z_11 / x_1
      expect(forward[j]).toBeCloseTo(((Z[j]![1]! / open) * (va[1]! / x[1]!)) / (1 - ghoshOwn), 12);
    }
  });

  it("adds backward losses of lost output and forward losses of the uses B goes without", () => {
    const { outcomes } = simulateOnce(withTable(), { policy: "ban", seed: 1 });
    // no y: direct 40 x 5; backward 40 y x 100 USD x BACKWARD; B's 40 y of unmodelled use go
    // unserved: forward 40 x 100 x FORWARD; for 3 months
    expect(outcomes["gdpLoss:B"]).toBeCloseTo(3 * (200 + 4000 * BACKWARD + 4000 * FORWARD), 6);
  });

  it("on a half ban: 20 y lost and 20 y of use priced out", () => {
    const { outcomes } = simulateOnce(withTable(), { policy: "half", seed: 1 });
    // y's supply is 20 (half its inputs); B's 40 P^-0.5 = 20 at P = 4: 20 y unserved
    expect(outcomes["gdpLoss:B"]).toBeCloseTo(3 * (100 + 2000 * BACKWARD + 2000 * FORWARD), 6);
  });

  it("leaves exports out of the domestic sales that share out forward losses", () => {
    const { forward } = indirectMultipliers(table.Z, table.x, table.valueAdded, [true, false], [100, 0]);
    expect(forward[0]).toBeCloseTo(((500 / 750) * 0.7) / 0.95, 14); // 1000 - 100 exported - 150 to itself
    const { outcomes } = simulateOnce(withTable({ exports: [100, 0] }), { policy: "ban", seed: 1 });
    expect(outcomes["gdpLoss:B"]).toBeCloseTo(3 * (200 + 4000 * BACKWARD + 4000 * ((500 / 750) * 0.7) / 0.95), 6);
  });

  it("counts no forward losses where the table says supplyDriven: false", () => {
    const { outcomes } = simulateOnce(withTable({ supplyDriven: false }), { policy: "ban", seed: 1 });
    expect(outcomes["gdpLoss:B"]).toBeCloseTo(3 * (200 + 4000 * BACKWARD), 6);
  });

  it("takes value added as x less Z's column sums less imports, where only imports are given", () => {
    const { valueAdded: _, ...rest } = table;
    const world = twoCountryWorld();
    world.world.inputOutput = [{ ...rest, imports: [50, 200] }];
    const { outcomes } = simulateOnce(world, { policy: "ban", seed: 1 });
    const v = (2000 - 600 - 200) / 2000; // services' value added per USD of output, 0.6
    expect(outcomes["gdpLoss:B"]).toBeCloseTo(3 * (200 + 4000 * ((v * 0.2) / 0.95) + 4000 * (((500 / 850) * v) / 0.95)), 6);
  });

  it("leaves countries without a table, and goods not mapped to a sector, to direct losses", () => {
    const { outcomes } = simulateOnce(withTable(), { policy: "half", seed: 1 });
    const direct = simulateOnce(twoCountryWorld(), { policy: "half", seed: 1 }).outcomes;
    expect(outcomes["gdpLoss:A"]).toBe(direct["gdpLoss:A"]);
  });

  it("refuses a table without value added or imports, and one whose coefficients are not productive", () => {
    const { valueAdded: _, ...rest } = table;
    const world = twoCountryWorld();
    world.world.inputOutput = [rest];
    expect(() => simulateOnce(world, { seed: 1 })).toThrow(/world\.inputOutput\[0\]\.valueAdded: expected value added per sector/);
    const bad = twoCountryWorld();
    bad.world.inputOutput = [{ country: "B", sectors: ["m"], Z: [[1200]], x: [1000], valueAdded: [1], goodSectors: { y: "m" } }];
    expect(() => simulateOnce(bad, { seed: 1 })).toThrow(/world\.inputOutput\[0\]: .*productive/);
    // a sector that sells more than it makes, or is left with negative value added
    const oversold = withTable({ exports: [900, 0] });
    expect(() => simulateOnce(oversold, { seed: 1 })).toThrow(/world\.inputOutput\[0\]\.Z\[0\]: sector "manufacturing" sells 1550 to other sectors and abroad but makes 1000/);
    const negative = twoCountryWorld();
    negative.world.inputOutput = [{ ...rest, imports: [700, 0] }];
    expect(() => simulateOnce(negative, { seed: 1 })).toThrow(/world\.inputOutput\[0\]\.imports\[0\]: sector "manufacturing": x less its inputs from Z less imports leaves value added -50/);
  });
});
