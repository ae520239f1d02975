import {
  CONDITION_KIND,
  OUTCOME_KIND,
  SLOT_KIND,
  STAT_FINAL,
  STAT_MAX,
  STAT_MEAN,
  STAT_MIN,
  CHANGE_LEVEL,
  CHANGE_ON_PERIOD,
  HOLDER_COMMERCIAL,
  PART_LEAKED,
  PART_LICENSED,
  UNIT_SHARE,
  UNIT_UNITS,
  UNIT_PERCENT_GDP,
  UNIT_USD,
  type CompiledModel,
  type ConditionKindCode,
  type OutcomeKindCode,
  type SlotKind,
} from "../compile/model.js";
import { assertNever } from "../errors.js";
import { bindDraws } from "../compile/numbers.js";
import { evaluateFormula } from "../formula/evaluate-formula.js";
import type { MarketWorkspace } from "./market.js";
import { COUNTER_GDP_LOSS_CAPPED, NEVER, type RunState } from "./state.js";

/** Ramp-up share after `elapsed` periods with time constant `tau`: 1 - exp(-elapsed / tau). */
function ramp(elapsed: number, tau: number): number {
  if (elapsed < 0) return 0;
  return tau <= 0 ? 1 : 1 - Math.exp(-elapsed / tau);
}

/** How far the outside price must rise above 1 to start surge capacity (well above the market's tolerance of 1e-12). */
const PRICE_SIGNAL = 1e-9;
/** A stock within this share of its target is at target: a gap of rounding orders nothing. */
const STOCK_ROUNDING = 1e-12;

/** Round a drawn number of periods to a whole number of periods. */
function periods(x: number): number {
  return Math.round(x);
}

/**
 * Step 2, a restriction's severity `elapsed` periods after it takes effect: its schedule's
 * last step with `after <= elapsed`, else its severity; with licensing, what that does not
 * block passes only as licences are granted: 1 - (1 - severity) L(elapsed) (docs/model.md).
 */
function severityAt(model: CompiledModel, numbers: Float64Array, s: number, elapsed: number): number {
  const { slots } = model;
  let severity = numbers[slots.severityRef[s]!]!;
  for (let k = slots.scheduleStart[s]!; k < slots.scheduleStart[s + 1]!; k++) {
    if (slots.scheduleAfter[k]! <= elapsed) severity = numbers[slots.scheduleSeverityRef[k]!]!;
  }
  if (!slots.licensed[s]) return severity;
  const licensed = licensedShare(
    numbers[slots.reviewMinRef[s]!]!,
    numbers[slots.reviewMaxRef[s]!]!,
    numbers[slots.initialApprovalRef[s]!]!,
    numbers[slots.finalApprovalRef[s]!]!,
    numbers[slots.approvalRecoveryRef[s]!]!,
    elapsed,
  );
  return licensed === 1 ? severity : 1 - (1 - severity) * licensed; // (exactly the severity when all is licensed)
}

/**
 * Licensing (docs/model.md, step 2): the share of a flow's applications that pass in period
 * `elapsed` after the regime starts. Review times are spread evenly over [low, high]
 * periods, so with applications filed at a steady rate from the start the share decided by
 * time s is the review times' CDF F(s), and the period's is the mean of F over
 * [elapsed, elapsed + 1]; of those, the approval share at the period's middle passes,
 * a(s) = final - (final - initial) e^(-s / recovery).
 */
export function licensedShare(low: number, high: number, initial: number, final: number, recovery: number, elapsed: number): number {
  const lo = low > 0 ? low : 0;
  const hi = high > lo ? high : lo;
  const decided = decidedBefore(elapsed + 1, lo, hi) - decidedBefore(elapsed, lo, hi);
  const middle = elapsed + 0.5;
  const approval = recovery > 0 ? final - (final - initial) * Math.exp(-middle / recovery) : final;
  return decided * approval;
}

/** The integral of the review times' CDF from 0 to s (uniform on [lo, hi]; a step at lo when hi = lo). */
function decidedBefore(s: number, lo: number, hi: number): number {
  if (s <= lo) return 0;
  if (s >= hi) return (hi - lo) / 2 + (s - hi);
  return ((s - lo) * (s - lo)) / (2 * (hi - lo));
}

/** Whether severity r blocks something once restriction s's leakage channel is open: r - min(r lambda, capacity) > 0. */
function blocksAt(model: CompiledModel, numbers: Float64Array, s: number, r: number): boolean {
  const leaked = r * numbers[model.slots.leakageRef[s]!]!;
  const capacity = numbers[model.slots.leakageCapacityRef[s]!]!;
  return r - (leaked < capacity ? leaked : capacity) > 0;
}

/**
 * Whether a restriction blocks something at some point of its course (for its announcement),
 * once its leakage channel is open: when it starts, at a step of its schedule, or, licensed,
 * once approvals have settled.
 */
function blocksAtSomePoint(model: CompiledModel, numbers: Float64Array, s: number): boolean {
  const { slots } = model;
  if (blocksAt(model, numbers, s, severityAt(model, numbers, s, 0))) return true;
  let last = numbers[slots.severityRef[s]!]!;
  for (let k = slots.scheduleStart[s]!; k < slots.scheduleStart[s + 1]!; k++) {
    if (blocksAt(model, numbers, s, severityAt(model, numbers, s, slots.scheduleAfter[k]!))) return true;
    last = numbers[slots.scheduleSeverityRef[k]!]!;
  }
  return slots.licensed[s] === 1 && blocksAt(model, numbers, s, 1 - (1 - last) * numbers[slots.finalApprovalRef[s]!]!);
}

/**
 * Simulate one run of one policy over the horizon (docs/model.md, "One period").
 *
 * @param draws - the run's sample: the value of each uncertainty (in declaration order),
 *   then one uniform in (0, 1) per rule instance.
 * @param outcomes - receives one value per outcome.
 * @param series - receives per-period values of series outcomes (`seriesIndex * T + t`), or undefined.
 */
export function simulateRun(
  model: CompiledModel,
  state: RunState,
  policy: number,
  draws: Float64Array,
  outcomes: Float64Array,
  series: Float64Array | undefined,
): void {
  resetRun(model, state, policy, draws);
  const { T } = model;
  for (let t = 0; t < T; t++) {
    decide(model, state, policy, t, draws);
    activateLevers(model, state, policy, t);
    clearGoods(model, state, t);
    recordPeriod(model, state, t, series);
  }
  finishRun(model, state, outcomes);
}

function resetRun(model: CompiledModel, state: RunState, policy: number, draws: Float64Array): void {
  const { numbers } = state;
  numbers.set(model.numbers.initial);
  bindDraws(model.numbers, draws, numbers);
  const cells = model.C * model.G;
  const monthsToPeriods = model.periodsPerYear / 12;
  for (let cell = 0; cell < cells; cell++) {
    state.stock[cell] = numbers[model.coverRef[cell]!]! * model.U0[cell]! * monthsToPeriods;
    state.reserve[cell] = 0;
    state.reserveRate[cell] = 0;
    state.capacityStamp[cell] = 0;
    state.announceStamp[cell] = 0;
    state.restrictStamp[cell] = 0;
    state.inputShare[cell] = 1;
    state.output[cell] = model.Q0[cell]!;
    state.planShortfall[cell] = 0;
    state.shortfall[cell] = 0;
    state.criticalShortfall[cell] = 0;
    state.otherShortfall[cell] = 0;
    state.producerPrice[cell] = 1;
    state.buyerPrice[cell] = 1;
    state.lostUnits[cell] = 0;
    state.importCost[cell] = 0;
  }
  state.priceOutside.fill(1);
  state.flowShipped.set(model.flowVolume);
  state.inTransitUntil.fill(-1);
  if (model.maxShippingLag > 0) for (let g = 0; g < model.G; g++) resetRoutesInTransit(model, state, g);
  state.flowLeaked.fill(0);
  resetLevelHistory(model, state);
  for (const market of state.markets) market.reset();
  state.goodStamp.fill(0);
  state.goodShort.fill(0);
  state.goodPlanShort.fill(0);
  state.goodBaseline.fill(1);
  state.shockStart.fill(-1);
  state.flowStamp.fill(0);
  state.tariffStamp.fill(0);
  state.lostRevenue.fill(0);
  state.lostSales.fill(0);
  state.lostSurplus.fill(0);
  state.lostProducerSurplus.fill(0);
  state.tariffRevenue.fill(0);
  state.termsOfTrade.fill(0);
  state.directLoss.fill(0);
  state.indirectLoss.fill(0);
  state.outcomeAccumulator.fill(0);
  const { slots, policies } = model;
  state.slotStart.fill(NEVER);
  state.slotEnd.fill(NEVER);
  state.slotDepth.fill(0);
  for (let p = policies.slotStart[policy]!; p < policies.slotStart[policy + 1]!; p++) {
    const slot = policies.slots[p]!;
    const start = Math.max(0, periods(numbers[slots.startRef[slot]!]!));
    state.slotStart[slot] = start;
    const durationRef = slots.durationRef[slot]!;
    state.slotEnd[slot] = durationRef < 0 ? NEVER : start + Math.max(0, periods(numbers[durationRef]!));
  }
  state.ruleDecided.fill(0);
  state.ruleEffect.fill(NEVER);
}

/** True when `slot` acts in period `t`. */
function isActive(state: RunState, slot: number, t: number): boolean {
  return state.slotStart[slot]! <= t && t < state.slotEnd[slot]!;
}

/**
 * Step 1, decide: each undecided rule instance of the policy checks its conditions
 * against the state at t-1; when they all hold it fires with its probability (one
 * uniform per run) and its lever acts from t + delay.
 */
function decide(model: CompiledModel, state: RunState, policy: number, t: number, draws: Float64Array): void {
  const { rules, slots, policies, C, G } = model;
  const { numbers } = state;
  for (let p = policies.ruleStart[policy]!; p < policies.ruleStart[policy + 1]!; p++) {
    const r = policies.rules[p]!;
    if (state.ruleDecided[r]) continue;
    const agent = rules.agent[r]!;
    let holds = true;
    let depth = 0;
    for (let k = rules.conditionStart[r]!; k < rules.conditionStart[r + 1]! && holds; k++) {
      const kind = rules.conditionKind[k] as ConditionKindCode;
      switch (kind) {
        case CONDITION_KIND.restriction: {
          let matchedDepth = -1;
          const lever = rules.conditionLever[k]!;
          const minSeverity = rules.conditionMinSeverity[k]!;
          // candidate slots: the policy's levers, then the levers of its rule instances
          for (let pass = 0; pass < 2; pass++) {
            const from = pass === 0 ? policies.slotStart[policy]! : policies.ruleStart[policy]!;
            const to = pass === 0 ? policies.slotStart[policy + 1]! : policies.ruleStart[policy + 1]!;
            for (let q = from; q < to; q++) {
              const s = pass === 0 ? policies.slots[q]! : rules.slot[policies.rules[q]!]!;
              if (!slots.restricts[s]) continue;
              if (lever >= 0 && slots.kind[s] !== lever) continue;
              if (!isActive(state, s, t - 1)) continue;
              if (!rules.conditionByMask[k * C + slots.actor[s]!]) continue;
              if (state.slotSeverity[s]! < minSeverity) continue;
              let goodMatch = false;
              for (let j = slots.goodStart[s]!; j < slots.goodStart[s + 1]! && !goodMatch; j++) {
                if (rules.conditionGoodsMask[k * G + slots.goods[j]!]) goodMatch = true;
              }
              if (!goodMatch) continue;
              let targetMatch = false;
              for (let c = 0; c < C && !targetMatch; c++) {
                if (slots.targetMask[s * C + c] && rules.conditionAgainstMask[k * C + c]) targetMatch = true;
              }
              if (!targetMatch) continue;
              if (state.slotDepth[s]! > matchedDepth) matchedDepth = state.slotDepth[s]!;
            }
          }
          if (matchedDepth < 0) holds = false;
          else if (matchedDepth + 1 > depth) depth = matchedDepth + 1;
          break;
        }
        case CONDITION_KIND.shortfall: {
          let worst = 0;
          for (let g = 0; g < G; g++) {
            if (rules.conditionGoodsMask[k * G + g] && state.shortfall[agent * G + g]! > worst) worst = state.shortfall[agent * G + g]!;
          }
          if (!(worst > rules.conditionValue[k]!)) holds = false;
          break;
        }
        case CONDITION_KIND.period:
          if (t < rules.conditionFrom[k]! || t >= rules.conditionUntil[k]!) holds = false;
          break;
        case CONDITION_KIND.price:
          if (!(state.priceOutside[rules.conditionGood[k]!]! > rules.conditionValue[k]!)) holds = false;
          break;
        case CONDITION_KIND.draw: {
          const drawn = draws[rules.conditionParam[k]!]!;
          if (!(drawn > rules.conditionValue[k]! && drawn < rules.conditionUpper[k]!)) holds = false;
          break;
        }
        default:
          assertNever(kind, "condition kind");
      }
    }
    if (!holds) continue;
    if (depth === 0) depth = 1;
    if (depth > model.maxEscalationDepth) continue; // too deep an escalation: this trigger does not count
    state.ruleDecided[r] = 1;
    if (draws[rules.uniformDimension[r]!]! >= numbers[rules.probabilityRef[r]!]!) continue;
    const slot = rules.slot[r]!;
    const start = t + Math.max(0, periods(numbers[rules.delayRef[r]!]!));
    state.slotStart[slot] = start;
    const durationRef = slots.durationRef[slot]!;
    state.slotEnd[slot] = durationRef < 0 ? NEVER : start + Math.max(0, periods(numbers[durationRef]!));
    state.slotDepth[slot] = depth;
    state.ruleEffect[r] = start;
  }
}

/**
 * Step 2, restrict (and the other levers): mark this period's restricted flows with the
 * share that passes and whether leakage has begun, restricting exporters with the share
 * of what they block their reserve buys, taxed flows with their tariff, added capacity,
 * and strategic reserves that come into being.
 *
 * Every lever that disturbs its goods (all but those that act only in a shortage) stamps
 * them here, before its kind's case: a good whose stamp is not this period's, with no input
 * short and no buyer planning less, skips its clearing (docs/model.md, "Engine rules").
 */
function activateLevers(model: CompiledModel, state: RunState, policy: number, t: number): void {
  const { slots, policies, rules, G } = model;
  const { numbers } = state;
  const stamp = t + 1;
  const monthsToPeriods = model.periodsPerYear / 12;
  for (let pass = 0; pass < 2; pass++) {
    const from = pass === 0 ? policies.slotStart[policy]! : policies.ruleStart[policy]!;
    const to = pass === 0 ? policies.slotStart[policy + 1]! : policies.ruleStart[policy + 1]!;
    for (let q = from; q < to; q++) {
      const s = pass === 0 ? policies.slots[q]! : rules.slot[policies.rules[q]!]!;
      if (!isActive(state, s, t)) {
        markAnnounced(model, state, s, t);
        continue;
      }
      const actor = slots.actor[s]!;
      if (slots.disturbs[s]) for (let j = slots.goodStart[s]!; j < slots.goodStart[s + 1]!; j++) state.goodStamp[slots.goods[j]!] = stamp;
      const kind = slots.kind[s] as SlotKind;
      switch (kind) {
        case SLOT_KIND.exportRestriction:
        case SLOT_KIND.importRestriction: {
          const severity = severityAt(model, numbers, s, t - state.slotStart[s]!);
          state.slotSeverity[s] = severity;
          const leakage = numbers[slots.leakageRef[s]!]!;
          const premium = numbers[slots.premiumRef[s]!]!;
          // leaked volume arrives once re-routing through third countries has had its lag, and
          // then as its channel opens (ramp); each restriction's own leakage counts only from then
          // (so what passes never grows with a restriction's severity), and no more than the
          // channel's capacity, a share of the baseline flow
          const sinceOpen = t - state.slotStart[s]! - Math.max(0, periods(numbers[slots.leakageLagRef[s]!]!));
          const leaking = sinceOpen < 0 ? 0 : leakage * ramp(sinceOpen + 1, numbers[slots.leakageRampRef[s]!]!);
          const leakCapacity = numbers[slots.leakageCapacityRef[s]!]!;
          const leaked = severity * leaking < leakCapacity ? severity * leaking : leakCapacity;
          const byExporter = kind === SLOT_KIND.exportRestriction ? 1 : 0;
          for (let j = slots.flowStart[s]!; j < slots.flowStart[s + 1]!; j++) {
            const f = slots.flows[j]!;
            if (state.flowStamp[f] !== stamp) {
              state.flowStamp[f] = stamp;
              state.flowPass[f] = 1;
              state.flowUnrestricted[f] = 1;
              state.flowPremium[f] = 0;
              state.flowByExporter[f] = 0;
            }
            // (written as 1 - r (1 - lambda) where the channel's capacity does not bind)
            state.flowPass[f]! *= leaked < severity * leaking ? 1 - severity + leaked : 1 - severity * (1 - leaking);
            state.flowUnrestricted[f]! *= 1 - severity;
            if (leaked > 0 && premium > state.flowPremium[f]!) state.flowPremium[f] = premium;
            if (byExporter) state.flowByExporter[f] = 1;
          }
          if (kind === SLOT_KIND.exportRestriction && blocksAt(model, numbers, s, severity)) {
            // An exporter that blocks something is restricting the good: its buyers are left out
            // of the outside price, and its state reserve may buy part of what it blocks.
            const share = numbers[slots.stockpileShareRef[s]!]!;
            for (let j = slots.goodStart[s]!; j < slots.goodStart[s + 1]!; j++) {
              const cell = actor * G + slots.goods[j]!;
              if (state.restrictStamp[cell] !== stamp) {
                state.restrictStamp[cell] = stamp;
                state.stockpileShare[cell] = 0;
              }
              if (share > state.stockpileShare[cell]!) state.stockpileShare[cell] = share;
            }
          }
          break;
        }
        case SLOT_KIND.stockpileRelease: {
          if (t !== state.slotStart[s]) break; // the reserve is built once, when the lever starts
          const months = numbers[slots.amountRef[s]!]!;
          const rate = numbers[slots.rateRef[s]!]!;
          for (let j = slots.goodStart[s]!; j < slots.goodStart[s + 1]!; j++) {
            const cell = actor * G + slots.goods[j]!;
            state.reserve[cell]! += months * model.U0[cell]! * monthsToPeriods;
            if (rate > state.reserveRate[cell]!) state.reserveRate[cell] = rate;
          }
          break;
        }
        case SLOT_KIND.capacityExpansion: {
          const cell = actor * G + slots.goods[slots.goodStart[s]!]!;
          if (state.capacityStamp[cell] !== stamp) {
            state.capacityStamp[cell] = stamp;
            state.addedCapacity[cell] = 0;
          }
          const elapsed = t - state.slotStart[s]! + 1;
          state.addedCapacity[cell]! += numbers[slots.amountRef[s]!]! * ramp(elapsed, numbers[slots.rateRef[s]!]!);
          break;
        }
        case SLOT_KIND.importTariff: {
          // duties on the same flow add up
          const rate = numbers[slots.amountRef[s]!]!;
          for (let j = slots.flowStart[s]!; j < slots.flowStart[s + 1]!; j++) {
            const f = slots.flows[j]!;
            if (state.tariffStamp[f] !== stamp) {
              state.tariffStamp[f] = stamp;
              state.flowTariff[f] = 0;
            }
            state.flowTariff[f]! += rate;
          }
          break;
        }
        default:
          assertNever(kind, "lever kind");
      }
    }
  }
}

/**
 * Step 2, announcements: a restriction decided and due to take effect within its notice
 * (`announced` periods; a rule's no earlier than it decided) marks the users whose supply it
 * will cut, who aim for their precautionary stock this period (step 5), and disturbs their
 * goods. One that blocks nothing at any point of its course (severity 0 throughout and no
 * licensing, or all of it leaked) or never takes effect (duration 0) announces nothing.
 */
function markAnnounced(model: CompiledModel, state: RunState, s: number, t: number): void {
  const { slots, G, flowImporter, flowGood } = model;
  const kind = slots.kind[s];
  if (kind !== SLOT_KIND.exportRestriction && kind !== SLOT_KIND.importRestriction) return;
  const start = state.slotStart[s]!;
  if (!(t < start) || !(start < state.slotEnd[s]!) || start === NEVER) return;
  const { numbers } = state;
  if (t < start - Math.max(0, periods(numbers[slots.announcedRef[s]!]!))) return;
  if (!blocksAtSomePoint(model, numbers, s)) return;
  const stamp = t + 1;
  for (let j = slots.flowStart[s]!; j < slots.flowStart[s + 1]!; j++) {
    const f = slots.flows[j]!;
    state.announceStamp[flowImporter[f]! * G + flowGood[f]!] = stamp;
    state.goodStamp[flowGood[f]!] = stamp;
  }
}

/**
 * Steps 3 to 10 of docs/model.md for each good in topological order: produce (from inputs
 * cleared earlier this period), the requirement of each buyer, the market (origin prices
 * and route volumes: src/engine/market.ts), stock draws, shortfalls and prices, accounts.
 * Each block is labelled with its step.
 */
function clearGoods(model: CompiledModel, state: RunState, t: number): void {
  // Hoisted once per period, not per good, so the loops below read plain locals.
  const { G, producers, users, U0, Q0, K0, H0, E0, valueAddedRef, flowExporter, flowVolume } = model;
  const { inputStart, inputGood, inputCritical, inputWeightRef, useStart, useCell, usePerUnit, useCritical } = model;
  const { surgeRef, rampRef, restartLagRef, maxDrawShare, targetRef, restockRef, precautionRef, indirectMultiplier, forwardMultiplier, supplyElasticityRef, substitutionRef, demandElasticityRef, domesticPriceRef } = model;
  const { routeStart, routeOrigin, routeFlow, routeWeight, flowSource, newSupplierWeightRef, newSupplierPremiumRef, newSupplierQualificationRef } = model;
  const { numbers, shortfall, criticalShortfall, otherShortfall, inputShare, output, planShortfall, restrictStamp, stockpileShare } = state;
  const { capacityStamp, addedCapacity, flowStamp, flowPass, flowUnrestricted, flowPremium, flowByExporter, tariffStamp, flowTariff } = state;
  const { stock, reserve, reserveRate, lostUnits, lostRevenue, lostSales, lostSurplus, lostProducerSurplus, tariffRevenue, termsOfTrade, directLoss, indirectLoss, importCost, producerPrice, buyerPrice } = state;
  const { requirement, criticalNeed, inputNeed, demandScale, newSupply, newOutput, salesVolume, restockOrder, stockTargetMonths, announceStamp, markets } = state;
  const monthsToPeriods = model.periodsPerYear / 12;
  const stamp = t + 1;
  const { goodOrder, goodInputStart, goodInputs, goodUseStart, goodUses, basePrice, producerStart, userStart } = model;
  const { priceFloor, priceCap } = model;
  const { goodStamp, goodShort, goodPlanShort, goodBaseline, shockStart, priceOutside } = state;
  for (let order = 0; order < G; order++) {
    const g = goodOrder[order]!;
    const pStart = producerStart[g]!;
    const pEnd = producerStart[g + 1]!;
    const uStart = userStart[g]!;
    const uEnd = userStart[g + 1]!;

    // Engine rule 3 (docs/model.md): a calm good (no lever disturbing it, no input short, no
    // downstream producer planning other than baseline) clears exactly at the baseline. If it
    // did last period too, its state already holds those values and there is nothing to do.
    let downstreamPlansLess = false;
    for (let k = goodUseStart[g]!; !downstreamPlansLess && k < goodUseStart[g + 1]!; k++) if (goodPlanShort[goodUses[k]!]) downstreamPlansLess = true;
    let calm = goodStamp[g] !== stamp && !downstreamPlansLess;
    for (let k = goodInputStart[g]!; calm && k < goodInputStart[g + 1]!; k++) if (goodShort[goodInputs[k]!]) calm = false;
    // (nor a user restocking or drawing down a stock off its target)
    for (let u = uStart; calm && u < uEnd; u++) {
      const cell = users[u]! * G + g;
      if (stock[cell] !== numbers[targetRef[cell]!]! * U0[cell]! * monthsToPeriods) calm = false;
    }
    // (nor goods bought off the baseline still in transit)
    if (t <= state.inTransitUntil[g]!) calm = false;
    if (calm) {
      if (!goodBaseline[g]) writeBaseline(model, state, g);
      continue;
    }
    const p0 = basePrice[g]!;
    const market = markets[g]!;
    let anyShort = 0;
    let anyPlanShort = 0;

    // Step 4, requirement: baseline use, less the inputs downstream producers no longer plan to
    // use; its parts: the inputs of what they plan to make for which the good is critical, and
    // those for which it is not (the rest is final and unmodelled use)
    for (let u = uStart; u < uEnd; u++) {
      const c = users[u]!;
      const cell = c * G + g;
      let need = U0[cell]!;
      let critical = 0;
      let nonCritical = 0;
      for (let k = useStart[cell]!; k < useStart[cell + 1]!; k++) {
        const planned = planShortfall[useCell[k]!]!;
        need -= usePerUnit[k]! * planned;
        const input = usePerUnit[k]! * (Q0[useCell[k]!]! - planned);
        if (useCritical[k]) critical += input;
        else nonCritical += input;
      }
      if (need < 0) need = 0;
      if (critical < 0) critical = 0;
      if (nonCritical < 0) nonCritical = 0;
      requirement[c] = need;
      criticalNeed[c] = critical < need ? critical : need;
      inputNeed[c] = nonCritical < need - criticalNeed[c]! ? nonCritical : need - criticalNeed[c]!;
      const scale = need / U0[cell]!;
      demandScale[c] = scale < 1 ? scale : 1;
      newSupply[c] = 0;
    }

    // Step 3, produce: output share allowed by inputs, y = min over critical inputs (1 - sigmaC) x
    // (1 - sum of weighted non-critical sigmaO); with it, step 5's supply curve of each origin
    const elapsed = shockStart[g]! < 0 ? -1 : t - shockStart[g]!;
    for (let p = pStart; p < pEnd; p++) {
      const o = p - pStart;
      const c = producers[p]!;
      const cell = c * G + g;
      let critical = 1;
      let nonCritical = 1;
      for (let k = inputStart[cell]!; k < inputStart[cell + 1]!; k++) {
        const inputCell = c * G + inputGood[k]!;
        if (inputCritical[k]) {
          if (1 - criticalShortfall[inputCell]! < critical) critical = 1 - criticalShortfall[inputCell]!;
        } else nonCritical -= numbers[inputWeightRef[k]!]! * otherShortfall[inputCell]!;
      }
      let y = critical * nonCritical;
      if (y < 0) y = 0;
      inputShare[cell] = y;
      const added = capacityStamp[cell] === stamp ? addedCapacity[cell]! : 0;
      // surge capacity ramps from its restart lag after the price signal (ramp is 0 before)
      const restarted = elapsed < 0 ? -1 : elapsed - Math.max(0, periods(numbers[restartLagRef[cell]!]!));
      const capacity = K0[cell]! + numbers[surgeRef[cell]!]! * ramp(restarted, numbers[rampRef[cell]!]!) + added;
      newOutput[c] = 0;
      salesVolume[c] = 0;
      if (Q0[cell]! > 0) {
        market.supplyBase[o] = y * (Q0[cell]! + added);
        market.supplyMax[o] = y * capacity;
        market.scale[o] = Q0[cell]!;
      } else {
        // a new producer (capacity added where there was none) supplies its own buyers
        market.supplyBase[o] = 0;
        market.supplyMax[o] = 0;
        market.scale[o] = 1;
        newSupply[c] = y * added;
      }
      market.supplyElasticity[o] = numbers[supplyElasticityRef[cell]!]!;
      market.fixedDemand[o] = 0;
    }

    // Step 5, buyers and their routes: baseline shares as weights, caps where restrictions bite;
    // new suppliers' routes (flows of volume 0) at lambda times their share, at a premium
    const newWeight = newSupplierWeightRef[g]! >= 0 ? numbers[newSupplierWeightRef[g]!]! : 0;
    const newPremium = newSupplierPremiumRef[g]! >= 0 ? numbers[newSupplierPremiumRef[g]!]! : 0;
    // a new supplier qualifies its qualification lag after the good's price first rose
    const qualification = newSupplierQualificationRef[g]! >= 0 ? Math.max(0, periods(numbers[newSupplierQualificationRef[g]!]!)) : 0;
    const qualified = qualification === 0 || (shockStart[g]! >= 0 && t - shockStart[g]! >= qualification);
    let r = 0;
    for (let u = uStart; u < uEnd; u++) {
      const b = u - uStart;
      const c = users[u]!;
      const cell = c * G + g;
      // managed stocks: order the gap to target, n months of the requirement, over tau (all
      // of it when tau is shorter than a period); a stock above target is drawn on instead,
      // as if it were own supply
      const targetMonths = numbers[targetRef[cell]!]! + (announceStamp[cell] === stamp ? numbers[precautionRef[cell]!]! : 0);
      stockTargetMonths[cell] = targetMonths;
      const target = targetMonths * requirement[c]! * monthsToPeriods;
      const tau = numbers[restockRef[cell]!]! * monthsToPeriods;
      const off = target - stock[cell]!;
      // (a stock within rounding of its target, relative 1e-12, is at target: engine rule 6)
      const restock = Math.abs(off) <= STOCK_ROUNDING * target ? 0 : (tau > 1 ? 1 / tau : 1) * off;
      restockOrder[cell] = restock;
      market.criticalDemand[b] = criticalNeed[c]!;
      market.otherDemand[b] = requirement[c]! - criticalNeed[c]! + (restock > 0 ? restock : 0);
      market.demandElasticity[b] = numbers[demandElasticityRef[cell]!]!;
      market.ownSupply[b] = newSupply[c]! - (restock < 0 ? restock : 0);
      market.routeStart[b] = r;
      for (let k = routeStart[u]!; k < routeStart[u + 1]!; k++, r++) {
        market.routeOrigin[r] = routeOrigin[k]!;
        const f = routeFlow[k]!;
        const fromNewSupplier = f >= 0 && flowSource[f]! < 0;
        market.routeWeight[r] = fromNewSupplier ? newWeight * routeWeight[k]! : routeWeight[k]!;
        market.routeEntry[r] = fromNewSupplier ? 1 : 0;
        let firstFactor = 1;
        let firstCap = Infinity;
        let secondFactor = 1;
        let totalCap = Infinity;
        if (f >= 0) {
          if (tariffStamp[f] === stamp) firstFactor = 1 + flowTariff[f]!;
          if (fromNewSupplier) firstFactor *= 1 + newPremium;
          secondFactor = firstFactor;
          if (flowStamp[f] === stamp && flowUnrestricted[f]! < 1) {
            // quotas relative to the baseline flow: the unrestricted share directly, and what
            // passes in all this period (leakage included, once its lag is over)
            const baseline = flowVolume[f]! * demandScale[c]!;
            firstCap = flowUnrestricted[f]! * baseline;
            totalCap = firstCap;
            if (flowPass[f]! > flowUnrestricted[f]!) {
              totalCap = flowPass[f]! * baseline;
              if (1 + flowPremium[f]! > secondFactor) secondFactor = 1 + flowPremium[f]!;
            }
            // leaked tonnes at no premium cost what licensed ones do: one segment up to the
            // total, so that how a cap is split between them poses no different market
            if (secondFactor === firstFactor) firstCap = totalCap;
            // a restricting exporter's state reserve buys its share of what its own export
            // restrictions leave blocked on the flow
            const exporterCell = flowExporter[f]! * G + g;
            if (flowByExporter[f] && restrictStamp[exporterCell] === stamp) market.fixedDemand[routeOrigin[k]!]! += stockpileShare[exporterCell]! * baseline * (1 - flowPass[f]!);
          }
        }
        if (fromNewSupplier && !qualified) {
          firstCap = 0; // not yet qualified: nothing along it
          totalCap = 0;
        }
        market.firstFactor[r] = firstFactor;
        market.firstCap[r] = firstCap;
        market.secondFactor[r] = secondFactor;
        market.totalCap[r] = totalCap;
      }
    }
    market.routeStart[uEnd - uStart] = r;
    market.origins = pEnd - pStart;
    market.buyers = uEnd - uStart;
    market.sigma = numbers[substitutionRef[g]!]!;
    market.priceFloor = priceFloor[g]!;
    market.priceCap = priceCap[g]!;

    // Step 5, clear the market (src/engine/market.ts), from last period's prices; a market
    // posing exactly last period's problem keeps last period's solution
    market.clearIfChanged();

    // Steps 6 to 8 for each buyer: what it receives, stock draws, shortfalls; step 10, its extra
    // cost, and the revenue exporters lose on its routes
    let pricedUse = 0;
    let outsideUse = 0;
    for (let u = uStart; u < uEnd; u++) {
      const b = u - uStart;
      const c = users[u]!;
      const cell = c * G + g;
      const need = requirement[c]!;
      const criticalPart = criticalNeed[c]!;
      const paid = market.buyerPrice[b]!; // capped at the price cap: beyond it, rationing
      // what its uses want at the price: critical, and other uses (need - criticalPart) paid^-eps
      // (the market's other demand also holds its restocking order, when it has one)
      const restock = restockOrder[cell]!;
      const want = criticalPart + (restock > 0 ? (need - criticalPart) * Math.pow(paid, -market.demandElasticity[b]!) : market.otherWanted[b]!);
      // own new output covers own needs first
      const own = newSupply[c]! < want ? newSupply[c]! : want;
      newOutput[c] = own;
      // Step 6, what arrives: along a route with a shipping lag, what was bought that many
      // periods ago (the baseline before period 0), not what is bought now
      // (with a lag, inTransit takes today's purchases off again route by route, in another
      // order than the market summed them: when nothing lands, the sum can be -1e-17, not 0)
      const arriving = market.delivered[b]! + own + (model.maxShippingLag > 0 ? inTransit(model, state, g, u, market, market.routeStart[b]!, t) : 0);
      const bought = arriving > 0 ? arriving : 0;
      // Step 7, what it buys beyond what its uses want at the price goes into stock (its
      // restocking order); then it draws down commercial stocks, then strategic reserves, toward
      // the requirement: buyers use stocks rather than go without, whether rationed or priced out
      // (at a price below base the order, K P^-eps, can exceed the gap to target: the rest is
      // used, not stocked, so restocking never takes a stock above its target)
      const targetMonths = stockTargetMonths[cell]!; // (step 5's)
      let toStock = 0;
      if (restock > 0 && bought > want) {
        const gapToTarget = targetMonths * need * monthsToPeriods - stock[cell]!;
        toStock = bought - want < gapToTarget ? bought - want : gapToTarget;
      }
      let received = bought - toStock;
      const gap = need - received;
      if (gap > 0) {
        // its critical inputs draw freely; its other uses only on what lies above a reserve
        // for the critical ones, n months of them, so a stock is not spent on final uses
        // while critical inputs will need it
        const stockRate = maxDrawShare[cell]! * U0[cell]!;
        let criticalGap = criticalPart > received ? criticalPart - received : 0;
        if (criticalGap > gap) criticalGap = gap;
        let draw = criticalGap;
        if (stock[cell]! < draw) draw = stock[cell]!;
        if (stockRate < draw) draw = stockRate;
        const spare = stock[cell]! - draw - targetMonths * criticalPart * monthsToPeriods;
        let forOthers = gap - criticalGap;
        if (spare < forOthers) forOthers = spare > 0 ? spare : 0;
        if (stockRate - draw < forOthers) forOthers = stockRate - draw;
        draw += forOthers;
        stock[cell]! -= draw;
        received += draw;
        let fromReserve = gap - draw;
        if (reserve[cell]! < fromReserve) fromReserve = reserve[cell]!;
        const reserveLimit = reserveRate[cell]! * U0[cell]!;
        if (reserveLimit < fromReserve) fromReserve = reserveLimit;
        reserve[cell]! -= fromReserve;
        received += fromReserve;
      }
      stock[cell]! += toStock;
      // Step 8, shortfalls: of the requirement; of critical inputs (served first); of
      // non-critical inputs (served next: final and unmodelled uses give way first)
      let sigma = need > 0 ? 1 - received / need : 0;
      shortfall[cell] = sigma > 0 ? sigma : 0;
      sigma = criticalPart > 0 ? 1 - received / criticalPart : 0;
      criticalShortfall[cell] = sigma > 0 ? sigma : 0;
      const forInputs = received - criticalPart;
      sigma = inputNeed[c]! > 0 ? 1 - (forInputs > 0 ? forInputs : 0) / inputNeed[c]! : 0;
      otherShortfall[cell] = sigma > 0 ? sigma : 0;
      if (criticalShortfall[cell]! > 0 || otherShortfall[cell]! > 0) anyShort = 1;
      // Step 10, forward (supply-driven) indirect loss: what its unmodelled uses go without
      // costs the unmodelled sectors downstream value added
      if (forwardMultiplier[cell]! > 0) {
        const unmodelled = need - criticalPart - inputNeed[c]!;
        const served = forInputs - inputNeed[c]!;
        const unserved = unmodelled - (served > 0 ? served : 0);
        if (unserved > 0) indirectLoss[c]! += unserved * p0 * forwardMultiplier[cell]!;
      }
      buyerPrice[cell] = paid;
      // Step 10, buyers' surplus lost: P - 1 on the critical tonnes it gets (those it does not
      // get cost output, in GDP loss), and the area left of its other demand Ro P^-eps from
      // 1 to what it pays, Ro (P^(1-eps) - 1) / (1 - eps) (ln P at eps = 1)
      if (paid !== 1) {
        const elasticity = market.demandElasticity[b]!;
        const logPaid = Math.log(paid);
        const power = (1 - elasticity) * logPaid;
        const elastic = power === 0 ? logPaid : Math.expm1(power) / (1 - elasticity);
        const criticalBought = bought < criticalPart ? bought : criticalPart;
        lostSurplus[cell]! += p0 * (criticalBought * (paid - 1) + (need - criticalPart) * elastic);
      }
      if (restrictStamp[cell] !== stamp) {
        pricedUse += need * paid;
        outsideUse += need;
      }
      // Step 10, extra cost of imports (prices, tariffs, premiums), exporters' lost revenue, and
      // each producer's sales (home sales at its domestic price ratio)
      let extraCost = 0;
      let duties = 0;
      for (let k = routeStart[u]!, q = market.routeStart[b]!; k < routeStart[u + 1]!; k++, q++) {
        const f = routeFlow[k]!;
        const volume = market.volume[q]!;
        if (f < 0) {
          salesVolume[c]! += numbers[domesticPriceRef[cell]!]! * volume;
          continue;
        }
        salesVolume[flowExporter[f]!]! += volume;
        // customs: what it ships, and what of that leaked (beyond the licensed quota, rationed like the rest)
        state.flowShipped[f] = volume;
        let leaked = 0;
        if (flowStamp[f] === stamp && flowUnrestricted[f]! < 1) {
          const licensed = flowUnrestricted[f]! * flowVolume[f]! * demandScale[c]! * market.rationShare[routeOrigin[k]!]!;
          if (volume > licensed) leaked = volume - licensed;
        }
        state.flowLeaked[f] = leaked;
        extraCost += (market.routePrice[q]! - 1) * volume;
        // terms of trade: the change of the exporter's price on what crosses the border, a
        // loss to the importer and a gain to the exporter (premiums, quota rents and duties
        // are not foreign prices)
        const foreignPrice = p0 * (market.price[routeOrigin[k]!]! - 1) * volume;
        termsOfTrade[cell]! += foreignPrice;
        termsOfTrade[flowExporter[f]! * G + g]! -= foreignPrice;
        lostRevenue[f]! += p0 * (flowVolume[f]! - market.price[routeOrigin[k]!]! * volume);
        // duties: the rate times the exporter's price on the licensed segment's tonnes, and on
        // leaked tonnes where the duty, not a dearer premium, sets their price (f2 = f1)
        const tariff = tariffStamp[f] === stamp ? flowTariff[f]! : 0;
        if (tariff > 0) {
          let taxed = volume;
          if (market.secondFactor[q] !== market.firstFactor[q]) {
            // a restricted route whose leaked tonnes pay a premium: the licensed segment only,
            // rationed like the rest
            const licensed = market.firstCap[q]! * market.rationShare[routeOrigin[k]!]!;
            if (licensed < taxed) taxed = licensed;
          }
          duties += tariff * market.price[routeOrigin[k]!]! * taxed;
        }
      }
      importCost[cell]! += p0 * extraCost;
      tariffRevenue[cell]! += p0 * duties;
    }

    // Step 8, the outside price: the use-weighted price buyers outside restricting countries pay
    const outside = outsideUse > 0 ? pricedUse / outsideUse : 1;
    priceOutside[g] = outside;
    // surge capacity ramps from the next period; a rise within the market's tolerance is no signal
    if (shockStart[g]! < 0 && outside > 1 + PRICE_SIGNAL) shockStart[g] = t;

    // Step 10, account: output and value added lost by producers
    for (let p = pStart; p < pEnd; p++) {
      const o = p - pStart;
      const c = producers[p]!;
      const cell = c * G + g;
      const made = Q0[cell]! > 0 ? market.supply[o]! : newOutput[c]!;
      producerPrice[cell] = Q0[cell]! > 0 ? market.price[o]! : 1;
      // sales revenue lost: baseline sales (home sales at rho) less this period's at its price; a
      // state reserve buys at home; a new producer sells to its own buyers at the price they pay
      const rho = numbers[domesticPriceRef[cell]!]!;
      if (!(Q0[cell]! > 0)) lostSales[cell]! -= p0 * rho * buyerPrice[cell]! * newOutput[c]!;
      else {
        lostSales[cell]! += p0 * (rho * H0[cell]! + E0[cell]! - market.price[o]! * (salesVolume[c]! + rho * market.fixedSold[o]!));
        // producers' surplus lost: Q0 / (1 + eta) at baseline, less p Q - cost(Q) along this
        // period's supply curve Q = Xb p^eta, cost(Q) = Q (Q / Xb)^(1/eta) eta / (1 + eta)
        // (no cost up to Xb when eta = 0); a new producer's is not counted
        const eta = market.supplyElasticity[o]!;
        const xb = market.supplyBase[o]!;
        let surplus = 0;
        if (xb > 0 && made > 0) surplus = market.price[o]! * made - (eta > 0 ? ((made * Math.pow(made / xb, 1 / eta)) * eta) / (1 + eta) : 0);
        lostProducerSurplus[cell]! += p0 * (Q0[cell]! / (1 + eta) - surplus);
      }
      const lost = Q0[cell]! - made;
      output[cell] = made;
      // what it makes less than its inputs allow at baseline lowers its input requirement next period
      const planned = inputShare[cell]! * Q0[cell]! - made;
      planShortfall[cell] = planned;
      if (planned !== 0) anyPlanShort = 1;
      lostUnits[cell]! += lost;
      directLoss[c]! += lost * numbers[valueAddedRef[cell]!]!;
      indirectLoss[c]! += lost * p0 * indirectMultiplier[cell]!;
    }
    goodShort[g] = anyShort;
    goodPlanShort[g] = anyPlanShort;
    goodBaseline[g] = 0;
  }
}

/** A calm good's state at the baseline (engine rule 3): full output, no shortfall, base prices. */
function writeBaseline(model: CompiledModel, state: RunState, g: number): void {
  const { G } = model;
  for (let p = model.producerStart[g]!; p < model.producerStart[g + 1]!; p++) {
    const cell = model.producers[p]! * G + g;
    state.inputShare[cell] = 1;
    state.output[cell] = model.Q0[cell]!;
    state.planShortfall[cell] = 0;
    state.producerPrice[cell] = 1;
  }
  for (let u = model.userStart[g]!; u < model.userStart[g + 1]!; u++) {
    const cell = model.users[u]! * G + g;
    state.shortfall[cell] = 0;
    state.criticalShortfall[cell] = 0;
    state.otherShortfall[cell] = 0;
    state.buyerPrice[cell] = 1;
  }
  state.priceOutside[g] = 1;
  for (let f = model.flowStart[g]!; f < model.flowStart[g + 1]!; f++) {
    state.flowShipped[f] = model.flowVolume[f]!;
    state.flowLeaked[f] = 0;
  }
  // what is bought from now on is the baseline, and so is what arrives
  if (model.maxShippingLag > 0) resetRoutesInTransit(model, state, g);
  // its next clearing starts from these base prices, not from the last solution
  state.markets[g]!.reset();
  state.goodShort[g] = 0;
  state.goodPlanShort[g] = 0;
  state.goodBaseline[g] = 1;
}

/**
 * Step 6 with shipping lags, for user u of good g: records what each of its lagged routes
 * carries this period (`routeShipped`, a ring) and returns what arrives along them less what
 * they carry now, the correction to what the buyer receives. A route that carries other
 * than its baseline keeps the good from being calm until that has arrived.
 */
function inTransit(model: CompiledModel, state: RunState, g: number, u: number, market: MarketWorkspace, firstRoute: number, t: number): number {
  const ring = model.maxShippingLag + 1;
  let correction = 0;
  for (let k = model.routeStart[u]!, q = firstRoute; k < model.routeStart[u + 1]!; k++, q++) {
    const lag = model.routeLag[k]!;
    if (lag === 0) continue;
    const now = market.volume[q]!;
    const arrives = state.routeShipped[k * ring + ((t - lag + ring * lag) % ring)]!;
    state.routeShipped[k * ring + (t % ring)] = now;
    correction += arrives - now;
    if (now !== model.flowVolume[model.routeFlow[k]!]! && t + lag > state.inTransitUntil[g]!) state.inTransitUntil[g] = t + lag;
  }
  return correction;
}

/** Every lagged route of good g has carried its baseline volume (at the start of a run, and when g is calm). */
function resetRoutesInTransit(model: CompiledModel, state: RunState, g: number): void {
  const ring = model.maxShippingLag + 1;
  for (let u = model.userStart[g]!; u < model.userStart[g + 1]!; u++) {
    for (let k = model.routeStart[u]!; k < model.routeStart[u + 1]!; k++) {
      if (model.routeLag[k] === 0) continue;
      state.routeShipped.fill(model.flowVolume[model.routeFlow[k]!]!, k * ring, (k + 1) * ring);
    }
  }
}

/**
 * The price ratio of good g in country c this period: its producers' price where it makes
 * the good and its inputs let it make some now, else what its buyers pay, else (c < 0, or
 * c neither makes nor uses it) the outside price.
 */
function priceIn(model: CompiledModel, state: RunState, c: number, g: number): number {
  const cell = c * model.G + g;
  if (pricedByProducers(model, state, c, g)) return state.producerPrice[cell]!;
  if (c >= 0 && model.U0[cell]! > 0) return state.buyerPrice[cell]!;
  return state.priceOutside[g]!;
}

/** Whether country c's price of good g this period is its producers': it makes the good at baseline, and its inputs let it make some now (an origin that can make nothing has no price of its own). */
function pricedByProducers(model: CompiledModel, state: RunState, c: number, g: number): boolean {
  return c >= 0 && model.Q0[c * model.G + g]! > 0 && state.inputShare[c * model.G + g]! > 0;
}

/** Update per-period outcome statistics and series after period t. */
function recordPeriod(model: CompiledModel, state: RunState, t: number, series: Float64Array | undefined): void {
  const { outcomes, G, T } = model;
  const acc = state.outcomeAccumulator;
  for (let o = 0; o < outcomes.count; o++) {
    const kind = outcomes.kind[o] as OutcomeKindCode;
    let value: number;
    let accumulated = true; // a statistic over periods (max, mean, final) is kept
    switch (kind) {
      case OUTCOME_KIND.shortfall:
        value = state.shortfall[outcomes.country[o]! * G + outcomes.good[o]!]!;
        break;
      case OUTCOME_KIND.price: {
        const g = outcomes.good[o]!;
        const c = outcomes.market[o]!;
        value = priceIn(model, state, c, g);
        // in USD, a producing country's price is that of its home sales (rho times the base price)
        if (outcomes.unit[o] === UNIT_USD) value *= model.basePrice[g]! * (pricedByProducers(model, state, c, g) ? state.numbers[model.domesticPriceRef[c * G + g]!]! : 1);
        break;
      }
      case OUTCOME_KIND.trade:
        value = tradeLevel(model, state, o, t);
        break;
      case OUTCOME_KIND.stock: {
        const cell = outcomes.country[o]! * G + outcomes.good[o]!;
        value = outcomes.part[o] === HOLDER_COMMERCIAL ? state.stock[cell]! : state.reserve[cell]!;
        // in months of baseline use (0 for a country that uses none)
        if (outcomes.unit[o] === UNIT_SHARE) value = model.U0[cell]! > 0 ? value / (model.U0[cell]! * (model.periodsPerYear / 12)) : 0;
        break;
      }
      case OUTCOME_KIND.outputLoss: {
        // summed over the run from lostUnits at the end; per period only as a series
        if (outcomes.seriesIndex[o]! < 0) continue;
        const cell = outcomes.country[o]! * G + outcomes.good[o]!;
        value = outputLossIn(model, outcomes.unit[o]!, cell, model.Q0[cell]! - state.output[cell]!, 1);
        accumulated = false;
        break;
      }
      case OUTCOME_KIND.gdpLoss:
      case OUTCOME_KIND.valueAddedLoss:
      case OUTCOME_KIND.exportRevenueLoss:
      case OUTCOME_KIND.revenueLoss:
      case OUTCOME_KIND.consumerSurplusLoss:
      case OUTCOME_KIND.producerSurplusLoss:
      case OUTCOME_KIND.tariffRevenue:
      case OUTCOME_KIND.termsOfTradeLoss:
      case OUTCOME_KIND.importCostIncrease:
      case OUTCOME_KIND.ruleFired:
      case OUTCOME_KIND.firstFiring:
      case OUTCOME_KIND.formula:
        continue; // read off the finished run (finishRun)
      default:
        assertNever(kind, "outcome kind");
    }
    if (accumulated) {
      const stat = outcomes.stat[o]!;
      if (stat === STAT_MAX) {
        if (t === 0 || value > acc[o]!) acc[o] = value;
      } else if (stat === STAT_MIN) {
        if (t === 0 || value < acc[o]!) acc[o] = value;
      } else if (stat === STAT_FINAL) acc[o] = value;
      else acc[o]! += value; // the mean: summed here, divided by T at the end (a mean of 1s is exactly 1)
    }
    const s = outcomes.seriesIndex[o]!;
    if (s >= 0 && series !== undefined) series[s * T + t] = value;
  }
}

/**
 * A trade outcome in period t (docs/model.md, "Outcomes"): what its flows carry (all, the
 * licensed part or the leaked part; in units or USD at the exporter's price) times the
 * seasonal factor of the period; or the change of that level on the period or the year
 * before, where the levels before period 0 are the baseline's (times their factors). A
 * change from a level of 0 is 0, or 1 (+100%) when the level rose from 0.
 */
function tradeLevel(model: CompiledModel, state: RunState, o: number, t: number): number {
  const { outcomes, G, periodsPerYear } = model;
  const g = outcomes.good[o]!;
  const part = outcomes.part[o]!;
  const usd = outcomes.unit[o] === UNIT_USD;
  let level = 0;
  for (let k = outcomes.listStart[o]!; k < outcomes.listStart[o + 1]!; k++) {
    const f = outcomes.list[k]!;
    const shipped = state.flowShipped[f]!;
    const volume = part === PART_LEAKED ? state.flowLeaked[f]! : part === PART_LICENSED ? shipped - state.flowLeaked[f]! : shipped;
    level += usd ? volume * state.producerPrice[model.flowExporter[f]! * G + g]! * model.basePrice[g]! : volume;
  }
  const slot = t % periodsPerYear;
  const seasonalStart = outcomes.seasonalStart[o]!;
  if (outcomes.seasonalStart[o + 1]! > seasonalStart) level *= outcomes.seasonal[seasonalStart + slot]!;
  const change = outcomes.change[o]!;
  if (change === CHANGE_LEVEL) return level;
  const history = state.levelHistory;
  const base = o * periodsPerYear;
  const earlier = history[base + (change === CHANGE_ON_PERIOD ? (t + periodsPerYear - 1) % periodsPerYear : slot)]!;
  history[base + slot] = level;
  return earlier > 0 ? level / earlier - 1 : level > 0 ? 1 : 0;
}

/** The levels before period 0 of outcomes with a change: the baseline's, times each period's seasonal factor. */
function resetLevelHistory(model: CompiledModel, state: RunState): void {
  const { outcomes, periodsPerYear } = model;
  for (let o = 0; o < outcomes.count; o++) {
    if (outcomes.change[o] === CHANGE_LEVEL) continue;
    const seasonalStart = outcomes.seasonalStart[o]!;
    const seasonal = outcomes.seasonalStart[o + 1]! > seasonalStart;
    for (let slot = 0; slot < periodsPerYear; slot++) {
      state.levelHistory[o * periodsPerYear + slot] = outcomes.baselineLevel[o]! * (seasonal ? outcomes.seasonal[seasonalStart + slot]! : 1);
    }
  }
}

/** Lost output in the outcome's unit: share of baseline over `periodsCovered` periods, units, or USD. */
function outputLossIn(model: CompiledModel, unit: number, cell: number, lostUnits: number, periodsCovered: number): number {
  if (unit === UNIT_UNITS) return lostUnits;
  if (unit === UNIT_USD) return lostUnits * model.basePrice[cell % model.G]!;
  const baseline = model.Q0[cell]! * periodsCovered;
  return unit === UNIT_SHARE && baseline > 0 ? lostUnits / baseline : 0;
}

/** A country's account summed over the outcome's goods (`outcomes.list[listStart..listEnd)`), or all goods when it lists none. */
function accountOf(model: CompiledModel, perCell: Float64Array, c: number, listStart: number, listEnd: number): number {
  const { G } = model;
  let sum = 0;
  if (listEnd === listStart) for (let g = 0; g < G; g++) sum += perCell[c * G + g]!;
  else for (let k = listStart; k < listEnd; k++) sum += perCell[c * G + model.outcomes.list[k]!]!;
  return sum;
}

/** Read every outcome off the finished run. */
function finishRun(model: CompiledModel, state: RunState, out: Float64Array): void {
  const { outcomes, G, T } = model;
  const years = T / model.periodsPerYear;
  for (let o = 0; o < outcomes.count; o++) {
    const c = outcomes.country[o]!;
    const listStart = outcomes.listStart[o]!;
    const listEnd = outcomes.listStart[o + 1]!;
    let value = 0;
    const kind = outcomes.kind[o] as OutcomeKindCode;
    switch (kind) {
      case OUTCOME_KIND.gdpLoss: {
        // A loss beyond the country's GDP over the horizon means the indirect multipliers
        // were applied past where the input-output model holds; cap it there.
        const cap = model.gdp[c]! * years;
        value = state.directLoss[c]! + state.indirectLoss[c]!;
        if (value > cap) {
          value = cap;
          state.counters[COUNTER_GDP_LOSS_CAPPED]!++;
        }
        if (outcomes.unit[o] === UNIT_PERCENT_GDP) value = (value / model.gdp[c]!) * 100;
        break;
      }
      case OUTCOME_KIND.valueAddedLoss:
        if (listEnd === listStart) value = state.directLoss[c]!;
        else {
          for (let k = listStart; k < listEnd; k++) {
            const cell = c * G + outcomes.list[k]!;
            value += state.lostUnits[cell]! * state.numbers[model.valueAddedRef[cell]!]!;
          }
        }
        break;
      case OUTCOME_KIND.outputLoss: {
        const cell = c * G + outcomes.good[o]!;
        value = outputLossIn(model, outcomes.unit[o]!, cell, state.lostUnits[cell]!, T);
        break;
      }
      case OUTCOME_KIND.shortfall:
      case OUTCOME_KIND.price:
      case OUTCOME_KIND.trade:
      case OUTCOME_KIND.stock:
        value = outcomes.stat[o] === STAT_MEAN ? state.outcomeAccumulator[o]! / T : state.outcomeAccumulator[o]!;
        break;
      case OUTCOME_KIND.exportRevenueLoss:
        for (let k = listStart; k < listEnd; k++) value += state.lostRevenue[outcomes.list[k]!]!;
        break;
      case OUTCOME_KIND.revenueLoss:
        value = accountOf(model, state.lostSales, c, listStart, listEnd);
        break;
      case OUTCOME_KIND.consumerSurplusLoss:
        value = accountOf(model, state.lostSurplus, c, listStart, listEnd);
        break;
      case OUTCOME_KIND.producerSurplusLoss:
        value = accountOf(model, state.lostProducerSurplus, c, listStart, listEnd);
        break;
      case OUTCOME_KIND.tariffRevenue:
        value = accountOf(model, state.tariffRevenue, c, listStart, listEnd);
        break;
      case OUTCOME_KIND.termsOfTradeLoss:
        value = accountOf(model, state.termsOfTrade, c, listStart, listEnd);
        break;
      case OUTCOME_KIND.importCostIncrease:
        value = accountOf(model, state.importCost, c, listStart, listEnd);
        break;
      case OUTCOME_KIND.ruleFired:
        for (let k = listStart; k < listEnd; k++) if (state.ruleEffect[outcomes.list[k]!]! < T) value = 1;
        break;
      case OUTCOME_KIND.firstFiring:
        value = T;
        for (let k = listStart; k < listEnd; k++) {
          const effect = state.ruleEffect[outcomes.list[k]!]!;
          if (effect < value) value = effect;
        }
        break;
      case OUTCOME_KIND.formula: {
        // formulas read outcomes listed before them, already in `out`
        const formula = outcomes.formulas[o]!;
        for (let v = 0; v < formula.inputs.length; v++) state.formulaVariables[v] = out[formula.inputs[v]!]!;
        value = evaluateFormula(formula.program, state.formulaVariables, state.formulaStack);
        break;
      }
      default:
        assertNever(kind, "outcome kind");
    }
    out[o] = value;
  }
}
