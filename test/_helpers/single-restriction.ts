import type { ScenarioInput } from "../../src/index.js";

/**
 * The scenario with its policy's only lever narrowed to where the severity invariants hold
 * (their TSDoc): a restriction of one good, aimed at one country with a baseline flow of
 * that good from (or, for an import restriction, to) the actor, that makes nothing from the
 * good; undefined where there is no such flow or target, or the lever is not a restriction.
 */
export function toSingleRestriction(scenario: ScenarioInput): ScenarioInput | undefined {
  const lever = scenario.policies[0]!.levers![0]!;
  if (lever.type !== "exportRestriction" && lever.type !== "importRestriction") return undefined;
  const good = lever.goods[0]!;
  const onExports = lever.type === "exportRestriction";
  const flow = (scenario.world.flows ?? []).find((f) => f.good === good && (onExports ? f.exporter === lever.actor : f.importer === lever.actor) && f.volume > 0);
  if (flow === undefined) return undefined;
  const single = onExports ? { ...lever, goods: [good], targets: [flow.importer] } : { ...lever, goods: [good], sources: [flow.exporter] };
  // the target makes nothing from the good: else its requirement falls as its producers plan
  // less, and its shortfall, measured against it, can fall with a harsher cut (their TSDoc)
  const target = onExports ? flow.importer : lever.actor;
  const madeFrom = new Set((scenario.world.recipes ?? []).filter((recipe) => recipe.inputs.some((input) => input.good === good)).map((recipe) => recipe.output));
  if ((scenario.world.production ?? []).some((p) => p.country === target && madeFrom.has(p.good) && p.output > 0)) return undefined;
  return { ...scenario, policies: [{ ...scenario.policies[0]!, levers: [single] }] };
}

/** The scenario with supply that does not respond to price: every supply elasticity 0, no surge capacity. */
export function withFixedSupply(scenario: ScenarioInput): ScenarioInput {
  return {
    ...scenario,
    world: {
      ...scenario.world,
      goods: scenario.world.goods.map((g) => ({ ...g, supplyElasticity: 0 })),
      production: (scenario.world.production ?? []).map(({ surgeCapacity: _surge, rampPeriods: _ramp, supplyElasticity: _eta, ...p }) => p),
    },
  };
}

/**
 * The scenario with its policy's restrictions at one severity while they act: no schedule,
 * no licensing. The severity invariants' scope (their TSDoc).
 */
export function withSteadySeverity(scenario: ScenarioInput): ScenarioInput {
  const policy = scenario.policies[0]!;
  const steady = (lever: NonNullable<typeof policy.levers>[number]) => {
    if (!("announced" in lever)) return lever;
    const { schedule: _schedule, licensing: _licensing, ...rest } = lever;
    return rest;
  };
  return { ...scenario, policies: [{ ...policy, levers: (policy.levers ?? []).map(steady) }] };
}

/** The scenario with its policy's levers not announced ahead (`announced` 0): the severity invariants' scope when both severities are above 0 (their TSDoc). */
export function withoutNotice(scenario: ScenarioInput): ScenarioInput {
  const policy = scenario.policies[0]!;
  return { ...scenario, policies: [{ ...policy, levers: (policy.levers ?? []).map((lever) => ("announced" in lever ? { ...lever, announced: 0 } : lever)) }] };
}
