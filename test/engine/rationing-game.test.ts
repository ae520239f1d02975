import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ScenarioInput } from "../../src/index.js";
import { simulateDraw } from "../../src/testing/index.js";

// Why the severity invariants leave out restrictions whose severity changes over time
// (assertSeverityNeverLowersShortfall's TSDoc). A world fast-check generated, kept as it
// was found: C0 imports 0.1 t of g1 a month from C2 and makes 0.251 t, 0.25 of which it
// sells to C1; g1's price cap is 1, so a short market rations pro rata to what each buyer
// wants. C0 restricts its imports from C2 at severity s in month 0 and bans them in
// month 1 (a schedule). Under s = 0.05 C0 draws 0.005 t of its stock in month 0, so in
// month 1 it orders more (its restocking order); C0's own producers, at the cap, ration
// pro rata to what is wanted, and the bigger order takes a bigger share from C1. The
// harsher early cut leaves C0 less short in month 1: the rationing game of Lee,
// Padmanabhan and Whang (1997), where orders inflated by a shortage win a larger share.
const scenario = JSON.parse(readFileSync(new URL("./rationing-game.json", import.meta.url), "utf8")) as ScenarioInput;
const lever = scenario.policies[0]!.levers![0]!;
const monthOne = (severity: number, restockMonths?: number) => {
  const world = restockMonths === undefined ? scenario.world : { ...scenario.world, stocks: scenario.world.stocks!.map((s) => ({ ...s, restockMonths })) };
  const variant = { ...scenario, world, policies: [{ name: "p", levers: [{ ...lever, severity }] }] };
  return simulateDraw(variant, { seed: 1, run: 0, policy: "p" }).series["shortfall:C0:g1"]![1]!;
};

describe("the rationing game: a harsher early cut can leave the target less short later", () => {
  it("under a schedule (s, then a ban), C0's month-1 shortfall is lower at s = 0.05 than at s = 0", () => {
    expect(monthOne(0.05)).toBeLessThan(monthOne(0) - 1e-3);
  });

  it("it comes from the restocking order: the gap shrinks with the rate of restocking (1 / tau)", () => {
    const gap = (restockMonths?: number) => monthOne(0, restockMonths) - monthOne(0.05, restockMonths);
    expect(gap(120)).toBeLessThan(gap() / 10); // tau 120 months against the default 3
    expect(Math.abs(gap(1e6))).toBeLessThan(1e-7);
  });
});
