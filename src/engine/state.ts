import type { CompiledModel } from "../compile/model.js";
import { MarketWorkspace } from "./market.js";

/**
 * Everything one run writes, preallocated once per experiment (per worker) and reset at
 * the start of each run, so the per-period loop allocates nothing. Cells are `c * G + g`.
 */
export interface RunState {
  /** The model's number table with this run's draws bound in. */
  readonly numbers: Float64Array;

  // --- cells ---
  /** Commercial stock and strategic reserve on hand, and the reserve's release limit (share of use). */
  readonly stock: Float64Array;
  readonly reserve: Float64Array;
  readonly reserveRate: Float64Array;
  /** Capacity added by expansion levers this period; valid where `capacityStamp` equals the period stamp. */
  readonly addedCapacity: Float64Array;
  readonly capacityStamp: Int32Array;
  /** Output share allowed by inputs (y), actual output last computed (Q). */
  readonly inputShare: Float64Array;
  readonly output: Float64Array;
  /** What producers made less than their inputs allowed at baseline, y Q0 - Q, last period: lowers their input requirement. */
  readonly planShortfall: Float64Array;
  /** Shortfall of a buyer's requirement (sigma), of its critical inputs (sigmaC, served first) and of its non-critical inputs (sigmaO, served next). */
  readonly shortfall: Float64Array;
  readonly criticalShortfall: Float64Array;
  readonly otherShortfall: Float64Array;
  /** Producer price of each producing cell and price index each buyer pays (ratios to the base price), last computed. */
  readonly producerPrice: Float64Array;
  readonly buyerPrice: Float64Array;
  /** Restricting exporter of a good this period (where `restrictStamp` equals the period stamp), and the share of what it blocks its reserve buys. */
  readonly restrictStamp: Int32Array;
  readonly stockpileShare: Float64Array;

  // --- goods ---
  /** A lever that disturbs the good's clearing acts on it this period (equals the period stamp). */
  readonly goodStamp: Int32Array;
  /** After the good's last clearing: some user was short; some producer planned other than baseline (below or above); the state was exactly the baseline. */
  readonly goodShort: Uint8Array;
  readonly goodPlanShort: Uint8Array;
  readonly goodBaseline: Uint8Array;
  /** Use-weighted price ratio buyers outside restricting countries pay. */
  readonly priceOutside: Float64Array;
  /** First period whose outside price rose above 1 (surge capacity ramps from there), or -1. */
  readonly shockStart: Int32Array;

  // --- flows ---
  /**
   * Share of a flow that arrives this period (leakage counted once its lag is over), share not
   * restricted at all (prod (1 - severity)), the leakage premium, 1 when an export restriction
   * of its exporter covers it; valid where `flowStamp` equals the period stamp.
   */
  readonly flowStamp: Int32Array;
  readonly flowPass: Float64Array;
  readonly flowUnrestricted: Float64Array;
  readonly flowPremium: Float64Array;
  readonly flowByExporter: Uint8Array;
  /** Sum of the tariffs on a flow; valid where `tariffStamp` equals the period stamp. */
  readonly tariffStamp: Int32Array;
  readonly flowTariff: Float64Array;
  /** Per flow, this period: the volume shipped along it, and the part of it leaked through third countries. */
  readonly flowShipped: Float64Array;
  /** Per route with a shipping lag: what it carried in the last maxShippingLag + 1 periods (a ring, by t mod (maxShippingLag + 1)). */
  readonly routeShipped: Float64Array;
  /** Per good: the last period in which goods bought off the baseline are still in transit (-1: none); it is not calm before. */
  readonly inTransitUntil: Int32Array;
  readonly flowLeaked: Float64Array;
  /** Per outcome with a change on the period or year before: its level in the last periodsPerYear periods (a ring, by t mod periodsPerYear). */
  readonly levelHistory: Float64Array;

  // --- slots and rules ---
  readonly slotStart: Int32Array;
  readonly slotEnd: Int32Array;
  readonly slotDepth: Int32Array;
  /** A restriction's severity in the last period it acted (its schedule's step, and what licensing held up): what rules' restriction conditions read. */
  readonly slotSeverity: Float64Array;
  readonly ruleDecided: Uint8Array;
  /** Period from which a fired rule's lever acts, or NEVER. */
  readonly ruleEffect: Int32Array;

  // --- per-country scratch for the good being cleared ---
  /** A buyer's requirement (R), its critical inputs (Rc), its non-critical inputs (Rn), R / U0 capped at 1 (d). */
  readonly requirement: Float64Array;
  readonly criticalNeed: Float64Array;
  readonly inputNeed: Float64Array;
  readonly demandScale: Float64Array;
  /** A new producer's output on offer to its own buyers, and what they took of it. */
  readonly newSupply: Float64Array;
  readonly newOutput: Float64Array;
  /** A producer's sales at base prices, home sales weighted by its domestic price ratio (rho). */
  readonly salesVolume: Float64Array;
  /** Per user cell: t + 1 when a restriction that will cut its supply is announced in period t (step 2). */
  readonly announceStamp: Int32Array;
  /** Per user cell: the months of stock it aims for in the period its good is cleared (n, plus nP when warned; step 5). */
  readonly stockTargetMonths: Float64Array;
  /** Per user cell: its restocking order in the last period its good was cleared (negative: drawn on as own supply). */
  readonly restockOrder: Float64Array;
  /** Each good's market, kept from period to period: it starts from its last prices, and does not solve again a problem it has just solved. */
  readonly markets: readonly MarketWorkspace[];

  // --- accumulators over the horizon ---
  readonly lostUnits: Float64Array;
  readonly importCost: Float64Array;
  readonly lostRevenue: Float64Array;
  /** Producers' sales revenue lost per cell (negative: gained). */
  readonly lostSales: Float64Array;
  /** Buyers' surplus lost to price changes per cell (negative: gained). */
  readonly lostSurplus: Float64Array;
  /** Producers' surplus lost per cell (negative: gained). */
  readonly lostProducerSurplus: Float64Array;
  /** Duties collected per importing cell. */
  readonly tariffRevenue: Float64Array;
  /** Terms-of-trade loss per cell: exporters' price changes on imports, less on exports. */
  readonly termsOfTrade: Float64Array;
  readonly directLoss: Float64Array;
  readonly indirectLoss: Float64Array;
  /** Running max / sum / last value of per-period outcomes. */
  readonly outcomeAccumulator: Float64Array;
  /** Event counters kept across runs for diagnostics (see COUNTER_*). */
  readonly counters: Int32Array;
  /** Scratch for evaluating formula outcomes. */
  readonly formulaVariables: Float64Array;
  readonly formulaStack: Float64Array;
}

/** Counter: a country's GDP loss was capped at its GDP over the horizon. */
export const COUNTER_GDP_LOSS_CAPPED = 0;

/** Start period of a lever that has not been pulled. */
export const NEVER = 0x3fffffff;

/**
 * The object a {@link RunState} is, made by a constructor rather than returned as an object
 * literal. V8 makes a literal's second object by copying the first as a template and then
 * storing each value into the copy, which counts as reassigning every field: the engine
 * code optimised for the first state (every function that reads `state`) is thrown away
 * and optimised again, and the new code can stay slower for the rest of the thread. Each
 * worker range and each experiment makes a new state, so every worker paid it. A
 * constructor's stores each add a field to a new object instead. See bench/README.md.
 */
interface RunStateObject extends RunState {}
class RunStateObject {
  constructor(model: CompiledModel) {
    const { C, G } = model;
    const cells = C * G;
    const F = model.flowVolume.length;
    const S = model.slots.count;
    const R = model.rules.count;
    const f64 = (n: number) => new Float64Array(n);
    const i32 = (n: number) => new Int32Array(n);
    const state = this as { -readonly [K in keyof RunState]: RunState[K] };
    state.numbers = model.numbers.initial.slice();
    state.stock = f64(cells);
    state.reserve = f64(cells);
    state.reserveRate = f64(cells);
    state.addedCapacity = f64(cells);
    state.capacityStamp = i32(cells);
    state.inputShare = f64(cells);
    state.output = f64(cells);
    state.planShortfall = f64(cells);
    state.shortfall = f64(cells);
    state.criticalShortfall = f64(cells);
    state.otherShortfall = f64(cells);
    state.producerPrice = f64(cells);
    state.buyerPrice = f64(cells);
    state.restrictStamp = i32(cells);
    state.stockpileShare = f64(cells);
    state.priceOutside = f64(G);
    state.goodStamp = i32(G);
    state.goodShort = new Uint8Array(G);
    state.goodPlanShort = new Uint8Array(G);
    state.goodBaseline = new Uint8Array(G);
    state.shockStart = i32(G);
    state.flowStamp = i32(F);
    state.flowPass = f64(F);
    state.flowUnrestricted = f64(F);
    state.flowPremium = f64(F);
    state.flowByExporter = new Uint8Array(F);
    state.tariffStamp = i32(F);
    state.flowTariff = f64(F);
    state.flowShipped = f64(F);
    state.routeShipped = f64(model.maxShippingLag > 0 ? model.routeFlow.length * (model.maxShippingLag + 1) : 0);
    state.inTransitUntil = i32(G);
    state.flowLeaked = f64(F);
    state.slotStart = i32(S);
    state.slotEnd = i32(S);
    state.slotDepth = i32(S);
    state.slotSeverity = f64(S);
    state.ruleDecided = new Uint8Array(R);
    state.ruleEffect = i32(R);
    state.requirement = f64(C);
    state.criticalNeed = f64(C);
    state.inputNeed = f64(C);
    state.demandScale = f64(C);
    state.newSupply = f64(C);
    state.newOutput = f64(C);
    state.salesVolume = f64(C);
    state.restockOrder = f64(cells);
    state.stockTargetMonths = f64(cells);
    state.announceStamp = i32(cells);
    state.markets = Array.from({ length: G }, (_, g) => {
      const users = model.userStart[g + 1]! - model.userStart[g]!;
      const routes = model.routeStart[model.userStart[g + 1]!]! - model.routeStart[model.userStart[g]!]!;
      return new MarketWorkspace(model.producerStart[g + 1]! - model.producerStart[g]!, users, routes);
    });
    state.lostUnits = f64(cells);
    state.importCost = f64(cells);
    state.lostRevenue = f64(F);
    state.lostSales = f64(cells);
    state.lostSurplus = f64(cells);
    state.lostProducerSurplus = f64(cells);
    state.tariffRevenue = f64(cells);
    state.termsOfTrade = f64(cells);
    state.directLoss = f64(C);
    state.indirectLoss = f64(C);
    state.outcomeAccumulator = f64(model.outcomes.count);
    state.levelHistory = f64(model.outcomes.count * model.periodsPerYear);
    state.counters = i32(1);
    state.formulaVariables = f64(model.outcomes.formulaVariables);
    state.formulaStack = f64(model.outcomes.formulaStack);
  }
}

/** Allocate the state for runs of `model`. */
export function createRunState(model: CompiledModel): RunState {
  return new RunStateObject(model);
}
