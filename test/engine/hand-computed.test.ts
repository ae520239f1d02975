import { describe, expect, it } from "vitest";
import { simulateOnce } from "../../src/index.js";
import { twoCountryWorld } from "../_helpers/worlds.js";

// Every expected value below is worked out by hand from docs/model.md for the world in
// twoCountryWorld(): A makes 100 t of x and ships 40 t to B; B makes 40 y from 40 t of x.

const run = (policy: string, overrides = {}) => simulateOnce(twoCountryWorld(overrides), { policy, seed: 1 });

describe("engine on a two-country world, by hand", () => {
  it("loses exactly nothing when no lever is pulled", () => {
    const { outcomes, series } = run("none");
    for (const [name, value] of Object.entries(outcomes)) {
      expect(value, name).toBe(name.startsWith("price") ? 1 : 0);
    }
    expect(series["price:x"]).toEqual([1, 1, 1]);
  });

  it("a complete ban: B loses all of y; A's home market absorbs part of the glut down to the price floor", () => {
    const { outcomes, series } = run("ban");
    // B: no x arrives, so no y: 40 units x 5 value added x 3 months
    expect(outcomes["gdpLoss:B"]).toBeCloseTo(600, 9);
    expect(outcomes["outputLoss:B:y"]).toBeCloseTo(120, 9);
    expect(outcomes["shortfall:B:x"]).toBe(1);
    expect(outcomes["shortfall:B:y"]).toBe(1);
    // Outside A the market has nothing at all: the price hits its cap
    expect(series["price:x"]).toEqual([10, 10, 10]);
    // Inside A: (1 + 40/60)^-2 = 0.36 is below the floor 0.5, so the price stops at 0.5 and
    // home demand rises to 60 * 0.5^-0.5 = 84.85 t: 24.85 t absorbed, 15.15 t a month not made
    const notMade = 40 - 60 * (Math.SQRT2 - 1);
    expect(outcomes["price:x:A"]).toBeCloseTo(0.5, 12);
    expect(outcomes["outputLoss:A:x"]).toBeCloseTo(3 * notMade, 9);
    expect(outcomes["gdpLoss:A"]).toBeCloseTo(3 * notMade * 2, 9);
    // A's lost export revenue is the whole flow at base price; B buys nothing from abroad
    expect(outcomes["revenueLoss:A"]).toBeCloseTo(40 * 10 * 3, 9);
    expect(outcomes["importCost:B"]).toBe(0);
  });

  it("a half ban: shortfall 0.5, outside price (1/2)^-2 = 4, A's glut fully absorbed at (4/3)^-2", () => {
    const { outcomes } = run("half");
    expect(outcomes["shortfall:B:x"]).toBeCloseTo(0.5, 12);
    expect(outcomes["shortfall:B:y"]).toBeCloseTo(0.5, 12);
    expect(outcomes["price:x"]).toBeCloseTo(4, 12);
    expect(outcomes["price:x:A"]).toBeCloseTo(0.5625, 12);
    expect(outcomes["gdpLoss:A"]).toBeCloseTo(0, 9);
    // B makes 20 of 40 y: 20 x 5 x 3
    expect(outcomes["gdpLoss:B"]).toBeCloseTo(300, 9);
    // 20 t still imported, at 3 x 10 more per t, for 3 months
    expect(outcomes["importCost:B"]).toBeCloseTo(1800, 9);
    expect(outcomes["revenueLoss:A"]).toBeCloseTo(600, 9);
  });

  it("a 25% tariff on B's imports of x: B pays 0.25 x 10 x 40 a month more, nothing else moves", () => {
    const taxed = twoCountryWorld({
      policies: [
        { name: "none" },
        { name: "tariff", levers: [{ type: "importTariff", actor: "B", sources: ["A"], goods: ["x"], rate: 0.25, start: 1 }] },
        // two duties on the same flow add up; with half the flow banned, only what arrives is taxed, at the higher price
        {
          name: "tariffs-and-half-ban",
          levers: [
            { type: "importTariff", actor: "B", sources: "all", goods: ["x"], rate: 0.1 },
            { type: "importTariff", actor: "B", sources: ["A"], goods: ["x"], rate: 0.15, duration: 2 },
            { type: "exportRestriction", actor: "A", targets: ["B"], goods: ["x"], severity: 0.5 },
          ],
        },
      ],
    });
    const tariff = simulateOnce(taxed, { policy: "tariff", seed: 1 }).outcomes;
    // periods 1 and 2: 0.25 x 10 x 40 = 100 a month
    expect(tariff["importCost:B"]).toBe(200);
    for (const [name, value] of Object.entries(tariff)) if (name !== "importCost:B") expect(value, name).toBe(name.startsWith("price") ? 1 : 0);
    const both = simulateOnce(taxed, { policy: "tariffs-and-half-ban", seed: 1 }).outcomes;
    // 20 t arrive at price 4: the half ban's 3 x 10 x 20 = 600 a month, and duties of 4 x 10 x 20 x 0.25 = 200 (two months) or x 0.1 = 80 (one)
    expect(both["importCost:B"]).toBeCloseTo(3 * 600 + 2 * 200 + 80, 9);
    expect(both["gdpLoss:B"]).toBeCloseTo(300, 9);
  });

  it("leakage 1 blocks nothing: the same outcomes as no restriction", () => {
    const leaky = twoCountryWorld();
    leaky.policies = [
      { name: "none" },
      { name: "leaky", levers: [{ type: "exportRestriction", actor: "A", targets: ["B"], goods: ["x"], leakage: 1 }] },
    ];
    expect(simulateOnce(leaky, { policy: "leaky", seed: 1 }).outcomes).toEqual(simulateOnce(leaky, { policy: "none", seed: 1 }).outcomes);
  });

  it("stocks cover part of the gap at their bounded draw rate until they run out", () => {
    const world = twoCountryWorld();
    world.world.stocks = [{ country: "B", good: "x", coverMonths: 1, maxDrawShare: 0.5 }];
    const { series } = simulateOnce(world, { policy: "ban", seed: 1 });
    // 40 t in stock, at most 20 t a month: half covered for two months, then nothing
    expect(series["shortfall:B:x"]).toEqual([0.5, 0.5, 1]);
  });

  it("a strategic reserve is released after commercial stocks", () => {
    const world = twoCountryWorld();
    world.world.stocks = [{ country: "B", good: "x", coverMonths: 0.5, maxDrawShare: 0.5 }];
    world.policies = [
      { name: "ban", levers: [{ type: "exportRestriction", actor: "A", targets: ["B"], goods: ["x"] }] },
      {
        name: "ban-reserve",
        levers: [
          { type: "exportRestriction", actor: "A", targets: ["B"], goods: ["x"] },
          { type: "stockpileRelease", actor: "B", goods: ["x"], coverMonths: 1, maxReleaseShare: 0.25 },
        ],
      },
    ];
    // commercial: 20 t, 20 t a month at most; reserve: 40 t, 10 t a month at most
    expect(simulateOnce(world, { policy: "ban", seed: 1 }).series["shortfall:B:x"]).toEqual([0.5, 1, 1]);
    expect(simulateOnce(world, { policy: "ban-reserve", seed: 1 }).series["shortfall:B:x"]).toEqual([0.25, 0.75, 0.75]);
  });

  it("spare capacity elsewhere substitutes, pro rata, and the supplier gains value added", () => {
    const world = twoCountryWorld();
    world.world.countries.push({ id: "C", gdp: 1e6 });
    world.world.production!.push({ country: "C", good: "x", output: 10, capacity: 30, valueAddedPerUnit: 2 });
    world.outcomes!.push({ name: "gdpLoss:C", kind: "gdpLoss", country: "C" });
    const { outcomes, series } = simulateOnce(world, { policy: "ban", seed: 1 });
    // C's 20 t of spare capacity covers half of B's 40 t gap every month
    expect(series["shortfall:B:x"]).toEqual([0.5, 0.5, 0.5]);
    expect(outcomes["gdpLoss:C"]).toBeCloseTo(-20 * 2 * 3, 9);
  });

  it("market integration re-trades among unrestricted buyers: kappa 1 evens out shortfalls, 0.5 closes half the distance", () => {
    const world = (kappa: number) => {
      const w = twoCountryWorld();
      w.world.countries.push({ id: "C", gdp: 1e6 });
      w.world.goods[0]!.marketIntegration = kappa;
      w.world.flows!.push({ exporter: "A", importer: "C", good: "x", volume: 40 });
      w.outcomes!.push({ name: "shortfall:C:x", kind: "shortfall", country: "C", good: "x", stat: "max" });
      return w;
    };
    // A bans B only. B has 0 of 40 t, C 40 of 40: the market outside A has half of what it needs
    const full = simulateOnce(world(1), { policy: "ban", seed: 1 }).outcomes;
    expect([full["shortfall:B:x"], full["shortfall:C:x"]]).toEqual([0.5, 0.5]);
    const half = simulateOnce(world(0.5), { policy: "ban", seed: 1 }).outcomes;
    expect(half["shortfall:B:x"]).toBeCloseTo(0.75, 12);
    expect(half["shortfall:C:x"]).toBeCloseTo(0.25, 12);
    const none = simulateOnce(world(0), { policy: "ban", seed: 1 }).outcomes;
    expect([none["shortfall:B:x"], none["shortfall:C:x"]]).toEqual([1, 0]);
  });

  it("surge capacity ramps up as 1 - exp(-t / tau) from the first month of shortage", () => {
    const world = twoCountryWorld({ horizon: 4 });
    world.world.countries.push({ id: "C", gdp: 1e6 });
    world.world.production!.push({ country: "C", good: "x", output: 10, capacity: 10, valueAddedPerUnit: 2, surgeCapacity: 40, rampPeriods: 2 });
    const { series } = simulateOnce(world, { policy: "ban", seed: 1 });
    const expected = [0, 1, 2, 3].map((t) => 1 - Math.min(40, 40 * (1 - Math.exp(-t / 2))) / 40);
    series["shortfall:B:x"]!.forEach((value, t) => expect(value).toBeCloseTo(expected[t]!, 12));
  });
});
