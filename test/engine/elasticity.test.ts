// "A larger demand elasticity gives a smaller quantity loss" (issue 13, deliverable 5), worked
// out on the market of src/engine/market.ts. What holds exactly, and what does not:
//
// - Buyer b wants D_b(P) = Rc + Ro P^-eps - H: critical uses do not respond to price, other
//   uses (non-critical inputs, final and unmodelled uses) do. Where P_b >= 1, a larger eps
//   lowers D_b at every price; where P_b < 1 (a restricting exporter's glut) it raises it.
// - Shares are CES over routes with substitution elasticity sigma, caps hold routes at
//   quotas, and origins ration pro rata at the price cap. Raising one origin's price moves
//   a buyer's share toward its other origins (elasticity sigma) and lowers what it wants in
//   all (elasticity eps at most): where sigma >= eps, what is wanted from another origin
//   never falls (gross substitutes). Where sigma < eps origins are complements, and a larger
//   eps can raise a price (fast-check finds it in a few thousand problems: sigma 0.25, eps
//   0.45 raised to 1.28: an origin's price 0.86194 instead of 0.86176). So where sigma >= eps' and
//   every buyer pays at least base (P_b >= 1) in the solution for eps, excess demand for
//   eps' > eps is no higher at that solution, and the (unique) solution for eps' lies below
//   it: **no producer price and no buyer's price index is higher.** As supply X_o(p) = min(Xmax, Xb p^eta) rises with price, **no more is sold**:
//   with a larger demand elasticity the market carries the same tonnes or fewer. The
//   quantity lost to a supply shock is not smaller; it is larger wherever supply responds
//   to price (the textbook result: elastic demand means a small price rise and a large
//   fall in quantity).
// - So the statement holds only for the *price*. For quantities it is the other way
//   round, and for a country's critical inputs or its output it is not a theorem: a buyer
//   priced out of its other uses loses non-critical inputs with them (Ro includes them),
//   pro rata rationing at the cap can cut a buyer whose wants are mostly critical, and a
//   glut lowers prices below 1, where a larger eps raises demand. fast-check finds each on
//   generated single-restriction scenarios with every elasticity times 1.05 (the commit
//   that added this file lists them): the target's output downstream falls, the outside
//   price rises (a leak from a glutted exporter), the target's shortfall rises.
//
// The property below checks the exact statements on random market problems shaped like a
// supply shock: baseline demand with supply cut at some origins and quotas on some routes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MARKET_TOLERANCE, MarketWorkspace } from "../../src/engine/market.js";

const FUZZ = process.env.CHOKEPOINT_FUZZ_RUNS;
/** 300 problems in the suite; a tenth of CHOKEPOINT_FUZZ_RUNS under `npm run fuzz`. */
const NUM_RUNS = FUZZ === undefined ? 300 : Math.max(300, Math.ceil(Number(FUZZ) / 10));

const origin = fc.record({
  cut: fc.integer({ min: 0, max: 20 }).map((k) => k / 20), // share of baseline supply lost
  extra: fc.integer({ min: 0, max: 20 }).map((k) => k / 10), // spare capacity, share of baseline
  eta: fc.integer({ min: 0, max: 40 }).map((k) => k / 20),
});
const route = (origins: number) =>
  fc.record({
    origin: fc.nat(origins - 1),
    weight: fc.integer({ min: 1, max: 20 }),
    severity: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20 }).map((k) => k / 20)),
    leak: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20 }).map((k) => k / 20)),
    premium: fc.integer({ min: 0, max: 10 }).map((k) => k / 10),
  });
const problem = fc.integer({ min: 1, max: 4 }).chain((origins) =>
  fc.record({
    extraSigma: fc.integer({ min: 0, max: 40 }).map((k) => k / 4), // substitution elasticity beyond the larger demand elasticity
    cap: fc.oneof(fc.constant(1e6), fc.integer({ min: 1, max: 40 }).map((k) => 1 + k / 4)),
    origins: fc.array(origin, { minLength: origins, maxLength: origins }),
    buyers: fc.array(
      fc.record({
        critical: fc.integer({ min: 0, max: 100 }),
        other: fc.integer({ min: 1, max: 100 }),
        routes: fc.uniqueArray(route(origins), { minLength: 1, maxLength: origins, selector: (r) => r.origin }),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    eps: fc.integer({ min: 1, max: 60 }).map((k) => k / 20),
    factor: fc.integer({ min: 21, max: 80 }).map((k) => k / 20),
  }),
);
type Problem = typeof problem extends fc.Arbitrary<infer T> ? T : never;

/** The market of a problem with every buyer's elasticity `eps`, cleared from base prices or from another solution's. */
function clear(p: Problem, eps: number, from?: MarketWorkspace): MarketWorkspace {
  const routes = p.buyers.reduce((n, b) => n + b.routes.length, 0);
  const m = new MarketWorkspace(p.origins.length, p.buyers.length, routes);
  m.origins = p.origins.length;
  m.buyers = p.buyers.length;
  m.sigma = p.eps * p.factor + p.extraSigma;
  m.priceFloor = 0.5;
  m.priceCap = p.cap;
  // baseline: each buyer takes its use along its routes in proportion to their weights
  const baseline = new Float64Array(p.origins.length);
  let r = 0;
  p.buyers.forEach((b, i) => {
    const total = b.routes.reduce((s, x) => s + x.weight, 0);
    const use = b.critical + b.other;
    m.criticalDemand[i] = b.critical;
    m.otherDemand[i] = b.other;
    m.demandElasticity[i] = eps;
    m.ownSupply[i] = 0;
    m.routeStart[i] = r;
    for (const x of b.routes) {
      const volume = (use * x.weight) / total;
      baseline[x.origin]! += volume;
      m.routeOrigin[r] = x.origin;
      m.routeWeight[r] = x.weight / total;
      m.firstFactor[r] = 1;
      m.secondFactor[r] = 1 + x.premium;
      m.firstCap[r] = x.severity > 0 ? volume * (1 - x.severity) : Infinity;
      m.totalCap[r] = x.severity > 0 ? volume * (1 - x.severity * (1 - x.leak)) : Infinity;
      r++;
    }
  });
  m.routeStart[p.buyers.length] = r;
  p.origins.forEach((o, i) => {
    const base = baseline[i]!;
    m.supplyBase[i] = base * (1 - o.cut);
    m.supplyMax[i] = base * (1 - o.cut) * (1 + o.extra);
    m.supplyElasticity[i] = o.eta;
    m.fixedDemand[i] = 0;
    m.scale[i] = Math.max(base, 1e-9);
    m.price[i] = from === undefined ? 1 : from.price[i]!;
  });
  for (let b = 0; b < p.buyers.length; b++) m.buyerPrice[b] = from === undefined ? 1 : from.buyerPrice[b]!;
  m.clear();
  return m;
}

describe("a larger demand elasticity (fast-check, market problems shaped like a supply shock)", () => {
  it("where every buyer pays at least base and substitution is at least as elastic as demand, a larger demand elasticity of every buyer gives no higher price at any origin (beyond what volumes pin down) or buyer, and no more tonnes sold (the quantity loss is not smaller)", () => {
    let applicable = 0;
    fc.assert(
      fc.property(problem, (p) => {
        const low = clear(p, p.eps);
        // from the first solution: where neither side responds to price, a range of prices clears
        // an origin (docs/model.md, "How the market is solved") and the solver keeps where it starts
        const high = clear(p, p.eps * p.factor, low);
        expect(low.converged && high.converged).toBe(true);
        // the theorem's premise: no buyer priced below base in the solution for the smaller elasticity
        for (let b = 0; b < low.buyers; b++) if (low.buyerPrice[b]! < 1) return;
        applicable++;
        let soldLow = 0;
        let soldHigh = 0;
        let scale = 0;
        const offered = (m: MarketWorkspace, o: number, price: number) => Math.min(m.supplyMax[o]!, m.supplyBase[o]! * Math.pow(price, m.supplyElasticity[o]!));
        for (let o = 0; o < low.origins; o++) {
          // Markets clear to a relative MARKET_TOLERANCE of volumes, so a price is known only as
          // well as volumes pin it down: where supply does not move with price (eta = 0, or at
          // capacity) and demand is held at quotas, a range of prices clears. A price may be
          // higher by more than rounding only where that moves no tonne beyond the tolerance.
          const volumeTolerance = 1e3 * MARKET_TOLERANCE * low.scale[o]!;
          if (high.price[o]! > low.price[o]! * (1 + 1e-9)) {
            expect(offered(high, o, high.price[o]!) - offered(low, o, low.price[o]!), `origin ${o}: price ${high.price[o]} against ${low.price[o]}`).toBeLessThanOrEqual(volumeTolerance);
          }
          expect(high.sold[o]!, `origin ${o}: sold`).toBeLessThanOrEqual(low.sold[o]! + volumeTolerance);
          soldLow += low.sold[o]!;
          soldHigh += high.sold[o]!;
          scale += low.scale[o]!;
        }
        expect(soldHigh).toBeLessThanOrEqual(soldLow + 1e3 * MARKET_TOLERANCE * scale);
      }),
      { numRuns: NUM_RUNS },
    );
    expect(applicable).toBeGreaterThan(NUM_RUNS / 2); // the premise holds in most supply shocks
  });

  it("clears a market where damped Newton steps converge only linearly (former counterexample)", () => {
    // fast-check seed 1393035797 (CI): fixed supply everywhere, quotas on most routes, sigma 5.565.
    // Newton's steps were cut to 1/8-1/128 and the merit fell about a quarter per iteration;
    // 60 iterations left it at 2.7e-17, short of the tolerance. It needs 98.
    const counterexample: Problem = {
      extraSigma: 0,
      cap: 1e6,
      origins: [
        { cut: 0.7, extra: 0, eta: 0 },
        { cut: 0, extra: 0, eta: 0 },
        { cut: 0.1, extra: 0, eta: 0 },
        { cut: 0, extra: 0, eta: 0 },
      ],
      buyers: [
        {
          critical: 57,
          other: 25,
          routes: [
            { origin: 0, weight: 14, severity: 0, leak: 0, premium: 0 },
            { origin: 1, weight: 1, severity: 0.75, leak: 0.05, premium: 0 },
            { origin: 3, weight: 8, severity: 0.25, leak: 0, premium: 0 },
            { origin: 2, weight: 15, severity: 0.1, leak: 0.05, premium: 0.1 },
          ],
        },
        {
          critical: 25,
          other: 65,
          routes: [
            { origin: 3, weight: 10, severity: 0.05, leak: 0.05, premium: 0 },
            { origin: 1, weight: 14, severity: 0, leak: 0.05, premium: 0 },
            { origin: 0, weight: 6, severity: 0, leak: 0, premium: 0 },
          ],
        },
      ],
      eps: 2.65,
      factor: 2.1,
    };
    const low = clear(counterexample, counterexample.eps);
    expect(low.converged).toBe(true);
    expect(low.iterations).toBeGreaterThan(60);
    const high = clear(counterexample, counterexample.eps * counterexample.factor, low);
    expect(high.converged).toBe(true);
    for (let o = 0; o < low.origins; o++) expect(high.sold[o]!).toBeLessThanOrEqual(low.sold[o]! + 1e3 * MARKET_TOLERANCE * low.scale[o]!);
  });
});
