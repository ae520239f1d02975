import type { FormulaProgram } from "../formula/program.js";
import type { ConditionType } from "../conditions/index.js";
import type { LeverType } from "../levers/index.js";
import type { OutcomeType } from "../outcomes/index.js";
import type { Distribution } from "../random/index.js";
import type { Scenario } from "../schema/scenario.js";
import type { NumberTable } from "./numbers.js";

/**
 * The code of each lever kind in {@link SlotTable.kind}. `satisfies` makes a new kind in
 * src/levers a compile error here until it has a code, and the engine's switch on the code
 * is exhaustive (`assertNever`), so a new kind cannot be silently ignored by the engine.
 */
export const SLOT_KIND = {
  exportRestriction: 0,
  importRestriction: 1,
  stockpileRelease: 2,
  capacityExpansion: 3,
  importTariff: 4,
} as const satisfies Record<LeverType, number>;

/** The code of a lever kind in the engine. */
export type SlotKind = (typeof SLOT_KIND)[LeverType];

/**
 * The code of each condition kind in {@link RuleTable.conditionKind}; like SLOT_KIND, a new
 * kind in src/conditions does not compile until it has a code and the engine a case.
 */
export const CONDITION_KIND = {
  restriction: 0,
  shortfall: 1,
  period: 2,
  price: 3,
  draw: 4,
} as const satisfies Record<ConditionType, number>;

/** The code of a condition kind in the engine. */
export type ConditionKindCode = (typeof CONDITION_KIND)[ConditionType];

/**
 * Every lever that can act in any policy: the policies' own levers (start known before
 * the run) and the levers of rule instances (start set when the rule fires). Flat arrays
 * indexed by slot; `*Ref` fields index the model's {@link NumberTable}.
 */
export interface SlotTable {
  readonly count: number;
  /** {@link SLOT_KIND} of the lever. */
  readonly kind: Uint8Array;
  /** 1 when the lever restricts trade (restriction conditions of rules see it), else 0. */
  readonly restricts: Uint8Array;
  /** 1 when the lever disturbs its goods' clearing whenever it acts; 0 when it acts only in a shortage (LeverKindModule.actsOnlyInShortage). */
  readonly disturbs: Uint8Array;
  readonly actor: Int32Array;
  /** Rule instance owning the slot, or -1 for a policy lever. */
  readonly rule: Int32Array;
  readonly startRef: Int32Array;
  /** Duration in periods; -1 means until the horizon. */
  readonly durationRef: Int32Array;
  readonly severityRef: Int32Array;
  readonly leakageRef: Int32Array;
  readonly premiumRef: Int32Array;
  /** Periods from the start before leaked volume arrives. */
  readonly leakageLagRef: Int32Array;
  /** Time constant of the leakage channel's opening once its lag is over; the most that leaks, as a share of the baseline flow. */
  readonly leakageRampRef: Int32Array;
  readonly leakageCapacityRef: Int32Array;
  /** Periods of notice before the slot takes effect (restrictions; 0 for other levers). */
  readonly announcedRef: Int32Array;
  /** A restriction's severity steps (CSR by slot): from `scheduleAfter` periods after it takes effect, the severity at `scheduleSeverityRef`. */
  readonly scheduleStart: Int32Array;
  readonly scheduleAfter: Int32Array;
  readonly scheduleSeverityRef: Int32Array;
  /** 1 when a restriction licenses what its severity does not block (docs/model.md, step 2); its review times and approval path. */
  readonly licensed: Uint8Array;
  readonly reviewMinRef: Int32Array;
  readonly reviewMaxRef: Int32Array;
  readonly initialApprovalRef: Int32Array;
  readonly finalApprovalRef: Int32Array;
  readonly approvalRecoveryRef: Int32Array;
  /** Export restriction: share of the blocked volume the exporter's state reserve buys. */
  readonly stockpileShareRef: Int32Array;
  /** Stockpile: reserve in months of use. Capacity: units per period added. Tariff: its rate. */
  readonly amountRef: Int32Array;
  /** Stockpile: largest release per period as a share of use. Capacity: ramp time constant. */
  readonly rateRef: Int32Array;
  /** Goods covered (CSR by slot). */
  readonly goodStart: Int32Array;
  readonly goods: Int32Array;
  /** Countries aimed at, as a mask of `count * C` bytes (on exports: importers; on imports: exporters). */
  readonly targetMask: Uint8Array;
  /** Flows affected (CSR by slot), as indices into the good-sorted flow arrays. */
  readonly flowStart: Int32Array;
  readonly flows: Int32Array;
}

/**
 * Rule instances: a rule whose action targets `triggering` becomes one instance per
 * country that could trigger it, each with its own firing state and random draw.
 */
export interface RuleTable {
  readonly count: number;
  readonly names: readonly string[];
  readonly agent: Int32Array;
  readonly probabilityRef: Int32Array;
  readonly delayRef: Int32Array;
  readonly slot: Int32Array;
  /** Index of the uniform draw deciding whether the instance fires. */
  readonly uniformDimension: Int32Array;
  /** Conditions (CSR by instance); all must hold. */
  readonly conditionStart: Int32Array;
  readonly conditionKind: Uint8Array;
  /** Restriction: the {@link SLOT_KIND} it looks at, or -1 for any lever that restricts trade. */
  readonly conditionLever: Int8Array;
  readonly conditionMinSeverity: Float64Array;
  /** Shortfall / price threshold; draw: lower bound (exclusive). */
  readonly conditionValue: Float64Array;
  /** Draw: upper bound (exclusive). */
  readonly conditionUpper: Float64Array;
  /** Draw: index of the uncertainty in the run's draws. */
  readonly conditionParam: Int32Array;
  /** Price: the good. */
  readonly conditionGood: Int32Array;
  readonly conditionFrom: Int32Array;
  readonly conditionUntil: Int32Array;
  /** Masks of `conditions * C` bytes: restriction actors (`by`) and countries aimed at (`against`). */
  readonly conditionByMask: Uint8Array;
  readonly conditionAgainstMask: Uint8Array;
  /** Mask of `conditions * G` bytes: goods the condition looks at. */
  readonly conditionGoodsMask: Uint8Array;
}

/** Which slots and rule instances act under each policy. */
export interface PolicyTable {
  readonly names: readonly string[];
  readonly descriptions: readonly (string | undefined)[];
  readonly baseline: number;
  readonly slotStart: Int32Array;
  readonly slots: Int32Array;
  readonly ruleStart: Int32Array;
  readonly rules: Int32Array;
}

/**
 * The code of each outcome kind in {@link OutcomeTable.kind}; like SLOT_KIND, a new kind in
 * src/outcomes does not compile until it has a code and the engine's switches a case.
 */
export const OUTCOME_KIND = {
  gdpLoss: 0,
  valueAddedLoss: 1,
  outputLoss: 2,
  shortfall: 3,
  price: 4,
  exportRevenueLoss: 5,
  importCostIncrease: 6,
  ruleFired: 7,
  firstFiring: 8,
  formula: 9,
  revenueLoss: 10,
  consumerSurplusLoss: 11,
  producerSurplusLoss: 12,
  tariffRevenue: 13,
  termsOfTradeLoss: 14,
  trade: 15,
  stock: 16,
} as const satisfies Record<OutcomeType, number>;

/** The code of an outcome kind in the engine. */
export type OutcomeKindCode = (typeof OUTCOME_KIND)[OutcomeType];

/** Statistic over periods (shortfall, price) or unit (output loss, price). */
export const STAT_MAX = 0;
export const STAT_MEAN = 1;
export const STAT_FINAL = 2;
export const STAT_MIN = 3;
export const UNIT_SHARE = 0;
export const UNIT_UNITS = 1;
export const UNIT_USD = 2;
export const UNIT_RATIO = 3;
export const UNIT_PERCENT_GDP = 4;
/** Trade outcomes: what part of what is shipped (all, within quotas, leaked), and the level or its change on the period or the year before. */
export const PART_ALL = 0;
export const PART_LICENSED = 1;
export const PART_LEAKED = 2;
export const CHANGE_LEVEL = 0;
export const CHANGE_ON_PERIOD = 1;
export const CHANGE_ON_YEAR = 2;
/** Stock outcomes: whose stock. */
export const HOLDER_COMMERCIAL = 0;
export const HOLDER_STRATEGIC = 1;

/** Description of one recorded outcome, as reported in results. */
export interface OutcomeInfo {
  readonly name: string;
  readonly unit: string;
  readonly description: string;
  readonly thresholds: readonly number[];
  /** Whether a value per period is recorded too. */
  readonly series: boolean;
}

/** Compiled outcomes: what to read from a finished run. */
export interface OutcomeTable {
  readonly count: number;
  readonly info: readonly OutcomeInfo[];
  /** {@link OUTCOME_KIND} of the outcome. */
  readonly kind: Uint8Array;
  /** 1 when every value of the outcome is a whole number (histograms then bin by number). */
  readonly wholeValued: Uint8Array;
  readonly country: Int32Array;
  readonly good: Int32Array;
  readonly stat: Uint8Array;
  readonly unit: Uint8Array;
  /** Restricting country for an inside price, -1 for the outside market. */
  readonly market: Int32Array;
  /** Trade: PART_*; stock: HOLDER_*. */
  readonly part: Uint8Array;
  /** CHANGE_*: a level, or its change on the period or the year before (trade). */
  readonly change: Uint8Array;
  /** Seasonal factors (CSR by outcome, periodsPerYear each or none) and the level before the first period, without them. */
  readonly seasonalStart: Int32Array;
  readonly seasonal: Float64Array;
  readonly baselineLevel: Float64Array;
  /** Index among series outcomes, or -1. */
  readonly seriesIndex: Int32Array;
  /** Goods, flows or rule instances the outcome sums over (CSR by outcome); empty = all. */
  readonly listStart: Int32Array;
  readonly list: Int32Array;
  readonly seriesCount: number;
  /** Formula outcomes: the program and the outcomes its variables stand for (by outcome index). */
  readonly formulas: readonly ({ readonly program: FormulaProgram; readonly inputs: Int32Array } | undefined)[];
  /** Scratch sizes for evaluating formulas. */
  readonly formulaVariables: number;
  readonly formulaStack: number;
}

/**
 * A scenario compiled for simulation: names resolved to indices, goods in topological
 * order of recipes, flat typed arrays, sparse lists for flows, recipes and levers.
 * Cells are indexed `c * G + g` (country c, good g). Built once per experiment.
 */
export interface CompiledModel {
  readonly scenario: Scenario;
  readonly countryIds: readonly string[];
  readonly goodIds: readonly string[];
  /** Countries, goods, periods in the horizon, periods per year. */
  readonly C: number;
  readonly G: number;
  readonly T: number;
  readonly periodsPerYear: number;
  readonly maxEscalationDepth: number;
  /** Goods in topological order of recipes (inputs before outputs). */
  readonly goodOrder: Int32Array;
  readonly gdp: Float64Array;

  // goods
  readonly basePrice: Float64Array;
  readonly priceCap: Float64Array;
  readonly priceFloor: Float64Array;
  /** Substitution elasticity between origins (sigma), per good. */
  readonly substitutionRef: Int32Array;

  // cells (c * G + g)
  /** Baseline output Q0, capacity K0; value added per unit VA (a number-table reference). */
  readonly Q0: Float64Array;
  readonly K0: Float64Array;
  readonly valueAddedRef: Int32Array;
  /** Baseline domestic sales H0 = Q0 - exports, exports E0, and total use U0 = H0 + imports. */
  readonly H0: Float64Array;
  readonly E0: Float64Array;
  readonly U0: Float64Array;
  /** Demand elasticity (eps) of each buyer: its own (world.demand), or its good's. */
  readonly demandElasticityRef: Int32Array;
  /** Price of a producer's home sales as a multiple of the base price (rho; 1 by default). */
  readonly domesticPriceRef: Int32Array;
  /** Commercial stock cover at the start (months), its target (months of the requirement), how fast it is restocked (tau, months), and the largest draw per period as a share of U0 (Infinity: none). */
  readonly coverRef: Int32Array;
  readonly targetRef: Int32Array;
  readonly restockRef: Int32Array;
  /** Months added to a user's target while a restriction that will cut it is announced. */
  readonly precautionRef: Int32Array;
  readonly maxDrawShare: Float64Array;
  readonly surgeRef: Int32Array;
  readonly rampRef: Int32Array;
  /** Periods after the price signal before surge capacity starts its ramp (lagK, rounded). */
  readonly restartLagRef: Int32Array;
  /** Short-run supply elasticity (eta) of each producing cell: its own, or its good's. */
  readonly supplyElasticityRef: Int32Array;
  /** Value added lost in unmodelled sectors upstream per USD of lost output (backward, mixed model). */
  readonly indirectMultiplier: Float64Array;
  /** Value added lost in unmodelled sectors downstream per USD of a buyer's unmodelled uses not served (forward, Ghosh). */
  readonly forwardMultiplier: Float64Array;

  // producers and users of each good (CSR by good)
  readonly producerStart: Int32Array;
  readonly producers: Int32Array;
  readonly userStart: Int32Array;
  readonly users: Int32Array;

  // flows sorted by good (CSR by good)
  readonly flowStart: Int32Array;
  readonly flowExporter: Int32Array;
  readonly flowImporter: Int32Array;
  readonly flowVolume: Float64Array;
  /** The good of each flow. */
  readonly flowGood: Int32Array;
  /** Position of each sorted flow in `world.flows`; -1 for a new supplier's flow (volume 0, after the good's declared flows). */
  readonly flowSource: Int32Array;
  /** Per good: number refs of its new suppliers' lambda and premium, -1 when it allows none. */
  readonly newSupplierWeightRef: Int32Array;
  readonly newSupplierPremiumRef: Int32Array;
  /** Per good: periods after its price signal before new suppliers' routes may carry anything (-1: no new suppliers). */
  readonly newSupplierQualificationRef: Int32Array;

  // recipes per producing cell (CSR by cell)
  readonly inputStart: Int32Array;
  readonly inputGood: Int32Array;
  readonly inputPerUnit: Float64Array;
  readonly inputCritical: Uint8Array;
  /** Weight of a non-critical input's shortfall (a number-table reference). */
  readonly inputWeightRef: Int32Array;
  /** Goods any producer of a good uses as inputs, and goods made from a good (CSR by good, distinct). */
  readonly goodInputStart: Int32Array;
  readonly goodInputs: Int32Array;
  readonly goodUseStart: Int32Array;
  readonly goodUses: Int32Array;
  /** Intermediate uses of each cell's good by producers in the same country (CSR by cell). */
  readonly useStart: Int32Array;
  readonly useCell: Int32Array;
  readonly usePerUnit: Float64Array;
  /** 1 where the use is a critical input (its requirement does not respond to price). */
  readonly useCritical: Uint8Array;

  // routes of each buyer of each good (CSR by position in \`users\`; docs/model.md, step 5)
  /** Origin of the route, as a position among the good's producers (\`producers\` from \`producerStart[g]\`). */
  readonly routeStart: Int32Array;
  readonly routeOrigin: Int32Array;
  /** The flow the route carries, or -1 for the buyer's own producers. */
  readonly routeFlow: Int32Array;
  /** Per route: its shipping lag in periods (0 for home routes); and the largest. */
  readonly routeLag: Int32Array;
  readonly maxShippingLag: number;
  /** Baseline share of the buyer's use that comes along the route (its CES weight). */
  readonly routeWeight: Float64Array;
  /** The most producers, users and routes any one good has (sizes of the market workspace). */
  readonly maxProducers: number;
  readonly maxUsers: number;
  readonly maxRoutes: number;

  readonly numbers: NumberTable;
  /** Each uncertainty's distribution: its own, or for one drawn jointly, the marginal of the joint draws. */
  readonly uncertainties: readonly { readonly name: string; readonly distribution: Distribution }[];
  /**
   * The scenario's joint draws (`posterior`), if any: a run picks row r by the weights'
   * inverse CDF at the first listed uncertainty's uniform, and uncertainty `dimensions[k]`
   * takes `values[r * dimensions.length + k]`.
   */
  readonly joint: { readonly dimensions: Int32Array; readonly cumulative: Float64Array; readonly values: Float64Array } | undefined;
  /** Uniform draws per run: one per uncertainty, then one per rule instance. */
  readonly randomDimensions: number;

  readonly slots: SlotTable;
  readonly rules: RuleTable;
  readonly policies: PolicyTable;
  readonly outcomes: OutcomeTable;
}
