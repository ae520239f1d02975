// chokepoint/testing: fast-check arbitraries of valid worlds and scenarios, a replay of
// one draw, and the engine's invariants as reusable assertions. fast-check is a peer
// dependency: install it next to chokepoint to use this entry. Runs anywhere the library
// does (no Node built-ins).

// Arbitraries: valid worlds, uncertainties, levers, rules, policies, whole scenarios
export { worldArbitrary, type WorldConstraints, type WorldInput } from "./world-arbitrary.js";
export { distributionArbitrary, type DistributionConstraints, type DistributionKind } from "./distribution-arbitrary.js";
export { leverArbitrary, type LeverConstraints, type LeverInput, type LeverKind } from "./lever-arbitrary.js";
export type { WorldNames } from "./_internals/context.js";
export { ruleArbitrary, type RuleConstraints, type RuleInput, type ConditionKind } from "./rule-arbitrary.js";
export { policyArbitrary, type PolicyConstraints, type PolicyInput } from "./policy-arbitrary.js";
export { scenarioArbitrary, type ScenarioConstraints } from "./scenario-arbitrary.js";
export { inputOutputTableArbitrary, type InputOutputTableConstraints, type GeneratedInputOutputTable } from "./input-output-table-arbitrary.js";
export { standardOutcomes, type OutcomeInput } from "./standard-outcomes.js";

// One draw: compare policies under the same shocks, replay a counterexample
export { simulateDraw, type DrawOptions, type DrawResult } from "./simulate-draw.js";
export { scaleVolumes } from "./scale-volumes.js";

// Invariants: each returns true or throws an InvariantError saying what broke, on which draw
export { assertZeroLossWithoutRestrictions } from "./assert-zero-loss-without-restrictions.js";
export { assertSeverityNeverLowersShortfall, type SeverityOptions } from "./assert-severity-never-lowers-shortfall.js";
export { assertSeverityNeverLowersLosses, type LossSeverityOptions } from "./assert-severity-never-lowers-losses.js";
export { assertFullLeakageBlocksNothing, type LeakageOptions } from "./assert-full-leakage-blocks-nothing.js";
export { assertLossesScaleWithVolumes, type ScaleOptions } from "./assert-losses-scale-with-volumes.js";
export { assertStocksAndPricesNonNegative } from "./assert-stocks-and-prices-non-negative.js";
export { assertGdpLossWithinGdp } from "./assert-gdp-loss-within-gdp.js";
export { assertDeterministic } from "./assert-deterministic.js";
export { assertEngineInvariants } from "./assert-engine-invariants.js";
export { invariantHolds } from "./invariant-holds.js";
export { InvariantError, type InvariantDraw } from "./invariant-error.js";
export type { InvariantDrawOptions } from "./_internals/variants.js";
