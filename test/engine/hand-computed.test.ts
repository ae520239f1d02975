import { describe, expect, it } from "vitest";
import { simulateOnce } from "../../src/index.js";
import { twoCountryWorld } from "../_helpers/worlds.js";

// Every expected value below is worked out by hand from docs/model.md for the world in
// twoCountryWorld(): A makes 100 t of x and ships 40 t to B; B makes 40 y from 40 t of x
// (a critical input). x: demand elasticity 0.5, price cap 10, floor 0.5; the defaults
// substitution elasticity 4 and supply elasticity 0.3. A's own use of x (60 t) is elastic,
// B's (40 t, for y) critical.

/**
 * The world, with its producers' sales revenue lost as `salesLoss:A` (`revenueLoss:A` is the
 * export revenue lost), the buyers' surplus lost as `surplus:A`, `surplus:B`, and the
 * producers' as `producerSurplus:A`, `producerSurplus:B`.
 */
function withSales(overrides = {}) {
  const scenario = twoCountryWorld(overrides);
  const added = [
    { name: "salesLoss:A", kind: "revenueLoss" as const, country: "A" },
    { name: "surplus:A", kind: "consumerSurplusLoss" as const, country: "A" },
    { name: "surplus:B", kind: "consumerSurplusLoss" as const, country: "B", goods: ["x"] },
    { name: "producerSurplus:A", kind: "producerSurplusLoss" as const, country: "A" },
    { name: "producerSurplus:B", kind: "producerSurplusLoss" as const, country: "B" },
    { name: "price:y:B", kind: "price" as const, good: "y", market: { inside: "B" }, stat: "final" as const },
  ];
  return { ...scenario, outcomes: [...(scenario.outcomes ?? []), ...added] };
}

const run = (policy: string, overrides = {}) => simulateOnce(withSales(overrides), { policy, seed: 1 });

/** Root of a decreasing function on [lo, hi] by bisection (to machine precision). */
function root(f: (p: number) => number, lo: number, hi: number): number {
  for (let k = 0; k < 200; k++) {
    const mid = 0.5 * (lo + hi);
    if (f(mid) > 0) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

// A's producer price when A's home buyers (60 p^-0.5) and a fixed 20 t (the licensed half of
// B's flow, or A's reserve buying half of what it blocks) take A's output 100 p^0.3:
const halfPrice = root((p) => 60 * Math.pow(p, -0.5) + 20 - 100 * Math.pow(p, 0.3), 0.5, 1);

describe("engine on a two-country world, by hand", () => {
  it("loses exactly nothing when no lever is pulled", () => {
    const { outcomes, series } = run("none");
    for (const [name, value] of Object.entries(outcomes)) {
      expect(value, name).toBe(name.startsWith("price") ? 1 : 0);
    }
    expect(series["price:x"]).toEqual([1, 1, 1]);
  });

  it("a complete ban: B loses all of y; A's price falls until its home market takes its output", () => {
    const { outcomes, series } = run("ban");
    // B: no x arrives, so no y: 40 units x 5 value added x 3 months
    expect(outcomes["gdpLoss:B"]).toBeCloseTo(600, 9);
    expect(outcomes["outputLoss:B:y"]).toBeCloseTo(120, 9);
    expect(outcomes["shortfall:B:x"]).toBe(1);
    expect(outcomes["shortfall:B:y"]).toBe(1);
    // B's critical need cannot be met at any price: it is rationed, and pays the cap
    expect(series["price:x"]).toEqual([10, 10, 10]);
    // A: 60 p^-0.5 = 100 p^0.3, so p = 0.6^(1/0.8) (above the floor 0.5); output 100 p^0.3
    const p = Math.pow(0.6, 1.25);
    const made = 100 * Math.pow(p, 0.3);
    expect(outcomes["price:x:A"]).toBeCloseTo(p, 10);
    expect(outcomes["outputLoss:A:x"]).toBeCloseTo(3 * (100 - made), 8);
    expect(outcomes["gdpLoss:A"]).toBeCloseTo(3 * (100 - made) * 2, 8);
    // A's lost export revenue is the whole flow at base price; B buys nothing from abroad
    expect(outcomes["revenueLoss:A"]).toBeCloseTo(40 * 10 * 3, 9);
    expect(outcomes["importCost:B"]).toBe(0);
    // buyers' surplus: B's 40 t are critical, and it gets none, so it pays for none (what it
    // goes without costs output, in its GDP loss); A's home buyers (60 p^-0.5) gain the area
    // 10 x 60 x (p^0.5 - 1) / 0.5 as the price falls
    expect(outcomes["surplus:B"]).toBe(0);
    expect(outcomes["surplus:A"]).toBeCloseTo(3 * 10 * 60 * ((Math.sqrt(p) - 1) / 0.5), 8);
    expect(outcomes["surplus:A"]).toBeLessThan(0);
    // producers' surplus, the area left of the supply curve Q = Xb p^eta up to the price:
    // Q0 / 1.3 at baseline; A's p Q / 1.3 at its lower price; B's y makers (no x) none
    expect(outcomes["producerSurplus:A"]).toBeCloseTo((3 * 10 * (100 - p * made)) / 1.3, 8);
    expect(outcomes["producerSurplus:B"]).toBeCloseTo((3 * 100 * 40) / 1.3, 8);
    // B's y makers can make nothing, so they have no price: B's price of y is what its
    // buyers pay, rationed at the cap
    expect(outcomes["price:y:B"]).toBe(10);
    // net of what it sells at home instead: its 100 t at 10 a month, less 100 p^0.3 t at 10 p;
    // more than the export revenue lost, since the glut lowers the price of its home sales too
    expect(outcomes["salesLoss:A"]).toBeCloseTo(3 * 10 * (100 - p * made), 8);
    expect(outcomes["salesLoss:A"]).toBeGreaterThan(outcomes["revenueLoss:A"]!);
  });

  it("A's own demand elasticity (world.demand) sets how far its price falls under the ban", () => {
    const world = twoCountryWorld().world;
    const own = withSales({ world: { ...world, demand: [{ country: "A", good: "x", demandElasticity: 1 }] } });
    const { outcomes } = simulateOnce(own, { policy: "ban", seed: 1 });
    // 60 p^-1 = 100 p^0.3: p = 0.6^(1 / 1.3), a smaller fall than with the good's 0.5
    const p = Math.pow(0.6, 1 / 1.3);
    expect(outcomes["price:x:A"]).toBeCloseTo(p, 10);
    expect(outcomes["outputLoss:A:x"]).toBeCloseTo(3 * (100 - 100 * Math.pow(p, 0.3)), 8);
    // B's demand is critical and unchanged: still rationed at the cap
    expect(outcomes["shortfall:B:x"]).toBe(1);
    // at eps = 1 the surplus A's buyers gain is 10 x 60 x ln p a month
    expect(outcomes["surplus:A"]).toBeCloseTo(3 * 10 * 60 * Math.log(p), 8);
  });

  it("a domestic price below the export price values A's home sales: the ban costs A more revenue", () => {
    const base = withSales();
    const world = { ...base.world, production: (base.world.production ?? []).map((e) => (e.country === "A" ? { ...e, domesticPriceRatio: 0.8 } : e)) };
    const outcomes = [...(base.outcomes ?? []), { name: "priceUsd:x:A", kind: "price" as const, good: "x", market: { inside: "A" }, stat: "mean" as const, unit: "USD" as const }];
    const { outcomes: values } = simulateOnce({ ...base, world, outcomes }, { policy: "ban", seed: 1 });
    const p = Math.pow(0.6, 1.25); // the ratios do not move: the gap is a fixed wedge
    expect(values["price:x:A"]).toBeCloseTo(p, 10);
    expect(values["priceUsd:x:A"]).toBeCloseTo(0.8 * 10 * p, 9);
    // baseline sales 0.8 x 60 + 40 at 10; under the ban 100 p^0.3 t at home, at 0.8 x 10 p
    expect(values["salesLoss:A"]).toBeCloseTo(3 * 10 * (0.8 * 60 + 40 - 0.8 * p * 100 * Math.pow(p, 0.3)), 8);
    expect(values["revenueLoss:A"]).toBeCloseTo(40 * 10 * 3, 9);
  });

  it("a half ban: B gets the licensed 20 t at the price cap; A's home market takes the rest", () => {
    const { outcomes } = run("half");
    expect(outcomes["shortfall:B:x"]).toBeCloseTo(0.5, 12);
    expect(outcomes["shortfall:B:y"]).toBeCloseTo(0.5, 12);
    // B's 40 t are critical: short of them at any price, it is rationed and pays the cap
    expect(outcomes["price:x"]).toBeCloseTo(10, 12);
    expect(outcomes["price:x:A"]).toBeCloseTo(halfPrice, 10);
    // B makes 20 of 40 y: 20 x 5 x 3
    expect(outcomes["gdpLoss:B"]).toBeCloseTo(300, 9);
    expect(outcomes["gdpLoss:A"]).toBeCloseTo(3 * 2 * (100 - 100 * Math.pow(halfPrice, 0.3)), 8);
    // 20 t a month at 10 x 10 instead of 10: 3 x 9 x 10 x 20
    expect(outcomes["importCost:B"]).toBeCloseTo(5400, 8);
    // and B's buyers lose that as surplus on the critical tonnes they get
    expect(outcomes["surplus:B"]).toBeCloseTo(5400, 8);
    // A sells 20 of its 40 t, at its lower price
    expect(outcomes["revenueLoss:A"]).toBeCloseTo(3 * 10 * (40 - halfPrice * 20), 8);
    // all it makes, 100 p^0.3 t, sells at p
    expect(outcomes["salesLoss:A"]).toBeCloseTo(3 * 10 * (100 - 100 * Math.pow(halfPrice, 1.3)), 8);
  });

  it("A's reserve buying half of what it blocks props up its price as the licensed half did", () => {
    const stocked = withSales({
      policies: [{ name: "ban-stockpile", levers: [{ type: "exportRestriction", actor: "A", targets: ["B"], goods: ["x"], stockpileShare: 0.5 }] }],
    });
    const { outcomes } = simulateOnce(stocked, { policy: "ban-stockpile", seed: 1 });
    // the reserve takes 0.5 x 40 = 20 t a month whatever the price: A's market is the half ban's
    expect(outcomes["price:x:A"]).toBeCloseTo(halfPrice, 10);
    expect(outcomes["gdpLoss:A"]).toBeCloseTo(3 * 2 * (100 - 100 * Math.pow(halfPrice, 0.3)), 8);
    expect(outcomes["shortfall:B:x"]).toBe(1);
    // the reserve's purchases are sales: A's producers lose what the half ban cost them
    expect(outcomes["salesLoss:A"]).toBeCloseTo(3 * 10 * (100 - 100 * Math.pow(halfPrice, 1.3)), 8);
  });

  it("a 25% tariff on B's imports of x: B pays 0.25 x 10 x 40 a month more, A's price does not move", () => {
    const taxed = twoCountryWorld({
      policies: [
        { name: "none" },
        { name: "tariff", levers: [{ type: "importTariff", actor: "B", sources: ["A"], goods: ["x"], rate: 0.25, start: 1 }] },
        // two duties on the same flow add up; with half the flow banned, B is rationed and pays the cap
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
    taxed.outcomes!.push({ name: "duties:B", kind: "tariffRevenue", country: "B" });
    const tariff = simulateOnce(taxed, { policy: "tariff", seed: 1 });
    // B's government collects what its buyers pay more: 0.25 x A's price 1 x 40 t x 10, twice
    expect(tariff.outcomes["duties:B"]).toBeCloseTo(200, 10);
    // periods 1 and 2: B's need is critical, so it still buys 40 t, at 1.25 x 10
    expect(tariff.outcomes["importCost:B"]).toBeCloseTo(200, 10);
    // the outside price weighs A's 60 t at 1 and B's 40 t at 1.25
    expect(tariff.series["price:x"]).toEqual([1, 1.1, 1.1]);
    for (const [name, value] of Object.entries(tariff.outcomes)) {
      if (name === "importCost:B" || name === "price:x" || name === "duties:B") continue;
      if (name.startsWith("price")) expect(value, name).toBeCloseTo(1, 12);
      else expect(value, name).toBeCloseTo(0, 9);
    }
    const both = simulateOnce(taxed, { policy: "tariffs-and-half-ban", seed: 1 }).outcomes;
    // 20 t arrive at the cap, 10 x 10, duties included: 3 x 9 x 10 x 20
    expect(both["importCost:B"]).toBeCloseTo(5400, 8);
    expect(both["gdpLoss:B"]).toBeCloseTo(300, 9);
    // duties are levied on A's price, the half ban's, not on the cap: 0.25, 0.25, then 0.1 of
    // 10 halfPrice on the 20 t that arrive
    expect(both["duties:B"]).toBeCloseTo(10 * halfPrice * 20 * (0.25 + 0.25 + 0.1), 8);
  });

  it("leakage 1 blocks nothing: the same outcomes as no restriction", () => {
    const leaky = twoCountryWorld();
    leaky.policies = [
      { name: "none" },
      { name: "leaky", levers: [{ type: "exportRestriction", actor: "A", targets: ["B"], goods: ["x"], leakage: 1 }] },
    ];
    expect(simulateOnce(leaky, { policy: "leaky", seed: 1 }).outcomes).toEqual(simulateOnce(leaky, { policy: "none", seed: 1 }).outcomes);
  });

  it("leaked volume arrives after its lag, at its premium", () => {
    const world = twoCountryWorld();
    world.policies = [
      {
        name: "half-leaky",
        levers: [{ type: "exportRestriction", actor: "A", targets: ["B"], goods: ["x"], severity: 0.5, leakage: 0.5, leakagePremium: 0.2, leakageLag: 1 }],
      },
    ];
    // licensed 20 t from the start; from period 1 another 0.5 x 0.5 x 40 = 10 t through third countries
    expect(simulateOnce(world, { policy: "half-leaky", seed: 1 }).series["shortfall:B:x"]).toEqual([0.5, 0.25, 0.25]);
  });

  it("a leakage channel that opens with a time constant of 1 month after its lag", () => {
    const world = twoCountryWorld();
    world.policies = [{ name: "p", levers: [{ type: "exportRestriction", actor: "A", targets: ["B"], goods: ["x"], leakage: 0.5, leakageLag: 1, leakageRamp: 1 }] }];
    // nothing in month 0; then 0.5 (1 - exp(-k)) of the flow, k = 1, 2 months since the lag ended (counting the first)
    const expected = [1, 1 - 0.5 * (1 - Math.exp(-1)), 1 - 0.5 * (1 - Math.exp(-2))];
    simulateOnce(world, { policy: "p", seed: 1 }).series["shortfall:B:x"]!.forEach((value, t) => expect(value, `month ${t}`).toBeCloseTo(expected[t]!, 12));
  });

  it("a leakage channel's capacity: at most 20% of the flow leaks, whatever the leakage share", () => {
    const world = twoCountryWorld();
    world.policies = [{ name: "p", levers: [{ type: "exportRestriction", actor: "A", targets: ["B"], goods: ["x"], leakage: 0.5, leakageCapacity: 0.2 }] }];
    simulateOnce(world, { policy: "p", seed: 1 }).series["shortfall:B:x"]!.forEach((value) => expect(value).toBeCloseTo(0.8, 12));
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

  /** B buys 10 of its 50 t of x from C, which can make 30 (supply elasticity 1). */
  const withSecondSupplier = (production: Record<string, unknown> = {}) => {
    const world = twoCountryWorld({ horizon: 4 });
    world.world.countries.push({ id: "C", gdp: 1e6 });
    world.world.production = [
      { country: "A", good: "x", output: 100, valueAddedPerUnit: 2 },
      { country: "B", good: "y", output: 50, valueAddedPerUnit: 5 },
      { country: "C", good: "x", output: 10, capacity: 30, valueAddedPerUnit: 2, supplyElasticity: 1, ...production },
    ];
    world.world.flows!.push({ exporter: "C", importer: "B", good: "x", volume: 10 });
    world.outcomes!.push({ name: "gdpLoss:C", kind: "gdpLoss", country: "C" });
    return world;
  };

  it("an existing supplier with spare capacity makes more as its price rises, up to capacity", () => {
    const { outcomes, series } = simulateOnce(withSecondSupplier(), { policy: "ban", seed: 1 });
    // B still needs 50 t at any price; C makes 10 p, at most 30: at the cap, 30 t, rationed
    expect(series["shortfall:B:x"]).toEqual([0.4, 0.4, 0.4, 0.4]);
    expect(outcomes["gdpLoss:C"]).toBeCloseTo(-20 * 2 * 4, 9);
  });

  it("surge capacity comes on stream as 1 - exp(-t / tau) from the period after the price first rose", () => {
    const { series } = simulateOnce(withSecondSupplier({ capacity: 10, surgeCapacity: 30, rampPeriods: 2 }), { policy: "ban", seed: 1 });
    // period 0: 10 t (no surge yet); then 10 + 30 (1 - exp(-t / 2)) t, all of it taken at the cap
    const expected = [0, 1, 2, 3].map((t) => 1 - (10 + 30 * (1 - Math.exp(-t / 2))) / 50);
    series["shortfall:B:x"]!.forEach((value, t) => expect(value).toBeCloseTo(expected[t]!, 12));
  });

  it("with a restart lag of 1 month, the same ramp starts a month later", () => {
    const { series } = simulateOnce(withSecondSupplier({ capacity: 10, surgeCapacity: 30, rampPeriods: 2, restartLag: 1 }), { policy: "ban", seed: 1 });
    // the price rose in period 0; the ramp 1 - exp(-(t - 1) / 2) runs from period 1
    const expected = [0, 1, 2, 3].map((t) => 1 - (10 + 30 * (1 - Math.exp(-Math.max(0, t - 1) / 2))) / 50);
    series["shortfall:B:x"]!.forEach((value, t) => expect(value).toBeCloseTo(expected[t]!, 12));
  });
});

describe("new suppliers, by hand", () => {
  // twoCountryWorld plus C, which makes 50 t of x (capacity 200) and sells them at home; B has
  // never bought from C. x allows new suppliers with kappa 0.6 and a 10% premium: C's share of
  // world output is 50 / 150, so B's route from C has weight w = 0.6 / 3 = 0.2.
  const kappa = 0.6;
  const premium = 0.1;
  function threeCountries(newSuppliers: { weight: number; premium: number } | null = { weight: kappa, premium }) {
    const base = twoCountryWorld();
    const world = base.world;
    return {
      ...base,
      world: {
        ...world,
        countries: [...world.countries, { id: "C", gdp: 1e6 }],
        goods: world.goods!.map((g) => (g.id === "x" && newSuppliers !== null ? { ...g, newSuppliers } : g)),
        production: [...world.production!, { country: "C", good: "x", output: 50, capacity: 200 }],
      },
      policies: [
        ...base.policies!,
        // A bans C too, so that C cannot buy A's blocked tonnes (see the last test)
        { name: "ban-B-and-C", levers: [{ type: "exportRestriction" as const, actor: "A", targets: ["B", "C"], goods: ["x"] }] },
      ],
      outcomes: [
        ...base.outcomes!,
        { name: "price:x:C", kind: "price" as const, good: "x", market: { inside: "C" }, stat: "mean" as const },
        { name: "price:x:B", kind: "price" as const, good: "x", market: { inside: "B" }, stat: "mean" as const },
        { name: "exportRevenueLoss:C", kind: "exportRevenueLoss" as const, country: "C" },
        { name: "salesLoss:C", kind: "revenueLoss" as const, country: "C" },
        ...["A", "B", "C"].map((country) => ({ name: `termsOfTrade:${country}`, kind: "termsOfTradeLoss" as const, country })),
      ],
    };
  }

  it("without newSuppliers, a ban on B's sole supplier leaves B with nothing", () => {
    const { outcomes } = simulateOnce(threeCountries(null), { policy: "ban", seed: 1 });
    expect(outcomes["shortfall:B:x"]).toBe(1);
    expect(outcomes["gdpLoss:B"]).toBeCloseTo(600, 9);
  });

  it("B buys its 40 t from C: C's price clears its home buyers and B; B pays C's price x 1.1 x 6^(1/4)", () => {
    const { outcomes } = simulateOnce(threeCountries(), { policy: "ban-B-and-C", seed: 1 });
    // B's only open route is C's, so it carries all of B's critical 40 t:
    // 0.2 ((P/m)^4 - 1) = 1, (P/m)^4 = 6. C clears 50 p^-0.5 (home) + 40 = 50 p^0.3.
    const pC = root((p) => 50 * Math.pow(p, -0.5) + 40 - 50 * Math.pow(p, 0.3), 1, 10);
    expect(outcomes["shortfall:B:x"]).toBeCloseTo(0, 9);
    expect(outcomes["gdpLoss:B"]).toBeCloseTo(0, 6);
    expect(outcomes["price:x:C"]).toBeCloseTo(pC, 9);
    expect(outcomes["price:x:B"]).toBeCloseTo(pC * (1 + premium) * Math.pow(6, 1 / 4), 9);
    // every tonne B buys costs it m = 1.1 pC (base price 10): 3 months of 40 t
    expect(outcomes["importCost:B"]).toBeCloseTo(3 * 40 * 10 * (1.1 * pC - 1), 6);
    // C earns its price on 40 t more than it exported at baseline (none): a negative loss
    expect(outcomes["exportRevenueLoss:C"]).toBeCloseTo(-3 * 40 * 10 * pC, 6);
    // terms of trade at C's price: B's loss, C's gain; A trades nothing
    expect(outcomes["termsOfTrade:B"]).toBeCloseTo(3 * 40 * 10 * (pC - 1), 6);
    expect(outcomes["termsOfTrade:C"]).toBeCloseTo(-3 * 40 * 10 * (pC - 1), 6);
    expect(outcomes["termsOfTrade:A"]).toBe(0);
    // C's sales: baseline 50 t at home; now 50 pC^-0.5 at home and 40 t to B, all at pC
    expect(outcomes["salesLoss:C"]).toBeCloseTo(3 * 10 * (50 - pC * (50 * Math.pow(pC, -0.5) + 40)), 6);
  });

  it("a qualification lag of 1 month: B gets nothing from C in the ban's first month, then all it needs", () => {
    const scenario = threeCountries({ weight: kappa, premium, qualificationPeriods: 1 } as never);
    const { series } = simulateOnce(scenario, { policy: "ban-B-and-C", seed: 1 });
    // month 0: B's only open route is not yet qualified; its price at the cap is the signal
    expect(series["shortfall:B:x"]![0]).toBe(1);
    expect(series["shortfall:B:x"]![1]).toBeCloseTo(0, 9);
    expect(series["shortfall:B:x"]![2]).toBeCloseTo(0, 9);
  });

  it("a ban by C on B blocks the new route too: restricted volume reaches a target only through leakage", () => {
    const scenario = threeCountries();
    const both = {
      ...scenario,
      policies: [
        {
          name: "both-ban",
          levers: [
            { type: "exportRestriction" as const, actor: "A", targets: ["B"], goods: ["x"] },
            { type: "exportRestriction" as const, actor: "C", targets: ["B"], goods: ["x"] },
          ],
        },
      ],
    };
    const { outcomes } = simulateOnce(both, { policy: "both-ban", seed: 1 });
    expect(outcomes["shortfall:B:x"]).toBe(1);
    expect(outcomes["exportRevenueLoss:C"]).toBe(0);
  });

  it("a small cut does not open the route: B's price index stays below C's price plus the premium", () => {
    // A licenses 95% of B's 40 t: B (all critical) is capped at 38 t. No price gets B its
    // other 2 t from A, so its index rises until C's route opens and carries them:
    // 0.2 ((P/m)^4 - 1) 40 = 2. C's price rises a little (50 p^-0.5 + 2 = 50 p^0.3), too
    // little for C's own buyers to open a route from A (A's price falls: 1.1 pA > pC).
    const scenario = threeCountries();
    const cut = { ...scenario, policies: [{ name: "cut", levers: [{ type: "exportRestriction" as const, actor: "A", targets: ["B"], goods: ["x"], severity: 0.05 }] }] };
    const { outcomes } = simulateOnce(cut, { policy: "cut", seed: 1 });
    expect(outcomes["shortfall:B:x"]).toBeCloseTo(0, 9);
    const pC = root((p) => 50 * Math.pow(p, -0.5) + 2 - 50 * Math.pow(p, 0.3), 1, 10);
    expect(outcomes["price:x:C"]).toBeCloseTo(pC, 9);
    expect(outcomes["price:x:B"]).toBeCloseTo(pC * 1.1 * Math.pow(1.25, 1 / 4), 9);
    expect(outcomes["exportRevenueLoss:C"]).toBeCloseTo(-3 * 2 * 10 * pC, 6);
  });

  it("reshuffling: under a ban on B alone, C sells to B and buys A's blocked tonnes for its home market", () => {
    // The ban keeps A's tonnes from B, not from C: A's price falls, C's rises, and C's buyers
    // open a route from A. A redeploys part of its blocked exports and loses less revenue.
    const without = simulateOnce(threeCountries(null), { policy: "ban", seed: 1 }).outcomes;
    const { outcomes } = simulateOnce(threeCountries(), { policy: "ban", seed: 1 });
    expect(outcomes["shortfall:B:x"]).toBeCloseTo(0, 9);
    expect(outcomes["revenueLoss:A"]!).toBeLessThan(0.5 * without["revenueLoss:A"]!);
    expect(outcomes["revenueLoss:A"]!).toBeGreaterThan(0);
    expect(outcomes["price:x:A"]!).toBeGreaterThan(without["price:x:A"]!);
    expect(outcomes["price:x:A"]!).toBeLessThan(1);
  });
});

describe("managed stocks, by hand", () => {
  // twoCountryWorld over 6 months: B holds 2 months of cover (80 t) and restocks with
  // tau = 1 month (the whole gap each month). A bans B for months 0 to 2.
  function stockWorld(restockMonths = 1) {
    const base = twoCountryWorld();
    return {
      ...base,
      horizon: 6,
      world: { ...base.world, stocks: [{ country: "B", good: "x", coverMonths: 2, restockMonths }] },
      policies: [{ name: "three-months", levers: [{ type: "exportRestriction" as const, actor: "A", targets: ["B"], goods: ["x"], duration: 3 }] }],
    };
  }

  it("B draws its stock during the ban, runs out in month 2, then restocks and bids the price up", () => {
    const { series } = simulateOnce(stockWorld(), { policy: "three-months", seed: 1 });
    // months 0 and 1: 40 t a month from stock (80 -> 40 -> 0); month 2: nothing left
    expect(series["shortfall:B:x"]).toEqual([0, 0, 1, 0, 0, 0]);
    // month 3, the ban over: B orders its 40 t of use and the whole gap of 80 t, price-elastic
    // (eps 0.5) like its other uses: A's 100 t (at capacity) clear 60 p^-0.5 + 40 + 80 p^-0.5,
    // p = (140 / 60)^2. B puts 80 p^-0.5 into stock and, in month 4, orders 80 less that:
    // p = ((60 + 80 - 80 / sqrt(p3)) / 60)^2
    const p3 = (140 / 60) ** 2;
    const s4 = 80 / Math.sqrt(p3);
    const p4 = ((60 + 80 - s4) / 60) ** 2;
    const price = series["price:x"]!;
    expect(price[0]).toBe(10); // B, cut off and short of a critical input, pays the cap
    expect(price[3]).toBeCloseTo(p3, 9);
    expect(price[4]).toBeCloseTo(p4, 9);
    expect(price[5]!).toBeLessThan(price[4]!); // and falls back as the stock refills
    expect(price[5]!).toBeGreaterThan(1);
  });

  it("without restocking (tau of 10 years) the price returns to base the month the ban ends", () => {
    const { series } = simulateOnce(stockWorld(120), { policy: "three-months", seed: 1 });
    expect(series["shortfall:B:x"]).toEqual([0, 0, 1, 0, 0, 0]);
    // a gap of 80 t over 120 months orders 2/3 t a month: p = ((60 + 80/120) / 60)^2 in month 3
    expect(series["price:x"]![3]).toBeCloseTo(((60 + 80 / 120) / 60) ** 2, 9);
  });
});

describe("a stock target above the stock held, by hand", () => {
  it("disturbs the world with no lever: B buys toward 3 months of cover from month 0", () => {
    // B holds 2 months (80 t) and aims for 3 (120 t), restocking over 1 month: in month 0 it
    // orders its 40 t and 40 t more, price-elastic; A's 100 t clear 60 p^-0.5 + 40 + 40 p^-0.5
    const base = twoCountryWorld();
    const scenario = { ...base, world: { ...base.world, stocks: [{ country: "B", good: "x", coverMonths: 2, targetMonths: 3, restockMonths: 1 }] } };
    const { series, outcomes } = simulateOnce(scenario, { policy: "none", seed: 1 });
    const p0 = (100 / 60) ** 2;
    expect(series["price:x"]![0]).toBeCloseTo(p0, 9);
    // it bought 40 / sqrt(p0) into stock; in month 1 it orders the rest of the gap
    const gap1 = 40 - 40 / Math.sqrt(p0);
    expect(series["price:x"]![1]).toBeCloseTo(((60 + gap1) / 60) ** 2, 9);
    expect(outcomes["shortfall:B:x"]).toBe(0);
  });
});

describe("an announced cut, by hand", () => {
  // twoCountryWorld over 7 months: B holds 2 months of cover (80 t), restocks over 1 month,
  // and adds the default 1 month of precaution while a cut is announced. A bans B in months
  // 2 to 4, announced 1 month ahead.
  function announcedWorld(announced: number) {
    const base = twoCountryWorld();
    return {
      ...base,
      horizon: 7,
      world: { ...base.world, stocks: [{ country: "B", good: "x", coverMonths: 2, restockMonths: 1 }] },
      policies: [{ name: "announced-ban", levers: [{ type: "exportRestriction" as const, actor: "A", targets: ["B"], goods: ["x"], start: 2, duration: 3, announced }] }],
    };
  }

  it("B front-loads in month 1, so the ban leaves it short later and less", () => {
    const { series } = simulateOnce(announcedWorld(1), { policy: "announced-ban", seed: 1 });
    const price = series["price:x"]!;
    expect(price[0]).toBe(1); // nothing is known yet: no front-loading before the announcement
    // month 1: B aims for 3 months (120 t), orders its 40 t and 40 t more, price-elastic:
    // A's 100 t clear 60 p^-0.5 + 40 + 40 p^-0.5
    const p1 = (100 / 60) ** 2;
    expect(price[1]).toBeCloseTo(p1, 9);
    // B enters the ban with 80 + 40 / sqrt(p1) = 104 t: 40 a month in months 2 and 3, the
    // remaining 24 t in month 4, short of 16 of its 40 t
    expect(series["shortfall:B:x"]![2]).toBe(0);
    expect(series["shortfall:B:x"]![3]).toBe(0);
    expect(series["shortfall:B:x"]![4]).toBeCloseTo(1 - (80 + 40 / Math.sqrt(p1) - 80) / 40, 9);
  });

  it("the stock, order and price paths, month by month: front-loading, the draw-down, then restocking", () => {
    const scenario = announcedWorld(1);
    scenario.outcomes = [
      ...scenario.outcomes!,
      { name: "stock:B", kind: "stock", country: "B", good: "x", unit: "units", series: true },
      { name: "orders:B", kind: "trade", good: "x", exporter: "A", importer: "B", series: true },
    ];
    const { series } = simulateOnce(scenario, { policy: "announced-ban", seed: 1 });
    // After the ban (months 5 and 6) B orders its 40 t and K = target (80 t) less its stock,
    // price-elastic: A's 100 t clear 60 p^-0.5 + 40 + K p^-0.5, so p^-0.5 = 60 / (60 + K)
    // and K p^-0.5 goes into stock.
    const p1 = (100 / 60) ** 2; // month 1, K = 120 - 80 (the precaution month)
    const k5 = 80; // month 5: the stock is gone
    const into5 = (k5 * 60) / (60 + k5);
    const k6 = 80 - into5;
    const into6 = (k6 * 60) / (60 + k6);
    const stock = [80, 80 + 40 / Math.sqrt(p1), 64, 24, 0, into5, into5 + into6];
    const orders = [40, 40 + 40 / Math.sqrt(p1), 0, 0, 0, 40 + into5, 40 + into6];
    const price = [1, p1, undefined, undefined, undefined, ((60 + k5) / 60) ** 2, ((60 + k6) / 60) ** 2];
    stock.forEach((x, t) => expect(series["stock:B"]![t], `stock, month ${t}`).toBeCloseTo(x, 9));
    orders.forEach((x, t) => expect(series["orders:B"]![t], `orders, month ${t}`).toBeCloseTo(x, 9));
    // (during the ban B pays the price cap of a rationed buyer; its price is not A's)
    price.forEach((x, t) => x !== undefined && expect(series["price:x"]![t], `price, month ${t}`).toBeCloseTo(x, 9));
    // the bullwhip: once the ban is over, B orders more than it uses (80 t a month at most)
    expect(series["orders:B"]![5]!).toBeGreaterThan(40);
  });

  it("unannounced, the same ban leaves B short of everything in its last month and moves no price before it", () => {
    const { series } = simulateOnce(announcedWorld(0), { policy: "announced-ban", seed: 1 });
    expect(series["price:x"]![0]).toBe(1);
    expect(series["price:x"]![1]).toBe(1);
    expect(series["shortfall:B:x"]![4]).toBe(1);
  });
});

describe("a stock kept for critical inputs, by hand", () => {
  it("B's other uses draw only above n months of its critical need, so y lasts a month longer", () => {
    // twoCountryWorld with A shipping B 60 t a month: 40 for y (critical), 20 for other
    // uses. B holds 2 months (120 t) and A bans it for good. Its reserve for critical
    // inputs is 2 x 40 = 80 t: in month 0 y takes 40 and the other uses get nothing
    // (120 - 40 - 80 = 0 to spare); y then draws 40 a month until the stock is gone.
    const base = twoCountryWorld();
    const scenario = {
      ...base,
      horizon: 4,
      world: { ...base.world, flows: [{ exporter: "A", importer: "B", good: "x", volume: 60 }], stocks: [{ country: "B", good: "x", coverMonths: 2 }] },
    };
    const { series, outcomes } = simulateOnce(scenario, { policy: "ban", seed: 1 });
    const third = 1 - 40 / 60;
    expect(series["shortfall:B:x"]).toEqual([third, third, third, 1].map((x) => expect.closeTo(x, 12)));
    expect(outcomes["outputLoss:B:y"]).toBeCloseTo(40, 9); // only month 3
  });
});

describe("severity over time, by hand", () => {
  // twoCountryWorld: B needs its 40 t of x a month for y (critical), has no stock and no
  // other supplier, so its shortfall of x in each month is the share of the flow that does
  // not pass, 1 - pass (docs/model.md, step 2).
  const withLever = (lever: Record<string, unknown>) =>
    twoCountryWorld({ policies: [{ name: "p", levers: [{ type: "exportRestriction", actor: "A", targets: ["B"], goods: ["x"], ...lever } as never] }] });
  const shortfalls = (lever: Record<string, unknown>) => simulateOnce(withLever(lever), { policy: "p", seed: 1 }).series["shortfall:B:x"]!;

  it("a schedule: a ban, eased to half after 1 month and lifted after 2", () => {
    expect(shortfalls({ schedule: [{ after: 1, severity: 0.5 }, { after: 2, severity: 0 }] })).toEqual([1, 0.5, 0]);
  });

  it("licensing: nothing passes until reviews end, then the decided share times the approval share", () => {
    // reviews take 0.5 to 1.5 months: the share of the month's flow decided is
    // H(e+1) - H(e), H(s) = (s - 0.5)^2 / 2 on [0.5, 1.5] and 0.5 + (s - 1.5) beyond:
    // 0.125, 0.875, 1. Approval moves from 0.4 to 0.8 with a time constant of 1 month,
    // taken at each month's middle: 0.8 - 0.4 e^-(e + 1/2).
    const approval = (e: number) => 0.8 - 0.4 * Math.exp(-(e + 0.5));
    const licensed = [0.125 * approval(0), 0.875 * approval(1), 1 * approval(2)];
    const series = shortfalls({ severity: 0, licensing: { reviewMin: 0.5, reviewMax: 1.5, initialApproval: 0.4, finalApproval: 0.8, approvalRecovery: 1 } });
    licensed.forEach((share, e) => expect(series[e], `month ${e}`).toBeCloseTo(1 - share, 12));
  });

  it("licensing under end uses denied outright: severity 0.25 leaves 0.75 to license", () => {
    // reviews of exactly 1 month: nothing is decided in month 0, all from month 1 on
    const series = shortfalls({ severity: 0.25, licensing: { reviewMin: 1, reviewMax: 1, finalApproval: 0.6 } });
    expect(series[0]).toBe(1);
    expect(series[1]).toBeCloseTo(1 - 0.75 * 0.6, 12);
    expect(series[2]).toBeCloseTo(1 - 0.75 * 0.6, 12);
  });

  it("instant reviews that approve everything, and no end use denied, block nothing", () => {
    const none = simulateOnce(twoCountryWorld(), { policy: "none", seed: 1 }).outcomes;
    const open = simulateOnce(withLever({ severity: 0, licensing: { reviewMax: 0, finalApproval: 1 } }), { policy: "p", seed: 1 }).outcomes;
    expect(open).toEqual(none);
  });

  it("a rule's restriction condition reads the severity as it acted last month", () => {
    // A's restriction starts at half and tightens to a ban after 1 month. B answers a
    // restriction of severity 0.9 or more, as it stood the month before, by making its own
    // 40 t of x at once: it decides in month 2 (seeing month 1's ban), so it is short of
    // half in month 0, of all in month 1, of nothing in month 2
    const scenario = withLever({ severity: 0.5, schedule: [{ after: 1, severity: 1 }] });
    scenario.rules = [
      { name: "answer", agent: "B", when: [{ kind: "restriction", by: ["A"], minSeverity: 0.9 }], action: { type: "capacityExpansion", good: "x", capacity: 40 } },
    ];
    expect(simulateOnce(scenario, { policy: "p", seed: 1 }).series["shortfall:B:x"]).toEqual([0.5, 1, 0]);
  });
});

describe("customs-comparable outcomes, by hand", () => {
  // twoCountryWorld: A ships B 40 t of x a month. Under half-leaky, half the flow is licensed
  // (20 t) and from month 1 on half of the blocked half leaks through third countries (10 t).
  const seasonal = [1.2, 0.8, 1.1, 1, 1, 1, 1, 1, 1, 0.9, 1, 1];
  function customs(outcomes: Record<string, unknown>[], world = twoCountryWorld()) {
    world.policies = [
      { name: "half-leaky", levers: [{ type: "exportRestriction", actor: "A", targets: ["B"], goods: ["x"], severity: 0.5, leakage: 0.5, leakageLag: 1 }] },
      { name: "ban", levers: [{ type: "exportRestriction", actor: "A", targets: ["B"], goods: ["x"] }] },
    ];
    world.outcomes = outcomes as never;
    return world;
  }
  const trade = (name: string, extra: Record<string, unknown> = {}) => ({ name, kind: "trade", good: "x", exporter: "A", importer: "B", series: true, ...extra });

  it("exports from A to B: all, licensed and leaked, per month", () => {
    const { series, outcomes } = simulateOnce(customs([trade("all"), trade("licensed", { part: "licensed" }), trade("leaked", { part: "leaked", stat: "max" })]), { policy: "half-leaky", seed: 1 });
    expect(series.all).toEqual([20, 30, 30].map((x) => expect.closeTo(x, 9)));
    expect(series.licensed).toEqual([20, 20, 20].map((x) => expect.closeTo(x, 9)));
    expect(series.leaked).toEqual([0, 10, 10].map((x) => expect.closeTo(x, 9)));
    expect(outcomes.all).toBeCloseTo(80 / 3, 9); // the mean
    expect(outcomes.leaked).toBeCloseTo(10, 9);
  });

  it("changes on the month and on the year before, against a seasonal pattern; before month 0, the baseline", () => {
    const { series } = simulateOnce(
      customs([trade("onPeriod", { change: "onPeriod", seasonal }), trade("onYear", { change: "onYear", seasonal }), trade("plainOnYear", { change: "onYear" })]),
      { policy: "half-leaky", seed: 1 },
    );
    // levels: shipped times the month's factor; month -1 is the baseline 40 t times December's 1
    const level = [20 * 1.2, 30 * 0.8, 30 * 1.1];
    expect(series.onPeriod).toEqual([level[0]! / (40 * 1) - 1, level[1]! / level[0]! - 1, level[2]! / level[1]! - 1].map((x) => expect.closeTo(x, 12)));
    // a year before, the baseline in the same month: the seasonal factor cancels
    expect(series.onYear).toEqual([20 / 40 - 1, 30 / 40 - 1, 30 / 40 - 1].map((x) => expect.closeTo(x, 12)));
    expect(series.plainOnYear).toEqual(series.onYear);
  });

  it("in USD at the exporter's price: under a ban A's exports to B are worth nothing, down 100% on the year", () => {
    const { series } = simulateOnce(customs([trade("usd", { unit: "USD" }), trade("usdOnYear", { unit: "USD", change: "onYear" })]), { policy: "ban", seed: 1 });
    expect(series.usd).toEqual([0, 0, 0]);
    expect(series.usdOnYear).toEqual([-1, -1, -1]);
  });

  it("a stock in months of use: B holds 2 months and draws a month's worth in each month of the ban", () => {
    const base = twoCountryWorld();
    const world = customs(
      [{ name: "stock", kind: "stock", country: "B", good: "x", series: true }, { name: "finalStock", kind: "stock", country: "B", good: "x", unit: "units", stat: "final" }],
      { ...base, world: { ...base.world, stocks: [{ country: "B", good: "x", coverMonths: 2 }] } },
    );
    const { series, outcomes } = simulateOnce(world, { policy: "ban", seed: 1 });
    expect(series.stock).toEqual([1, 0, 0]);
    expect(outcomes.stock).toBe(0); // the lowest
    expect(outcomes.finalStock).toBe(0);
  });
});

describe("a shipping lag, by hand", () => {
  // twoCountryWorld with x shipped for a month: what B buys in month t arrives in t + 1.
  // A bans B from month 1 for one month.
  function lagged(shippingPeriods: number) {
    const base = twoCountryWorld();
    return {
      ...base,
      horizon: 4,
      world: { ...base.world, goods: base.world.goods!.map((g) => (g.id === "x" ? { ...g, shippingPeriods } : g)) },
      policies: [{ name: "ban", levers: [{ type: "exportRestriction" as const, actor: "A", targets: ["B"], goods: ["x"], start: 1, duration: 1 }] }],
      outcomes: [...base.outcomes!, { name: "exports", kind: "trade" as const, good: "x", exporter: "A", importer: "B", series: true }],
    };
  }

  it("the ban's month still receives what was bought before it; the month after it receives nothing", () => {
    const { series } = simulateOnce(lagged(1), { policy: "ban", seed: 1 });
    // customs count what A ships: nothing in the ban's month only
    expect(series.exports).toEqual([40, 0, 40, 40].map((x) => expect.closeTo(x, 9)));
    // B receives a month later: its month-1 arrival was bought in month 0, its month-2 one in the ban
    expect(series["shortfall:B:x"]).toEqual([0, 0, 1, 0]);
  });

  it("without the lag the cut arrives at once", () => {
    const { series } = simulateOnce(lagged(0), { policy: "ban", seed: 1 });
    expect(series["shortfall:B:x"]).toEqual([0, 1, 0, 0]);
  });
});
