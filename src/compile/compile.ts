import type { FormulaProgram } from "../formula/program.js";
import { leontiefInverse, technicalCoefficients } from "../input-output/index.js";
import { createDistribution } from "../random/index.js";
import type { Lever, RuleAction } from "../schema/levers.js";
import type { OutcomeDefinition } from "../schema/outcomes.js";
import type { Rule } from "../schema/rules.js";
import { PERIODS_PER_YEAR } from "../schema/periods.js";
import type { Scenario } from "../schema/scenario.js";
import {
  CONDITION_PERIOD,
  CONDITION_DRAW,
  CONDITION_PRICE,
  CONDITION_RESTRICTION,
  CONDITION_SHORTFALL,
  OUTCOME_EXPORT_REVENUE_LOSS,
  OUTCOME_FIRST_FIRING,
  OUTCOME_FORMULA,
  OUTCOME_GDP_LOSS,
  OUTCOME_GDP_LOSS_PERCENT,
  OUTCOME_IMPORT_COST,
  OUTCOME_OUTPUT_LOSS,
  OUTCOME_PRICE,
  OUTCOME_RULE_FIRED,
  OUTCOME_SHORTFALL,
  OUTCOME_VALUE_ADDED_LOSS,
  SLOT_CAPACITY,
  SLOT_EXPORT,
  SLOT_IMPORT,
  SLOT_STOCKPILE,
  STAT_FINAL,
  STAT_MAX,
  STAT_MEAN,
  UNIT_RATIO,
  UNIT_SHARE,
  UNIT_UNITS,
  UNIT_USD,
  type CompiledModel,
  type OutcomeInfo,
  type OutcomeTable,
  type PolicyTable,
  type RuleTable,
  type SlotTable,
} from "./model.js";
import { NumberTableBuilder } from "./numbers.js";

/** CSR (compressed sparse rows) builder: rows appended in order. */
class Csr {
  readonly start: number[] = [0];
  readonly items: number[] = [];
  push(items: Iterable<number>): void {
    for (const item of items) this.items.push(item);
    this.start.push(this.items.length);
  }
}

/**
 * Compiles a formula outcome's expression over its variables' names: mathjs on the main
 * thread (src/compile/compile-scenario.ts); in a worker thread, a look-up of the programs
 * the main thread compiled, so that workers never load mathjs.
 */
export type FormulaCompiler = (expression: string, variables: readonly string[]) => FormulaProgram;

/**
 * Compile a validated scenario into flat arrays for the engine, its formulas with
 * `compileFormula`. Runs once per experiment; everything expensive (orderings,
 * input-output inverses) happens here. The scenario must come from `parseScenario`
 * (references are assumed valid).
 */
export function compileModel(scenario: Scenario, compileFormula: FormulaCompiler): CompiledModel {
  const { world } = scenario;
  const countryIds = world.countries.map((c) => c.id);
  const goodIds = world.goods.map((g) => g.id);
  const C = countryIds.length;
  const G = goodIds.length;
  const T = scenario.horizon;
  const periodsPerYear = PERIODS_PER_YEAR[scenario.period];
  const countryIndex = new Map(countryIds.map((id, i) => [id, i]));
  const goodIndex = new Map(goodIds.map((id, i) => [id, i]));
  const ci = (id: string) => countryIndex.get(id)!;
  const gi = (id: string) => goodIndex.get(id)!;
  const paramIndex = new Map(scenario.uncertainties.map((u, i) => [u.name, i]));
  const numbers = new NumberTableBuilder(paramIndex);

  // --- goods -------------------------------------------------------------------------
  const basePrice = Float64Array.from(world.goods, (g) => g.basePrice);
  const priceCap = Float64Array.from(world.goods, (g) => g.priceCap);
  const priceFloor = Float64Array.from(world.goods, (g) => g.priceFloor);
  const elasticityRef = Int32Array.from(world.goods, (g) => numbers.add(g.demandElasticity, 1));
  const marketIntegrationRef = Int32Array.from(world.goods, (g) => numbers.add(g.marketIntegration, 0));
  const goodOrder = topologicalOrder(G, world.recipes.map((r) => ({ output: gi(r.output), inputs: r.inputs.map((x) => gi(x.good)) })));

  // --- cells ---------------------------------------------------------------------------
  const cells = C * G;
  const Q0 = new Float64Array(cells);
  const K0 = new Float64Array(cells);
  const valueAddedRef = new Int32Array(cells);
  const surgeRef = new Int32Array(cells);
  const rampRef = new Int32Array(cells);
  const zeroRef = numbers.add(0, 0);
  surgeRef.fill(zeroRef);
  valueAddedRef.fill(zeroRef);
  rampRef.fill(zeroRef);
  const isProducer = new Uint8Array(cells);
  for (const entry of world.production) {
    const cell = ci(entry.country) * G + gi(entry.good);
    Q0[cell] = entry.output;
    K0[cell] = entry.capacity ?? entry.output;
    valueAddedRef[cell] = numbers.add(entry.valueAddedPerUnit, 0);
    surgeRef[cell] = numbers.add(entry.surgeCapacity, 0);
    rampRef[cell] = numbers.add(entry.rampPeriods, 0);
    isProducer[cell] = 1;
  }
  // A country that may expand capacity of a good produces it from then on.
  const expansions = [
    ...scenario.policies.flatMap((p) => p.levers),
    ...scenario.rules.map((r) => ({ ...r.action, actor: r.agent })),
    ...scenario.policies.flatMap((p) => p.rules.map((r) => ({ ...r.action, actor: r.agent }))),
  ];
  for (const lever of expansions) {
    if (lever.type === "capacityExpansion") isProducer[ci(lever.actor) * G + gi(lever.good)] = 1;
  }
  // An exporter is a producer even when its output rounds to zero.
  for (const flow of world.flows) isProducer[ci(flow.exporter) * G + gi(flow.good)] = 1;

  // flows sorted by good, then in declaration order
  const flowOrder = world.flows.map((_, i) => i).sort((a, b) => gi(world.flows[a]!.good) - gi(world.flows[b]!.good) || a - b);
  const F = flowOrder.length;
  const flowExporter = new Int32Array(F);
  const flowImporter = new Int32Array(F);
  const flowVolume = new Float64Array(F);
  const flowSource = Int32Array.from(flowOrder);
  const flowStart = new Int32Array(G + 1);
  const exports = new Float64Array(cells);
  flowOrder.forEach((source, f) => {
    const flow = world.flows[source]!;
    const e = ci(flow.exporter);
    const i = ci(flow.importer);
    const g = gi(flow.good);
    flowExporter[f] = e;
    flowImporter[f] = i;
    flowVolume[f] = flow.volume;
    flowStart[g + 1]!++;
    exports[e * G + g]! += flow.volume;
  });
  for (let g = 0; g < G; g++) flowStart[g + 1]! += flowStart[g]!;

  // U0 is summed in the order the engine sums what arrives (domestic sales, then flows in
  // sorted order), so an undisturbed run reproduces it bit for bit and shows no shortfall.
  const H0 = new Float64Array(cells);
  const U0 = new Float64Array(cells);
  for (let cell = 0; cell < cells; cell++) {
    H0[cell] = Math.max(0, Q0[cell]! - exports[cell]!);
    U0[cell] = H0[cell]!;
  }
  for (let f = 0; f < F; f++) U0[flowImporter[f]! * G + gi(world.flows[flowSource[f]!]!.good)]! += flowVolume[f]!;

  const coverRef = new Int32Array(cells).fill(zeroRef);
  const maxDrawShare = new Float64Array(cells).fill(1);
  for (const stock of world.stocks) {
    const cell = ci(stock.country) * G + gi(stock.good);
    coverRef[cell] = numbers.add(stock.coverMonths, 0);
    maxDrawShare[cell] = stock.maxDrawShare;
  }

  const producers = new Csr();
  const users = new Csr();
  for (let g = 0; g < G; g++) {
    const rowProducers: number[] = [];
    const rowUsers: number[] = [];
    for (let c = 0; c < C; c++) {
      if (isProducer[c * G + g]) rowProducers.push(c);
      if (U0[c * G + g]! > 0) rowUsers.push(c);
    }
    producers.push(rowProducers);
    users.push(rowUsers);
  }

  // recipes per producing cell; intermediate uses per cell
  const inputs = new Csr();
  const inputPerUnit: number[] = [];
  const inputCritical: number[] = [];
  const inputWeightRef: number[] = [];
  const usesByCell: { cell: number; perUnit: number }[][] = Array.from({ length: cells }, () => []);
  for (let c = 0; c < C; c++) {
    for (let g = 0; g < G; g++) {
      const cell = c * G + g;
      const recipe = isProducer[cell]
        ? (world.recipes.find((r) => r.output === goodIds[g] && r.country === countryIds[c]) ??
          world.recipes.find((r) => r.output === goodIds[g] && r.country === undefined))
        : undefined;
      const row: number[] = [];
      for (const input of recipe?.inputs ?? []) {
        const h = gi(input.good);
        row.push(h);
        inputPerUnit.push(input.perUnit);
        inputCritical.push(input.critical ? 1 : 0);
        inputWeightRef.push(input.critical ? zeroRef : numbers.add(input.weight, 0.5));
        usesByCell[c * G + h]!.push({ cell, perUnit: input.perUnit });
      }
      inputs.push(row);
    }
  }
  const inputSets = Array.from({ length: G }, () => new Set<number>());
  const useSets = Array.from({ length: G }, () => new Set<number>());
  for (let c = 0; c < C; c++) {
    for (let h = 0; h < G; h++) {
      const cell = c * G + h;
      for (let k = inputs.start[cell]!; k < inputs.start[cell + 1]!; k++) {
        inputSets[h]!.add(inputs.items[k]!);
        useSets[inputs.items[k]!]!.add(h);
      }
    }
  }
  const goodInputs = new Csr();
  const goodUses = new Csr();
  for (let g = 0; g < G; g++) {
    goodInputs.push([...inputSets[g]!].sort((a, b) => a - b));
    goodUses.push([...useSets[g]!].sort((a, b) => a - b));
  }
  const usesCsr = new Csr();
  const usePerUnit: number[] = [];
  for (const uses of usesByCell) {
    usesCsr.push(uses.map((u) => u.cell));
    for (const u of uses) usePerUnit.push(u.perUnit);
  }

  // indirect value-added multipliers from national input-output tables
  const indirectMultiplier = new Float64Array(cells);
  for (const table of world.inputOutput) {
    const A = technicalCoefficients(table.Z, table.x);
    const L = leontiefInverse(A);
    const n = table.sectors.length;
    const v = table.x.map((x, j) => {
      if (x === 0) return 0;
      const va = table.valueAdded?.[j] ?? x - table.Z.reduce((sum, row) => sum + row[j]!, 0);
      return va / x;
    });
    const c = ci(table.country);
    for (const [goodId, sector] of Object.entries(table.goodSectors)) {
      const j = table.sectors.indexOf(sector);
      let total = 0;
      for (let i = 0; i < n; i++) total += v[i]! * L[i]![j]!;
      indirectMultiplier[c * G + gi(goodId)] = total - v[j]!;
    }
  }

  // --- slots and rules -------------------------------------------------------------------
  const slotBuilder = new SlotBuilder(C, numbers, flowStart, flowExporter, flowImporter);
  const ruleBuilder = new RuleBuilder(C, G, scenario.uncertainties.length, numbers, paramIndex);
  const policySlots = new Csr();
  const policyRules = new Csr();
  const ruleInstancesByName = new Map<string, number[]>();

  const addRule = (rule: Rule): number[] => {
    const instances = ruleBuilder.add(rule, slotBuilder, ci, gi);
    ruleInstancesByName.set(rule.name, instances);
    return instances;
  };
  const globalInstances = scenario.rules.map(addRule);
  for (const policy of scenario.policies) {
    policySlots.push(policy.levers.map((lever) => slotBuilder.addLever(lever, ci(lever.actor), -1, undefined, ci, gi)));
    const disabled = new Set(policy.disableRules);
    const active = scenario.rules.flatMap((rule, r) => (disabled.has(rule.name) ? [] : globalInstances[r]!));
    for (const rule of policy.rules) active.push(...addRule(rule));
    policyRules.push(active);
  }
  const policyNames = scenario.policies.map((p) => p.name);
  const policies: PolicyTable = {
    names: policyNames,
    descriptions: scenario.policies.map((p) => p.description),
    baseline: scenario.baselinePolicy === undefined ? 0 : policyNames.indexOf(scenario.baselinePolicy),
    slotStart: Int32Array.from(policySlots.start),
    slots: Int32Array.from(policySlots.items),
    ruleStart: Int32Array.from(policyRules.start),
    rules: Int32Array.from(policyRules.items),
  };

  const outcomes = compileOutcomes(scenario, ci, gi, flowSource, ruleInstancesByName, compileFormula);
  const rules = ruleBuilder.build();

  return {
    scenario,
    countryIds,
    goodIds,
    C,
    G,
    T,
    periodsPerYear,
    maxEscalationDepth: scenario.maxEscalationDepth,
    goodOrder,
    gdp: Float64Array.from(world.countries, (c) => c.gdp),
    basePrice,
    priceCap,
    priceFloor,
    elasticityRef,
    Q0,
    K0,
    valueAddedRef,
    marketIntegrationRef,
    H0,
    U0,
    coverRef,
    maxDrawShare,
    surgeRef,
    rampRef,
    indirectMultiplier,
    producerStart: Int32Array.from(producers.start),
    producers: Int32Array.from(producers.items),
    userStart: Int32Array.from(users.start),
    users: Int32Array.from(users.items),
    flowStart,
    flowExporter,
    flowImporter,
    flowVolume,
    flowSource,
    inputStart: Int32Array.from(inputs.start),
    inputGood: Int32Array.from(inputs.items),
    inputPerUnit: Float64Array.from(inputPerUnit),
    inputCritical: Uint8Array.from(inputCritical),
    inputWeightRef: Int32Array.from(inputWeightRef),
    goodInputStart: Int32Array.from(goodInputs.start),
    goodInputs: Int32Array.from(goodInputs.items),
    goodUseStart: Int32Array.from(goodUses.start),
    goodUses: Int32Array.from(goodUses.items),
    useStart: Int32Array.from(usesCsr.start),
    useCell: Int32Array.from(usesCsr.items),
    usePerUnit: Float64Array.from(usePerUnit),
    numbers: numbers.build(),
    uncertainties: scenario.uncertainties.map((u) => ({ name: u.name, distribution: createDistribution(u.distribution) })),
    randomDimensions: scenario.uncertainties.length + rules.count,
    slots: slotBuilder.build(),
    rules,
    policies,
    outcomes,
  };
}

/** Kahn's algorithm over the recipe graph; ties broken by declaration order so the order is stable. */
function topologicalOrder(G: number, recipes: readonly { output: number; inputs: readonly number[] }[]): Int32Array {
  const indegree = new Int32Array(G);
  const consumers: number[][] = Array.from({ length: G }, () => []);
  const seen = new Set<string>();
  for (const recipe of recipes) {
    for (const input of recipe.inputs) {
      const edge = `${input}>${recipe.output}`;
      if (seen.has(edge)) continue;
      seen.add(edge);
      consumers[input]!.push(recipe.output);
      indegree[recipe.output]!++;
    }
  }
  const order: number[] = [];
  const ready: number[] = [];
  for (let g = 0; g < G; g++) if (indegree[g] === 0) ready.push(g);
  while (ready.length > 0) {
    ready.sort((a, b) => a - b);
    const g = ready.shift()!;
    order.push(g);
    for (const h of consumers[g]!) if (--indegree[h]! === 0) ready.push(h);
  }
  if (order.length !== G) throw new Error("internal: recipe cycle passed validation");
  return Int32Array.from(order);
}

type Resolve = (id: string) => number;

class SlotBuilder {
  private readonly kind: number[] = [];
  private readonly actor: number[] = [];
  private readonly rule: number[] = [];
  private readonly startRef: number[] = [];
  private readonly durationRef: number[] = [];
  private readonly severityRef: number[] = [];
  private readonly leakageRef: number[] = [];
  private readonly premiumRef: number[] = [];
  private readonly diversionRef: number[] = [];
  private readonly amountRef: number[] = [];
  private readonly rateRef: number[] = [];
  private readonly goods = new Csr();
  private readonly flows = new Csr();
  private readonly masks: Uint8Array[] = [];

  constructor(
    private readonly C: number,
    private readonly numbers: NumberTableBuilder,
    private readonly flowStart: Int32Array,
    private readonly flowExporter: Int32Array,
    private readonly flowImporter: Int32Array,
  ) {}

  /**
   * Add a lever. `trigger` is the country a `triggering` target resolves to (rule instances).
   * Returns the slot index.
   */
  addLever(lever: Lever | RuleAction, actor: number, rule: number, trigger: number | undefined, ci: Resolve, gi: Resolve): number {
    const slot = this.kind.length;
    const { C, numbers } = this;
    const none = numbers.add(0, 0);
    this.actor.push(actor);
    this.rule.push(rule);
    this.startRef.push("start" in lever ? numbers.add(lever.start, 0) : none);
    const mask = new Uint8Array(C);
    let goods: number[];
    switch (lever.type) {
      case "exportRestriction":
      case "importRestriction": {
        this.kind.push(lever.type === "exportRestriction" ? SLOT_EXPORT : SLOT_IMPORT);
        this.durationRef.push(lever.duration === undefined ? -1 : numbers.add(lever.duration, 0));
        this.severityRef.push(numbers.add(lever.severity, 1));
        this.leakageRef.push(numbers.add(lever.leakage, 0));
        this.premiumRef.push(numbers.add(lever.leakagePremium, 0));
        this.diversionRef.push(lever.type === "exportRestriction" ? numbers.add(lever.diversion, 0) : none);
        this.amountRef.push(none);
        this.rateRef.push(none);
        const targets = lever.type === "exportRestriction" ? lever.targets : lever.sources;
        if (targets === "all") mask.fill(1);
        else if (targets === "triggering") mask[trigger!] = 1;
        else for (const id of targets) mask[ci(id)] = 1;
        mask[actor] = 0;
        goods = lever.goods.map(gi);
        break;
      }
      case "stockpileRelease":
        this.kind.push(SLOT_STOCKPILE);
        this.durationRef.push(-1);
        this.severityRef.push(none);
        this.leakageRef.push(none);
        this.premiumRef.push(none);
        this.diversionRef.push(none);
        this.amountRef.push(numbers.add(lever.coverMonths, 0));
        this.rateRef.push(numbers.add(lever.maxReleaseShare, 1));
        goods = lever.goods.map(gi);
        break;
      case "capacityExpansion":
        this.kind.push(SLOT_CAPACITY);
        this.durationRef.push(-1);
        this.severityRef.push(none);
        this.leakageRef.push(none);
        this.premiumRef.push(none);
        this.diversionRef.push(none);
        this.amountRef.push(numbers.add(lever.capacity, 0));
        this.rateRef.push(numbers.add(lever.rampPeriods, 0));
        goods = [gi(lever.good)];
        break;
    }
    goods = [...new Set(goods)].sort((a, b) => a - b);
    this.goods.push(goods);
    this.masks.push(mask);
    const affected: number[] = [];
    const kind = this.kind[slot];
    if (kind === SLOT_EXPORT || kind === SLOT_IMPORT) {
      for (const g of goods) {
        for (let f = this.flowStart[g]!; f < this.flowStart[g + 1]!; f++) {
          const e = this.flowExporter[f]!;
          const i = this.flowImporter[f]!;
          if (kind === SLOT_EXPORT ? e === actor && mask[i] : i === actor && mask[e]) affected.push(f);
        }
      }
    }
    this.flows.push(affected);
    return slot;
  }

  build(): SlotTable {
    const count = this.kind.length;
    const targetMask = new Uint8Array(count * this.C);
    this.masks.forEach((mask, slot) => targetMask.set(mask, slot * this.C));
    return {
      count,
      kind: Uint8Array.from(this.kind),
      actor: Int32Array.from(this.actor),
      rule: Int32Array.from(this.rule),
      startRef: Int32Array.from(this.startRef),
      durationRef: Int32Array.from(this.durationRef),
      severityRef: Int32Array.from(this.severityRef),
      leakageRef: Int32Array.from(this.leakageRef),
      premiumRef: Int32Array.from(this.premiumRef),
      diversionRef: Int32Array.from(this.diversionRef),
      amountRef: Int32Array.from(this.amountRef),
      rateRef: Int32Array.from(this.rateRef),
      goodStart: Int32Array.from(this.goods.start),
      goods: Int32Array.from(this.goods.items),
      targetMask,
      flowStart: Int32Array.from(this.flows.start),
      flows: Int32Array.from(this.flows.items),
    };
  }
}

class RuleBuilder {
  private readonly names: string[] = [];
  private readonly agent: number[] = [];
  private readonly probabilityRef: number[] = [];
  private readonly delayRef: number[] = [];
  private readonly slot: number[] = [];
  private readonly conditionStart: number[] = [0];
  private readonly kind: number[] = [];
  private readonly lever: number[] = [];
  private readonly minSeverity: number[] = [];
  private readonly value: number[] = [];
  private readonly upper: number[] = [];
  private readonly param: number[] = [];
  private readonly good: number[] = [];
  private readonly from: number[] = [];
  private readonly until: number[] = [];
  private readonly byMasks: Uint8Array[] = [];
  private readonly againstMasks: Uint8Array[] = [];
  private readonly goodsMasks: Uint8Array[] = [];

  constructor(
    private readonly C: number,
    private readonly G: number,
    private readonly uncertaintyCount: number,
    private readonly numbers: NumberTableBuilder,
    private readonly paramIndex: ReadonlyMap<string, number>,
  ) {}

  /** Add a rule; returns the indices of its instances (one per triggering country when it targets `triggering`). */
  add(rule: Rule, slots: SlotBuilder, ci: Resolve, gi: Resolve): number[] {
    const agent = ci(rule.agent);
    const targets = rule.action.type === "exportRestriction" ? rule.action.targets : rule.action.type === "importRestriction" ? rule.action.sources : undefined;
    const firstRestriction = rule.when.findIndex((c) => c.kind === "restriction");
    let triggers: (number | undefined)[] = [undefined];
    if (targets === "triggering") {
      const condition = rule.when[firstRestriction]!;
      const candidates = condition.kind === "restriction" && condition.by !== undefined ? condition.by.map(ci) : Array.from({ length: this.C }, (_, c) => c);
      triggers = [...new Set(candidates)].filter((c) => c !== agent).sort((a, b) => a - b);
    }
    const instances: number[] = [];
    for (const trigger of triggers) {
      const instance = this.names.length;
      instances.push(instance);
      this.names.push(rule.name);
      this.agent.push(agent);
      this.probabilityRef.push(this.numbers.add(rule.probability, 1));
      this.delayRef.push(this.numbers.add(rule.delay, 0));
      this.slot.push(slots.addLever(rule.action, agent, instance, trigger, ci, gi));
      rule.when.forEach((condition, index) => {
        const byMask = new Uint8Array(this.C);
        const againstMask = new Uint8Array(this.C);
        const goodsMask = new Uint8Array(this.G);
        let kind = 0;
        let lever = -1;
        let minSeverity = 0;
        let value = 0;
        let upper = Infinity;
        let param = -1;
        let good = -1;
        let from = 0;
        let until = 2 ** 30;
        switch (condition.kind) {
          case "restriction":
            kind = CONDITION_RESTRICTION;
            if (index === firstRestriction && trigger !== undefined) byMask[trigger] = 1;
            else if (condition.by === undefined) byMask.fill(1);
            else for (const id of condition.by) byMask[ci(id)] = 1;
            if (condition.against === undefined) againstMask.fill(1);
            else if (condition.against === "self") againstMask[agent] = 1;
            else for (const id of condition.against) againstMask[ci(id)] = 1;
            if (condition.goods === undefined) goodsMask.fill(1);
            else for (const id of condition.goods) goodsMask[gi(id)] = 1;
            lever = condition.lever === undefined ? -1 : condition.lever === "exportRestriction" ? SLOT_EXPORT : SLOT_IMPORT;
            minSeverity = condition.minSeverity;
            break;
          case "shortfall":
            kind = CONDITION_SHORTFALL;
            for (const id of condition.goods) goodsMask[gi(id)] = 1;
            value = condition.above;
            break;
          case "period":
            kind = CONDITION_PERIOD;
            from = condition.from ?? 0;
            until = condition.until ?? 2 ** 30;
            break;
          case "price":
            kind = CONDITION_PRICE;
            good = gi(condition.good);
            value = condition.above;
            break;
          case "draw":
            kind = CONDITION_DRAW;
            param = this.paramIndex.get(condition.param)!;
            value = condition.above ?? -Infinity;
            upper = condition.below ?? Infinity;
            break;
        }
        this.kind.push(kind);
        this.lever.push(lever);
        this.minSeverity.push(minSeverity);
        this.value.push(value);
        this.upper.push(upper);
        this.param.push(param);
        this.good.push(good);
        this.from.push(from);
        this.until.push(until);
        this.byMasks.push(byMask);
        this.againstMasks.push(againstMask);
        this.goodsMasks.push(goodsMask);
      });
      this.conditionStart.push(this.kind.length);
    }
    return instances;
  }

  build(): RuleTable {
    const count = this.names.length;
    const conditions = this.kind.length;
    const concat = (masks: Uint8Array[], width: number) => {
      const out = new Uint8Array(conditions * width);
      masks.forEach((mask, i) => out.set(mask, i * width));
      return out;
    };
    return {
      count,
      names: this.names,
      agent: Int32Array.from(this.agent),
      probabilityRef: Int32Array.from(this.probabilityRef),
      delayRef: Int32Array.from(this.delayRef),
      slot: Int32Array.from(this.slot),
      uniformDimension: Int32Array.from({ length: count }, (_, r) => this.uncertaintyCount + r),
      conditionStart: Int32Array.from(this.conditionStart),
      conditionKind: Uint8Array.from(this.kind),
      conditionLever: Int8Array.from(this.lever),
      conditionMinSeverity: Float64Array.from(this.minSeverity),
      conditionValue: Float64Array.from(this.value),
      conditionUpper: Float64Array.from(this.upper),
      conditionParam: Int32Array.from(this.param),
      conditionGood: Int32Array.from(this.good),
      conditionFrom: Int32Array.from(this.from),
      conditionUntil: Int32Array.from(this.until),
      conditionByMask: concat(this.byMasks, this.C),
      conditionAgainstMask: concat(this.againstMasks, this.C),
      conditionGoodsMask: concat(this.goodsMasks, this.G),
    };
  }
}

/** The outcomes to record: the scenario's own, or GDP loss per country when it lists none. */
export function outcomeDefinitions(scenario: Scenario): OutcomeDefinition[] {
  if (scenario.outcomes.length > 0) return scenario.outcomes;
  return scenario.world.countries.flatMap((c): OutcomeDefinition[] => [
    { kind: "gdpLoss", name: `gdpLoss:${c.id}`, country: c.id, unit: "USD" },
    { kind: "gdpLoss", name: `gdpLossPercent:${c.id}`, country: c.id, unit: "percentGdp" },
  ]);
}

function compileOutcomes(
  scenario: Scenario,
  ci: Resolve,
  gi: Resolve,
  flowSource: Int32Array,
  ruleInstancesByName: ReadonlyMap<string, number[]>,
  compileFormula: FormulaCompiler,
): OutcomeTable {
  const definitions = outcomeDefinitions(scenario);
  const n = definitions.length;
  const kind = new Uint8Array(n);
  const country = new Int32Array(n).fill(-1);
  const good = new Int32Array(n).fill(-1);
  const stat = new Uint8Array(n);
  const unit = new Uint8Array(n);
  const market = new Int32Array(n).fill(-1);
  const seriesIndex = new Int32Array(n).fill(-1);
  const lists = new Csr();
  const info: OutcomeInfo[] = [];
  const goodsById = new Map(scenario.world.goods.map((g) => [g.id, g]));
  let seriesCount = 0;
  const periodWord = scenario.period;
  const formulas: ({ program: FormulaProgram; inputs: Int32Array } | undefined)[] = new Array(n).fill(undefined);
  let formulaVariables = 0;
  let formulaStack = 0;

  definitions.forEach((d, o) => {
    let unitText = "";
    let description = d.description ?? "";
    let list: number[] = [];
    let series = false;
    const goodsList = (ids: readonly string[] | undefined) => (ids === undefined ? [] : ids.map(gi));
    switch (d.kind) {
      case "gdpLoss":
        kind[o] = d.unit === "USD" ? OUTCOME_GDP_LOSS : OUTCOME_GDP_LOSS_PERCENT;
        country[o] = ci(d.country);
        unitText = d.unit === "USD" ? "USD" : "% of annual GDP";
        description ||= `GDP loss of ${d.country} over the horizon (direct and indirect value added)`;
        break;
      case "valueAddedLoss":
        kind[o] = OUTCOME_VALUE_ADDED_LOSS;
        country[o] = ci(d.country);
        list = goodsList(d.goods);
        unitText = "USD";
        description ||= `Direct value added lost in ${d.country}${d.goods ? ` (${d.goods.join(", ")})` : ""}`;
        break;
      case "outputLoss":
        kind[o] = OUTCOME_OUTPUT_LOSS;
        country[o] = ci(d.country);
        good[o] = gi(d.good);
        unit[o] = d.unit === "share" ? UNIT_SHARE : d.unit === "units" ? UNIT_UNITS : UNIT_USD;
        unitText = d.unit === "share" ? "share of baseline output" : d.unit === "units" ? goodsById.get(d.good)!.unit : "USD";
        series = d.series;
        description ||= `Lost output of ${d.good} in ${d.country} over the horizon`;
        break;
      case "shortfall":
        kind[o] = OUTCOME_SHORTFALL;
        country[o] = ci(d.country);
        good[o] = gi(d.good);
        stat[o] = d.stat === "max" ? STAT_MAX : STAT_MEAN;
        unitText = "share of requirement";
        series = d.series;
        description ||= `${d.stat === "max" ? "Largest" : "Mean"} shortfall of ${d.good} in ${d.country} per ${periodWord}`;
        break;
      case "price":
        kind[o] = OUTCOME_PRICE;
        good[o] = gi(d.good);
        stat[o] = d.stat === "max" ? STAT_MAX : d.stat === "mean" ? STAT_MEAN : STAT_FINAL;
        unit[o] = d.unit === "ratio" ? UNIT_RATIO : UNIT_USD;
        market[o] = d.market === "outside" ? -1 : ci(d.market.inside);
        unitText = d.unit === "ratio" ? "x base price" : `USD per ${goodsById.get(d.good)!.unit}`;
        series = d.series;
        description ||= `${d.stat === "max" ? "Peak" : d.stat === "mean" ? "Mean" : "Final"} price of ${d.good} ${d.market === "outside" ? "outside restricting countries" : `inside ${d.market.inside}`}`;
        break;
      case "exportRevenueLoss": {
        kind[o] = OUTCOME_EXPORT_REVENUE_LOSS;
        country[o] = ci(d.country);
        const goodSet = d.goods === undefined ? undefined : new Set(d.goods);
        const toSet = d.to === undefined ? undefined : new Set(d.to);
        flowSource.forEach((source, f) => {
          const flow = scenario.world.flows[source]!;
          if (flow.exporter === d.country && (goodSet === undefined || goodSet.has(flow.good)) && (toSet === undefined || toSet.has(flow.importer))) list.push(f);
        });
        unitText = "USD";
        description ||= `Export revenue lost by ${d.country}${d.goods ? ` on ${d.goods.join(", ")}` : ""}${d.to ? ` to ${d.to.join(", ")}` : ""} (volumes at base prices)`;
        break;
      }
      case "importCostIncrease":
        kind[o] = OUTCOME_IMPORT_COST;
        country[o] = ci(d.country);
        list = goodsList(d.goods);
        unitText = "USD";
        description ||= `Extra cost of ${d.country}'s purchases from abroad at higher prices`;
        break;
      case "formula": {
        kind[o] = OUTCOME_FORMULA;
        const names = Object.keys(d.variables);
        const program = compileFormula(d.expression, names);
        const inputs = Int32Array.from(names, (name) => definitions.findIndex((other) => other.name === d.variables[name]));
        formulas[o] = { program, inputs };
        formulaVariables = Math.max(formulaVariables, inputs.length);
        formulaStack = Math.max(formulaStack, program.stackSize);
        unitText = d.unit;
        description ||= `${d.expression} (${Object.entries(d.variables).map(([v, name]) => `${v} = ${name}`).join(", ")})`;
        break;
      }
      case "ruleFired":
      case "firstFiring":
        kind[o] = d.kind === "ruleFired" ? OUTCOME_RULE_FIRED : OUTCOME_FIRST_FIRING;
        list = d.rules.flatMap((name) => ruleInstancesByName.get(name)!);
        unitText = d.kind === "ruleFired" ? "probability" : `${periodWord} (0-based; ${scenario.horizon} = not within the horizon)`;
        description ||=
          d.kind === "ruleFired"
            ? `1 when any of ${d.rules.join(", ")} took effect within the horizon`
            : `First ${periodWord} in which any of ${d.rules.join(", ")} took effect`;
        break;
    }
    if (series) seriesIndex[o] = seriesCount++;
    lists.push(list);
    info.push({ name: d.name, unit: unitText, description, thresholds: d.thresholds ?? [], series });
  });
  return {
    count: n,
    info,
    kind,
    country,
    good,
    stat,
    unit,
    market,
    seriesIndex,
    listStart: Int32Array.from(lists.start),
    list: Int32Array.from(lists.items),
    seriesCount,
    formulas,
    formulaVariables,
    formulaStack,
  };
}
