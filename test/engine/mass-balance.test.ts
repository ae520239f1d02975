// Engine-level properties that look inside a period (issue 13, deliverable 5): mass balance
// per good and period, and restricted volume reaching a target only through leakage. They
// read the run state after each period (test/_helpers/period-by-period.ts); the kit's
// invariants see only a run's outcomes. `npm run fuzz` runs more cases (CHOKEPOINT_FUZZ_RUNS).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SLOT_KIND } from "../../src/compile/model.js";
import type { RunState } from "../../src/engine/state.js";
import type { ScenarioInput } from "../../src/index.js";
import { scenarioArbitrary, simulateDraw } from "../../src/testing/index.js";
import { periodByPeriod } from "../_helpers/period-by-period.js";
import { severityAfter } from "../reference/reference.js";

const FUZZ = process.env.CHOKEPOINT_FUZZ_RUNS;
/** 40 cases a property in the suite; a hundredth of CHOKEPOINT_FUZZ_RUNS under `npm run fuzz`. */
const NUM_RUNS = FUZZ === undefined ? 40 : Math.max(40, Math.ceil(Number(FUZZ) / 100));
/** Volumes agree within this share of their scale: markets clear to a relative 1e-12 (MARKET_TOLERANCE), buyers' own solves to about as much. */
const TOLERANCE = 1e-9;
const run = fc.nat(1000);

/** What each user drew this period from its commercial stock and its strategic reserve (a reserve created this period counts as an inflow). */
function stockDraws(t: number, before: RunState, after: RunState, model: ReturnType<typeof periodByPeriod>["model"]): Float64Array {
  const { G, slots } = model;
  const drawn = new Float64Array(model.C * G);
  for (let cell = 0; cell < drawn.length; cell++) drawn[cell] = before.stock[cell]! - after.stock[cell]! + before.reserve[cell]! - after.reserve[cell]!;
  for (let s = 0; s < slots.count; s++) {
    if (slots.kind[s] !== SLOT_KIND.stockpileRelease || after.slotStart[s] !== t || !(t < after.slotEnd[s]!)) continue;
    for (let j = slots.goodStart[s]!; j < slots.goodStart[s + 1]!; j++) {
      const cell = slots.actor[s]! * G + slots.goods[j]!;
      drawn[cell]! += after.numbers[slots.amountRef[s]!]! * model.U0[cell]! * (model.periodsPerYear / 12);
    }
  }
  return drawn;
}

describe("mass balance per good and period (fast-check, run state after each period)", () => {
  it("supply = deliveries + stock change + unsold: each origin's output is what its buyers and its state reserve took; what it could offer at its price and did not make is unsold only at the floor; what a user has is its deliveries plus its stock draws", () => {
    fc.assert(
      fc.property(scenarioArbitrary(), run, (scenario, r) => {
        const policy = scenario.policies[scenario.policies.length - 1]!.name;
        const { model, outcomes } = periodByPeriod(scenario, { seed: "balance", run: r, policy }, (t, before, after, model) => {
          const { G, Q0, producers, producerStart, users, userStart } = model;
          const drawn = stockDraws(t, before, after, model);
          const where = (g: number, c: number) => `period ${t}, ${model.countryIds[c]}:${model.goodIds[g]}`;
          for (let cell = 0; cell < drawn.length; cell++) {
            // a stock never goes negative (and a reserve grows only when a stockpile lever starts)
            expect(after.stock[cell]!, `stock ${cell}, period ${t}`).toBeGreaterThanOrEqual(0);
          }
          for (let g = 0; g < G; g++) {
            const market = after.markets[g]!;
            if (after.goodBaseline[g]) {
              // a calm good: baseline output, nothing drawn, nothing short
              for (let p = producerStart[g]!; p < producerStart[g + 1]!; p++) {
                const cell = producers[p]! * G + g;
                expect(after.output[cell], where(g, producers[p]!)).toBe(Q0[cell]);
                expect(after.lostUnits[cell], where(g, producers[p]!)).toBe(before.lostUnits[cell]);
              }
              for (let u = userStart[g]!; u < userStart[g + 1]!; u++) {
                const cell = users[u]! * G + g;
                expect(Math.abs(drawn[cell]!), where(g, users[u]!)).toBeLessThanOrEqual(TOLERANCE * model.U0[cell]!); // (a reserve created this period: rounding)
                expect(after.shortfall[cell], where(g, users[u]!)).toBe(0);
              }
              continue;
            }
            // origins: output = what buyers received along its routes + what its state reserve bought
            const taken = new Float64Array(market.origins);
            for (let b = 0; b < market.buyers; b++) {
              for (let q = market.routeStart[b]!; q < market.routeStart[b + 1]!; q++) taken[market.routeOrigin[q]!]! += market.volume[q]!;
            }
            for (let p = producerStart[g]!; p < producerStart[g + 1]!; p++) {
              const o = p - producerStart[g]!;
              const c = producers[p]!;
              const cell = c * G + g;
              const made = after.output[cell]!;
              expect(after.lostUnits[cell]! - before.lostUnits[cell]!, where(g, c)).toBeCloseTo(Q0[cell]! - made, 9);
              if (Q0[cell]! === 0) {
                expect(taken[o], where(g, c)).toBe(0); // a new producer sells on no route: its output is its own country's
                continue;
              }
              const scale = market.scale[o]!;
              const reserveBought = market.rationShare[o]! * market.fixedDemand[o]!;
              expect(Math.abs(made - taken[o]! - reserveBought), `${where(g, c)}: made ${made}, delivered ${taken[o]}, reserve bought ${reserveBought}`).toBeLessThanOrEqual(TOLERANCE * scale);
              // unsold: what it would offer at its price and did not make; never negative, and positive only at the floor
              const price = market.price[o]!;
              const offered = Math.min(market.supplyMax[o]!, market.supplyBase[o]! * Math.pow(price, market.supplyElasticity[o]!));
              const unsold = offered - made;
              expect(unsold, `${where(g, c)}: unsold`).toBeGreaterThanOrEqual(-TOLERANCE * scale);
              if (unsold > TOLERANCE * scale) expect(price, `${where(g, c)}: unsold ${unsold} above the floor`).toBeLessThanOrEqual(market.priceFloor * (1 + 1e-12));
            }
            // users: what a user has = its deliveries + its own new output + its stock draws, and the shortfall is read off it
            for (let u = userStart[g]!; u < userStart[g + 1]!; u++) {
              const b = u - userStart[g]!;
              const c = users[u]!;
              const cell = c * G + g;
              let delivered = 0;
              for (let q = market.routeStart[b]!; q < market.routeStart[b + 1]!; q++) delivered += market.volume[q]!;
              // the market's other demand holds the user's restocking order too
              const restock = after.restockOrder[cell]!;
              const requirement = market.criticalDemand[b]! + market.otherDemand[b]! - (restock > 0 ? restock : 0);
              expect(Math.abs(market.delivered[b]! - delivered), where(g, c)).toBeLessThanOrEqual(TOLERANCE * Math.max(requirement, delivered));
              const own = Q0[cell]! > 0 ? 0 : after.output[cell]!;
              // what arrives: along a route with a shipping lag, what it carried lag periods ago
              // (still in the ring after the period: only this period's slot was written)
              let arrived = delivered;
              const ring = model.maxShippingLag + 1;
              for (let k = model.routeStart[u]!, q = market.routeStart[b]!; k < model.routeStart[u + 1]!; k++, q++) {
                const lag = model.routeLag[k]!;
                if (lag > 0) arrived += after.routeShipped[k * ring + ((t - lag + ring * lag) % ring)]! - market.volume[q]!;
              }
              // a stock rises only by what arrived, and only when the user is restocking
              const stockRise = after.stock[cell]! - before.stock[cell]!;
              if (restock > 0) {
                expect(stockRise, `${where(g, c)}: stock rose beyond what arrived`).toBeLessThanOrEqual(arrived + own + TOLERANCE * model.U0[cell]!);
                // restocking never takes a stock above its target (n months of the requirement)
                if (stockRise > 0) {
                  // (plus its precaution while warned of an announced cut)
                  const warned = after.announceStamp[cell] === t + 1 ? after.numbers[model.precautionRef[cell]!]! : 0;
                  const target = (after.numbers[model.targetRef[cell]!]! + warned) * requirement * (model.periodsPerYear / 12);
                  expect(after.stock[cell]!, `${where(g, c)}: restocked above its target`).toBeLessThanOrEqual(target * (1 + TOLERANCE) + TOLERANCE);
                }
              }
              else expect(stockRise, `${where(g, c)}: stock rose without a restocking order`).toBeLessThanOrEqual(TOLERANCE * model.U0[cell]!);
              // what a user has: what arrived, own output, and its stock draws net of what went into stock
              const has = arrived + own + drawn[cell]!;
              const shortfall = requirement > 0 ? Math.max(0, 1 - has / requirement) : 0;
              expect(Math.abs(after.shortfall[cell]! - shortfall), `${where(g, c)}: shortfall ${after.shortfall[cell]}, from deliveries and draws ${shortfall}`).toBeLessThanOrEqual(TOLERANCE);
              // stocks are drawn only toward the requirement
              if (drawn[cell]! > TOLERANCE * model.U0[cell]!) expect(has, `${where(g, c)}: drew ${drawn[cell]} beyond its requirement`).toBeLessThanOrEqual(requirement * (1 + TOLERANCE));
            }
          }
        });
        // the last period's state is the run's: the same outcomes as the draw simulated whole
        const whole = simulateDraw(scenario, { seed: "balance", run: r, policy }).outcomes;
        model.outcomes.info.forEach((info, o) => expect(outcomes[o], info.name).toBe(whole[info.name]));
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe("restricted volume reaches a target only through leakage (fast-check, run state after each period)", () => {
  type Lever = NonNullable<ScenarioInput["policies"][number]["levers"]>[number];
  type Restriction = Extract<Lever, { type: "exportRestriction" | "importRestriction" }>;
  const restrictions = scenarioArbitrary({ maxPolicies: 1, minLevers: 1, maxRules: 0, maxPolicyRules: 0, uncertainties: false }).map((scenario) => {
    const policy = scenario.policies[0]!;
    const levers = (policy.levers ?? []).map((lever) => (lever.type === "exportRestriction" || lever.type === "importRestriction" ? { ...lever, leakage: 0 } : lever));
    return { ...scenario, policies: [{ ...policy, levers }] };
  });
  const covers = (lever: Restriction, exporter: string, importer: string, good: string) => {
    if (!lever.goods.includes(good)) return false;
    const partners = lever.type === "exportRestriction" ? lever.targets : lever.sources;
    const [actor, partner] = lever.type === "exportRestriction" ? [exporter, importer] : [importer, exporter];
    return lever.actor === actor && (partners === "all" || (partners as readonly string[]).includes(partner));
  };
  const periods = (x: unknown) => Math.max(0, Math.round(x as number));
  /** Numbers are fixed here (no uncertainties): a field's value, or its default. */
  const fixed = (x: unknown, fallback: number) => (x === undefined ? fallback : (x as number));

  it("with leakage 0, what arrives along a restricted flow is at most prod (1 - severity) of its baseline volume, scaled by the buyer's demand scale (severity as scheduled and licensed)", () => {
    fc.assert(
      fc.property(restrictions, run, (scenario, r) => {
        const levers = ((scenario.policies[0]!.levers ?? []) as Lever[]).filter((l): l is Restriction => l.type === "exportRestriction" || l.type === "importRestriction");
        let restrictedRoutes = 0;
        periodByPeriod(scenario, { seed: "leak", run: r }, (t, _before, after, model) => {
          const { G, users, userStart, routeStart, routeFlow, flowExporter, flowImporter, flowVolume, U0 } = model;
          for (let g = 0; g < G; g++) {
            if (after.goodBaseline[g]) continue; // calm: every flow at its baseline, so no restriction acts on it
            const market = after.markets[g]!;
            for (let u = userStart[g]!; u < userStart[g + 1]!; u++) {
              const b = u - userStart[g]!;
              const importer = users[u]!;
              const demandScale = Math.min(1, (market.criticalDemand[b]! + market.otherDemand[b]!) / U0[importer * G + g]!);
              for (let k = routeStart[u]!, q = market.routeStart[b]!; k < routeStart[u + 1]!; k++, q++) {
                const f = routeFlow[k]!;
                if (f < 0) continue;
                const exporter = flowExporter[f]!;
                let passes = 1;
                for (const lever of levers) {
                  const start = periods(lever.start ?? 0);
                  const end = lever.duration === undefined ? Infinity : start + periods(lever.duration);
                  // its severity in period t (a schedule's step, what licensing holds up), as the reference computes it
                  if (t >= start && t < end && covers(lever, model.countryIds[exporter]!, model.countryIds[flowImporter[f]!]!, model.goodIds[g]!)) passes *= 1 - severityAfter(lever, t - start, fixed);
                }
                if (passes === 1) continue;
                restrictedRoutes++;
                const bound = passes * flowVolume[f]! * demandScale;
                expect(market.volume[q], `period ${t}: ${model.countryIds[exporter]} -> ${model.countryIds[importer]} of ${model.goodIds[g]}, passes ${passes}`).toBeLessThanOrEqual(bound * (1 + 1e-12) + 1e-300);
              }
            }
          }
        });
        return restrictedRoutes >= 0;
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
