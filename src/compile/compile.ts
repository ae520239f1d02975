import type { FormulaProgram } from "../formula/program.js";
import { indirectMultipliers } from "./indirect-multipliers.js";
import { createDistribution } from "../random/index.js";
import { conditionKind, triggeringCountries, type Selection } from "../conditions/index.js";
import { aimsAtTriggering, leverKind } from "../levers/index.js";
import { outcomeKind, type OutcomeCompileContext } from "../outcomes/index.js";
import type { Lever, RuleAction } from "../schema/levers.js";
import type { CompileContext } from "./compile-context.js";
import type { OutcomeDefinition } from "../schema/outcomes.js";
import type { Rule } from "../schema/rules.js";
import { PERIODS_PER_YEAR } from "../schema/periods.js";
import { recipeLookup } from "../schema/recipe-lookup.js";
import { sectorValueAdded } from "../schema/sector-value-added.js";
import type { Scenario } from "../schema/scenario.js";
import {
  CHANGE_LEVEL,
  CONDITION_KIND,
  OUTCOME_KIND,
  PART_LEAKED,
  SLOT_KIND,
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
  const goodDemandElasticityRef = Int32Array.from(world.goods, (g) => numbers.add(g.demandElasticity, 1));
  const substitutionRef = Int32Array.from(world.goods, (g) => numbers.add(g.substitutionElasticity, 4));
  const goodSupplyElasticityRef = Int32Array.from(world.goods, (g) => numbers.add(g.supplyElasticity, 0.3));
  const goodOrder = topologicalOrder(G, world.recipes.map((r) => ({ output: gi(r.output), inputs: r.inputs.map((x) => gi(x.good)) })));

  // --- cells ---------------------------------------------------------------------------
  const cells = C * G;
  const Q0 = new Float64Array(cells);
  const K0 = new Float64Array(cells);
  const valueAddedRef = new Int32Array(cells);
  const surgeRef = new Int32Array(cells);
  const rampRef = new Int32Array(cells);
  const restartLagRef = new Int32Array(cells);
  const supplyElasticityRef = new Int32Array(cells);
  const demandElasticityRef = new Int32Array(cells);
  for (let cell = 0; cell < cells; cell++) {
    supplyElasticityRef[cell] = goodSupplyElasticityRef[cell % G]!;
    demandElasticityRef[cell] = goodDemandElasticityRef[cell % G]!;
  }
  for (const entry of world.demand) demandElasticityRef[ci(entry.country) * G + gi(entry.good)] = numbers.add(entry.demandElasticity, 1);
  const zeroRef = numbers.add(0, 0);
  const domesticPriceRef = new Int32Array(cells).fill(numbers.add(1, 1));
  surgeRef.fill(zeroRef);
  valueAddedRef.fill(zeroRef);
  rampRef.fill(zeroRef);
  restartLagRef.fill(zeroRef);
  const isProducer = new Uint8Array(cells);
  for (const entry of world.production) {
    const cell = ci(entry.country) * G + gi(entry.good);
    Q0[cell] = entry.output;
    K0[cell] = entry.capacity ?? entry.output;
    valueAddedRef[cell] = numbers.add(entry.valueAddedPerUnit, 0);
    surgeRef[cell] = numbers.add(entry.surgeCapacity, 0);
    rampRef[cell] = numbers.add(entry.rampPeriods, 0);
    restartLagRef[cell] = numbers.add(entry.restartLag, 0);
    if (entry.supplyElasticity !== undefined) supplyElasticityRef[cell] = numbers.add(entry.supplyElasticity, 0.3);
    if (entry.domesticPriceRatio !== undefined) domesticPriceRef[cell] = numbers.add(entry.domesticPriceRatio, 1);
    isProducer[cell] = 1;
  }
  // A country that may pull a lever that makes it produce a good (capacity expansion) produces it from then on.
  const actions: { actor: string; lever: Lever | RuleAction }[] = [
    ...scenario.policies.flatMap((p) => p.levers.map((lever) => ({ actor: lever.actor, lever }))),
    ...[...scenario.rules, ...scenario.policies.flatMap((p) => p.rules)].map((r) => ({ actor: r.agent, lever: r.action })),
  ];
  for (const { actor, lever } of actions) {
    const good = leverKind(lever.type).produces?.(lever);
    if (good !== undefined) isProducer[ci(actor) * G + gi(good)] = 1;
  }
  // An exporter is a producer even when its output rounds to zero.
  for (const flow of world.flows) isProducer[ci(flow.exporter) * G + gi(flow.good)] = 1;

  // flows sorted by good, then in declaration order
  const flowOrder = world.flows.map((_, i) => i).sort((a, b) => gi(world.flows[a]!.good) - gi(world.flows[b]!.good) || a - b);
  const declaredFlows = flowOrder.length;
  let flowExporter = new Int32Array(declaredFlows);
  let flowImporter = new Int32Array(declaredFlows);
  let flowVolume = new Float64Array(declaredFlows);
  let flowSource = Int32Array.from(flowOrder);
  let flowStart = new Int32Array(G + 1);
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

  // U0: domestic sales, then flows in sorted order.
  const H0 = new Float64Array(cells);
  const U0 = new Float64Array(cells);
  let newSupplierShare = new Float64Array(declaredFlows);
  for (let cell = 0; cell < cells; cell++) {
    H0[cell] = Math.max(0, Q0[cell]! - exports[cell]!);
    U0[cell] = H0[cell]!;
  }
  for (let f = 0; f < declaredFlows; f++) U0[flowImporter[f]! * G + gi(world.flows[flowSource[f]!]!.good)]! += flowVolume[f]!;

  const coverRef = new Int32Array(cells).fill(zeroRef);
  const targetRef = new Int32Array(cells).fill(zeroRef);
  const restockRef = new Int32Array(cells).fill(numbers.add(3, 3));
  const precautionRef = new Int32Array(cells).fill(numbers.add(1, 1));
  const maxDrawShare = new Float64Array(cells).fill(Infinity);
  for (const stock of world.stocks) {
    const cell = ci(stock.country) * G + gi(stock.good);
    coverRef[cell] = numbers.add(stock.coverMonths, 0);
    targetRef[cell] = stock.targetMonths === undefined ? coverRef[cell]! : numbers.add(stock.targetMonths, 0);
    restockRef[cell] = numbers.add(stock.restockMonths, 3);
    precautionRef[cell] = numbers.add(stock.precautionMonths, 1);
    maxDrawShare[cell] = stock.maxDrawShare ?? Infinity;
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

  // new suppliers (docs/model.md, step 5): where a good allows them, a flow of volume 0 from
  // each producer (with baseline output) to each user that does not buy from it, after the
  // good's declared flows; flowSource -1. Its route's weight is lambda times the producer's
  // share of world output (newSupplierShare; lambda is drawn per run).
  const newSupplierWeightRef = new Int32Array(G).fill(-1);
  const newSupplierPremiumRef = new Int32Array(G).fill(-1);
  const newSupplierQualificationRef = new Int32Array(G).fill(-1);
  world.goods.forEach((good, g) => {
    if (good.newSuppliers === undefined) return;
    newSupplierWeightRef[g] = numbers.add(good.newSuppliers.weight, 0);
    newSupplierPremiumRef[g] = numbers.add(good.newSuppliers.premium, 0);
    newSupplierQualificationRef[g] = numbers.add(good.newSuppliers.qualificationPeriods, 0);
  });
  {
    const exporter: number[] = [];
    const importer: number[] = [];
    const volume: number[] = [];
    const source: number[] = [];
    const share: number[] = [];
    const start = [0];
    for (let g = 0; g < G; g++) {
      for (let f = flowStart[g]!; f < flowStart[g + 1]!; f++) {
        exporter.push(flowExporter[f]!);
        importer.push(flowImporter[f]!);
        volume.push(flowVolume[f]!);
        source.push(flowSource[f]!);
        share.push(0);
      }
      if (newSupplierWeightRef[g]! >= 0) {
        let worldOutput = 0;
        for (let k = producers.start[g]!; k < producers.start[g + 1]!; k++) worldOutput += Q0[producers.items[k]! * G + g]!;
        for (let k = users.start[g]!; k < users.start[g + 1]!; k++) {
          const c = users.items[k]!;
          for (let j = producers.start[g]!; j < producers.start[g + 1]!; j++) {
            const o = producers.items[j]!;
            if (o === c || !(Q0[o * G + g]! > 0)) continue;
            let trades = false;
            for (let f = flowStart[g]!; f < flowStart[g + 1]!; f++) if (flowExporter[f] === o && flowImporter[f] === c && flowVolume[f]! > 0) trades = true;
            if (trades) continue;
            exporter.push(o);
            importer.push(c);
            volume.push(0);
            source.push(-1);
            share.push(Q0[o * G + g]! / worldOutput);
          }
        }
      }
      start.push(exporter.length);
    }
    flowExporter = Int32Array.from(exporter);
    flowImporter = Int32Array.from(importer);
    flowVolume = Float64Array.from(volume);
    flowSource = Int32Array.from(source);
    flowStart = Int32Array.from(start);
    newSupplierShare = Float64Array.from(share);
  }

  // recipes per producing cell; intermediate uses per cell
  const inputs = new Csr();
  const inputPerUnit: number[] = [];
  const inputCritical: number[] = [];
  const inputWeightRef: number[] = [];
  const usesByCell: { cell: number; perUnit: number; critical: boolean }[][] = Array.from({ length: cells }, () => []);
  const recipeFor = recipeLookup(world.recipes);
  for (let c = 0; c < C; c++) {
    for (let g = 0; g < G; g++) {
      const cell = c * G + g;
      const recipe = isProducer[cell]
        ? recipeFor(goodIds[g]!, countryIds[c]!)
        : undefined;
      const row: number[] = [];
      for (const input of recipe?.inputs ?? []) {
        const h = gi(input.good);
        row.push(h);
        inputPerUnit.push(input.perUnit);
        inputCritical.push(input.critical ? 1 : 0);
        inputWeightRef.push(input.critical ? zeroRef : numbers.add(input.weight, 0.5));
        usesByCell[c * G + h]!.push({ cell, perUnit: input.perUnit, critical: input.critical });
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
  const useCritical: number[] = [];
  for (const uses of usesByCell) {
    usesCsr.push(uses.map((u) => u.cell));
    for (const u of uses) {
      usePerUnit.push(u.perUnit);
      useCritical.push(u.critical ? 1 : 0);
    }
  }

  // routes of each buyer (CSR by position in \`users\`): from its own producers (weight H0/U0,
  // if it sells at home), then each flow into it (weight F0/U0): docs/model.md, step 5
  const routes = new Csr();
  const routeFlow: number[] = [];
  // each route's shipping lag: its flow's, else its good's; home routes none
  const routeLag: number[] = [];
  const routeWeight: number[] = [];
  let maxProducers = 0;
  let maxUsers = 0;
  let maxRoutes = 0;
  for (let g = 0; g < G; g++) {
    const producerRow = producers.items.slice(producers.start[g]!, producers.start[g + 1]!);
    const userRow = users.items.slice(users.start[g]!, users.start[g + 1]!);
    maxProducers = Math.max(maxProducers, producerRow.length);
    maxUsers = Math.max(maxUsers, userRow.length);
    let routesOfGood = 0;
    for (const c of userRow) {
      const cell = c * G + g;
      const origins: number[] = [];
      const home = producerRow.indexOf(c);
      if (home >= 0 && H0[cell]! > 0) {
        origins.push(home);
        routeFlow.push(-1);
        routeLag.push(0);
        routeWeight.push(H0[cell]! / U0[cell]!);
      }
      for (let f = flowStart[g]!; f < flowStart[g + 1]!; f++) {
        if (flowImporter[f] !== c) continue;
        const fromNewSupplier = flowSource[f]! < 0;
        if (!fromNewSupplier && !(flowVolume[f]! > 0)) continue;
        origins.push(producerRow.indexOf(flowExporter[f]!));
        routeFlow.push(f);
        routeLag.push(fromNewSupplier ? world.goods[g]!.shippingPeriods : (world.flows[flowSource[f]!]!.shippingPeriods ?? world.goods[g]!.shippingPeriods));
        // a new supplier's route: lambda (drawn per run) times this share
        routeWeight.push(fromNewSupplier ? newSupplierShare[f]! : flowVolume[f]! / U0[cell]!);
      }
      routes.push(origins);
      routesOfGood += origins.length;
    }
    maxRoutes = Math.max(maxRoutes, routesOfGood);
  }

  // indirect value-added multipliers from national input-output tables: the sectors goods
  // map to are modelled, the rest respond (a mixed model; src/compile/indirect-multipliers.ts)
  const indirectMultiplier = new Float64Array(cells);
  const forwardMultiplier = new Float64Array(cells);
  for (const table of world.inputOutput) {
    const modelled = table.sectors.map((sector) => Object.values(table.goodSectors).includes(sector));
    const valueAdded = table.x.map((_, j) => sectorValueAdded(table, j));
    const { backward, forward } = indirectMultipliers(table.Z, table.x, valueAdded, modelled, table.exports);
    const c = ci(table.country);
    for (const [goodId, sector] of Object.entries(table.goodSectors)) {
      const j = table.sectors.indexOf(sector);
      indirectMultiplier[c * G + gi(goodId)] = backward[j]!;
      if (table.supplyDriven) forwardMultiplier[c * G + gi(goodId)] = forward[j]!;
    }
  }

  // --- slots and rules -------------------------------------------------------------------
  const context: CompileContext = { C, G, country: ci, good: gi, number: (value, fallback) => numbers.add(value, fallback) };
  const slotBuilder = new SlotBuilder(context, flowStart, flowExporter, flowImporter);
  const ruleBuilder = new RuleBuilder(context, countryIds, scenario.uncertainties.length, paramIndex);
  const policySlots = new Csr();
  const policyRules = new Csr();
  const ruleInstancesByName = new Map<string, number[]>();

  // a name may stand for a rule of several policies: an outcome naming it counts every copy,
  // and only the active policy's can fire
  const addRule = (rule: Rule): number[] => {
    const instances = ruleBuilder.add(rule, slotBuilder);
    ruleInstancesByName.set(rule.name, [...(ruleInstancesByName.get(rule.name) ?? []), ...instances]);
    return instances;
  };
  const globalInstances = scenario.rules.map(addRule);
  for (const policy of scenario.policies) {
    policySlots.push(policy.levers.map((lever) => slotBuilder.addLever(lever, ci(lever.actor), -1, undefined)));
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

  const outcomes = compileOutcomes(scenario, context, { flowStart, flowExporter, flowImporter, flowVolume, basePrice }, ruleInstancesByName, compileFormula);
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
    substitutionRef,
    supplyElasticityRef,
    Q0,
    K0,
    valueAddedRef,
    H0,
    E0: exports,
    U0,
    demandElasticityRef,
    domesticPriceRef,
    coverRef,
    targetRef,
    restockRef,
    precautionRef,
    flowGood: flowGoodOf(flowStart),
    maxDrawShare,
    surgeRef,
    rampRef,
    restartLagRef,
    indirectMultiplier,
    forwardMultiplier,
    producerStart: Int32Array.from(producers.start),
    producers: Int32Array.from(producers.items),
    userStart: Int32Array.from(users.start),
    users: Int32Array.from(users.items),
    flowStart,
    flowExporter,
    flowImporter,
    flowVolume,
    flowSource,
    newSupplierWeightRef,
    newSupplierPremiumRef,
    newSupplierQualificationRef,
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
    useCritical: Uint8Array.from(useCritical),
    routeStart: Int32Array.from(routes.start),
    routeOrigin: Int32Array.from(routes.items),
    routeFlow: Int32Array.from(routeFlow),
    routeLag: Int32Array.from(routeLag),
    maxShippingLag: routeLag.reduce((most, lag) => Math.max(most, lag), 0),
    routeWeight: Float64Array.from(routeWeight),
    maxProducers,
    maxUsers,
    maxRoutes,
    numbers: numbers.build(),
    ...compileUncertainties(scenario),
    randomDimensions: scenario.uncertainties.length + rules.count,
    slots: slotBuilder.build(),
    rules,
    policies,
    outcomes,
  };
}

/**
 * The uncertainties' distributions and the joint draws: an uncertainty drawn jointly gets
 * the marginal of the draws as its distribution (so that whatever reads a distribution,
 * such as a report's ranges, sees the posterior), and the rows go to `joint`.
 */
function compileUncertainties(scenario: Scenario): Pick<CompiledModel, "uncertainties" | "joint"> {
  const posterior = scenario.posterior;
  const uncertainties = scenario.uncertainties.map((u) => ({ name: u.name, distribution: createDistribution(u.distribution) }));
  if (posterior === undefined) return { uncertainties, joint: undefined };
  const rows = posterior.draws.length;
  const K = posterior.parameters.length;
  const weights = posterior.weights ?? new Array<number>(rows).fill(1);
  const dimensions = Int32Array.from(posterior.parameters, (name) => uncertainties.findIndex((u) => u.name === name));
  posterior.parameters.forEach((_, k) => {
    uncertainties[dimensions[k]!] = {
      name: posterior.parameters[k]!,
      distribution: createDistribution({ type: "categorical", values: posterior.draws.map((row) => row[k]!), weights }),
    };
  });
  const cumulative = new Float64Array(rows);
  let sum = 0;
  for (let r = 0; r < rows; r++) cumulative[r] = sum += weights[r]!;
  for (let r = 0; r < rows; r++) cumulative[r] = cumulative[r]! / sum;
  cumulative[rows - 1] = 1;
  const values = new Float64Array(rows * K);
  posterior.draws.forEach((row, r) => values.set(row, r * K));
  return { uncertainties, joint: { dimensions, cumulative, values } };
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


class SlotBuilder {
  private readonly kind: number[] = [];
  private readonly restricts: number[] = [];
  private readonly disturbs: number[] = [];
  private readonly actor: number[] = [];
  private readonly rule: number[] = [];
  private readonly startRef: number[] = [];
  private readonly durationRef: number[] = [];
  private readonly severityRef: number[] = [];
  private readonly leakageRef: number[] = [];
  private readonly premiumRef: number[] = [];
  private readonly leakageLagRef: number[] = [];
  private readonly leakageRampRef: number[] = [];
  private readonly leakageCapacityRef: number[] = [];
  private readonly announcedRef: number[] = [];
  private readonly schedule = new Csr();
  private readonly scheduleSeverityRef: number[] = [];
  private readonly licensed: number[] = [];
  private readonly reviewMinRef: number[] = [];
  private readonly reviewMaxRef: number[] = [];
  private readonly initialApprovalRef: number[] = [];
  private readonly finalApprovalRef: number[] = [];
  private readonly approvalRecoveryRef: number[] = [];
  private readonly stockpileShareRef: number[] = [];
  private readonly amountRef: number[] = [];
  private readonly rateRef: number[] = [];
  private readonly goods = new Csr();
  private readonly flows = new Csr();
  private readonly masks: Uint8Array[] = [];

  constructor(
    private readonly context: CompileContext,
    private readonly flowStart: Int32Array,
    private readonly flowExporter: Int32Array,
    private readonly flowImporter: Int32Array,
  ) {}

  /**
   * Add a lever: its kind's module compiles it (src/levers); the flows it acts on follow
   * from the kind's trade side. `trigger` is the country a `triggering` target resolves to
   * (rule instances). Returns the slot index.
   */
  addLever(lever: Lever | RuleAction, actor: number, rule: number, trigger: number | undefined): number {
    const slot = this.kind.length;
    const { context } = this;
    const kind = leverKind(lever.type);
    const spec = kind.compile(lever, context);
    const none = context.number(0, 0);
    this.kind.push(SLOT_KIND[lever.type]);
    this.restricts.push(kind.trade?.restricts === true ? 1 : 0);
    this.disturbs.push(kind.actsOnlyInShortage === true ? 0 : 1);
    this.actor.push(actor);
    this.rule.push(rule);
    this.startRef.push("start" in lever ? context.number(lever.start, 0) : none);
    this.durationRef.push(spec.durationRef ?? -1);
    this.severityRef.push(spec.severityRef ?? none);
    this.leakageRef.push(spec.leakageRef ?? none);
    this.premiumRef.push(spec.premiumRef ?? none);
    this.leakageLagRef.push(spec.leakageLagRef ?? none);
    this.leakageRampRef.push(spec.leakageRampRef ?? none);
    this.leakageCapacityRef.push(spec.leakageCapacityRef ?? context.number(1, 1));
    this.announcedRef.push(spec.announcedRef ?? none);
    const steps = spec.schedule ?? [];
    this.schedule.push(steps.map((step) => step.after));
    this.scheduleSeverityRef.push(...steps.map((step) => step.severityRef));
    const licensing = spec.licensing;
    this.licensed.push(licensing === undefined ? 0 : 1);
    this.reviewMinRef.push(licensing?.reviewMinRef ?? none);
    this.reviewMaxRef.push(licensing?.reviewMaxRef ?? none);
    this.initialApprovalRef.push(licensing?.initialApprovalRef ?? none);
    this.finalApprovalRef.push(licensing?.finalApprovalRef ?? none);
    this.approvalRecoveryRef.push(licensing?.approvalRecoveryRef ?? none);
    this.stockpileShareRef.push(spec.stockpileShareRef ?? none);
    this.amountRef.push(spec.amountRef ?? none);
    this.rateRef.push(spec.rateRef ?? none);
    const goods = [...new Set(spec.goods)].sort((a, b) => a - b);
    this.goods.push(goods);
    const mask = new Uint8Array(context.C);
    const affected: number[] = [];
    if (kind.trade !== undefined) {
      const partners = kind.trade.partners(lever);
      if (partners === "all") mask.fill(1);
      else if (partners === "triggering") mask[trigger!] = 1;
      else for (const id of partners) mask[context.country(id)] = 1;
      mask[actor] = 0;
      const onExports = kind.trade.side === "exports";
      for (const g of goods) {
        for (let f = this.flowStart[g]!; f < this.flowStart[g + 1]!; f++) {
          const e = this.flowExporter[f]!;
          const i = this.flowImporter[f]!;
          if (onExports ? e === actor && mask[i] : i === actor && mask[e]) affected.push(f);
        }
      }
    }
    this.masks.push(mask);
    this.flows.push(affected);
    return slot;
  }

  build(): SlotTable {
    const count = this.kind.length;
    const C = this.context.C;
    const targetMask = new Uint8Array(count * C);
    this.masks.forEach((mask, slot) => targetMask.set(mask, slot * C));
    return {
      count,
      kind: Uint8Array.from(this.kind),
      restricts: Uint8Array.from(this.restricts),
      disturbs: Uint8Array.from(this.disturbs),
      actor: Int32Array.from(this.actor),
      rule: Int32Array.from(this.rule),
      startRef: Int32Array.from(this.startRef),
      durationRef: Int32Array.from(this.durationRef),
      severityRef: Int32Array.from(this.severityRef),
      leakageRef: Int32Array.from(this.leakageRef),
      premiumRef: Int32Array.from(this.premiumRef),
      leakageLagRef: Int32Array.from(this.leakageLagRef),
      leakageRampRef: Int32Array.from(this.leakageRampRef),
      leakageCapacityRef: Int32Array.from(this.leakageCapacityRef),
      announcedRef: Int32Array.from(this.announcedRef),
      scheduleStart: Int32Array.from(this.schedule.start),
      scheduleAfter: Int32Array.from(this.schedule.items),
      scheduleSeverityRef: Int32Array.from(this.scheduleSeverityRef),
      licensed: Uint8Array.from(this.licensed),
      reviewMinRef: Int32Array.from(this.reviewMinRef),
      reviewMaxRef: Int32Array.from(this.reviewMaxRef),
      initialApprovalRef: Int32Array.from(this.initialApprovalRef),
      finalApprovalRef: Int32Array.from(this.finalApprovalRef),
      approvalRecoveryRef: Int32Array.from(this.approvalRecoveryRef),
      stockpileShareRef: Int32Array.from(this.stockpileShareRef),
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
    private readonly context: CompileContext,
    private readonly countryIds: readonly string[],
    private readonly uncertaintyCount: number,
    private readonly paramIndex: ReadonlyMap<string, number>,
  ) {}

  /**
   * Add a rule; returns the indices of its instances (one per country that could trigger
   * it when its action aims at `triggering`). Each condition is compiled by its kind's
   * module (src/conditions).
   */
  add(rule: Rule, slots: SlotBuilder): number[] {
    const { context } = this;
    const agent = context.country(rule.agent);
    const firstRestriction = rule.when.findIndex((c) => c.kind === "restriction");
    const triggers: (number | undefined)[] = aimsAtTriggering(rule.action) ? triggeringCountries(rule, this.countryIds).map(context.country) : [undefined];
    const instances: number[] = [];
    for (const trigger of triggers) {
      const instance = this.names.length;
      instances.push(instance);
      this.names.push(rule.name);
      this.agent.push(agent);
      this.probabilityRef.push(context.number(rule.probability, 1));
      this.delayRef.push(context.number(rule.delay, 0));
      this.slot.push(slots.addLever(rule.action, agent, instance, trigger));
      rule.when.forEach((condition, index) => {
        const spec = conditionKind(condition.kind).compile(condition, {
          ...context,
          agent,
          trigger: index === firstRestriction ? trigger : undefined,
          uncertainty: (name) => this.paramIndex.get(name)!,
        });
        this.kind.push(CONDITION_KIND[condition.kind]);
        this.lever.push(spec.lever ?? -1);
        this.minSeverity.push(spec.minSeverity ?? 0);
        this.value.push(spec.value ?? 0);
        this.upper.push(spec.upper ?? Infinity);
        this.param.push(spec.param ?? -1);
        this.good.push(spec.good ?? -1);
        this.from.push(spec.from ?? 0);
        this.until.push(spec.until ?? 2 ** 30);
        this.byMasks.push(mask(context.C, spec.by));
        this.againstMasks.push(mask(context.C, spec.against));
        this.goodsMasks.push(mask(context.G, spec.goods));
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
      masks.forEach((m, i) => out.set(m, i * width));
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
      conditionByMask: concat(this.byMasks, this.context.C),
      conditionAgainstMask: concat(this.againstMasks, this.context.C),
      conditionGoodsMask: concat(this.goodsMasks, this.context.G),
    };
  }
}

/** A mask of `width` bytes: 1 at each selected index (every index for `all`); all 0 when nothing is selected. */
function mask(width: number, selection: Selection | undefined): Uint8Array {
  const out = new Uint8Array(width);
  if (selection === "all") out.fill(1);
  else if (selection !== undefined) for (const index of selection) out[index] = 1;
  return out;
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
  context: CompileContext,
  {
    flowStart,
    flowExporter,
    flowImporter,
    flowVolume,
    basePrice: basePrices,
  }: { readonly flowStart: Int32Array; readonly flowExporter: Int32Array; readonly flowImporter: Int32Array; readonly flowVolume: Float64Array; readonly basePrice: Float64Array },
  ruleInstancesByName: ReadonlyMap<string, number[]>,
  compileFormula: FormulaCompiler,
): OutcomeTable {
  const definitions = outcomeDefinitions(scenario);
  const n = definitions.length;
  const kind = new Uint8Array(n);
  const wholeValued = new Uint8Array(n);
  const country = new Int32Array(n).fill(-1);
  const good = new Int32Array(n).fill(-1);
  const stat = new Uint8Array(n);
  const unit = new Uint8Array(n);
  const market = new Int32Array(n).fill(-1);
  const part = new Uint8Array(n);
  const change = new Uint8Array(n);
  const seasonalStart = [0];
  const seasonal: number[] = [];
  const baselineLevel = new Float64Array(n);
  const seriesIndex = new Int32Array(n).fill(-1);
  const lists = new Csr();
  const info: OutcomeInfo[] = [];
  const units = new Map(scenario.world.goods.map((g) => [g.id, g.unit]));
  const outcomeIndex = new Map<string, number>();
  definitions.forEach((d, o) => {
    if (!outcomeIndex.has(d.name)) outcomeIndex.set(d.name, o);
  });
  const outcomeContext: OutcomeCompileContext = {
    ...context,
    period: scenario.period,
    periodsPerYear: PERIODS_PER_YEAR[scenario.period],
    horizon: scenario.horizon,
    unitOf: (id) => units.get(id)!,
    flows: (keep) => {
      const kept: number[] = [];
      // declared flows and new suppliers' flows alike
      for (let g = 0; g < flowStart.length - 1; g++) {
        const good = scenario.world.goods[g]!.id;
        for (let f = flowStart[g]!; f < flowStart[g + 1]!; f++) {
          const exporter = scenario.world.countries[flowExporter[f]!]!.id;
          const importer = scenario.world.countries[flowImporter[f]!]!.id;
          if (keep({ exporter, importer, good })) kept.push(f);
        }
      }
      return kept;
    },
    // none for a rule of a game's option: it applies only when the game is analysed
    ruleInstances: (name) => ruleInstancesByName.get(name) ?? [],
    outcomeIndex: (name) => outcomeIndex.get(name)!,
    hasInputOutputTable: (country) => scenario.world.inputOutput.some((table) => table.country === country),
    formula: compileFormula,
  };
  let seriesCount = 0;
  const formulas: ({ program: FormulaProgram; inputs: Int32Array } | undefined)[] = new Array(n).fill(undefined);
  let formulaVariables = 0;
  let formulaStack = 0;

  definitions.forEach((d, o) => {
    const module = outcomeKind(d.kind);
    const spec = module.compile(d, outcomeContext);
    kind[o] = OUTCOME_KIND[d.kind];
    wholeValued[o] = module.wholeValued ? 1 : 0;
    country[o] = spec.country ?? -1;
    good[o] = spec.good ?? -1;
    stat[o] = spec.stat ?? 0;
    unit[o] = spec.unit ?? 0;
    market[o] = spec.market ?? -1;
    part[o] = spec.part ?? 0;
    change[o] = spec.change ?? CHANGE_LEVEL;
    seasonal.push(...(spec.seasonal ?? []));
    seasonalStart.push(seasonal.length);
    // trade: what the flows carry at the baseline (the level before the first period)
    if (kind[o] === OUTCOME_KIND.trade && part[o] !== PART_LEAKED) {
      for (const f of spec.list ?? []) baselineLevel[o]! += flowVolume[f]! * (unit[o] === UNIT_USD ? basePrices[good[o]!]! : 1);
    }
    const series = spec.series === true;
    if (series && !module.perPeriod) throw new Error(`internal error: outcome kind "${d.kind}" asks for a series but the engine computes it only at the end of a run`);
    if (series) seriesIndex[o] = seriesCount++;
    lists.push(spec.list ?? []);
    if (spec.formula !== undefined) {
      formulas[o] = spec.formula;
      formulaVariables = Math.max(formulaVariables, spec.formula.inputs.length);
      formulaStack = Math.max(formulaStack, spec.formula.program.stackSize);
    }
    info.push({ name: d.name, unit: spec.unitText, description: d.description || spec.description, thresholds: d.thresholds ?? [], series });
  });
  return {
    count: n,
    info,
    kind,
    wholeValued,
    country,
    good,
    stat,
    unit,
    market,
    part,
    change,
    seasonalStart: Int32Array.from(seasonalStart),
    seasonal: Float64Array.from(seasonal),
    baselineLevel,
    seriesIndex,
    listStart: Int32Array.from(lists.start),
    list: Int32Array.from(lists.items),
    seriesCount,
    formulas,
    formulaVariables,
    formulaStack,
  };
}

/** The good of each flow, from the flows' CSR by good. */
function flowGoodOf(flowStart: Int32Array): Int32Array {
  const good = new Int32Array(flowStart[flowStart.length - 1]!);
  for (let g = 0; g + 1 < flowStart.length; g++) good.fill(g, flowStart[g]!, flowStart[g + 1]!);
  return good;
}
