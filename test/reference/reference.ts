// A REFERENCE implementation of the model in docs/model.md, rules included, written the
// way most would first write it: objects per country and good, Maps keyed by names, arrays
// of flow objects, mathjs matrices for the per-period vector and matrix steps, a fresh
// object per period. No typed arrays.
//
// It exists for two reasons: to check the engine (src/engine/simulate.ts) against an
// independent reading of docs/model.md (test/reference/agreement.ts, run by `npm test`: the
// outcomes agree to a relative 1e-9), and as the baseline the engine has to beat
// (bench/run.ts, section 4).
// It is deliberately not optimised, but not deliberately slow either: flows are grouped by
// good once, recipes are looked up once, and nothing is recomputed that the model does not
// ask for.
import { dotDivide, dotMultiply, identity, inv, map, matrix, multiply, parse, subtract, sum, type Matrix, type MathNode } from "mathjs";
import type { Scenario } from "../../src/index.js";

type UncertainNumber = number | { readonly param: string };
type Lever = Scenario["policies"][number]["levers"][number];
type Rule = Scenario["rules"][number];
type Condition = Rule["when"][number];
type OutcomeDefinition = Scenario["outcomes"][number];

/** A rule's action as a lever: the rule's agent acts; `triggering` targets resolve to `trigger`. */
type RuleLever = Rule["action"] & { readonly actor: string };

/**
 * One instance of a rule (docs/model.md, step 1): a rule whose action targets `triggering`
 * has one per country that could trigger it. `index` numbers the instances over the whole
 * scenario (scenario-wide rules, then each policy's own, in order): the run's uniform for
 * the instance is the one after the uncertainties' draws at that position.
 */
interface RuleInstance {
  readonly index: number;
  readonly rule: Rule;
  readonly trigger: string | undefined;
}

/** What one period's levers set (a fresh object per period). */
interface PeriodState {
  readonly t: number;
  readonly flowRestriction: Map<FlowObject, { pass: number; unrestricted: number; premium: number }>;
  /** `${country}|${good}` -> diversion share of a restricting exporter */
  readonly restricting: Map<string, number>;
  /** The sum of the tariffs on a flow. */
  readonly flowTariff: Map<FlowObject, number>;
  readonly addedCapacity: Map<string, number>;
  readonly requirement: Map<string, Map<string, number>>;
}

/** What step 1 reads in period t: the levers acting so far and the state after t-1. */
interface DecisionView {
  readonly t: number;
  readonly levers: readonly ActingLever[];
  readonly state: Map<string, Map<string, CellState>>;
  readonly priceOutside: ReadonlyMap<string, number>;
  readonly value: (x: UncertainNumber | undefined, fallback: number) => number;
  readonly parameters: ReadonlyMap<string, number>;
}

/** A lever acting in a run: a policy's (depth 0, known from the start) or a fired rule's. */
interface ActingLever {
  readonly lever: Lever | RuleLever;
  readonly trigger: string | undefined;
  readonly start: number;
  readonly end: number;
  readonly depth: number;
}

const PERIODS_PER_YEAR: Record<string, number> = { month: 12, quarter: 4, year: 1 };
/** Demand within this relative (and absolute) margin of what a producer can make counts as served: docs/model.md step 4. */
const TOLERANCE = 1e-9;

interface FlowObject {
  readonly exporter: string;
  readonly importer: string;
  readonly good: string;
  readonly volume: number;
  /** Position in world.flows. */
  readonly index: number;
}

interface RecipeInput {
  readonly good: string;
  readonly perUnit: number;
  readonly critical: boolean;
  readonly weight: UncertainNumber;
}

interface Baseline {
  /** Baseline output, capacity, domestic sales, total use. */
  readonly Q0: number;
  readonly K0: number;
  readonly H0: number;
  readonly U0: number;
  readonly producer: boolean;
  readonly valueAdded: UncertainNumber;
  readonly surge: UncertainNumber;
  readonly ramp: UncertainNumber;
  readonly recipe: readonly RecipeInput[];
  readonly coverMonths: UncertainNumber;
  readonly maxDrawShare: number;
  /** Indirect value added lost per USD of lost output (type-I multiplier less the direct coefficient). */
  readonly indirectMultiplier: number;
}

/** What one run keeps from period to period, per country and good. */
interface CellState {
  stock: number;
  reserve: number;
  reserveRate: number;
  shortfall: number;
  planShortfall: number;
  output: number;
  priceInside: number;
  lostUnits: number;
  importCost: number;
}

/** One run's outcome values and per-period series, by outcome name. */
export interface ReferenceRun {
  readonly outcomes: Record<string, number>;
  readonly series: Record<string, number[]>;
}

function ramp(elapsed: number, tau: number): number {
  if (elapsed < 0) return 0;
  return tau <= 0 ? 1 : 1 - Math.exp(-elapsed / tau);
}

/** Goods in topological order of recipes (Kahn's algorithm, ties by declaration order). */
function topologicalOrder(goods: readonly string[], recipes: Scenario["world"]["recipes"]): string[] {
  const indegree = new Map(goods.map((g) => [g, 0]));
  const consumers = new Map<string, string[]>(goods.map((g) => [g, []]));
  const seen = new Set<string>();
  for (const recipe of recipes) {
    for (const input of recipe.inputs) {
      const edge = `${input.good}>${recipe.output}`;
      if (seen.has(edge)) continue;
      seen.add(edge);
      consumers.get(input.good)!.push(recipe.output);
      indegree.set(recipe.output, indegree.get(recipe.output)! + 1);
    }
  }
  const position = new Map(goods.map((g, i) => [g, i]));
  const order: string[] = [];
  const ready = goods.filter((g) => indegree.get(g) === 0);
  while (ready.length > 0) {
    ready.sort((a, b) => position.get(a)! - position.get(b)!);
    const g = ready.shift()!;
    order.push(g);
    for (const h of consumers.get(g)!) {
      indegree.set(h, indegree.get(h)! - 1);
      if (indegree.get(h) === 0) ready.push(h);
    }
  }
  return order;
}

/**
 * The model of a scenario, built once (like compileScenario), then
 * `simulate(policy, parameters, uniforms)` for each run.
 */
export class ReferenceModel {
  readonly countries: string[];
  readonly goods: string[];
  readonly goodOrder: string[];
  readonly periodsPerYear: number;
  readonly T: number;
  private readonly baseline = new Map<string, Map<string, Baseline>>();
  private readonly flowsByGood = new Map<string, FlowObject[]>();
  private readonly producersOf = new Map<string, string[]>();
  private readonly usersOf = new Map<string, string[]>();
  /** Per country, the recipe matrix a[g][h]: units of g per unit of h made there (mathjs, G x G). */
  private readonly recipeMatrix = new Map<string, Matrix>();
  /** Per country, baseline use U0 as a mathjs vector over goods. */
  private readonly useVector = new Map<string, Matrix>();
  private readonly goodIndex = new Map<string, number>();
  /** Rule instances by rule name, and the instances each policy decides on. */
  private readonly instancesOf = new Map<string, RuleInstance[]>();
  private readonly policyInstances = new Map<string, RuleInstance[]>();
  /** Draws per run: one per uncertainty, then one uniform per rule instance. */
  readonly randomDimensions: number;

  constructor(private readonly scenario: Scenario) {
    const { world } = scenario;
    let instances = 0;
    const instantiate = (rule: Rule): RuleInstance[] => {
      // an action aims at `triggering` in whichever field names its partners (targets, sources)
      let triggers: (string | undefined)[] = [undefined];
      if (Object.values(rule.action).includes("triggering")) {
        const first = rule.when.find((c) => c.kind === "restriction");
        const by = first?.kind === "restriction" && first.by !== undefined ? first.by : world.countries.map((c) => c.id);
        triggers = world.countries.map((c) => c.id).filter((c) => c !== rule.agent && by.includes(c));
      }
      const list = triggers.map((trigger) => ({ index: instances++, rule, trigger }));
      this.instancesOf.set(rule.name, list);
      return list;
    };
    const global = scenario.rules.map(instantiate);
    for (const policy of scenario.policies) {
      const active = scenario.rules.flatMap((rule, r) => (policy.disableRules.includes(rule.name) ? [] : global[r]!));
      for (const rule of policy.rules) active.push(...instantiate(rule));
      this.policyInstances.set(policy.name, active);
    }
    this.randomDimensions = scenario.uncertainties.length + instances;
    this.countries = world.countries.map((c) => c.id);
    this.goods = world.goods.map((g) => g.id);
    this.goods.forEach((g, i) => this.goodIndex.set(g, i));
    this.T = scenario.horizon;
    this.periodsPerYear = PERIODS_PER_YEAR[scenario.period]!;
    this.goodOrder = topologicalOrder(this.goods, world.recipes);

    for (const g of this.goods) this.flowsByGood.set(g, []);
    world.flows.forEach((f, index) => this.flowsByGood.get(f.good)!.push({ exporter: f.exporter, importer: f.importer, good: f.good, volume: f.volume, index }));

    const production = new Map(world.production.map((p) => [`${p.country}|${p.good}`, p]));
    const producerKeys = new Set(world.production.map((p) => `${p.country}|${p.good}`));
    for (const policy of scenario.policies) for (const lever of policy.levers) if (lever.type === "capacityExpansion") producerKeys.add(`${lever.actor}|${lever.good}`);
    for (const rule of [...scenario.rules, ...scenario.policies.flatMap((p) => p.rules)]) {
      if (rule.action.type === "capacityExpansion") producerKeys.add(`${rule.agent}|${rule.action.good}`);
    }
    for (const f of world.flows) producerKeys.add(`${f.exporter}|${f.good}`);
    const stocks = new Map(world.stocks.map((s) => [`${s.country}|${s.good}`, s]));

    const multipliers = this.indirectMultipliers();
    for (const c of this.countries) {
      const cells = new Map<string, Baseline>();
      for (const g of this.goods) {
        const p = production.get(`${c}|${g}`);
        const Q0 = p?.output ?? 0;
        const flows = this.flowsByGood.get(g)!;
        const exports = flows.filter((f) => f.exporter === c).reduce((s, f) => s + f.volume, 0);
        const H0 = Math.max(0, Q0 - exports);
        // use: domestic sales, then imports in declaration order (the order the run adds what arrives)
        let U0 = H0;
        for (const f of flows) if (f.importer === c) U0 += f.volume;
        const producer = producerKeys.has(`${c}|${g}`);
        const recipe = producer
          ? (world.recipes.find((r) => r.output === g && r.country === c) ?? world.recipes.find((r) => r.output === g && r.country === undefined))
          : undefined;
        const stock = stocks.get(`${c}|${g}`);
        cells.set(g, {
          Q0,
          K0: p?.capacity ?? Q0,
          H0,
          U0,
          producer,
          valueAdded: p?.valueAddedPerUnit ?? 0,
          surge: p?.surgeCapacity ?? 0,
          ramp: p?.rampPeriods ?? 0,
          recipe: (recipe?.inputs ?? []).map((x) => ({ good: x.good, perUnit: x.perUnit, critical: x.critical, weight: x.critical ? 0 : (x.weight ?? 0.5) })),
          coverMonths: stock?.coverMonths ?? 0,
          maxDrawShare: stock?.maxDrawShare ?? 1,
          indirectMultiplier: multipliers.get(`${c}|${g}`) ?? 0,
        });
      }
      this.baseline.set(c, cells);
    }
    for (const g of this.goods) {
      this.producersOf.set(g, this.countries.filter((c) => this.cell(c, g).producer));
      this.usersOf.set(g, this.countries.filter((c) => this.cell(c, g).U0 > 0));
    }
    // recipe matrices (dense, G x G) and use vectors per country, for the requirement step
    const G = this.goods.length;
    for (const c of this.countries) {
      const a: number[][] = Array.from({ length: G }, () => new Array<number>(G).fill(0));
      for (const h of this.goods) {
        for (const input of this.cell(c, h).recipe) a[this.goodIndex.get(input.good)!]![this.goodIndex.get(h)!]! += input.perUnit;
      }
      this.recipeMatrix.set(c, matrix(a));
      this.useVector.set(c, matrix(this.goods.map((g) => this.cell(c, g).U0)));
    }
  }

  private cell(c: string, g: string): Baseline {
    return this.baseline.get(c)!.get(g)!;
  }

  /** Type-I value-added multipliers less the direct coefficient, from national input-output tables (mathjs inverse). */
  private indirectMultipliers(): Map<string, number> {
    const out = new Map<string, number>();
    for (const table of this.scenario.world.inputOutput) {
      const n = table.sectors.length;
      const Z = matrix(table.Z);
      const A = map(Z, (z: number, index: number[]) => (table.x[index[1]!] === 0 ? 0 : z / table.x[index[1]!]!)) as Matrix;
      const L = inv(subtract(identity(n), A) as Matrix) as Matrix;
      const v = table.x.map((x, j) => {
        if (x === 0) return 0;
        const va = table.valueAdded?.[j] ?? x - table.Z.reduce((s, row) => s + row[j]!, 0);
        return va / x;
      });
      const typeOne = multiply(matrix(v), L) as Matrix; // v L: value added per unit of final demand
      for (const [good, sector] of Object.entries(table.goodSectors)) {
        const j = table.sectors.indexOf(sector);
        out.set(`${table.country}|${good}`, (typeOne.get([j]) as number) - v[j]!);
      }
    }
    return out;
  }

  /**
   * Simulate one run of `policyName` with the uncertainties drawn as `parameters` (by name)
   * and `uniforms[k]`, the uniform of rule instance k.
   */
  simulate(policyName: string, parameters: ReadonlyMap<string, number>, uniforms: readonly number[] = []): ReferenceRun {
    const { scenario, countries, goods, T } = this;
    const policy = scenario.policies.find((p) => p.name === policyName);
    if (policy === undefined) throw new Error(`unknown policy ${policyName}`);
    const value = (x: UncertainNumber | undefined, fallback: number): number => {
      if (x === undefined) return fallback;
      if (typeof x === "number") return x;
      const v = parameters.get(x.param);
      if (v === undefined) throw new Error(`no draw for ${x.param}`);
      return v;
    };
    const monthsToPeriods = this.periodsPerYear / 12;
    const goodInfo = new Map(
      scenario.world.goods.map((g) => {
        const elasticity = value(g.demandElasticity, 1);
        return [g.id, { basePrice: g.basePrice, priceCap: g.priceCap, priceFloor: g.priceFloor, elasticity, kappa: value(g.marketIntegration, 0), floorDemandRatio: Math.pow(g.priceFloor, -elasticity) }];
      }),
    );

    // the run's state, per country and good
    const state = new Map<string, Map<string, CellState>>();
    for (const c of countries) {
      const cells = new Map<string, CellState>();
      for (const g of goods) {
        const b = this.cell(c, g);
        cells.set(g, { stock: value(b.coverMonths, 0) * b.U0 * monthsToPeriods, reserve: 0, reserveRate: 0, shortfall: 0, planShortfall: 0, output: b.Q0, priceInside: 1, lostUnits: 0, importCost: 0 });
      }
      state.set(c, cells);
    }
    const priceOutside = new Map(goods.map((g) => [g, 1]));
    const shockStart = new Map<string, number>();
    const lostRevenue = new Map<FlowObject, number>();
    const loss = new Map(countries.map((c) => [c, { direct: 0, indirect: 0 }]));
    const endOf = (lever: Lever | RuleLever, start: number) =>
      "duration" in lever && lever.duration !== undefined ? start + Math.max(0, Math.round(value(lever.duration, 0))) : Infinity;
    const levers: ActingLever[] = policy.levers.map((lever) => {
      const start = Math.max(0, Math.round(value(lever.start, 0)));
      return { lever, trigger: undefined, start, end: endOf(lever, start), depth: 0 };
    });
    const decided = new Set<RuleInstance>();
    /** Period from which each fired instance's lever acts. */
    const effect = new Map<RuleInstance, number>();
    const outcomeDefinitions = this.outcomeDefinitions();
    const periodValues = new Map<string, number[]>(outcomeDefinitions.map((o) => [o.name, []]));

    for (let t = 0; t < T; t++) {
      // a fresh object per period
      const period: PeriodState = {
        t,
        flowRestriction: new Map(),
        restricting: new Map(),
        flowTariff: new Map(),
        addedCapacity: new Map(),
        requirement: new Map(),
      };

      // 1. Decide: rule instances not yet decided look at the state after t-1
      for (const instance of this.policyInstances.get(policyName)!) {
        if (decided.has(instance)) continue;
        const depth = this.conditionsHold(instance, { t, levers, state, priceOutside, value, parameters });
        if (depth === undefined || depth > scenario.maxEscalationDepth) continue; // too deep: this trigger does not count
        decided.add(instance);
        const uniform = uniforms[instance.index];
        if (uniform === undefined) throw new Error(`no uniform for rule instance ${instance.index}`);
        if (!(uniform < value(instance.rule.probability, 1))) continue;
        const lever: RuleLever = { ...instance.rule.action, actor: instance.rule.agent };
        const start = t + Math.max(0, Math.round(value(instance.rule.delay, 0)));
        levers.push({ lever, trigger: instance.trigger, start, end: endOf(lever, start), depth });
        effect.set(instance, start);
      }

      // 2. Restrict, and the other levers
      for (const { lever, trigger, start, end } of levers) {
        if (!(start <= t && t < end)) continue;
        this.applyLever(lever, trigger, start, t, period, state, value, monthsToPeriods);
      }

      // 4. Requirement, for every country at once: R = max(0, U0 - a . planShortfall(t-1))  (mathjs)
      for (const c of countries) {
        const plan = matrix(goods.map((g) => state.get(c)!.get(g)!.planShortfall));
        const needed = subtract(this.useVector.get(c)!, multiply(this.recipeMatrix.get(c)!, plan)) as Matrix;
        const requirement = map(needed, (x: number) => (x < 0 ? 0 : x)) as Matrix;
        const row = new Map<string, number>();
        goods.forEach((g, k) => row.set(g, requirement.get([k]) as number));
        period.requirement.set(c, row);
      }

      // 3 to 10, good by good in topological order
      for (const g of this.goodOrder) this.clearGood(g, period, state, goodInfo.get(g)!, priceOutside, shockStart, lostRevenue, loss, value);

      // record per-period outcomes
      for (const o of outcomeDefinitions) {
        if (o.kind === "shortfall") periodValues.get(o.name)!.push(state.get(o.country)!.get(o.good)!.shortfall);
        else if (o.kind === "price") {
          const inside = o.market !== "outside" && period.restricting.has(`${o.market.inside}|${o.good}`);
          const ratio = inside && o.market !== "outside" ? state.get(o.market.inside)!.get(o.good)!.priceInside : priceOutside.get(o.good)!;
          periodValues.get(o.name)!.push(o.unit === "USD" ? ratio * goodInfo.get(o.good)!.basePrice : ratio);
        } else if (o.kind === "outputLoss" && o.series) {
          const b = this.cell(o.country, o.good);
          periodValues.get(o.name)!.push(this.outputLossIn(o.unit, b, o.good, b.Q0 - state.get(o.country)!.get(o.good)!.output, 1));
        }
      }
    }
    return this.finish(outcomeDefinitions, periodValues, state, loss, lostRevenue, value, effect);
  }

  /**
   * Step 1 for one rule instance in period t: whether every condition holds on the state
   * after t-1, and if so the depth of the escalation it would start (1 + the deepest
   * restriction it responds to; policy levers have depth 0); undefined when some condition
   * does not hold.
   */
  private conditionsHold(instance: RuleInstance, view: DecisionView): number | undefined {
    const { rule, trigger } = instance;
    const firstRestriction = rule.when.findIndex((c) => c.kind === "restriction");
    let depth = 1;
    for (const [k, condition] of rule.when.entries()) {
      const matched = this.conditionDepth(condition, k === firstRestriction ? trigger : undefined, rule.agent, view);
      if (matched === undefined) return undefined;
      depth = Math.max(depth, matched + 1);
    }
    return depth;
  }

  /** One condition: undefined when it does not hold; else the deepest restriction it matched (-1 for other kinds). */
  private conditionDepth(condition: Condition, trigger: string | undefined, agent: string, view: DecisionView): number | undefined {
    const { t, levers, state, priceOutside, value, parameters } = view;
    switch (condition.kind) {
      case "restriction": {
        let deepest: number | undefined;
        for (const acting of levers) {
          const { lever } = acting;
          if (lever.type !== "exportRestriction" && lever.type !== "importRestriction") continue;
          if (condition.lever !== undefined && condition.lever !== lever.type) continue;
          if (!(acting.start <= t - 1 && t - 1 < acting.end)) continue; // active in the previous period
          if (trigger !== undefined ? lever.actor !== trigger : condition.by !== undefined && !condition.by.includes(lever.actor)) continue;
          if (value(lever.severity, 1) < condition.minSeverity) continue;
          if (condition.goods !== undefined && !lever.goods.some((g) => condition.goods!.includes(g))) continue;
          const aimedAt = lever.type === "exportRestriction" ? lever.targets : lever.sources;
          const aimedAtCountries = this.countries.filter(
            (c) => c !== lever.actor && (aimedAt === "all" || (aimedAt === "triggering" ? c === acting.trigger : aimedAt.includes(c))),
          );
          const against = condition.against === undefined ? this.countries : condition.against === "self" ? [agent] : condition.against;
          if (!aimedAtCountries.some((c) => against.includes(c))) continue;
          deepest = Math.max(deepest ?? -1, acting.depth);
        }
        return deepest;
      }
      case "shortfall": {
        const worst = Math.max(0, ...condition.goods.map((g) => state.get(agent)!.get(g)!.shortfall));
        return worst > condition.above ? -1 : undefined;
      }
      case "period":
        return (condition.from ?? 0) <= t && t < (condition.until ?? Infinity) ? -1 : undefined;
      case "price":
        return priceOutside.get(condition.good)! > condition.above ? -1 : undefined;
      case "draw": {
        const drawn = parameters.get(condition.param)!;
        return drawn > (condition.above ?? -Infinity) && drawn < (condition.below ?? Infinity) ? -1 : undefined;
      }
      default:
        throw new Error(`reference: no condition kind ${(condition as { kind: string }).kind}; write it here from docs/model.md`);
    }
  }

  private applyLever(
    lever: Lever | RuleLever,
    trigger: string | undefined,
    start: number,
    t: number,
    period: PeriodState,
    state: Map<string, Map<string, CellState>>,
    value: (x: UncertainNumber | undefined, fallback: number) => number,
    monthsToPeriods: number,
  ): void {
    switch (lever.type) {
      case "exportRestriction":
      case "importRestriction": {
        const severity = value(lever.severity, 1);
        const leakage = value(lever.leakage, 0);
        const premium = value(lever.leakagePremium, 0);
        const aimedAt = lever.type === "exportRestriction" ? lever.targets : lever.sources;
        const isTarget = (c: string) => c !== lever.actor && (aimedAt === "all" || (aimedAt === "triggering" ? c === trigger : aimedAt.includes(c)));
        const goods = [...new Set(lever.goods)];
        for (const g of goods) {
          for (const flow of this.flowsByGood.get(g)!) {
            const hit = lever.type === "exportRestriction" ? flow.exporter === lever.actor && isTarget(flow.importer) : flow.importer === lever.actor && isTarget(flow.exporter);
            if (!hit) continue;
            const r = period.flowRestriction.get(flow) ?? { pass: 1, unrestricted: 1, premium: 0 };
            r.pass *= 1 - severity * (1 - leakage);
            r.unrestricted *= 1 - severity;
            if (leakage > 0 && premium > r.premium) r.premium = premium;
            period.flowRestriction.set(flow, r);
          }
        }
        if (lever.type === "exportRestriction" && severity * (1 - leakage) > 0) {
          const diversion = value(lever.diversion, 0);
          for (const g of goods) {
            const key = `${lever.actor}|${g}`;
            period.restricting.set(key, Math.max(period.restricting.get(key) ?? 0, diversion));
          }
        }
        break;
      }
      case "stockpileRelease": {
        if (t !== start) break; // the reserve is built once, when the lever starts
        const months = value(lever.coverMonths, 0);
        const rate = value(lever.maxReleaseShare, 1);
        for (const g of new Set(lever.goods)) {
          const cell = state.get(lever.actor)!.get(g)!;
          cell.reserve += months * this.cell(lever.actor, g).U0 * monthsToPeriods;
          if (rate > cell.reserveRate) cell.reserveRate = rate;
        }
        break;
      }
      case "importTariff": {
        // duties on the same flow add up; they fall on what arrives directly from the taxed exporters
        const rate = value(lever.rate, 0);
        const taxed = (c: string) => c !== lever.actor && (lever.sources === "all" || (lever.sources === "triggering" ? c === trigger : lever.sources.includes(c)));
        for (const g of new Set(lever.goods)) {
          for (const flow of this.flowsByGood.get(g)!) {
            if (flow.importer === lever.actor && taxed(flow.exporter)) period.flowTariff.set(flow, (period.flowTariff.get(flow) ?? 0) + rate);
          }
        }
        break;
      }
      case "capacityExpansion": {
        const key = `${lever.actor}|${lever.good}`;
        const added = value(lever.capacity, 0) * ramp(t - start + 1, value(lever.rampPeriods, 0));
        period.addedCapacity.set(key, (period.addedCapacity.get(key) ?? 0) + added);
        break;
      }
      default:
        throw new Error(`reference: no lever kind ${(lever as { type: string }).type}; write it here from docs/model.md`);
    }
  }

  private clearGood(
    g: string,
    period: PeriodState,
    state: Map<string, Map<string, CellState>>,
    info: { basePrice: number; priceCap: number; priceFloor: number; elasticity: number; kappa: number; floorDemandRatio: number },
    priceOutside: Map<string, number>,
    shockStart: Map<string, number>,
    lostRevenue: Map<FlowObject, number>,
    loss: Map<string, { direct: number; indirect: number }>,
    value: (x: UncertainNumber | undefined, fallback: number) => number,
  ): void {
    const { t } = period;
    const producers = this.producersOf.get(g)!;
    const users = this.usersOf.get(g)!;
    const flows = this.flowsByGood.get(g)!;
    const p0 = info.basePrice;
    const isRestricting = (c: string) => period.restricting.has(`${c}|${g}`);

    // per-producer and per-user records for this good, this period
    const producer = new Map<string, { inputShare: number; demand: number; fillRate: number; unmet: number; sold: number; lostSales: number; glut: number; spare: number; divertible: number }>();
    const user = new Map<string, { requirement: number; demandScale: number; available: number; imports: number; substituted: number; leakagePremiumVolume: number; tariffVolume: number }>();

    // 3. Produce: y = max(0, min over critical inputs (1 - sigma) x (1 - sum of weighted non-critical sigma))
    for (const c of producers) {
      let critical = 1;
      let nonCritical = 1;
      for (const input of this.cell(c, g).recipe) {
        const sigma = state.get(c)!.get(input.good)!.shortfall;
        if (input.critical) critical = Math.min(critical, 1 - sigma);
        else nonCritical -= value(input.weight, 0.5) * sigma;
      }
      producer.set(c, { inputShare: Math.max(0, critical * nonCritical), demand: 0, fillRate: 1, unmet: 0, sold: 0, lostSales: 0, glut: 0, spare: 0, divertible: 0 });
    }

    // 4. Requirement (computed for the whole period above) and orders
    for (const c of users) {
      const need = period.requirement.get(c)!.get(g)!;
      user.set(c, { requirement: need, demandScale: Math.min(1, need / this.cell(c, g).U0), available: 0, imports: 0, substituted: 0, leakagePremiumVolume: 0, tariffVolume: 0 });
    }
    const scaleOf = (c: string) => user.get(c)?.demandScale ?? 0;
    for (const c of producers) if (this.cell(c, g).U0 > 0) producer.get(c)!.demand += this.cell(c, g).H0 * scaleOf(c);
    for (const f of flows) producer.get(f.exporter)!.demand += f.volume * scaleOf(f.importer);
    for (const c of producers) {
      const p = producer.get(c)!;
      const canMake = p.inputShare * this.cell(c, g).Q0;
      const short = p.demand > canMake * (1 + TOLERANCE) + TOLERANCE;
      p.fillRate = short ? canMake / p.demand : 1;
      p.unmet = short ? p.demand - canMake : 0;
      const b = this.cell(c, g);
      if (b.U0 > 0) {
        const domestic = b.H0 * scaleOf(c) * p.fillRate;
        p.sold += domestic;
        p.lostSales += b.H0 - domestic;
        user.get(c)!.available += domestic;
      }
    }

    // 5. Ship through this period's restrictions
    for (const f of flows) {
      const exporter = producer.get(f.exporter)!;
      const importer = user.get(f.importer);
      const wanted = f.volume * scaleOf(f.importer) * exporter.fillRate;
      let arrives = wanted;
      const r = period.flowRestriction.get(f);
      if (r !== undefined) {
        arrives = wanted * r.pass;
        const leaked = wanted * (r.pass - r.unrestricted);
        if (importer !== undefined) importer.leakagePremiumVolume += leaked * r.premium;
        exporter.glut += wanted - arrives;
      }
      const tariff = period.flowTariff.get(f);
      if (tariff !== undefined && importer !== undefined) importer.tariffVolume += (r === undefined ? wanted : wanted * r.unrestricted) * tariff;
      exporter.sold += arrives;
      exporter.lostSales += f.volume - arrives;
      if (importer !== undefined) {
        importer.available += arrives;
        importer.imports += arrives;
      }
      lostRevenue.set(f, (lostRevenue.get(f) ?? 0) + (f.volume - arrives) * p0);
    }

    // gaps before substitution, as mathjs vectors over the good's users
    const requirementVector = matrix(users.map((c) => user.get(c)!.requirement));
    const gapVector = map(subtract(requirementVector, matrix(users.map((c) => user.get(c)!.available))) as Matrix, (x: number) => (x > 0 ? x : 0)) as Matrix;
    const totalGap = users.length === 0 ? 0 : (sum(gapVector) as number);
    if (totalGap > 0 && !shockStart.has(g)) shockStart.set(g, t);

    // substitution pool: spare capacity of producers not restricting g, plus volume restricting exporters divert
    if (totalGap > 0) {
      const elapsed = t - shockStart.get(g)!;
      let pool = 0;
      for (const c of producers) {
        const p = producer.get(c)!;
        const b = this.cell(c, g);
        if (isRestricting(c)) {
          p.divertible = p.glut * period.restricting.get(`${c}|${g}`)!;
          pool += p.divertible;
          continue;
        }
        let capacity = b.K0 + value(b.surge, 0) * ramp(elapsed, value(b.ramp, 0));
        const added = period.addedCapacity.get(`${c}|${g}`);
        if (added !== undefined) capacity += added;
        const free = p.inputShare * capacity - p.sold;
        if (free > 0) {
          p.spare = free;
          pool += free;
        }
      }
      if (pool > 0) {
        const fill = pool >= totalGap ? 1 : pool / totalGap;
        const useShare = pool >= totalGap ? totalGap / pool : 1;
        const got = multiply(gapVector, fill) as Matrix; // pro rata to gaps
        users.forEach((c, k) => {
          const u = user.get(c)!;
          u.available += got.get([k]) as number;
          u.substituted += got.get([k]) as number;
        });
        for (const c of producers) {
          const p = producer.get(c)!;
          const extra = (p.spare + p.divertible) * useShare;
          p.sold += extra;
          p.lostSales -= extra;
          p.glut -= p.divertible * useShare;
        }
      }
    }

    // 6. Segmented market of a restricting exporter: the home price falls to absorb the glut, down to the floor
    for (const c of producers) {
      if (!isRestricting(c)) continue;
      const p = producer.get(c)!;
      const cell = state.get(c)!.get(g)!;
      const unsold = p.glut;
      if (!(unsold > 0)) {
        cell.priceInside = 1;
        continue;
      }
      const homeMarket = this.cell(c, g).U0 > 0 ? user.get(c)!.requirement : 0;
      const swell = homeMarket > 0 ? 1 + unsold / homeMarket : Infinity;
      let absorbed: number;
      if (swell >= info.floorDemandRatio) {
        // (1 + G/R)^(-1/eps) would fall below the floor: the price stops there and home demand takes R (floor^-eps - 1)
        cell.priceInside = info.priceFloor;
        absorbed = Math.min(unsold, homeMarket * (info.floorDemandRatio - 1));
      } else {
        cell.priceInside = Math.pow(swell, -1 / info.elasticity);
        absorbed = unsold;
      }
      if (absorbed > 0) {
        p.sold += absorbed;
        p.lostSales -= absorbed;
        user.get(c)!.available += absorbed;
      }
    }

    // 7. Re-trade among buyers outside restricting countries
    if (info.kappa > 0) {
      const open = users.filter((c) => !isRestricting(c));
      const pooledAvailable = open.reduce((s, c) => s + user.get(c)!.available, 0);
      const pooledRequired = open.reduce((s, c) => s + user.get(c)!.requirement, 0);
      if (pooledRequired > 0 && pooledAvailable < pooledRequired) {
        const ratio = pooledAvailable / pooledRequired;
        for (const c of open) {
          const u = user.get(c)!;
          const moved = info.kappa * (ratio * u.requirement - u.available);
          u.available += moved;
          if (moved > 0) u.substituted += moved;
        }
      }
    }

    // 8. Draw down commercial stocks, then strategic reserves
    for (const c of users) {
      const u = user.get(c)!;
      const cell = state.get(c)!.get(g)!;
      const b = this.cell(c, g);
      let gap = Math.max(0, u.requirement - u.available);
      if (!(gap > 0)) continue;
      let draw = Math.min(gap, cell.stock, b.maxDrawShare * b.U0);
      if (draw > 0) {
        cell.stock -= draw;
        u.available += draw;
        gap -= draw;
      }
      draw = Math.min(gap, cell.reserve, cell.reserveRate * b.U0);
      if (draw > 0) {
        cell.reserve -= draw;
        u.available += draw;
        gap -= draw;
      }
    }

    // 9. Clear: shortfall per user (mathjs), price outside restricting countries
    if (users.length > 0) {
      const availableVector = matrix(users.map((c) => user.get(c)!.available));
      const ratio = dotDivide(availableVector, map(requirementVector, (x: number) => (x > 0 ? x : 1))) as Matrix;
      const sigma = map(ratio, (x: number, index: number[]) => (requirementVector.get(index) as number) > 0 ? Math.max(0, 1 - x) : 0) as Matrix;
      users.forEach((c, k) => (state.get(c)!.get(g)!.shortfall = sigma.get([k]) as number));
      const outside = matrix(users.map((c) => (isRestricting(c) ? 0 : 1)));
      const marketAvailable = sum(dotMultiply(availableVector, outside)) as number;
      const marketRequired = sum(dotMultiply(requirementVector, outside)) as number;
      let price = 1;
      if (marketRequired > 0 && marketAvailable < marketRequired) {
        price = Math.pow(marketAvailable / marketRequired, -1 / info.elasticity);
        if (!(price <= info.priceCap)) price = info.priceCap;
      }
      priceOutside.set(g, price);
    } else priceOutside.set(g, 1);
    const price = priceOutside.get(g)!;

    // 10. Account
    for (const c of producers) {
      const p = producer.get(c)!;
      const b = this.cell(c, g);
      const cell = state.get(c)!.get(g)!;
      const lost = p.lostSales;
      cell.output = b.Q0 - lost;
      cell.planShortfall = lost - p.unmet;
      cell.lostUnits += lost;
      const l = loss.get(c)!;
      l.direct += lost * value(b.valueAdded, 0);
      l.indirect += lost * p0 * b.indirectMultiplier;
    }
    for (const c of users) {
      const u = user.get(c)!;
      const cell = state.get(c)!.get(g)!;
      const paid = isRestricting(c) ? cell.priceInside : price;
      cell.importCost += p0 * ((paid - 1) * (u.imports + u.substituted) + paid * (u.leakagePremiumVolume + u.tariffVolume));
    }
  }

  private outcomeDefinitions(): OutcomeDefinition[] {
    if (this.scenario.outcomes.length > 0) return this.scenario.outcomes;
    return this.countries.flatMap((c): OutcomeDefinition[] => [
      { kind: "gdpLoss", name: `gdpLoss:${c}`, country: c, unit: "USD" },
      { kind: "gdpLoss", name: `gdpLossPercent:${c}`, country: c, unit: "percentGdp" },
    ]);
  }

  private outputLossIn(unit: "units" | "share" | "USD", b: Baseline, good: string, lostUnits: number, periods: number): number {
    if (unit === "units") return lostUnits;
    if (unit === "USD") return lostUnits * this.scenario.world.goods[this.goodIndex.get(good)!]!.basePrice;
    const baseline = b.Q0 * periods;
    return baseline > 0 ? lostUnits / baseline : 0;
  }

  private finish(
    definitions: readonly OutcomeDefinition[],
    periodValues: Map<string, number[]>,
    state: Map<string, Map<string, CellState>>,
    loss: Map<string, { direct: number; indirect: number }>,
    lostRevenue: Map<FlowObject, number>,
    value: (x: UncertainNumber | undefined, fallback: number) => number,
    effect: ReadonlyMap<RuleInstance, number>,
  ): ReferenceRun {
    const { T, scenario } = this;
    const years = T / this.periodsPerYear;
    const gdp = new Map(scenario.world.countries.map((c) => [c.id, c.gdp]));
    const outcomes: Record<string, number> = {};
    const series: Record<string, number[]> = {};
    for (const o of definitions) {
      let result = 0;
      switch (o.kind) {
        case "gdpLoss": {
          const l = loss.get(o.country)!;
          result = Math.min(l.direct + l.indirect, gdp.get(o.country)! * years);
          if (o.unit === "percentGdp") result = (result / gdp.get(o.country)!) * 100;
          break;
        }
        case "valueAddedLoss":
          if (o.goods === undefined) result = loss.get(o.country)!.direct;
          else for (const g of o.goods) result += state.get(o.country)!.get(g)!.lostUnits * value(this.cell(o.country, g).valueAdded, 0);
          break;
        case "outputLoss":
          result = this.outputLossIn(o.unit, this.cell(o.country, o.good), o.good, state.get(o.country)!.get(o.good)!.lostUnits, T);
          break;
        case "shortfall":
        case "price": {
          const values = periodValues.get(o.name)!;
          const stat = o.stat;
          if (stat === "max") result = Math.max(...values);
          else if (stat === "final") result = values[values.length - 1]!;
          else result = values.reduce((sum, v) => sum + v, 0) / T;
          break;
        }
        case "exportRevenueLoss":
          for (const [flow, lost] of lostRevenue) {
            if (flow.exporter === o.country && (o.goods === undefined || o.goods.includes(flow.good)) && (o.to === undefined || o.to.includes(flow.importer))) result += lost;
          }
          break;
        case "importCostIncrease":
          for (const g of o.goods ?? this.goods) result += state.get(o.country)!.get(g)!.importCost;
          break;
        case "ruleFired":
          result = o.rules.some((name) => this.instancesOf.get(name)!.some((instance) => (effect.get(instance) ?? Infinity) < T)) ? 1 : 0;
          break;
        case "firstFiring":
          result = Math.min(T, ...o.rules.flatMap((name) => this.instancesOf.get(name)!.map((instance) => effect.get(instance) ?? Infinity)));
          break;
        case "formula":
          result = evaluateFormula(o.expression, new Map(Object.entries(o.variables).map(([variable, name]) => [variable, outcomes[name]!])));
          break;
        default:
          throw new Error(`reference: no outcome kind ${(o as { kind: string }).kind}; write it here from docs/model.md`);
      }
      outcomes[o.name] = result;
      if ("series" in o && o.series) series[o.name] = periodValues.get(o.name)!;
    }
    return { outcomes, series };
  }
}

/**
 * A formula's value, by walking mathjs's syntax tree with the meanings docs/model.md gives
 * ("Formulas"): JavaScript's arithmetic and Math functions, exact comparisons, nonzero as
 * true. Independent of the engine's compiled stack programs (src/formula/).
 */
function evaluateFormula(expression: string, variables: ReadonlyMap<string, number>): number {
  const constants = new Map([["pi", Math.PI], ["e", Math.E], ["true", 1], ["false", 0]]);
  const truth = (x: number) => (x !== 0 ? 1 : 0);
  const binary: Record<string, (a: number, b: number) => number> = {
    add: (a, b) => a + b,
    subtract: (a, b) => a - b,
    multiply: (a, b) => a * b,
    divide: (a, b) => a / b,
    pow: (a, b) => Math.pow(a, b),
    mod: (a, b) => a % b,
    smaller: (a, b) => (a < b ? 1 : 0),
    larger: (a, b) => (a > b ? 1 : 0),
    smallerEq: (a, b) => (a <= b ? 1 : 0),
    largerEq: (a, b) => (a >= b ? 1 : 0),
    equal: (a, b) => (a === b ? 1 : 0),
    unequal: (a, b) => (a !== b ? 1 : 0),
    and: (a, b) => truth(a) & truth(b),
    or: (a, b) => truth(a) | truth(b),
  };
  const functions: Record<string, (...xs: number[]) => number> = {
    min: Math.min,
    max: Math.max,
    abs: Math.abs,
    sqrt: Math.sqrt,
    log: Math.log,
    exp: Math.exp,
    log10: Math.log10,
    floor: Math.floor,
    ceil: Math.ceil,
    round: Math.round,
    pow: Math.pow,
  };
  const walk = (node: MathNode): number => {
    const n = node as MathNode & Record<string, unknown>;
    switch (node.type) {
      case "ConstantNode":
        return typeof n.value === "boolean" ? (n.value ? 1 : 0) : (n.value as number);
      case "SymbolNode": {
        const name = String(n.name);
        return variables.get(name) ?? constants.get(name)!;
      }
      case "ParenthesisNode":
        return walk(n.content as MathNode);
      case "ConditionalNode":
        return walk(n.condition as MathNode) !== 0 ? walk(n.trueExpr as MathNode) : walk(n.falseExpr as MathNode);
      case "OperatorNode": {
        const operands = (n.args as MathNode[]).map(walk);
        const fn = String(n.fn);
        if (fn === "unaryMinus") return -operands[0]!;
        if (fn === "unaryPlus") return operands[0]!;
        if (fn === "not") return operands[0] === 0 ? 1 : 0;
        return binary[fn]!(operands[0]!, operands[1]!);
      }
      case "FunctionNode":
        return functions[String((n.fn as { name?: unknown }).name)]!(...(n.args as MathNode[]).map(walk));
      default:
        throw new Error(`reference: no formula node ${node.type}`);
    }
  };
  return walk(parse(expression));
}
