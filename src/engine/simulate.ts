import {
  CONDITION_KIND,
  OUTCOME_KIND,
  SLOT_KIND,
  STAT_FINAL,
  STAT_MAX,
  STAT_MEAN,
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
import { exceedsWithTolerance } from "../schema/balance.js";
import { COUNTER_GDP_LOSS_CAPPED, NEVER, type RunState } from "./state.js";

/** Ramp-up share after `elapsed` periods with time constant `tau`: 1 - exp(-elapsed / tau). */
function ramp(elapsed: number, tau: number): number {
  if (elapsed < 0) return 0;
  return tau <= 0 ? 1 : 1 - Math.exp(-elapsed / tau);
}

/** Round a drawn number of periods to a whole number of periods. */
function periods(x: number): number {
  return Math.round(x);
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
    state.restrictStamp[cell] = 0;
    state.inputShare[cell] = 1;
    state.output[cell] = model.Q0[cell]!;
    state.planShortfall[cell] = 0;
    state.shortfall[cell] = 0;
    state.priceInside[cell] = 1;
    state.lostUnits[cell] = 0;
    state.importCost[cell] = 0;
  }
  state.priceOutside.fill(1);
  for (let g = 0; g < model.G; g++) state.floorDemandRatio[g] = Math.pow(model.priceFloor[g]!, -numbers[model.elasticityRef[g]!]!);
  state.goodStamp.fill(0);
  state.goodShort.fill(0);
  state.goodPlanShort.fill(0);
  state.goodBaseline.fill(1);
  state.shockStart.fill(-1);
  state.flowStamp.fill(0);
  state.tariffStamp.fill(0);
  state.lostRevenue.fill(0);
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
              if (numbers[slots.severityRef[s]!]! < minSeverity) continue;
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
 * share that passes, restricting exporters with their diversion share, taxed flows with
 * their tariff, added capacity, and strategic reserves that come into being.
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
      if (!isActive(state, s, t)) continue;
      const actor = slots.actor[s]!;
      if (slots.disturbs[s]) for (let j = slots.goodStart[s]!; j < slots.goodStart[s + 1]!; j++) state.goodStamp[slots.goods[j]!] = stamp;
      const kind = slots.kind[s] as SlotKind;
      switch (kind) {
        case SLOT_KIND.exportRestriction:
        case SLOT_KIND.importRestriction: {
          const severity = numbers[slots.severityRef[s]!]!;
          const leakage = numbers[slots.leakageRef[s]!]!;
          const premium = numbers[slots.premiumRef[s]!]!;
          for (let j = slots.flowStart[s]!; j < slots.flowStart[s + 1]!; j++) {
            const f = slots.flows[j]!;
            if (state.flowStamp[f] !== stamp) {
              state.flowStamp[f] = stamp;
              state.flowPass[f] = 1;
              state.flowUnrestricted[f] = 1;
              state.flowPremium[f] = 0;
            }
            state.flowPass[f]! *= 1 - severity * (1 - leakage);
            state.flowUnrestricted[f]! *= 1 - severity;
            if (leakage > 0 && premium > state.flowPremium[f]!) state.flowPremium[f] = premium;
          }
          if (kind === SLOT_KIND.exportRestriction && severity * (1 - leakage) > 0) {
            // Only a restriction that blocks something segments the exporter's market.
            const diversion = numbers[slots.diversionRef[s]!]!;
            for (let j = slots.goodStart[s]!; j < slots.goodStart[s + 1]!; j++) {
              const cell = actor * G + slots.goods[j]!;
              if (state.restrictStamp[cell] !== stamp) {
                state.restrictStamp[cell] = stamp;
                state.diversionShare[cell] = 0;
              }
              if (diversion > state.diversionShare[cell]!) state.diversionShare[cell] = diversion;
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
 * Steps 3 to 10 of docs/model.md for each good in topological order: produce (from inputs
 * cleared earlier this period), ship baseline flows through restrictions, substitute from
 * spare capacity and diverted volume, the segmented market of a restricting exporter,
 * re-trade, draw down stocks, clear (shortfall and prices) and account. Each block is
 * labelled with its step; docs/model.md ("One run") gives the order they run in here.
 *
 * Every path runs: V8 optimises this function on the feedback of the runs so far, and a
 * line that has never run, or has seen only whole numbers, throws the optimised code away
 * the first time it runs (or sees a fraction). Compiling it again takes 150 to 200 ms of
 * CPU, and each worker thread did it about 7 times per experiment, on the cores the
 * workers need. So reads happen before the test that decides whether they are used, one
 * store follows a branch rather than one per branch, the reserve draw has no branch, and no
 * `Math.min` result is compared.
 */
function clearGoods(model: CompiledModel, state: RunState, t: number): void {
  // Hoisted once per period, not per good, so the loops below read plain locals (and V8
  // keeps them in registers); a function per good re-read them all 264 times a run (3%).
  const { G, producers, users, U0, H0, Q0, K0, valueAddedRef, flowExporter, flowImporter, flowVolume } = model;
  const { inputStart, inputGood, inputCritical, inputWeightRef, useStart, useCell, usePerUnit } = model;
  const { surgeRef, rampRef, maxDrawShare, indirectMultiplier } = model;
  const { numbers, shortfall, inputShare, output, planShortfall, restrictStamp, diversionShare, priceInside } = state;
  const { capacityStamp, addedCapacity, flowStamp, flowPass, flowUnrestricted, flowPremium, tariffStamp, flowTariff, stock, reserve, reserveRate } = state;
  const { importsArrived, substituted, leakagePremiumVolume, tariffVolume, lostUnits, lostRevenue, directLoss, indirectLoss, importCost } = state;
  const stamp = t + 1;
  const { requirement, demandScale, available, demandOnProducer, fillRate, unmetOrders, sold, lostSales, glut, spare, divertible, gap } = state;
  const { goodOrder, goodInputStart, goodInputs, goodUseStart, goodUses, basePrice, elasticityRef, producerStart, userStart, flowStart } = model;
  const { priceFloor, priceCap, marketIntegrationRef } = model;
  const { goodStamp, goodShort, goodPlanShort, goodBaseline, shockStart, floorDemandRatio, priceOutside } = state;
  for (let order = 0; order < G; order++) {
    const g = goodOrder[order]!;
    const p0 = basePrice[g]!;
    const elasticity = numbers[elasticityRef[g]!]!;
    const pStart = producerStart[g]!;
    const pEnd = producerStart[g + 1]!;
    const uStart = userStart[g]!;
    const uEnd = userStart[g + 1]!;
    const fStart = flowStart[g]!;
    const fEnd = flowStart[g + 1]!;

    // Engine rule 3 (docs/model.md): a calm good (no lever disturbing it, no input short, no
    // downstream producer planning below baseline) clears exactly at the baseline. If it did
    // last period too, its state already holds those values and there is nothing to compute.
    let downstreamPlansLess = false;
    for (let k = goodUseStart[g]!; !downstreamPlansLess && k < goodUseStart[g + 1]!; k++) if (goodPlanShort[goodUses[k]!]) downstreamPlansLess = true;
    let calm = goodStamp[g] !== stamp && !downstreamPlansLess;
    for (let k = goodInputStart[g]!; calm && k < goodInputStart[g + 1]!; k++) if (goodShort[goodInputs[k]!]) calm = false;
    if (calm && goodBaseline[g]) continue;
    let anyShort = 0;
    let anyPlanShort = 0;

    // Step 4, requirement: baseline use, less the inputs downstream producers no longer plan to use
    // (they planned, last period, to make less than baseline for want of buyers, not of inputs)
    for (let u = uStart; u < uEnd; u++) {
      const c = users[u]!;
      const cell = c * G + g;
      let need = U0[cell]!;
      // (every planShortfall read here is 0 unless a good made from this one plans less)
      if (downstreamPlansLess) for (let k = useStart[cell]!; k < useStart[cell + 1]!; k++) need -= usePerUnit[k]! * planShortfall[useCell[k]!]!;
      if (need < 0) need = 0;
      requirement[c] = need;
      const scale = need / U0[cell]!;
      demandScale[c] = scale < 1 ? scale : 1;
      available[c] = 0;
      importsArrived[c] = 0;
      substituted[c] = 0;
      leakagePremiumVolume[c] = 0;
      tariffVolume[c] = 0;
    }

    // Step 3, produce: output share allowed by inputs, y = min over critical inputs (1 - sigma) x (1 - sum of weighted non-critical sigma);
    // with it, step 4's orders on each producer from its home market
    for (let p = pStart; p < pEnd; p++) {
      const c = producers[p]!;
      const cell = c * G + g;
      let critical = 1;
      let nonCritical = 1;
      for (let k = inputStart[cell]!; k < inputStart[cell + 1]!; k++) {
        const sigma = shortfall[c * G + inputGood[k]!]!;
        if (inputCritical[k]) {
          if (1 - sigma < critical) critical = 1 - sigma;
        } else nonCritical -= numbers[inputWeightRef[k]!]! * sigma;
      }
      let y = critical * nonCritical;
      if (y < 0) y = 0;
      inputShare[cell] = y;
      // demand on it from its home market first (flows add theirs below)
      demandOnProducer[c] = 0;
      if (U0[cell]! > 0) demandOnProducer[c]! += H0[cell]! * demandScale[c]!;
      sold[c] = 0;
      lostSales[c] = 0;
      glut[c] = 0;
    }

    // Step 4, orders: demand on each producer from its baseline customers abroad; the share it can
    // serve from output allowed by inputs. Step 5 begins with its domestic sales.
    for (let f = fStart; f < fEnd; f++) {
      const i = flowImporter[f]!;
      // (an importer that uses none of the good has only flows of volume 0)
      demandOnProducer[flowExporter[f]!]! += flowVolume[f]! * demandScale[i]!;
    }
    for (let p = pStart; p < pEnd; p++) {
      const c = producers[p]!;
      const cell = c * G + g;
      const demand = demandOnProducer[c]!;
      const canMake = inputShare[cell]! * Q0[cell]!;
      const short = exceedsWithTolerance(demand, canMake); // within rounding of output counts as served
      fillRate[c] = short ? canMake / demand : 1;
      unmetOrders[c] = short ? demand - canMake : 0;
      if (U0[cell]! > 0) {
        const domestic = H0[cell]! * demandScale[c]! * fillRate[c]!;
        sold[c]! += domestic;
        lostSales[c]! += H0[cell]! - domestic;
        available[c]! += domestic;
      }
    }

    // Step 5, ship: baseline flows through this period's restrictions; blocked volume stays with the exporter
    for (let f = fStart; f < fEnd; f++) {
      const e = flowExporter[f]!;
      const i = flowImporter[f]!;
      const wanted = flowVolume[f]! * demandScale[i]! * fillRate[e]!;
      let arrives = wanted;
      if (flowStamp[f] === stamp) {
        arrives = wanted * flowPass[f]!;
        const leaked = wanted * (flowPass[f]! - flowUnrestricted[f]!);
        leakagePremiumVolume[i]! += leaked * flowPremium[f]!;
        glut[e]! += wanted - arrives;
      }
      if (tariffStamp[f] === stamp) {
        // the duty falls on what arrives directly from the taxed exporter, not on what leaks in through third countries
        const direct = flowStamp[f] === stamp ? wanted * flowUnrestricted[f]! : wanted;
        tariffVolume[i]! += direct * flowTariff[f]!;
      }
      sold[e]! += arrives;
      lostSales[e]! += flowVolume[f]! - arrives;
      available[i]! += arrives;
      importsArrived[i]! += arrives;
      lostRevenue[f]! += (flowVolume[f]! - arrives) * p0;
    }

    // Step 5, gaps before substitution
    let totalGap = 0;
    for (let u = uStart; u < uEnd; u++) {
      const c = users[u]!;
      const shortBy = requirement[c]! - available[c]!;
      gap[c] = shortBy > 0 ? shortBy : 0;
      totalGap += gap[c]!;
    }
    if (totalGap > 0 && shockStart[g]! < 0) shockStart[g] = t;

    // Step 5, substitute: spare capacity of producers not restricting the good, plus volume restricting exporters divert
    if (totalGap > 0) {
      let pool = 0;
      const elapsed = t - shockStart[g]!;
      for (let p = pStart; p < pEnd; p++) {
        const c = producers[p]!;
        const cell = c * G + g;
        spare[c] = 0;
        divertible[c] = 0;
        if (restrictStamp[cell] === stamp) {
          divertible[c] = glut[c]! * diversionShare[cell]!;
          pool += divertible[c]!;
          continue;
        }
        // ramp(elapsed, tau) written out: called, it returned a boxed double where V8 did not inline it
        const tau = numbers[rampRef[cell]!]!;
        const surgeShare = elapsed < 0 ? 0 : tau <= 0 ? 1 : 1 - Math.exp(-elapsed / tau);
        let capacity = K0[cell]! + numbers[surgeRef[cell]!]! * surgeShare;
        // read before the test, and added as 0 when no lever acts: see "Every path runs" above
        const added = addedCapacity[cell]!;
        capacity += capacityStamp[cell] === stamp ? added : 0;
        const free = inputShare[cell]! * capacity - sold[c]!;
        if (free > 0) {
          spare[c] = free;
          pool += free;
        }
      }
      if (pool > 0) {
        // both quotients computed every time, so each has run before V8 optimises (see above)
        const poolShare = pool / totalGap;
        const gapShare = totalGap / pool;
        const fill = pool >= totalGap ? 1 : poolShare;
        const useShare = pool >= totalGap ? gapShare : 1;
        for (let u = uStart; u < uEnd; u++) {
          const c = users[u]!;
          const got = gap[c]! * fill;
          available[c]! += got;
          substituted[c]! += got;
          gap[c]! -= got;
        }
        for (let p = pStart; p < pEnd; p++) {
          const c = producers[p]!;
          const extra = (spare[c]! + divertible[c]!) * useShare;
          sold[c]! += extra;
          lostSales[c]! -= extra;
          glut[c]! -= divertible[c]! * useShare;
        }
      }
    }

    // Step 6, glut: a restricting exporter's domestic price falls until its market absorbs the
    // blocked volume (down to the floor). Then step 10, account: output and value added lost by producers.
    const disturbed = goodStamp[g] === stamp;
    for (let p = pStart; p < pEnd; p++) {
      const c = producers[p]!;
      const cell = c * G + g;
      if (disturbed && restrictStamp[cell] === stamp) {
        const unsold = glut[c]!;
        let inside = 1; // nothing blocked: the segmented home market clears at the base price
        if (unsold > 0) {
          // Home demand at price ratio p is R p^-eps; the glut is absorbed where that equals R + glut,
          // i.e. at p = (1 + glut / R)^(-1/eps), unless that is below the floor, where the home
          // market takes only R (floor^-eps - 1). floor^-eps is fixed for the run (see resetRun).
          const domesticMarket = U0[cell]! > 0 ? requirement[c]! : 0;
          const floor = priceFloor[g]!;
          // 1 / 0 rather than the constant Infinity: V8 boxed the constant on the heap every time
          const swell = domesticMarket > 0 ? 1 + unsold / domesticMarket : 1 / 0;
          let absorbed: number;
          if (swell >= floorDemandRatio[g]!) {
            inside = floor;
            absorbed = domesticMarket * (floorDemandRatio[g]! - 1);
            if (absorbed > unsold) absorbed = unsold;
          } else {
            inside = Math.pow(swell, -1 / elasticity);
            absorbed = unsold;
          }
          if (absorbed > 0) {
            sold[c]! += absorbed;
            lostSales[c]! -= absorbed;
            available[c]! += absorbed;
          }
        }
        priceInside[cell] = inside;
      }
      // Lost output is summed from its parts (each exactly 0 when nothing changed), so an
      // undisturbed world loses exactly nothing rather than rounding noise.
      const lost = lostSales[c]!;
      output[cell] = Q0[cell]! - lost;
      const planned = lost - unmetOrders[c]!;
      planShortfall[cell] = planned;
      if (planned !== 0) anyPlanShort = 1;
      lostUnits[cell]! += lost;
      directLoss[c]! += lost * numbers[valueAddedRef[cell]!]!;
      indirectLoss[c]! += lost * p0 * indirectMultiplier[cell]!;
    }

    // Step 7, re-trade among buyers outside restricting countries: each closes the share kappa of the
    // distance between its availability and the market's average availability ratio
    const kappa = numbers[marketIntegrationRef[g]!]!;
    if (kappa > 0) {
      let pooledAvailable = 0;
      let pooledRequired = 0;
      for (let u = uStart; u < uEnd; u++) {
        const c = users[u]!;
        if (restrictStamp[c * G + g] === stamp) continue;
        pooledAvailable += available[c]!;
        pooledRequired += requirement[c]!;
      }
      if (pooledRequired > 0 && pooledAvailable < pooledRequired) {
        const ratio = pooledAvailable / pooledRequired;
        for (let u = uStart; u < uEnd; u++) {
          const c = users[u]!;
          if (restrictStamp[c * G + g] === stamp) continue;
          const moved = kappa * (ratio * requirement[c]! - available[c]!);
          available[c]! += moved;
          if (moved > 0) substituted[c]! += moved; // bought on the market at its price
        }
      }
    }

    // Step 8, draw down commercial stocks, then strategic reserves, at bounded rates; then step 9,
    // clear: shortfall per user, and the market's availability outside restricting countries
    let marketAvailable = 0;
    let marketRequired = 0;
    for (let u = uStart; u < uEnd; u++) {
      const c = users[u]!;
      const cell = c * G + g;
      const need = requirement[c]!;
      const shortBy = need - available[c]!;
      gap[c] = shortBy > 0 ? shortBy : 0;
      if (gap[c]! > 0) {
        // the least of gap, stock and rate by comparisons, not Math.min: V8 returns a
        // whole-number Math.min as a small integer, so "draw > 0" was optimised for integers
        // and thrown away at the first fractional draw (see "Every path runs" above)
        let draw = gap[c]!;
        const inStock = stock[cell]!;
        if (inStock < draw) draw = inStock;
        const stockRate = maxDrawShare[cell]! * U0[cell]!;
        if (stockRate < draw) draw = stockRate;
        if (draw > 0) {
          stock[cell]! -= draw;
          available[c]! += draw;
          gap[c]! -= draw;
        }
        draw = gap[c]!;
        const inReserve = reserve[cell]!;
        if (inReserve < draw) draw = inReserve;
        const reserveLimit = reserveRate[cell]! * U0[cell]!;
        if (reserveLimit < draw) draw = reserveLimit;
        // no "if (draw > 0)" here: a first draw on a reserve comes late in a run, after V8
        // has optimised, and its lines had never run; draw is 0 or more, and subtracting or
        // adding 0 changes nothing
        reserve[cell]! -= draw;
        available[c]! += draw;
        gap[c]! -= draw;
      }
      let sigma = need > 0 ? 1 - available[c]! / need : 0;
      if (sigma < 0) sigma = 0;
      else if (sigma > 0) anyShort = 1;
      shortfall[cell] = sigma;
      if (restrictStamp[cell] !== stamp) {
        marketAvailable += available[c]!;
        marketRequired += need;
      }
    }
    // Step 9, the price outside restricting countries
    let price = 1;
    if (marketRequired > 0 && marketAvailable < marketRequired) {
      price = Math.pow(marketAvailable / marketRequired, -1 / elasticity);
      const cap = priceCap[g]!; // read before the test, as it is rarely reached (see above)
      if (!(price <= cap)) price = cap;
    }
    priceOutside[g] = price;

    // Step 10, extra cost paid by users: higher prices, leakage premiums, tariffs (nothing to
    // add when no price moved and no lever acted on the good)
    for (let u = disturbed || price !== 1 ? uStart : uEnd; u < uEnd; u++) {
      const c = users[u]!;
      const cell = c * G + g;
      const paid = restrictStamp[cell] === stamp ? priceInside[cell]! : price;
      importCost[cell]! +=
        p0 * ((paid - 1) * (importsArrived[c]! + substituted[c]!) + paid * (leakagePremiumVolume[c]! + tariffVolume[c]!));
    }
    goodShort[g] = anyShort;
    goodPlanShort[g] = anyPlanShort;
    goodBaseline[g] = calm ? 1 : 0;
  }
}

/** The price ratio of good g in country c this period: its own glutted market if it restricts, else the outside market. */
function priceIn(model: CompiledModel, state: RunState, c: number, g: number, t: number): number {
  if (c < 0) return state.priceOutside[g]!;
  const cell = c * model.G + g;
  return state.restrictStamp[cell] === t + 1 ? state.priceInside[cell]! : state.priceOutside[g]!;
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
        value = priceIn(model, state, outcomes.market[o]!, g, t);
        if (outcomes.unit[o] === UNIT_USD) value *= model.basePrice[g]!;
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
      } else if (stat === STAT_FINAL) acc[o] = value;
      else acc[o]! += value; // the mean: summed here, divided by T at the end (a mean of 1s is exactly 1)
    }
    const s = outcomes.seriesIndex[o]!;
    if (s >= 0 && series !== undefined) series[s * T + t] = value;
  }
}

/** Lost output in the outcome's unit: share of baseline over `periodsCovered` periods, units, or USD. */
function outputLossIn(model: CompiledModel, unit: number, cell: number, lostUnits: number, periodsCovered: number): number {
  if (unit === UNIT_UNITS) return lostUnits;
  if (unit === UNIT_USD) return lostUnits * model.basePrice[cell % model.G]!;
  const baseline = model.Q0[cell]! * periodsCovered;
  return unit === UNIT_SHARE && baseline > 0 ? lostUnits / baseline : 0;
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
        value = outcomes.stat[o] === STAT_MEAN ? state.outcomeAccumulator[o]! / T : state.outcomeAccumulator[o]!;
        break;
      case OUTCOME_KIND.exportRevenueLoss:
        for (let k = listStart; k < listEnd; k++) value += state.lostRevenue[outcomes.list[k]!]!;
        break;
      case OUTCOME_KIND.importCostIncrease:
        if (listEnd === listStart) for (let g = 0; g < G; g++) value += state.importCost[c * G + g]!;
        else for (let k = listStart; k < listEnd; k++) value += state.importCost[c * G + outcomes.list[k]!]!;
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
