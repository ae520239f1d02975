import fc from "fast-check";
import { InputError } from "../errors.js";
import type { ScenarioInput } from "../schema/scenario.js";
import { drawLimits } from "./_internals/context.js";
import { ALL_DISTRIBUTION_KINDS, type DistributionKind } from "./distribution-arbitrary.js";
import { buildPolicy, buildRule, policyDrawArbitrary, ruleDrawArbitrary, type ConditionKind, type LeverKind } from "./_internals/policy-draw.js";
import { UncertaintySink } from "./_internals/uncertain.js";
import { buildWorld, worldDrawArbitrary, worldLimits } from "./_internals/world-draw.js";
import { standardOutcomes } from "./standard-outcomes.js";

/** Size controls of {@link scenarioArbitrary}. */
export interface ScenarioConstraints {
  /** Fewest countries, at least 2; default 2. */
  readonly minCountries?: number;
  /** Most countries; default 4. */
  readonly maxCountries?: number;
  /** Fewest goods; default 1. */
  readonly minGoods?: number;
  /** Most goods; default 4. */
  readonly maxGoods?: number;
  /** Fewest policies; default 1. */
  readonly minPolicies?: number;
  /** Most policies; default 3. */
  readonly maxPolicies?: number;
  /** Fewest levers per policy; default 0. */
  readonly minLevers?: number;
  /** Most levers per policy; default 3. */
  readonly maxLevers?: number;
  /** Most scenario-wide rules; default 2 (0 for none). */
  readonly maxRules?: number;
  /** Most policy-only rules per policy; default 1. */
  readonly maxPolicyRules?: number;
  /** A fixed horizon, in periods; without it, 1 to `maxHorizon`. */
  readonly horizon?: number;
  /** Longest horizon when `horizon` is not given; default 12. */
  readonly maxHorizon?: number;
  /** A fixed period; without it, month, quarter or year (shrinking toward month). */
  readonly period?: "month" | "quarter" | "year";
  /** Whether numbers are sometimes drawn from uncertainties; default true. */
  readonly uncertainties?: boolean;
  /** Families uncertainties are drawn from (those that fit each field); default all. */
  readonly distributionKinds?: readonly DistributionKind[];
  /** Whether some countries get a national input-output table; default true. */
  readonly inputOutput?: boolean;
  /** Whether some users hold commercial stocks; default true. */
  readonly stocks?: boolean;
  /** Kinds of lever in policies and rules' actions; default every kind (src/levers). */
  readonly leverKinds?: readonly LeverKind[];
  /** Kinds of condition in rules; default every kind (src/conditions). */
  readonly conditionKinds?: readonly ConditionKind[];
}

/**
 * Whole valid scenarios: a world (see {@link worldArbitrary}), uncertainties, agents'
 * rules, policies and outcomes.
 *
 * - **Uncertainties** (unless `uncertainties: false`): about one number in four that a
 *   scenario may draw (elasticities, input weights, value added,
 *   surge capacity, ramp-ups, stock cover, severities, leakage, premiums, stockpile shares,
 *   starts, durations, reserves, capacity added, probabilities, delays) is drawn from a
 *   distribution whose support fits the field (see {@link distributionArbitrary}): shares
 *   in [0, 1], elasticities in [0.05, 3], periods in [0, horizon]. They are named after
 *   what they feed: `g1-elasticity`, `policy0-lever1-severity`, `rule0-probability`.
 * - **Rules** `rule0`, ... (scenario-wide) and `policy1-rule0`, ... (policy-only), see
 *   {@link ruleArbitrary}; a `draw` condition gets its own uncertainty; policies may
 *   switch scenario-wide rules off.
 * - **Policies** `policy0` (the baseline), `policy1`, ..., see {@link policyArbitrary}.
 * - **Outcomes**: {@link standardOutcomes} of the world, and `ruleFired:<rule>` per rule.
 *
 * Every generated scenario passes `parseScenario` (the library's own suite checks
 * hundreds on every run). Shrinking needs no `chain`: counts are integers and every part is drawn for
 * the largest size and cut down, so a failing property shrinks to few countries, goods,
 * policies and rules, fixed numbers and round values.
 *
 * @param constraints - size controls, see {@link ScenarioConstraints}.
 * @returns an arbitrary of scenarios (`ScenarioInput`) named `generated`.
 * @throws {InputError} for size controls that are not whole numbers in order (min <= max,
 *   at least 2 countries, 1 good and 1 policy) or unknown kinds.
 * @example
 * ```ts
 * import fc from "fast-check";
 * import { scenarioArbitrary, assertGdpLossWithinGdp } from "chokepoint/testing";
 *
 * fc.assert(
 *   fc.property(scenarioArbitrary({ maxCountries: 3, maxGoods: 3, horizon: 6 }), fc.nat(99), (scenario, run) =>
 *     assertGdpLossWithinGdp(scenario, { seed: 1, run }),
 *   ),
 *   { numRuns: 100 },
 * );
 * ```
 */
export function scenarioArbitrary(constraints: ScenarioConstraints = {}): fc.Arbitrary<ScenarioInput> {
  const drawn = constraints.uncertainties === false ? [] : (constraints.distributionKinds ?? ALL_DISTRIBUTION_KINDS);
  const limits = worldLimits(constraints, drawn);
  const minPolicies = constraints.minPolicies ?? 1;
  const maxPolicies = constraints.maxPolicies ?? Math.max(3, minPolicies);
  const minLevers = constraints.minLevers ?? 0;
  const maxLevers = constraints.maxLevers ?? Math.max(3, minLevers);
  const maxRules = constraints.maxRules ?? 2;
  const maxPolicyRules = constraints.maxPolicyRules ?? 1;
  const counts = { minPolicies, maxPolicies, minLevers, maxLevers, maxRules, maxPolicyRules };
  for (const [key, value] of Object.entries(counts)) {
    if (!Number.isInteger(value) || value < 0) throw new InputError(`constraints.${key}`, `expected a whole number >= 0, found ${value}`);
  }
  if (minPolicies < 1 || maxPolicies < minPolicies) throw new InputError("constraints", `expected 1 <= minPolicies <= maxPolicies, found ${minPolicies} and ${maxPolicies}`);
  if (maxLevers < minLevers) throw new InputError("constraints", `expected minLevers <= maxLevers, found ${minLevers} and ${maxLevers}`);
  const maxHorizon = constraints.horizon ?? constraints.maxHorizon ?? 12;
  const draws = drawLimits(
    { horizon: maxHorizon, leverKinds: constraints.leverKinds, conditionKinds: constraints.conditionKinds },
    drawn,
  );
  if (constraints.maxHorizon !== undefined && !(Number.isInteger(constraints.maxHorizon) && constraints.maxHorizon >= 1 && constraints.maxHorizon <= 1200)) {
    throw new InputError("constraints.maxHorizon", `expected a whole number of periods in [1, 1200], found ${constraints.maxHorizon}`);
  }
  return fc
    .record({
      world: worldDrawArbitrary(limits),
      horizon: constraints.horizon === undefined ? fc.integer({ min: 1, max: maxHorizon }) : fc.constant(constraints.horizon),
      period: constraints.period === undefined ? fc.constantFrom("month" as const, "quarter" as const, "year" as const) : fc.constant(constraints.period),
      maxEscalationDepth: fc.integer({ min: 1, max: 4 }),
      rules: fc.array(ruleDrawArbitrary(draws), { maxLength: maxRules }),
      policies: fc.array(policyDrawArbitrary(draws, minLevers, maxLevers, maxPolicyRules), { minLength: minPolicies, maxLength: maxPolicies }),
    })
    .map((draw): ScenarioInput => {
      const sink = new UncertaintySink(drawn.length > 0);
      const world = buildWorld(draw.world, limits, sink, draw.period);
      const ctx = { countries: world.countries.map((c) => c.id), goods: world.goods.map((g) => g.id), sink };
      const rules = draw.rules.flatMap((rule, r) => buildRule(rule, ctx, `rule${r}`) ?? []);
      const globalRules = rules.map((rule) => rule.name);
      const policies = draw.policies.map((policy, p) => buildPolicy(policy, ctx, `policy${p}`, globalRules));
      const ruleNames = [...globalRules, ...policies.flatMap((policy) => (policy.rules ?? []).map((rule) => rule.name))];
      return {
        name: "generated",
        period: draw.period,
        horizon: draw.horizon,
        maxEscalationDepth: draw.maxEscalationDepth,
        world,
        ...(sink.uncertainties.length === 0 ? {} : { uncertainties: sink.uncertainties }),
        ...(rules.length === 0 ? {} : { rules }),
        policies,
        outcomes: [...standardOutcomes(world), ...ruleNames.map((name) => ({ name: `ruleFired:${name}`, kind: "ruleFired" as const, rules: [name] }))],
      };
    });
}
