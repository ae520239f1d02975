// A REFERENCE implementation of the model (docs/model.md, with steps 2 to 10 of model v2:
// producer prices by origin, CES shares between origins, capped routes), rules included,
// written the way most would first write it: objects per country and good, Maps keyed by
// names, arrays of flow objects, mathjs matrices for the per-period vector and matrix
// steps, a fresh object per period. No typed arrays.
//
// It exists for two reasons: to check the engine (src/engine/simulate.ts and its market
// solver, src/engine/market.ts) against an independent reading of the model
// (test/reference/agreement.ts, run by `npm test`: the outcomes agree to a relative 1e-9),
// and as the baseline the engine has to beat (bench/run.ts, section 4).
// It is deliberately not optimised, but not deliberately slow either: flows are grouped by
// good once, recipes are looked up once, and nothing is recomputed that the model does not
// ask for.
//
// Each good's market in each period is cleared by a method of its own, not the engine's
// (Newton's method on all prices at once): Gauss-Seidel over origins. Each origin in turn
// gets the price at which what its buyers want from it equals what it offers, the other
// origins' prices held: a search on its log price between the floor and the cap (steps
// from where it is, doubled until the excess demand changes sign, then Illinois regula
// falsi in the bracket); where the sign does not change before a bound, the price stays at
// the bound and the quantity adjusts instead (output cut at the floor, buyers rationed at
// the cap). Before each sweep the prices of the origins strictly between the bounds move
// together (in each group of them linked by common buyers), by the same search, to where
// their summed excess demand is zero, or to where the first of them meets a bound: without
// that move, sweeps drift there slowly when demand and supply barely respond to the price
// level (inelastic uses, supply at capacity). Each
// buyer's price index is the root of G(P) = sum of its route shares - 1: in closed form when
// no route is capped, else by the same regula falsi on log P within a bracket.
// Excess demand is minus the gradient of a convex function of the log prices (its Jacobian
// is symmetric and negative semi-definite: the shares come from a CES price index), and
// each step minimises that function along one direction within the bounds, so the sweeps
// converge; where they stall (a few origins whose prices barely move what they sell together,
// held by a small route to one whose price does), conjugate gradients on that function follow
// each sweep. They stop when every origin's excess demand is within 1e-13 of its baseline
// output, or it sits at a bound that excuses it. Nothing depends on the clock or on chance:
// the search starts from last period's prices and stops at the first price that clears,
// which matters only where the equilibrium price is not unique (supply at capacity meeting
// wholly inelastic demand).
import { dotDivide, identity, inv, map, matrix, multiply, parse, subtract, type Matrix, type MathNode } from "mathjs";
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

/** A flow's restriction this period (step 2). */
interface FlowRestriction {
  /** Share of the flow that arrives this period (each restriction's leakage once its lag is over), share not restricted at all, the largest premium of the leaking ones. */
  pass: number;
  unrestricted: number;
  premium: number;
  /** Whether an export restriction of the flow's exporter covers it. */
  byExporter: boolean;
}

/** What one period's levers set (a fresh object per period). */
interface PeriodState {
  readonly t: number;
  readonly flowRestriction: Map<FlowObject, FlowRestriction>;
  /** `${country}|${good}` -> stockpile share of a restricting exporter */
  readonly restricting: Map<string, number>;
  /** The sum of the tariffs on a flow. */
  readonly flowTariff: Map<FlowObject, number>;
  readonly addedCapacity: Map<string, number>;
  /** Goods a lever that disturbs them acts on this period (engine rule 3). */
  readonly disturbed: Set<string>;
  /** `${country}|${good}`: users a restriction announced and not yet in effect will cut (they aim for their precautionary stock). */
  readonly announced: Set<string>;
  /** Requirement R and its critical part Rc, per country and good. */
  readonly requirement: Map<string, Map<string, number>>;
  readonly criticalRequirement: Map<string, Map<string, number>>;
  /** The requirement's non-critical inputs, Rn (served after critical ones, before other uses). */
  readonly inputRequirement: Map<string, Map<string, number>>;
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

interface FlowObject {
  readonly exporter: string;
  readonly importer: string;
  readonly good: string;
  readonly volume: number;
  /** Position in world.flows; -1 for a new supplier's flow (volume 0: a producer and a user of the good that do not trade at the baseline). */
  readonly index: number;
  /** For a new supplier's flow: the exporter's share of the good's world baseline output. */
  readonly outputShare?: number;
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
  /** Periods after the price signal before the surge ramp starts. */
  readonly restartLag: UncertainNumber;
  /** The producer's own supply elasticity, where its production entry gives one (else the good's). */
  readonly supplyElasticity: UncertainNumber | undefined;
  /** The buyer's own demand elasticity, where world.demand gives one (else the good's). */
  readonly demandElasticity: UncertainNumber | undefined;
  /** Price of its home sales as a multiple of the base price (rho), 1 without one. */
  readonly domesticPriceRatio: UncertainNumber;
  /** Baseline exports. */
  readonly E0: number;
  readonly recipe: readonly RecipeInput[];
  readonly coverMonths: UncertainNumber;
  /** The stock it aims for (months of its requirement; coverMonths unless given) and tau, in months. */
  readonly targetMonths: UncertainNumber;
  readonly restockMonths: UncertainNumber;
  /** Months added to the target while a restriction that will cut it is announced. */
  readonly precautionMonths: UncertainNumber;
  /** Infinity when no limit is given. */
  readonly maxDrawShare: number;
  /** Value added lost upstream in unmodelled sectors per USD of lost output (backward, mixed model). */
  readonly indirectMultiplier: number;
  /** Value added lost downstream in unmodelled sectors per USD of its unmodelled uses not served (forward, Ghosh). */
  readonly forwardMultiplier: number;
}

/** What one run keeps from period to period, per country and good. */
interface CellState {
  stock: number;
  reserve: number;
  reserveRate: number;
  /** Shortfall sigma (the outcome), and its critical and other parts, sigmaC and sigmaO (step 8). */
  shortfall: number;
  criticalShortfall: number;
  otherShortfall: number;
  planShortfall: number;
  output: number;
  /** Producer price p_c: where the market left it (a closed origin keeps its last one). */
  producerPrice: number;
  /** What outcome `price` with `market: { inside: c }` reads this period, and whether it is its producers' price. */
  priceInside: number;
  insideIsProducers: boolean;
  lostUnits: number;
  importCost: number;
  /** Producers' sales revenue lost (negative: gained). */
  lostSales: number;
  /** Buyers' surplus lost to price changes (negative: gained). */
  lostSurplus: number;
  /** Producers' surplus lost (negative: gained). */
  lostProducerSurplus: number;
  /** Duties collected on its imports. */
  tariffRevenue: number;
  /** Exporters' price changes on its imports, less on its exports. */
  termsOfTrade: number;
}

/** The good's numbers for one run. */
interface GoodInfo {
  readonly basePrice: number;
  readonly priceCap: number;
  readonly priceFloor: number;
  /** Demand elasticity eps, substitution elasticity sigma, supply elasticity eta (default for its producers). */
  readonly elasticity: number;
  readonly substitution: number;
  readonly supplyElasticity: number;
  /** New suppliers: lambda and premium (undefined when the good allows none). */
  readonly newSuppliers: { readonly weight: number; readonly premium: number; readonly qualification: number } | undefined;
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
  /** Per country, the recipe matrix a[g][h]: units of g per unit of h made there (mathjs, G x G), and its critical inputs only. */
  private readonly recipeMatrix = new Map<string, Matrix>();
  private readonly criticalRecipeMatrix = new Map<string, Matrix>();
  private readonly nonCriticalRecipeMatrix = new Map<string, Matrix>();
  /** Per country, baseline use U0 and baseline output Q0 as mathjs vectors over goods. */
  private readonly useVector = new Map<string, Matrix>();
  private readonly outputVector = new Map<string, Matrix>();
  /** Per good, the goods its producers' recipes use, and the goods whose producers' recipes use it (engine rule 3). */
  private readonly inputsOf = new Map<string, Set<string>>();
  private readonly usesOf = new Map<string, Set<string>>();
  private readonly goodIndex = new Map<string, number>();
  /** Rule instances by rule name, and the instances each policy decides on. */
  private readonly instancesOf = new Map<string, RuleInstance[]>();
  private readonly policyInstances = new Map<string, RuleInstance[]>();
  /** Draws per run: one per uncertainty, then one uniform per rule instance. */
  readonly randomDimensions: number;

  /**
   * `excessShift`: every open origin's excess demand is raised by this share of its scale (a
   * fixed purchase of that size, whatever the price). With +-MARKET_TOLERANCE these are the
   * ends of what a solver that clears each market to that tolerance may answer:
   * test/reference/agreement.ts measures how far a value moves between them (`conditioned`).
   */
  constructor(
    private readonly scenario: Scenario,
    private readonly excessShift = 0,
  ) {
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
    const demand = new Map(world.demand.map((d) => [`${d.country}|${d.good}`, d]));

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
          restartLag: (p as { restartLag?: UncertainNumber } | undefined)?.restartLag ?? 0,
          // not in the v1 schema: read defensively
          supplyElasticity: (p as { supplyElasticity?: UncertainNumber } | undefined)?.supplyElasticity,
          demandElasticity: demand.get(`${c}|${g}`)?.demandElasticity,
          domesticPriceRatio: p?.domesticPriceRatio ?? 1,
          E0: exports,
          recipe: (recipe?.inputs ?? []).map((x) => ({ good: x.good, perUnit: x.perUnit, critical: x.critical, weight: x.critical ? 0 : (x.weight ?? 0.5) })),
          coverMonths: stock?.coverMonths ?? 0,
          targetMonths: stock?.targetMonths ?? stock?.coverMonths ?? 0,
          restockMonths: stock?.restockMonths ?? 3,
          precautionMonths: stock?.precautionMonths ?? 1,
          maxDrawShare: stock?.maxDrawShare ?? Infinity,
          indirectMultiplier: multipliers.get(`${c}|${g}`)?.backward ?? 0,
          forwardMultiplier: multipliers.get(`${c}|${g}`)?.forward ?? 0,
        });
      }
      this.baseline.set(c, cells);
    }
    for (const g of this.goods) {
      this.producersOf.set(g, this.countries.filter((c) => this.cell(c, g).producer));
      this.usersOf.set(g, this.countries.filter((c) => this.cell(c, g).U0 > 0));
    }
    // new suppliers: a flow of volume 0 from every producer with output to every other user of
    // the good that does not buy from it (docs/model.md, step 5)
    for (const good of world.goods) {
      if (good.newSuppliers === undefined) continue;
      const g = good.id;
      const flows = this.flowsByGood.get(g)!;
      const producers = this.producersOf.get(g)!.filter((c) => this.cell(c, g).Q0 > 0);
      const worldOutput = producers.reduce((sum, c) => sum + this.cell(c, g).Q0, 0);
      const added: FlowObject[] = [];
      for (const buyer of this.usersOf.get(g)!) {
        for (const seller of producers) {
          if (seller === buyer || flows.some((f) => f.exporter === seller && f.importer === buyer && f.volume > 0)) continue;
          added.push({ exporter: seller, importer: buyer, good: g, volume: 0, index: -1, outputShare: this.cell(seller, g).Q0 / worldOutput });
        }
      }
      flows.push(...added);
    }
    // recipe matrices (dense, G x G), use and output vectors per country, for the requirement step
    const G = this.goods.length;
    for (const c of this.countries) {
      const a: number[][] = Array.from({ length: G }, () => new Array<number>(G).fill(0));
      const critical: number[][] = Array.from({ length: G }, () => new Array<number>(G).fill(0));
      const nonCritical: number[][] = Array.from({ length: G }, () => new Array<number>(G).fill(0));
      for (const h of this.goods) {
        for (const input of this.cell(c, h).recipe) {
          a[this.goodIndex.get(input.good)!]![this.goodIndex.get(h)!]! += input.perUnit;
          (input.critical ? critical : nonCritical)[this.goodIndex.get(input.good)!]![this.goodIndex.get(h)!]! += input.perUnit;
        }
      }
      this.recipeMatrix.set(c, matrix(a));
      this.criticalRecipeMatrix.set(c, matrix(critical));
      this.nonCriticalRecipeMatrix.set(c, matrix(nonCritical));
      this.useVector.set(c, matrix(this.goods.map((g) => this.cell(c, g).U0)));
      this.outputVector.set(c, matrix(this.goods.map((g) => this.cell(c, g).Q0)));
    }
    for (const g of this.goods) {
      this.inputsOf.set(g, new Set());
      this.usesOf.set(g, new Set());
    }
    for (const c of this.countries) {
      for (const h of this.goods) {
        for (const input of this.cell(c, h).recipe) {
          this.inputsOf.get(h)!.add(input.good);
          this.usesOf.get(input.good)!.add(h);
        }
      }
    }
  }

  private cell(c: string, g: string): Baseline {
    return this.baseline.get(c)!.get(g)!;
  }

  /** Type-I value-added multipliers less the direct coefficient, from national input-output tables (mathjs inverse). */
  /**
   * Mixed-model multipliers per country and good (docs/model.md, "Baseline"): the sectors
   * goods map to are given, the others respond. Backward: v_F (I - A_FF)^-1 A_Fj; forward
   * (when the table is supply-driven): s_F (I - B_FF)^-1 v_F, s the sector's sales to each
   * free sector over its sales to all but modelled sectors.
   */
  private indirectMultipliers(): Map<string, { backward: number; forward: number }> {
    const out = new Map<string, { backward: number; forward: number }>();
    for (const table of this.scenario.world.inputOutput) {
      const mapped = new Set(Object.values(table.goodSectors));
      const free = table.sectors.map((_, k) => k).filter((k) => !mapped.has(table.sectors[k]!));
      const valueAdded = table.x.map((x, j) => table.valueAdded?.[j] ?? x - table.Z.reduce((s, row) => s + row[j]!, 0) - (table.imports?.[j] ?? 0));
      const v = free.map((k) => (table.x[k] === 0 ? 0 : valueAdded[k]! / table.x[k]!));
      const A = (i: number, j: number) => (table.x[j] === 0 ? 0 : table.Z[i]![j]! / table.x[j]!);
      const B = (i: number, j: number) => (table.x[i] === 0 ? 0 : table.Z[i]![j]! / table.x[i]!);
      let backwardOf = (_j: number) => 0;
      let forwardOf = (_j: number) => 0;
      if (free.length > 0) {
        const L = inv(subtract(identity(free.length), matrix(free.map((i) => free.map((j) => A(i, j))))) as Matrix) as Matrix;
        const G = inv(subtract(identity(free.length), matrix(free.map((i) => free.map((j) => B(i, j))))) as Matrix) as Matrix;
        const vL = multiply(matrix(v), L) as Matrix; // value added per unit of final demand of each free sector
        const Gv = multiply(G, matrix(v)) as Matrix; // value added per unit of primary input of each free sector
        backwardOf = (j) => free.reduce((s, k, r) => s + (vL.get([r]) as number) * A(k, j), 0);
        forwardOf = (j) => {
          const open = table.x[j]! - (table.exports?.[j] ?? 0) - table.sectors.reduce((s, sector, k) => s + (mapped.has(sector) ? table.Z[j]![k]! : 0), 0);
          return open > 0 ? free.reduce((s, k, r) => s + (table.Z[j]![k]! / open) * (Gv.get([r]) as number), 0) : 0;
        };
      }
      for (const [good, sector] of Object.entries(table.goodSectors)) {
        const j = table.sectors.indexOf(sector);
        out.set(`${table.country}|${good}`, { backward: backwardOf(j), forward: table.supplyDriven ? forwardOf(j) : 0 });
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
      scenario.world.goods.map((g): [string, GoodInfo] => {
        // v2 fields, not in the v1 schema: read defensively
        const v2 = g as { substitutionElasticity?: UncertainNumber; supplyElasticity?: UncertainNumber };
        return [
          g.id,
          {
            basePrice: g.basePrice,
            priceCap: g.priceCap,
            priceFloor: g.priceFloor,
            elasticity: value(g.demandElasticity, 1),
            substitution: value(v2.substitutionElasticity, 4),
            supplyElasticity: value(v2.supplyElasticity, 0.3),
            newSuppliers:
              g.newSuppliers === undefined
                ? undefined
                : {
                    weight: value(g.newSuppliers.weight, 0),
                    premium: value(g.newSuppliers.premium, 0),
                    qualification: Math.max(0, Math.round(value((g.newSuppliers as { qualificationPeriods?: UncertainNumber }).qualificationPeriods, 0))),
                  },
          },
        ];
      }),
    );

    // the run's state, per country and good
    const state = new Map<string, Map<string, CellState>>();
    for (const c of countries) {
      const cells = new Map<string, CellState>();
      for (const g of goods) {
        const b = this.cell(c, g);
        cells.set(g, {
          stock: value(b.coverMonths, 0) * b.U0 * monthsToPeriods,
          reserve: 0,
          reserveRate: 0,
          shortfall: 0,
          criticalShortfall: 0,
          otherShortfall: 0,
          planShortfall: 0,
          output: b.Q0,
          producerPrice: 1,
          priceInside: 1,
          insideIsProducers: b.Q0 > 0,
          lostUnits: 0,
          importCost: 0,
          lostSales: 0,
          lostSurplus: 0,
          lostProducerSurplus: 0,
          tariffRevenue: 0,
          termsOfTrade: 0,
        });
      }
      state.set(c, cells);
    }
    const priceOutside = new Map(goods.map((g) => [g, 1]));
    /** t0[g]: the first period whose clearing gave p_out > 1. */
    const shockStart = new Map<string, number>();
    /** Engine rule 3's flags, as each good was last cleared: some user short; some producer planning other than its baseline. */
    const goodShort = new Map(goods.map((g) => [g, false]));
    const goodPlanShort = new Map(goods.map((g) => [g, false]));
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
    // customs: what each flow carries this period, and the part of it leaked (baseline before any clearing)
    const shipped = new Map<FlowObject, { total: number; leaked: number }>();
    // what each flow carried in each period so far (for shipping lags)
    this.carriedHistory = new Map();
    for (const flows of this.flowsByGood.values()) for (const f of flows) shipped.set(f, { total: f.volume, leaked: 0 });
    // trade outcomes' levels in the periods before, from the baseline (times the seasonal factors)
    const levels = new Map<string, number[]>();

    for (let t = 0; t < T; t++) {
      // a fresh object per period
      const period: PeriodState = {
        t,
        flowRestriction: new Map(),
        restricting: new Map(),
        flowTariff: new Map(),
        addedCapacity: new Map(),
        disturbed: new Set(),
        announced: new Set(),
        requirement: new Map(),
        criticalRequirement: new Map(),
        inputRequirement: new Map(),
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

      // 2. Restrict, and the other levers. Every acting lever but a reserve disturbs its goods
      // (engine rule 3): a reserve is drawn on only when a buyer wants more than it gets.
      for (const { lever, trigger, start, end } of levers) {
        if (t < start && start < end) this.announce(lever, trigger, start, t, period, value);
        if (!(start <= t && t < end)) continue;
        if (lever.type !== "stockpileRelease") for (const g of "goods" in lever ? lever.goods : [lever.good]) period.disturbed.add(g);
        this.applyLever(lever, trigger, start, t, period, state, value, monthsToPeriods);
      }

      // 4. Requirement, for every country at once (mathjs), from the plans of t-1:
      //    R = max(0, U0 - a . planShortfall),  Rc = min(R, max(0, aCritical . (Q0 - planShortfall)))
      for (const c of countries) {
        const plan = matrix(goods.map((g) => state.get(c)!.get(g)!.planShortfall));
        const needed = subtract(this.useVector.get(c)!, multiply(this.recipeMatrix.get(c)!, plan)) as Matrix;
        const requirement = map(needed, (x: number) => (x < 0 ? 0 : x)) as Matrix;
        const planned = subtract(this.outputVector.get(c)!, plan);
        const criticalUse = multiply(this.criticalRecipeMatrix.get(c)!, planned) as Matrix;
        const inputUse = multiply(this.nonCriticalRecipeMatrix.get(c)!, planned) as Matrix;
        const row = new Map<string, number>();
        const criticalRow = new Map<string, number>();
        const inputRow = new Map<string, number>();
        goods.forEach((g, k) => {
          const R = requirement.get([k]) as number;
          const Rc = Math.min(R, Math.max(0, criticalUse.get([k]) as number));
          row.set(g, R);
          criticalRow.set(g, Rc);
          inputRow.set(g, Math.min(R - Rc, Math.max(0, inputUse.get([k]) as number)));
        });
        period.requirement.set(c, row);
        period.criticalRequirement.set(c, criticalRow);
        period.inputRequirement.set(c, inputRow);
      }

      // 3 to 10, good by good in topological order
      for (const g of this.goodOrder) {
        this.clearGood(g, period, state, goodInfo.get(g)!, priceOutside, shockStart, goodShort, goodPlanShort, lostRevenue, loss, value, shipped);
      }

      // record per-period outcomes
      for (const o of outcomeDefinitions) {
        if (o.kind === "shortfall") periodValues.get(o.name)!.push(state.get(o.country)!.get(o.good)!.shortfall);
        else if (o.kind === "stock") {
          const cell = state.get(o.country)!.get(o.good)!;
          const units = o.holder === "commercial" ? cell.stock : cell.reserve;
          const use = this.cell(o.country, o.good).U0 * (this.periodsPerYear / 12);
          periodValues.get(o.name)!.push(o.unit === "units" ? units : use > 0 ? units / use : 0);
        } else if (o.kind === "trade") {
          // the level: what the flows carry (all, licensed or leaked; units, or USD at the exporter's price)
          const p0 = goodInfo.get(o.good)!.basePrice;
          let level = 0;
          let baseline = 0;
          for (const f of this.flowsByGood.get(o.good)!) {
            if ((o.exporter !== undefined && f.exporter !== o.exporter) || (o.importer !== undefined && f.importer !== o.importer)) continue;
            const { total, leaked } = shipped.get(f)!;
            const part = o.part === "all" ? total : o.part === "leaked" ? leaked : total - leaked;
            level += o.unit === "USD" ? part * state.get(f.exporter)!.get(o.good)!.producerPrice * p0 : part;
            baseline += o.part === "leaked" ? 0 : o.unit === "USD" ? f.volume * p0 : f.volume;
          }
          const P = this.periodsPerYear;
          const factor = (k: number) => (o.seasonal === undefined ? 1 : o.seasonal[((k % P) + P) % P]!);
          level *= factor(t);
          if (o.change === "level") periodValues.get(o.name)!.push(level);
          else {
            // levels by period from -P on: the baseline's before period 0
            if (!levels.has(o.name)) levels.set(o.name, Array.from({ length: P }, (_, k) => baseline * factor(k - P)));
            const history = levels.get(o.name)!;
            const earlier = history[history.length - (o.change === "onPeriod" ? 1 : P)]!;
            history.push(level);
            periodValues.get(o.name)!.push(earlier > 0 ? level / earlier - 1 : level > 0 ? 1 : 0);
          }
        }
        else if (o.kind === "price") {
          const ratio = o.market === "outside" ? priceOutside.get(o.good)! : state.get(o.market.inside)!.get(o.good)!.priceInside;
          // in USD, a producing country's price is that of its home sales: rho times the base price
          const inside = o.market === "outside" ? undefined : this.cell(o.market.inside, o.good);
          const fromProducers = o.market !== "outside" && state.get(o.market.inside)!.get(o.good)!.insideIsProducers;
          const rho = inside !== undefined && fromProducers ? value(inside.domesticPriceRatio, 1) : 1;
          periodValues.get(o.name)!.push(o.unit === "USD" ? ratio * goodInfo.get(o.good)!.basePrice * rho : ratio);
        } else if (o.kind === "outputLoss" && o.series) {
          const b = this.cell(o.country, o.good);
          periodValues.get(o.name)!.push(this.outputLossIn(o.unit, b, o.good, b.Q0 - state.get(o.country)!.get(o.good)!.output, 1));
        }
      }
    }
    return this.finish(outcomeDefinitions, periodValues, state, loss, lostRevenue, value, effect);
  }

  /**
   * Step 2, announcements: a restriction due within its notice (`announced` periods before it
   * takes effect; a rule's lever is known only once decided) marks the users of the flows it
   * will cut, unless it blocks nothing, and disturbs their goods.
   */
  private announce(lever: Lever | RuleLever, trigger: string | undefined, start: number, t: number, period: PeriodState, value: (x: UncertainNumber | undefined, fallback: number) => number): void {
    if (lever.type !== "exportRestriction" && lever.type !== "importRestriction") return;
    if (t < start - Math.max(0, Math.round(value(lever.announced, 0)))) return;
    // it blocks something at some point: when it starts, at a step, or by licensing that never approves everything
    // it blocks something at some point once its leakage channel is open: when it starts, at a
    // step, or by licensing once approvals have settled
    const capacity = value((lever as { leakageCapacity?: UncertainNumber }).leakageCapacity, 1);
    const blocksAt = (r: number) => r - Math.min(r * value(lever.leakage, 0), capacity) > 0;
    const steps = lever.schedule ?? [];
    const settled = steps.length > 0 ? value(steps[steps.length - 1]!.severity, 1) : value(lever.severity, 1);
    const blocks =
      [0, ...steps.map((step) => step.after)].some((e) => blocksAt(severityAfter(lever, e, value))) ||
      (lever.licensing !== undefined && blocksAt(1 - (1 - settled) * value(lever.licensing.finalApproval, 1)));
    if (!blocks) return;
    const aimedAt = lever.type === "exportRestriction" ? lever.targets : lever.sources;
    const isTarget = (c: string) => c !== lever.actor && (aimedAt === "all" || (aimedAt === "triggering" ? c === trigger : aimedAt.includes(c)));
    for (const g of new Set(lever.goods)) {
      for (const flow of this.flowsByGood.get(g)!) {
        const hit = lever.type === "exportRestriction" ? flow.exporter === lever.actor && isTarget(flow.importer) : flow.importer === lever.actor && isTarget(flow.exporter);
        if (!hit) continue;
        period.announced.add(`${flow.importer}|${g}`);
        period.disturbed.add(g);
      }
    }
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
          if (severityAfter(lever, t - 1 - acting.start, value) < condition.minSeverity) continue; // as it acted in t-1
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
        const severity = severityAfter(lever, t - start, value);
        const leakage = value(lever.leakage, 0);
        const premium = value(lever.leakagePremium, 0);
        // v2 fields, not in the v1 schema: read defensively. A lag is a number of periods, rounded.
        const v2 = lever as { leakageLag?: UncertainNumber; leakageRamp?: UncertainNumber; leakageCapacity?: UncertainNumber; stockpileShare?: UncertainNumber };
        const lag = Math.max(0, Math.round(value(v2.leakageLag, 0)));
        // leakage counts only once this restriction's own lag is over, then as its channel
        // opens, 1 - exp(-(periods since + 1) / tau), and never above the channel's capacity
        const since = t - start - lag;
        const leaking = since < 0 ? 0 : leakage * ramp(since + 1, value(v2.leakageRamp, 0));
        const capacity = value(v2.leakageCapacity, 1);
        const leaked = Math.min(severity * leaking, capacity);
        const aimedAt = lever.type === "exportRestriction" ? lever.targets : lever.sources;
        const isTarget = (c: string) => c !== lever.actor && (aimedAt === "all" || (aimedAt === "triggering" ? c === trigger : aimedAt.includes(c)));
        const goods = [...new Set(lever.goods)];
        for (const g of goods) {
          for (const flow of this.flowsByGood.get(g)!) {
            const hit = lever.type === "exportRestriction" ? flow.exporter === lever.actor && isTarget(flow.importer) : flow.importer === lever.actor && isTarget(flow.exporter);
            if (!hit) continue;
            const r = period.flowRestriction.get(flow) ?? { pass: 1, unrestricted: 1, premium: 0, byExporter: false };
            r.pass *= leaked < severity * leaking ? 1 - severity + leaked : 1 - severity * (1 - leaking);
            r.unrestricted *= 1 - severity;
            if (leaked > 0 && premium > r.premium) r.premium = premium;
            if (lever.type === "exportRestriction") r.byExporter = true;
            period.flowRestriction.set(flow, r);
          }
        }
        if (lever.type === "exportRestriction" && severity - Math.min(severity * leakage, capacity) > 0) {
          // it blocks something: the exporter is restricting g; its reserve buys stockpileShare of what it blocks
          const share = value(v2.stockpileShare, 0);
          for (const g of goods) {
            const key = `${lever.actor}|${g}`;
            period.restricting.set(key, Math.max(period.restricting.get(key) ?? 0, share));
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
        // duties on the same flow add up
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

  /** What each flow carried, period by period, in the run being simulated (shipping lags). */
  private carriedHistory = new Map<FlowObject, number[]>();

  /** A flow's shipping lag: its own, else its good's (a new supplier's: its good's). */
  private lagOf(f: FlowObject): number {
    const own = f.index >= 0 ? (this.scenario.world.flows[f.index] as { shippingPeriods?: number }).shippingPeriods : undefined;
    return own ?? ((this.scenario.world.goods.find((g) => g.id === f.good) as { shippingPeriods?: number }).shippingPeriods ?? 0);
  }

  /** What flow f carried in period t (its baseline before period 0 and where nothing was recorded: a calm period). */
  private carried(f: FlowObject, t: number): number {
    return t < 0 ? f.volume : (this.carriedHistory.get(f)?.[t] ?? f.volume);
  }

  /** Steps 3 to 10 for good g in period t. */
  private clearGood(
    g: string,
    period: PeriodState,
    state: Map<string, Map<string, CellState>>,
    info: GoodInfo,
    priceOutside: Map<string, number>,
    shockStart: Map<string, number>,
    goodShort: Map<string, boolean>,
    goodPlanShort: Map<string, boolean>,
    lostRevenue: Map<FlowObject, number>,
    loss: Map<string, { direct: number; indirect: number }>,
    value: (x: UncertainNumber | undefined, fallback: number) => number,
    shipped: Map<FlowObject, { total: number; leaked: number }>,
  ): void {
    const { t } = period;
    const producers = this.producersOf.get(g)!;
    const users = this.usersOf.get(g)!;
    const flows = this.flowsByGood.get(g)!;
    const p0 = info.basePrice;
    const isRestricting = (c: string) => period.restricting.has(`${c}|${g}`);

    // Engine rule 3: a calm good (no lever disturbing it acts, none of its inputs was short when
    // last cleared, no producer of a good made from it plans other than its baseline) writes
    // the baseline exactly: output Q0, no shortfall, prices 1, nothing to account.
    // (nor does any user hold a stock off its target, n months of U0, which it would restock or draw on)
    const monthsToPeriods = this.periodsPerYear / 12;
    const offTarget = (c: string) => state.get(c)!.get(g)!.stock !== value(this.cell(c, g).targetMonths, 0) * this.cell(c, g).U0 * monthsToPeriods;
    const calm =
      !period.disturbed.has(g) &&
      ![...this.inputsOf.get(g)!].some((k) => goodShort.get(k)) &&
      ![...this.usesOf.get(g)!].some((h) => goodPlanShort.get(h)) &&
      !users.some(offTarget) &&
      // nor anything bought off the baseline still in transit
      !flows.some((f) => {
        const lag = this.lagOf(f);
        for (let tau = period.t - lag; tau < period.t; tau++) if (this.carried(f, tau) !== f.volume) return true;
        return false;
      });
    if (calm) {
      for (const c of producers) {
        const cell = state.get(c)!.get(g)!;
        cell.output = this.cell(c, g).Q0;
        cell.planShortfall = 0;
        cell.producerPrice = 1;
      }
      for (const c of users) {
        const cell = state.get(c)!.get(g)!;
        cell.shortfall = 0;
        cell.criticalShortfall = 0;
        cell.otherShortfall = 0;
      }
      for (const c of this.countries) {
        const cell = state.get(c)!.get(g)!;
        cell.priceInside = 1;
        cell.insideIsProducers = this.cell(c, g).Q0 > 0;
      }
      priceOutside.set(g, 1);
      goodShort.set(g, false);
      goodPlanShort.set(g, false);
      for (const f of flows) shipped.set(f, { total: f.volume, leaked: 0 });
      return;
    }

    // 3. Produce: y = max(0, min over critical inputs (1 - sigmaC) x (1 - sum of weighted non-critical sigmaO))
    const inputShare = new Map<string, number>();
    for (const c of producers) {
      let critical = 1;
      let nonCritical = 1;
      for (const input of this.cell(c, g).recipe) {
        const inputCell = state.get(c)!.get(input.good)!;
        if (input.critical) critical = Math.min(critical, 1 - inputCell.criticalShortfall);
        else nonCritical -= value(input.weight, 0.5) * inputCell.otherShortfall;
      }
      inputShare.set(c, Math.max(0, critical * nonCritical));
    }

    // 4. Requirement (computed for the whole period above): R, its critical part Rc, the other part Ro, orders' scale d
    const need = new Map<string, { R: number; Rc: number; Ro: number; d: number }>();
    for (const c of users) {
      const R = period.requirement.get(c)!.get(g)!;
      const Rc = period.criticalRequirement.get(c)!.get(g)!;
      need.set(c, { R, Rc, Ro: R - Rc, d: Math.min(1, R / this.cell(c, g).U0) });
    }
    const scaleOf = (c: string) => need.get(c)?.d ?? 0;
    // its target in months, plus its precaution while a restriction that will cut it is announced
    const targetMonthsOf = (c: string) => value(this.cell(c, g).targetMonths, 0) + (period.announced.has(`${c}|${g}`) ? value(this.cell(c, g).precautionMonths, 1) : 0);
    const restockOrder = (c: string, R: number) => {
      const b = this.cell(c, g);
      const target = targetMonthsOf(c) * R * monthsToPeriods;
      const tau = value(b.restockMonths, 3) * monthsToPeriods;
      const off = target - state.get(c)!.get(g)!.stock;
      // engine rule 6: a stock within rounding (relative 1e-12) of its target orders nothing
      return Math.abs(off) <= 1e-12 * target ? 0 : (tau > 1 ? 1 / tau : 1) * off;
    };

    // 5. The market problem: origins with their supply curves, buyers with their routes
    const market = new Market(info.substitution, info.elasticity, info.priceFloor, info.priceCap);
    const origins = new Map<string, Origin>();
    const newSupply = new Map<string, number>();
    const newOutput = new Map<string, number>();
    const t0 = shockStart.get(g);
    for (const c of producers) {
      const b = this.cell(c, g);
      const y = inputShare.get(c)!;
      const added = period.addedCapacity.get(`${c}|${g}`) ?? 0;
      // no surge while t0 is unset (up to and including the period that sets it)
      // its ramp starts restartLag periods (rounded) after the signal
      const surge = t0 === undefined ? 0 : value(b.surge, 0) * ramp(t - t0 - Math.max(0, Math.round(value(b.restartLag, 0))), value(b.ramp, 0));
      const capacity = b.K0 + surge + added;
      let fixed = 0;
      if (isRestricting(c)) {
        // its state reserve buys stockpileShare of the volume its flows' restrictions block
        let blocked = 0;
        for (const f of flows) {
          if (f.exporter !== c) continue;
          const r = period.flowRestriction.get(f);
          if (r !== undefined && r.byExporter) blocked += f.volume * scaleOf(f.importer) * (1 - r.pass);
        }
        fixed = period.restricting.get(`${c}|${g}`)! * blocked;
      }
      // a producer with no baseline output (capacity added where there was none) is not an
      // origin of the market: what it makes goes to its own country's buyers first
      const isNew = !(b.Q0 > 0);
      if (isNew) newSupply.set(c, y * added);
      const origin = market.addOrigin({
        country: c,
        supplyBase: isNew ? 0 : y * (b.Q0 + added),
        supplyMax: isNew ? 0 : y * capacity,
        supplyElasticity: value(b.supplyElasticity, info.supplyElasticity),
        fixed: fixed + this.excessShift * (b.Q0 + added),
        scale: b.Q0 + added,
        price: state.get(c)!.get(g)!.producerPrice,
      });
      origins.set(c, origin);
    }
    for (const c of users) {
      const b = this.cell(c, g);
      const n = need.get(c)!;
      // managed stocks: it orders K = (target - stock) / tau on top of its use (all of the gap
      // when tau is under a period), price-elastic like its other uses; above target it orders
      // -K less, drawing on the stock as on own supply
      const K = restockOrder(c, n.R);
      const buyer = market.addBuyer(c, n.Rc, n.Ro + Math.max(0, K), (newSupply.get(c) ?? 0) + Math.max(0, -K), value(b.demandElasticity, info.elasticity));
      // the home route (domestic sales at the producer price), then one route per flow into c
      if (origins.has(c) && b.H0 > 0) market.addRoute(buyer, origins.get(c)!, undefined, b.H0 / b.U0, 1, Infinity, 1, 0);
      for (const f of flows) {
        const newSupplier = f.outputShare !== undefined;
        if (f.importer !== c || !(f.volume > 0 || newSupplier)) continue;
        // a new supplier carries nothing until its qualification lag after the price signal
        const unqualified = newSupplier && info.newSuppliers!.qualification > 0 && !(t0 !== undefined && t - t0 >= info.newSuppliers!.qualification);
        const r = period.flowRestriction.get(f);
        const tariff = period.flowTariff.get(f) ?? 0;
        // a new supplier's tonnes cost its premium on top of any duty
        const first = (1 + tariff) * (newSupplier ? 1 + info.newSuppliers!.premium : 1);
        const second = Math.max(first, 1 + (r?.premium ?? 0));
        const firstCap = unqualified ? 0 : r !== undefined && r.unrestricted < 1 ? r.unrestricted * f.volume * n.d : Infinity;
        // what passes in all, c1 + c2 = pass F0 d (computed so, not as a sum: at leakage 1 it
        // is exactly the requirement, and a sum could fall an ulp short)
        const leaks = !unqualified && r !== undefined && r.pass > r.unrestricted;
        const totalCap = leaks ? r.pass * f.volume * n.d : firstCap;
        const secondCap = leaks ? (r.pass - r.unrestricted) * f.volume * n.d : 0;
        const weight = newSupplier ? info.newSuppliers!.weight * f.outputShare! : f.volume / b.U0;
        market.addRoute(buyer, origins.get(f.exporter)!, f, weight, first, firstCap, second, secondCap, { entry: newSupplier, tariff, totalCap });
      }
    }
    market.clear(`${g} in period ${t}`);

    // 6. Read off the market (after rationing at the cap)
    const result = market.result();

    // 7. Draw down stocks, then 8. shortfalls: Phat = min(P, cap), want = Rc + Ro Phat^-eps
    const buyerPrice = new Map<string, number>();
    const requirementVector = matrix(users.map((c) => need.get(c)!.R));
    const received: number[] = [];
    for (const c of users) {
      const u = need.get(c)!;
      const cell = state.get(c)!.get(g)!;
      const b = this.cell(c, g);
      const Phat = Math.min(result.buyerPrice.get(c)!, info.priceCap);
      buyerPrice.set(c, Phat);
      const eps = value(b.demandElasticity, info.elasticity);
      const wantOther = u.Ro * Math.pow(Phat, -eps);
      // what its own new producers offer covers its needs first
      const own = Math.min(newSupply.get(c) ?? 0, u.Rc + wantOther);
      newOutput.set(c, own);
      // 6. what arrives: along a flow with a shipping lag, what it carried lag periods ago
      let A = result.delivered.get(c)! + own;
      for (const f of flows) {
        const lag = this.lagOf(f);
        if (f.importer !== c || lag === 0) continue;
        const now = result.flowVolume.get(f);
        A += this.carried(f, period.t - lag) - (now === undefined ? 0 : now.first + now.second);
      }
      // what arrives is never negative: when nothing lands, the sum above is 0 up to rounding
      A = Math.max(0, A);
      // buyers' surplus lost: Phat - 1 on the critical tonnes it gets, and the integral of
      // Ro p^-eps dp from 1 to Phat (with expm1, so eps near 1 loses no digits)
      const lnP = Math.log(Phat);
      const x = (1 - eps) * lnP;
      cell.lostSurplus += p0 * (Math.min(u.Rc, A) * (Phat - 1) + u.Ro * (x === 0 ? lnP : lnP * (Math.expm1(x) / x)));
      // what it bought beyond what its uses want at the price is its restocking: into stock
      // (never above the gap to target: at a price below base the order can exceed it)
      const gapToTarget = targetMonthsOf(c) * u.R * monthsToPeriods - cell.stock;
      const toStock = restockOrder(c, u.R) > 0 ? Math.min(Math.max(0, A - (u.Rc + wantOther)), gapToTarget) : 0;
      A -= toStock;
      // stocks cover the gap to the requirement R, whether the buyer was rationed or priced out
      let gap = Math.max(0, u.R - A);
      if (gap > 0) {
        // critical inputs draw freely; other uses only above a reserve of n months of the
        // critical ones
        const rate = b.maxDrawShare * b.U0;
        const criticalGap = Math.min(Math.max(0, u.Rc - A), gap);
        let draw = Math.min(criticalGap, cell.stock, rate);
        const keep = targetMonthsOf(c) * u.Rc * monthsToPeriods;
        draw += Math.min(gap - criticalGap, Math.max(0, cell.stock - draw - keep), rate - draw);
        if (draw > 0) {
          cell.stock -= draw;
          A += draw;
          gap -= draw;
        }
        draw = Math.min(gap, cell.reserve, cell.reserveRate * b.U0);
        if (draw > 0) {
          cell.reserve -= draw;
          A += draw;
          gap -= draw;
        }
      }
      cell.stock += toStock;
      received.push(A);
      // critical uses are served first
      cell.criticalShortfall = u.Rc > 0 ? Math.max(0, 1 - A / u.Rc) : 0;
      // non-critical inputs are served next, before final and unmodelled uses
      const Rn = period.inputRequirement.get(c)!.get(g)!;
      cell.otherShortfall = Rn > 0 ? Math.max(0, 1 - Math.max(0, A - u.Rc) / Rn) : 0;
      // forward (supply-driven) indirect loss: the unmodelled uses it leaves unserved
      if (b.forwardMultiplier > 0) {
        const unserved = u.R - u.Rc - Rn - Math.max(0, A - u.Rc - Rn);
        if (unserved > 0) loss.get(c)!.indirect += unserved * p0 * b.forwardMultiplier;
      }
    }
    // sigma = max(0, 1 - A / R), 0 where R = 0 (mathjs, over the good's users)
    let anyShort = false;
    if (users.length > 0) {
      const ratio = dotDivide(matrix(received), map(requirementVector, (x: number) => (x > 0 ? x : 1))) as Matrix;
      const sigma = map(ratio, (x: number, index: number[]) => ((requirementVector.get(index) as number) > 0 ? Math.max(0, 1 - x) : 0)) as Matrix;
      users.forEach((c, k) => {
        const cell = state.get(c)!.get(g)!;
        cell.shortfall = sigma.get([k]) as number;
        if (cell.shortfall > 0 || cell.criticalShortfall > 0 || cell.otherShortfall > 0) anyShort = true;
      });
    }

    // p_out: the use-weighted price index of buyers outside restricting countries
    let weighted = 0;
    let weights = 0;
    for (const c of users) {
      if (isRestricting(c)) continue;
      weighted += need.get(c)!.R * buyerPrice.get(c)!;
      weights += need.get(c)!.R;
    }
    const price = weights > 0 ? weighted / weights : 1;
    priceOutside.set(g, price);
    if (!shockStart.has(g) && price > 1 + 1e-9) shockStart.set(g, t); // a rise within rounding is no signal
    // what outcome `price` inside a country reads: its producer price, else its buyer price, else p_out
    for (const c of this.countries) {
      const cell = state.get(c)!.get(g)!;
      const made = origins.has(c) && this.cell(c, g).Q0 > 0;
      if (origins.has(c)) cell.producerPrice = made ? result.producerPrice.get(c)! : 1;
      // a producer that can make nothing this period (closed) has no price of its own to report
      cell.insideIsProducers = made && !origins.get(c)!.closed;
      cell.priceInside = cell.insideIsProducers ? cell.producerPrice : buyerPrice.has(c) ? buyerPrice.get(c)! : price;
    }

    // 9/10. Account: output lost (negative: gained), plans for next period's input orders, value added
    let anyPlanShort = false;
    for (const c of producers) {
      const b = this.cell(c, g);
      const cell = state.get(c)!.get(g)!;
      const made = b.Q0 > 0 ? result.output.get(c)! : (newOutput.get(c) ?? 0);
      const lost = b.Q0 - made;
      cell.output = made;
      cell.planShortfall = inputShare.get(c)! * b.Q0 - made;
      if (cell.planShortfall !== 0) anyPlanShort = true;
      cell.lostUnits += lost;
      const l = loss.get(c)!;
      l.direct += lost * value(b.valueAdded, 0);
      l.indirect += lost * p0 * b.indirectMultiplier;
      // sales revenue lost: baseline sales (home sales at rho) less this period's at its price;
      // its state reserve's purchases count as home sales; a new producer sells to its own
      // buyers at the price they pay
      const rho = value(b.domesticPriceRatio, 1);
      if (b.Q0 > 0) {
        const p = result.producerPrice.get(c)!;
        let sales = rho * result.reserveSold.get(c)!;
        for (const route of result.routes) {
          if (route.origin.country !== c) continue;
          const shipped = result.routeVolume.get(route)!;
          sales += route.flow === undefined ? rho * shipped : shipped;
        }
        cell.lostSales += p0 * (rho * b.H0 + b.E0 - p * sales);
        // producers' surplus: integral of the supply curve's inverse, Q = Xb t^eta, from 0 to
        // its price at baseline (Q0 / (1 + eta)), and now p Q less the cost along the curve
        // of what it makes, integral over s from 0 to Q of (s / Xb)^(1/eta)
        const origin = origins.get(c)!;
        const eta = origin.supplyElasticity;
        const cost = eta > 0 && origin.supplyBase > 0 ? (made / (1 + 1 / eta)) * Math.pow(made / origin.supplyBase, 1 / eta) : 0;
        const surplus = origin.supplyBase > 0 && made > 0 ? p * made - cost : 0;
        cell.lostProducerSurplus += p0 * (b.Q0 / (1 + eta) - surplus);
      } else cell.lostSales -= p0 * rho * (buyerPrice.get(c) ?? 0) * (newOutput.get(c) ?? 0);
    }
    // export revenue: the exporter receives its producer price on every tonne of the route;
    // customs count what it carries, its second segment leaked
    for (const f of flows) {
      const carried = result.flowVolume.get(f) ?? { first: 0, second: 0 };
      shipped.set(f, { total: carried.first + carried.second, leaked: carried.second });
      if (!this.carriedHistory.has(f)) this.carriedHistory.set(f, []);
      this.carriedHistory.get(f)![period.t] = carried.first + carried.second;
      const revenue = f.volume - result.producerPrice.get(f.exporter)! * (carried.first + carried.second);
      lostRevenue.set(f, (lostRevenue.get(f) ?? 0) + p0 * revenue);
    }
    // extra cost of imports: every tonne along a route at the route's marginal price
    for (const route of result.routes) {
      if (route.flow === undefined) continue;
      const shipped = result.flowVolume.get(route.flow)!;
      const cell = state.get(route.buyer.country)!.get(g)!;
      cell.importCost += p0 * (result.costPerTonne.get(route)! - 1) * (shipped.first + shipped.second);
      // terms of trade at the exporter's price: the importer's loss is the exporter's gain
      const foreignPrice = p0 * (result.producerPrice.get(route.origin.country)! - 1) * (shipped.first + shipped.second);
      cell.termsOfTrade += foreignPrice;
      state.get(route.origin.country)!.get(g)!.termsOfTrade -= foreignPrice;
      // duties: the rate times the exporter's price on the licensed tonnes, and on leaked ones
      // where the duty sets their price (no dearer premium)
      const tariff = route.tariff;
      if (tariff > 0) {
        const taxed = shipped.first + (route.secondFactor === route.firstFactor ? shipped.second : 0);
        cell.tariffRevenue += p0 * tariff * result.producerPrice.get(route.origin.country)! * taxed;
      }
    }
    goodShort.set(g, anyShort);
    goodPlanShort.set(g, anyPlanShort);
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
        case "price":
        case "trade":
        case "stock": {
          const values = periodValues.get(o.name)!;
          const stat = o.stat;
          if (stat === "max") result = Math.max(...values);
          else if (stat === "min") result = Math.min(...values);
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
        case "revenueLoss":
          for (const g of o.goods ?? this.goods) result += state.get(o.country)!.get(g)!.lostSales;
          break;
        case "consumerSurplusLoss":
          for (const g of o.goods ?? this.goods) result += state.get(o.country)!.get(g)!.lostSurplus;
          break;
        case "producerSurplusLoss":
          for (const g of o.goods ?? this.goods) result += state.get(o.country)!.get(g)!.lostProducerSurplus;
          break;
        case "tariffRevenue":
          for (const g of o.goods ?? this.goods) result += state.get(o.country)!.get(g)!.tariffRevenue;
          break;
        case "termsOfTradeLoss":
          for (const g of o.goods ?? this.goods) result += state.get(o.country)!.get(g)!.termsOfTrade;
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

/** The market is cleared when every origin's excess demand is within this share of its scale (or a bound excuses it). */
const CLEARED = 1e-13;
/** One root-finding (an origin's price, the level of all prices) stops within this share of its scale, or when its bracket closes. */
const ROOT = 1e-15;
/** A buyer's price index is found where its route shares sum to 1 within this, or where its bracket closes. */
const SHARES = 1e-15;
/** Sweeps one market may take before the reference gives up (it throws rather than answer wrongly). */
const MAX_SWEEPS = 10_000;
/** Sweeps after which conjugate gradients follow each sweep (see conjugateGradients). */
const STALLED = 20;

/** An origin of one good's market in one period (step 5): a producer and its supply curve X(p) = min(Xmax, Xb p^eta). */
interface Origin {
  readonly country: string;
  /** Supply at price 1 (Xb), the most it can supply (Xmax), its supply elasticity (eta). */
  readonly supplyBase: number;
  readonly supplyMax: number;
  readonly supplyElasticity: number;
  /** Bought by its state reserve whatever the price. */
  readonly fixed: number;
  /** What its excess demand is measured against: baseline output plus capacity added by levers. */
  readonly scale: number;
  /** It can supply nothing (Xb <= 0 or Xmax <= 0): its buyers treat it as infinitely dear, and it keeps its last price. */
  readonly closed: boolean;
  readonly heldPrice: number;
  readonly routes: Route[];
  readonly buyers: Buyer[];
  /** Log of its producer price (a ratio to the base price), in [ln floor, ln cap]. */
  logPrice: number;
  /** How fast its excess demand fell with its log price when last searched: the next search's first step. */
  slope: number;
}

/** A buyer's route to an origin: the home route, or a baseline flow, on up to two segments. */
interface Route {
  readonly buyer: Buyer;
  readonly origin: Origin;
  /** The flow it follows; undefined for the home route. */
  readonly flow: FlowObject | undefined;
  /** CES weight: the route's share of the buyer's baseline use. */
  readonly weight: number;
  /** Price factors of its two segments (f1 <= f2) and their caps: c1 (Infinity for none) and c2, what the second adds (0 for none). */
  readonly firstFactor: number;
  readonly firstCap: number;
  readonly secondFactor: number;
  readonly secondCap: number;
  /** c1 + c2: what the route may carry in all. */
  readonly totalCap: number;
  /** ln f1, ln f2. */
  readonly logFirst: number;
  readonly logSecond: number;
  /** A new supplier's route: share w ((P / m)^sigma - 1) where positive, else 0. */
  readonly entry: boolean;
  /** The duty on it (its price factors may also hold a premium). */
  readonly tariff: number;
  /** Volumes on each segment at the current prices, before any rationing at the cap. */
  first: number;
  second: number;
}

/** A buyer of the good: demand D(P) = Rc + Ro P^-eps at its price index P. */
interface Buyer {
  readonly country: string;
  /** Its demand elasticity eps. */
  readonly eps: number;
  readonly critical: number;
  readonly other: number;
  /** What its own country's new producers (capacity where there was no output) offer it, outside the market. */
  readonly own: number;
  readonly routes: Route[];
  /** Log of its price index; Infinity when its caps cannot give it what it must have at any price (rationed). */
  logIndex: number;
}

/** What clearing leaves, after rationing at the cap. */
interface MarketResult {
  /** Per producer country: its price, its output. */
  readonly producerPrice: Map<string, number>;
  readonly output: Map<string, number>;
  /** Per buyer country: its price index P (Infinity when rationed), what it receives. */
  readonly buyerPrice: Map<string, number>;
  readonly delivered: Map<string, number>;
  /** Per flow, what it carries on each segment. */
  readonly flowVolume: Map<FlowObject, { first: number; second: number }>;
  readonly routes: readonly Route[];
  /** Per route, what it carries (both segments, after rationing). */
  readonly routeVolume: Map<Route, number>;
  /** Per producer country: what its state reserve bought (nothing from a closed origin; rationed like the rest at the cap). */
  readonly reserveSold: Map<string, number>;
  /**
   * Per route, what a tonne along it costs its buyer: the price of the segment it buys on;
   * held at a cap, the price at which the buyer would want just that volume, from
   * v / Q = w (P / m)^sigma, between the segment's price and the price cap; a rationed buyer
   * pays the cap (or the segment's price, if higher).
   */
  readonly costPerTonne: Map<Route, number>;
}

/**
 * Regula falsi, Illinois variant, for a root of a continuous non-increasing `f` with
 * f(a) = fa > 0 > fb = f(b): stops where |f| <= tolerance or when the bracket closes (then
 * the end with the smaller |f|). A step that does not halve the bracket in two is followed
 * by a bisection, so it ends on kinked and flat functions too.
 */
function illinois(f: (x: number) => number, a: number, fa: number, b: number, fb: number, tolerance: number): number {
  let ga = fa; // the values regula falsi uses (Illinois halves the one kept twice in a row)
  let gb = fb;
  let side = 0;
  let checkWidth = b - a;
  for (let k = 1; ; k++) {
    let x = a + (b - a) * (ga / (ga - gb));
    if (k % 2 === 0) {
      if (b - a > 0.5 * checkWidth) x = 0.5 * (a + b);
      checkWidth = b - a;
    }
    if (!(x > a && x < b)) x = 0.5 * (a + b);
    if (!(x > a && x < b)) break; // no number left between a and b
    const fx = f(x);
    if (Math.abs(fx) <= tolerance) return x;
    if (fx > 0) {
      a = x;
      fa = fx;
      ga = fx;
      if (side === 1) gb *= 0.5;
      side = 1;
    } else {
      b = x;
      fb = fx;
      gb = fx;
      if (side === -1) ga *= 0.5;
      side = -1;
    }
  }
  return Math.abs(fa) <= Math.abs(fb) ? a : b;
}

/**
 * One good's market in one period (docs/model.md, step 5), cleared by Gauss-Seidel sweeps
 * over origins with a common move of the price level before each sweep (see the comment at
 * the top of this file). Independent of src/engine/market.ts: it shares the model, not the method.
 */
class Market {
  readonly origins: Origin[] = [];
  readonly buyers: Buyer[] = [];
  readonly routes: Route[] = [];
  private readonly logFloor: number;
  private readonly logCap: number;

  /** sigma: substitution elasticity; eps: demand elasticity; prices bounded to [floor, cap]. */
  constructor(
    private readonly sigma: number,
    private readonly eps: number,
    private readonly floor: number,
    private readonly cap: number,
  ) {
    this.logFloor = Math.log(floor);
    this.logCap = Math.log(cap);
  }

  /** An origin; `price` is its price last period (where the search starts, and what a closed origin keeps). */
  addOrigin(spec: { country: string; supplyBase: number; supplyMax: number; supplyElasticity: number; fixed: number; scale: number; price: number }): Origin {
    const start = Math.min(this.cap, Math.max(this.floor, spec.price));
    const origin: Origin = {
      country: spec.country,
      supplyBase: spec.supplyBase,
      supplyMax: spec.supplyMax,
      supplyElasticity: spec.supplyElasticity,
      fixed: spec.fixed,
      scale: spec.scale,
      closed: !(spec.supplyBase > 0) || !(spec.supplyMax > 0),
      heldPrice: spec.price,
      routes: [],
      buyers: [],
      logPrice: start === this.floor ? this.logFloor : start === this.cap ? this.logCap : Math.log(start),
      slope: (this.sigma + spec.supplyElasticity) * spec.scale,
    };
    this.origins.push(origin);
    return origin;
  }

  addBuyer(country: string, critical: number, other: number, own: number, eps: number): Buyer {
    const buyer: Buyer = { country, eps, critical, other, own, routes: [], logIndex: 0 };
    this.buyers.push(buyer);
    return buyer;
  }

  addRoute(
    buyer: Buyer,
    origin: Origin,
    flow: FlowObject | undefined,
    weight: number,
    firstFactor: number,
    firstCap: number,
    secondFactor: number,
    secondCap: number,
    { entry = false, tariff = firstFactor - 1, totalCap = firstCap + secondCap }: { entry?: boolean; tariff?: number; totalCap?: number } = {},
  ): void {
    const logFirst = Math.log(firstFactor);
    const logSecond = Math.log(secondFactor);
    const route: Route = { buyer, origin, flow, weight, firstFactor, firstCap, secondFactor, secondCap, totalCap, logFirst, logSecond, entry, tariff, first: 0, second: 0 };
    buyer.routes.push(route);
    origin.routes.push(route);
    if (!origin.buyers.includes(buyer)) origin.buyers.push(buyer);
    this.routes.push(route);
  }

  /** Solve for prices (throws if the sweeps do not converge). `label` names the market in the error. */
  clear(label: string): void {
    for (const b of this.buyers) this.respond(b);
    for (let sweep = 0; !this.cleared(); sweep++) {
      if (sweep === MAX_SWEEPS) throw new Error(`reference: the market for ${label} did not clear in ${MAX_SWEEPS} sweeps`);
      this.shiftLevel();
      for (const o of this.origins) if (!o.closed) this.solveOrigin(o);
      if (sweep >= STALLED) this.conjugateGradients();
    }
  }

  /**
   * Where sweeps stall, as where a few origins' prices barely move what they sell together
   * (substitutes with fixed supply serving demand that is nearly all critical, linked by a
   * small route to an origin whose price does move what is sold, which holds the common move
   * of their group): nonlinear conjugate gradients (Polak-Ribiere, restarted where they give
   * no descent or an origin meets a bound) on the convex function whose gradient is minus
   * excess demand, each origin's excess scaled by the slope last seen in its own search. Each
   * step minimises the function along its direction within the bounds, like a sweep's.
   * (Without it the reference threw on a generated scenario, fast-check seed 4's 230th of
   * the agreement test's arbitrary: good g0 in period 6 did not clear in 10,000 sweeps.)
   */
  private conjugateGradients(): void {
    const n = this.origins.length;
    const dir = new Array<number>(n).fill(0);
    let last: number[] | undefined;
    let lastProduct = 0;
    for (let k = 0; k < 4 * n && !this.cleared(); k++) {
      const r = this.origins.map((o) => (o.closed ? 0 : this.excess(o)));
      const z = this.origins.map((o, i) => {
        const inside = o.logPrice > this.logFloor && o.logPrice < this.logCap;
        const inward = (o.logPrice <= this.logFloor && r[i]! > 0) || (o.logPrice >= this.logCap && r[i]! < 0);
        return !o.closed && (inside || inward) ? r[i]! / o.slope : 0;
      });
      const product = z.reduce((sum, zi, i) => sum + zi * r[i]!, 0);
      let beta = 0;
      if (last !== undefined && lastProduct > 0) beta = Math.max(0, z.reduce((sum, zi, i) => sum + zi * (r[i]! - last![i]!), 0) / lastProduct);
      for (let i = 0; i < n; i++) dir[i] = z[i] === 0 ? 0 : z[i]! + beta * dir[i]!;
      if (!(dir.reduce((sum, d, i) => sum + d * r[i]!, 0) > 0)) for (let i = 0; i < n; i++) dir[i] = z[i]!;
      last = r;
      lastProduct = product;
      if (!(product > 0)) return;
      if (this.lineSearch(dir)) last = undefined; // an origin met a bound: restart
    }
  }

  /** Minimise along dir (log prices, clamped to the bounds) from the current prices; true when it stops at a bound. */
  private lineSearch(dir: readonly number[]): boolean {
    const moving: Origin[] = [];
    const d: number[] = [];
    this.origins.forEach((o, i) => {
      if (dir[i] === 0) return;
      moving.push(o);
      d.push(dir[i]!);
    });
    const base = moving.map((o) => o.logPrice);
    const affected = [...new Set(moving.flatMap((o) => o.buyers))];
    const along = () => moving.reduce((sum, o, k) => sum + d[k]! * this.excess(o), 0);
    const at = (step: number) => {
      moving.forEach((o, k) => (o.logPrice = Math.min(this.logCap, Math.max(this.logFloor, base[k]! + step * d[k]!))));
      for (const b of affected) this.respond(b);
      return along();
    };
    // as far as the first of them to reach a bound
    let up = Infinity;
    for (let k = 0; k < moving.length; k++) {
      const room = ((d[k]! > 0 ? this.logCap : this.logFloor) - base[k]!) / d[k]!;
      if (room > 0 && room < up) up = room;
    }
    const slope = moving.reduce((sum, o, k) => sum + d[k]! * d[k]! * o.slope, 0);
    const tolerance = ROOT * moving.reduce((sum, o, k) => sum + Math.abs(d[k]!) * o.scale, 0);
    const root = this.search(at, 0, along(), slope, tolerance, { up, down: 0 }).root;
    at(root);
    return root === up;
  }

  /** Prices, output, volumes after rationing: at the cap, buyers get the share X / wanted of what they want from the origin. */
  result(): MarketResult {
    const producerPrice = new Map<string, number>();
    const output = new Map<string, number>();
    const rationShare = new Map<Origin, number>();
    const reserveSold = new Map<string, number>();
    for (const o of this.origins) {
      if (o.closed) {
        producerPrice.set(o.country, o.heldPrice);
        output.set(o.country, 0);
        rationShare.set(o, 1);
        reserveSold.set(o.country, 0);
        continue;
      }
      const offered = this.supply(o);
      const wanted = this.wantedFrom(o);
      producerPrice.set(o.country, this.priceOf(o));
      let share = 1;
      let made = offered;
      if (o.logPrice >= this.logCap && wanted > offered) share = offered / wanted;
      else if (o.logPrice <= this.logFloor && wanted < offered) made = wanted; // at the floor: output cut to what is wanted
      output.set(o.country, made);
      rationShare.set(o, share);
      reserveSold.set(o.country, o.fixed * share);
    }
    const flowVolume = new Map<FlowObject, { first: number; second: number }>();
    const routeVolume = new Map<Route, number>();
    const delivered = new Map<string, number>();
    const buyerPrice = new Map<string, number>();
    for (const b of this.buyers) {
      let received = 0;
      for (const r of b.routes) {
        const share = rationShare.get(r.origin)!;
        const first = r.first * share;
        const second = r.second * share;
        received += first + second;
        routeVolume.set(r, first + second);
        if (r.flow !== undefined) flowVolume.set(r.flow, { first, second });
      }
      delivered.set(b.country, received);
      buyerPrice.set(b.country, Math.exp(b.logIndex));
    }
    const costPerTonne = new Map<Route, number>();
    for (const b of this.buyers) {
      const wanted = b.routes.reduce((sum, r) => sum + r.first + r.second, 0); // shares sum to 1
      for (const r of b.routes) {
        const p = producerPrice.get(r.origin.country)!;
        const onSecond = r.second > 0;
        const own = p * (onSecond ? r.secondFactor : r.firstFactor);
        const volume = r.first + r.second;
        let cost = own;
        if (r.origin.closed) cost = this.cap;
        else if (!Number.isFinite(b.logIndex)) cost = Math.max(this.cap, p * r.secondFactor);
        else if (onSecond ? r.second >= r.totalCap - r.firstCap : r.first >= r.firstCap) {
          // from v / Q = w (P / m)^sigma, or w ((P / m)^sigma - 1) on a new supplier's route
          const gross = r.entry ? volume + r.weight * wanted : volume;
          const virtual = volume > 0 ? Math.exp(b.logIndex) * Math.pow((r.weight * wanted) / gross, 1 / this.sigma) : this.cap;
          cost = virtual < own ? own : virtual > this.cap ? Math.max(this.cap, own) : virtual;
        }
        costPerTonne.set(r, cost);
      }
    }
    return { producerPrice, output, buyerPrice, delivered, flowVolume, routes: this.routes, routeVolume, reserveSold, costPerTonne };
  }

  /** The price of an origin, exactly at a bound when it sits there. */
  private priceOf(o: Origin): number {
    return o.logPrice <= this.logFloor ? this.floor : o.logPrice >= this.logCap ? this.cap : Math.exp(o.logPrice);
  }

  /** What it offers at its price: min(Xmax, Xb p^eta). */
  private supply(o: Origin): number {
    return Math.min(o.supplyMax, o.supplyBase * Math.pow(this.priceOf(o), o.supplyElasticity));
  }

  /** What its buyers want from it at current prices, and its reserve's fixed purchase. */
  private wantedFrom(o: Origin): number {
    let wanted = o.fixed;
    for (const r of o.routes) wanted += r.first + r.second;
    return wanted;
  }

  private excess(o: Origin): number {
    return this.wantedFrom(o) - this.supply(o);
  }

  /** D(P) at log price index t. */
  private demand(b: Buyer, t: number): number {
    const wanted = b.eps === 0 || b.other === 0 ? b.critical + b.other : b.critical + b.other * Math.exp(-b.eps * t);
    return Math.max(0, wanted - b.own);
  }

  /**
   * A route's unconstrained share w (P / m)^sigma at log price index t, with the marginal
   * price m = p f; on a new supplier's route, w ((P / m)^sigma - 1), never below 0.
   */
  private shareAt(r: Route, t: number, logFactor: number): number {
    const share = r.weight * Math.exp(this.sigma * (t - r.origin.logPrice - logFactor));
    return r.entry ? Math.max(0, share - r.weight) : share;
  }

  /**
   * G(t) = sum of route shares - 1 at log price index t, each route taking
   * max(min(x1, c1/Q), min(x2, (c1 + c2)/Q)): non-decreasing in t, since the shares x rise
   * with P and the caps' shares rise as Q falls.
   */
  private shareGap(b: Buyer, t: number): number {
    const Q = this.demand(b, t);
    const capShare = (cap: number) => (Q > 0 ? cap / Q : cap > 0 ? Infinity : 0);
    let total = -1;
    for (const r of b.routes) {
      if (r.origin.closed) continue;
      let share = Math.min(this.shareAt(r, t, r.logFirst), capShare(r.firstCap));
      if (r.secondCap > 0) share = Math.max(share, Math.min(this.shareAt(r, t, r.logSecond), capShare(r.totalCap)));
      total += share;
    }
    return total;
  }

  /** Buyer b's price index and route volumes at the origins' current prices. */
  private respond(b: Buyer): void {
    // (a new supplier's route of weight 0 never carries anything)
    const open = b.routes.filter((r) => !r.origin.closed && !(r.entry && !(r.weight > 0)));
    for (const r of b.routes) {
      r.first = 0;
      r.second = 0;
    }
    if (open.length === 0) {
      b.logIndex = Infinity; // nothing to buy from: rationed, with nothing
      return;
    }
    // where the baseline routes' shares sum to 1 without caps: P^-sigma = sum w m^-sigma
    // (closed form), unless a new supplier's route is open there
    let free = 0;
    for (const r of open) if (!r.entry) free += r.weight * Math.exp(-this.sigma * (r.origin.logPrice + r.logFirst));
    const unconstrained = -Math.log(free) / this.sigma;
    // below the cheapest new supplier's log price (on either segment), every such route is shut
    let shut = Infinity;
    for (const r of open) if (r.entry && r.totalCap > 0) shut = Math.min(shut, r.origin.logPrice + Math.min(r.logFirst, r.logSecond));
    if (open.every((r) => r.entry || r.firstCap === Infinity) && unconstrained <= shut) {
      this.place(b, unconstrained);
      return;
    }
    // G(t) as t grows without bound: infinite with an uncapped route, else caps over what it must still have
    let limit = Infinity;
    if (open.every((r) => r.firstCap < Infinity)) {
      const caps = open.reduce((s, r) => s + r.totalCap, 0);
      const least = b.critical + (b.eps > 0 ? 0 : b.other) - b.own;
      limit = least > 0 ? caps / least - 1 : caps > 0 ? Infinity : -1;
    }
    // The price index is the least t with G(t) >= 0: the lowest price at which the buyer gets
    // what it wants (docs/model.md, "How the market is solved"). G may be 0 on a whole interval
    // (caps that exactly meet an inelastic need at any price above some level: such a buyer is
    // not rationed, and a root anywhere in the interval would give it a dearer index than the
    // model's). Bracket it (G <= 0 where the uncapped shares sum to 1, as caps only lower
    // shares), close in, then go down to the lowest point of a flat stretch.
    let lo = Math.min(unconstrained, shut);
    let gLo = this.shareGap(b, lo);
    let hi = lo;
    let gHi = gLo;
    for (let width = 1; limit >= 0 && !(gHi >= 0); width *= 2) {
      if (width > 2 ** 60) limit = -1; // (G tends to 0 without reaching it: demand that still responds to price)
      lo = hi;
      gLo = gHi;
      hi = lo + width;
      gHi = this.shareGap(b, hi);
    }
    if (!(limit >= 0)) {
      // the caps cannot give it what it must have at any price: it takes them all
      b.logIndex = Infinity;
      for (const r of open) {
        r.first = r.firstCap;
        r.second = r.totalCap - r.firstCap;
      }
      return;
    }
    if (hi === lo) {
      this.place(b, lo); // G >= 0 where the uncapped shares sum to 1: no cap binds (G is 0 there, but for rounding)
      return;
    }
    let t = gHi === 0 ? hi : illinois((x) => -this.shareGap(b, x), lo, -gLo, hi, -gHi, SHARES);
    // where G is flat at 0 just below t, the lowest such point (bisection: G is non-decreasing)
    if (Math.abs(this.shareGap(b, t - 1e-9 * Math.max(1, Math.abs(t)))) <= SHARES) {
      let far = lo;
      for (;;) {
        const mid = 0.5 * (far + t);
        if (!(mid !== far && mid !== t)) break;
        if (this.shareGap(b, mid) >= -SHARES) t = mid;
        else far = mid;
      }
    }
    this.place(b, t);
  }

  /** Route volumes at log price index t: each route's share of Q = D(P), its segments filled in order. */
  private place(b: Buyer, t: number): void {
    b.logIndex = t;
    const Q = this.demand(b, t);
    if (!(Q > 0)) return; // wants nothing
    for (const r of b.routes) {
      if (r.origin.closed) continue;
      let first = Math.min(this.shareAt(r, t, r.logFirst) * Q, r.firstCap);
      let second = 0;
      if (r.secondCap > 0) {
        const onSecond = Math.min(this.shareAt(r, t, r.logSecond) * Q, r.totalCap);
        if (onSecond > first) {
          first = r.firstCap;
          second = onSecond - r.firstCap;
        }
      }
      r.first = first;
      r.second = second;
    }
  }

  /** Set an origin's log price and update its buyers. */
  private setPrice(o: Origin, logPrice: number): void {
    o.logPrice = logPrice;
    for (const b of o.buyers) this.respond(b);
  }

  /** Every open origin clears within CLEARED of its scale, or sits at a bound that excuses it. */
  private cleared(): boolean {
    for (const o of this.origins) {
      if (o.closed) continue;
      const e = this.excess(o);
      const tolerance = CLEARED * o.scale;
      // at the cap, excess demand is rationed; at the floor, excess supply is not made
      if ((e > tolerance && o.logPrice < this.logCap) || (e < -tolerance && o.logPrice > this.logFloor)) return false;
    }
    return true;
  }

  /**
   * One origin's price, the others held: its excess demand is continuous and non-increasing
   * in its own price. Where it is still positive at the cap, the price stays at the cap (its
   * buyers are rationed); where it is still negative at the floor, at the floor (output cut).
   */
  private solveOrigin(o: Origin): void {
    const fx = this.excess(o);
    const at = (logPrice: number) => {
      this.setPrice(o, logPrice);
      return this.excess(o);
    };
    const found = this.search(at, o.logPrice, fx, o.slope, ROOT * o.scale);
    if (found.slope > 0 && found.slope < Infinity) o.slope = found.slope;
    if (o.logPrice !== found.root) this.setPrice(o, found.root);
  }

  /**
   * Move the prices of the origins strictly between the bounds by a common factor, in each
   * group of them linked by common buyers, to where the group's summed excess demand is zero
   * (it is non-increasing in the factor), or to where the first of them meets a bound. Sweeps
   * alone drift there slowly when demand and supply barely respond to the price level
   * (inelastic uses, supply at capacity).
   */
  private shiftLevel(): void {
    const free = new Set(this.origins.filter((o) => !o.closed && o.logPrice > this.logFloor && o.logPrice < this.logCap));
    const placed = new Set<Origin>();
    for (const first of free) {
      if (placed.has(first)) continue;
      const group = [first];
      placed.add(first);
      for (let k = 0; k < group.length; k++) {
        for (const b of group[k]!.buyers) {
          for (const r of b.routes) {
            if (free.has(r.origin) && !placed.has(r.origin)) {
              placed.add(r.origin);
              group.push(r.origin);
            }
          }
        }
      }
      if (group.length > 1) this.shiftGroup(group);
    }
  }

  private shiftGroup(group: readonly Origin[]): void {
    const base = group.map((o) => o.logPrice);
    const affected = [...new Set(group.flatMap((o) => o.buyers))];
    const total = () => group.reduce((s, o) => s + this.excess(o), 0);
    const at = (delta: number) => {
      group.forEach((o, k) => (o.logPrice = Math.min(this.logCap, Math.max(this.logFloor, base[k]! + delta))));
      for (const b of affected) this.respond(b);
      return total();
    };
    // (the common move goes at most as far as the first of them to reach a bound; a first guess at its
    // slope from the demand and supply elasticities: 0 sends it to that bound at once)
    const room = { up: Math.min(...base.map((y) => this.logCap - y)), down: Math.max(...base.map((y) => this.logFloor - y)) };
    const slope = group.reduce((s, o) => s + (this.eps + o.supplyElasticity) * o.scale, 0);
    at(this.search(at, 0, total(), slope, ROOT * group.reduce((s, o) => s + o.scale, 0), room).root);
  }

  /**
   * Root of a continuous non-increasing f, from x (where f is fx) towards the cap (fx > 0) or
   * the floor (fx < 0), or the bounds in `room`: a first step of fx / slope, doubled until f
   * changes sign (then Illinois within the bracket) or the bound is reached with f of the same
   * sign (the root is the bound: at the cap, buyers are rationed; at the floor, output is cut).
   * Where a step lands where f is within the tolerance, and still is a millionth of the step
   * back (f flat at 0: the price is not unique), the root is the nearest such point to where
   * the search started. Returns the root and the slope of f over the last step, the next
   * search's first guess.
   */
  private search(f: (x: number) => number, x: number, fx: number, slope: number, tolerance: number, room = { up: this.logCap, down: this.logFloor }): { root: number; slope: number } {
    if (Math.abs(fx) <= tolerance) return { root: x, slope: NaN };
    const up = fx > 0;
    const bound = up ? room.up : room.down;
    if (up ? !(x < bound) : !(x > bound)) return { root: x, slope: NaN };
    let step = Math.max(Math.abs(fx) / slope, 1e-12);
    for (;;) {
      let next = up ? x + step : x - step;
      if (up ? !(next < bound) : !(next > bound)) next = bound;
      const fn = f(next);
      const seen = (fx - fn) / (next - x);
      if (Math.abs(fn) <= tolerance) {
        // f may be 0 over an interval (where the price is not unique): take the end nearest to where the search
        // started. (A short step that lands within the tolerance is the last step of a converging search; so is
        // one where f is outside it a millionth of the step back.)
        if (!(Math.abs(next - x) > 1e-9) || !(Math.abs(f(next - 1e-6 * (next - x))) <= tolerance)) return { root: next, slope: seen };
        let far = x;
        let near = next;
        for (;;) {
          const mid = 0.5 * (far + near);
          if (!(mid !== far && mid !== near)) break;
          if (Math.abs(f(mid)) <= tolerance) near = mid;
          else far = mid;
        }
        return { root: near, slope: seen };
      }
      if (up ? fn < 0 : fn > 0) return { root: up ? illinois(f, x, fx, next, fn, tolerance) : illinois(f, next, fn, x, fx, tolerance), slope: seen };
      if (next === bound) return { root: bound, slope: seen };
      x = next;
      fx = fn;
      step *= 2;
    }
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

/** What sets a restriction's severity over time (as written in a scenario: fields with defaults may be missing). */
interface SeverityTerms {
  readonly severity?: UncertainNumber | undefined;
  readonly schedule?: readonly { readonly after: number; readonly severity: UncertainNumber }[] | undefined;
  readonly licensing?:
    | {
        readonly reviewMin?: UncertainNumber | undefined;
        readonly reviewMax: UncertainNumber;
        readonly initialApproval?: UncertainNumber | undefined;
        readonly finalApproval: UncertainNumber;
        readonly approvalRecovery?: UncertainNumber | undefined;
      }
    | undefined;
}

/**
 * docs/model.md, step 2: a restriction's severity `elapsed` periods after it takes effect.
 * The schedule's last step at or before `elapsed`, else `severity`; with licensing, of what
 * that leaves, the share licensed in the period passes: the mean over the period of the
 * share of applications decided (review times uniform on [reviewMin, reviewMax]; integrated
 * piece by piece between the CDF's breakpoints) times the approval share at the period's
 * middle.
 */
export function severityAfter(lever: SeverityTerms, elapsed: number, value: (x: UncertainNumber | undefined, fallback: number) => number): number {
  let severity = value(lever.severity, 1);
  for (const step of lever.schedule ?? []) if (step.after <= elapsed) severity = value(step.severity, 1);
  const licensing = lever.licensing;
  if (licensing === undefined) return severity;
  const lo = Math.max(0, value(licensing.reviewMin, 0));
  const hi = Math.max(lo, value(licensing.reviewMax, 0));
  const cdf = (s: number) => (s <= lo ? 0 : s >= hi ? 1 : (s - lo) / (hi - lo));
  const points = [elapsed, ...[lo, hi].filter((x) => x > elapsed && x < elapsed + 1), elapsed + 1].sort((a, b) => a - b);
  // each piece lies where the CDF is linear (or constant, either side of a step at lo = hi):
  // the midpoint rule is exact there
  let decided = 0;
  for (let k = 1; k < points.length; k++) decided += cdf((points[k - 1]! + points[k]!) / 2) * (points[k]! - points[k - 1]!);
  const final = value(licensing.finalApproval, 1);
  const initial = value(licensing.initialApproval ?? licensing.finalApproval, 1);
  const recovery = value(licensing.approvalRecovery, 0);
  const approval = recovery > 0 ? final + (initial - final) * Math.exp(-(elapsed + 0.5) / recovery) : final;
  const licensed = decided * approval;
  return licensed === 1 ? severity : 1 - (1 - severity) * licensed;
}
