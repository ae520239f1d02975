import fc from "fast-check";
import type { UncertainNumber } from "../../schema/common.js";
import type { DistributionSpec } from "../../schema/distribution.js";
import type { Lever, RuleAction } from "../../schema/levers.js";
import type { Rule } from "../../schema/rules.js";
import type { ScenarioInput } from "../../schema/scenario.js";
import { distributionArbitrary, type DistributionKind } from "../distribution-arbitrary.js";
import { gridNumber } from "./grid.js";
import { uncertainDraw, type UncertainDraw, type UncertaintySink } from "./uncertain.js";

/** The levers a policy can pull. */
export type LeverKind = Lever["type"];
/** The conditions a rule can wait for. */
export type ConditionKind = "restriction" | "shortfall" | "period" | "price" | "draw";

export const LEVER_KINDS: readonly LeverKind[] = ["exportRestriction", "importRestriction", "stockpileRelease", "capacityExpansion"];
export const CONDITION_KINDS: readonly ConditionKind[] = ["restriction", "shortfall", "period", "price", "draw"];

/** A policy lever as a scenario takes it (before defaults). */
export type LeverInput = NonNullable<ScenarioInput["policies"][number]["levers"]>[number];
/** A rule as a scenario takes it (before defaults). */
export type RuleInput = NonNullable<ScenarioInput["rules"]>[number];
/** A policy as a scenario takes it (before defaults). */
export type PolicyInput = ScenarioInput["policies"][number];

interface LeverDraw {
  readonly kind: LeverKind;
  readonly actor: number;
  readonly allTargets: boolean;
  readonly targets: readonly number[];
  readonly goods: readonly number[];
  readonly severity: UncertainDraw;
  readonly leakage: UncertainDraw;
  readonly leakagePremium: UncertainDraw;
  readonly diversion: UncertainDraw;
  readonly start: UncertainDraw;
  readonly duration: UncertainDraw | undefined;
  readonly coverMonths: UncertainDraw;
  readonly maxReleaseShare: UncertainDraw;
  readonly capacity: UncertainDraw;
  readonly rampPeriods: UncertainDraw;
}

interface ConditionDraw {
  readonly kind: ConditionKind;
  readonly by: readonly number[] | undefined;
  readonly against: "self" | readonly number[] | undefined;
  readonly goods: readonly number[] | undefined;
  readonly lever: "exportRestriction" | "importRestriction" | undefined;
  readonly minSeverity: number;
  readonly shortfallAbove: number;
  readonly from: number;
  readonly span: number | undefined;
  readonly priceAbove: number;
  readonly distribution: DistributionSpec;
  readonly drawAbove: number;
}

interface RuleDraw {
  readonly agent: number;
  readonly when: readonly ConditionDraw[];
  readonly probability: UncertainDraw;
  readonly delay: UncertainDraw;
  readonly action: LeverDraw;
  readonly triggering: boolean;
}

export interface PolicyDraw {
  readonly levers: readonly LeverDraw[];
  readonly rules: readonly RuleDraw[];
  readonly disable: readonly number[];
}

export interface DrawLimits {
  readonly horizon: number;
  readonly leverKinds: readonly LeverKind[];
  readonly conditionKinds: readonly ConditionKind[];
  /** Families uncertain numbers are sometimes drawn from (none: every number fixed). */
  readonly drawn: readonly DistributionKind[];
}

const indices = (max: number) => fc.array(fc.nat(), { minLength: 1, maxLength: max });
const share = (steps = 20) => gridNumber(0, 1, steps);

export function leverDrawArbitrary(limits: DrawLimits, kinds: readonly LeverKind[] = limits.leverKinds): fc.Arbitrary<LeverDraw> {
  const { horizon, drawn } = limits;
  const periods = (max: number) => uncertainDraw(fc.integer({ min: 0, max }), 0, max, drawn);
  return fc.record({
    kind: fc.constantFrom(...kinds),
    actor: fc.nat(),
    allTargets: fc.boolean(),
    targets: indices(2),
    goods: indices(2),
    severity: uncertainDraw(fc.oneof(fc.constant(1), share()), 0, 1, drawn),
    leakage: uncertainDraw(fc.oneof(fc.constant(0), share()), 0, 1, drawn),
    leakagePremium: uncertainDraw(fc.oneof(fc.constant(0), share(10)), 0, 1, drawn),
    diversion: uncertainDraw(fc.oneof(fc.constant(0), share()), 0, 1, drawn),
    start: periods(Math.max(1, horizon - 1)),
    duration: fc.option(periods(horizon), { nil: undefined }),
    coverMonths: uncertainDraw(gridNumber(0, 12, 24), 0, 12, drawn),
    maxReleaseShare: uncertainDraw(gridNumber(0.05, 1, 19), 0.05, 1, drawn),
    capacity: uncertainDraw(fc.integer({ min: 0, max: 1000 }), 0, 1000, drawn),
    rampPeriods: periods(12),
  });
}

function conditionDrawArbitrary(limits: DrawLimits): fc.Arbitrary<ConditionDraw> {
  const names = (max: number) => fc.option(indices(max), { nil: undefined });
  return fc.record({
    kind: fc.constantFrom(...limits.conditionKinds),
    by: names(2),
    against: fc.oneof(fc.constant(undefined), fc.constant("self" as const), indices(2)),
    goods: names(2),
    lever: fc.constantFrom(undefined, "exportRestriction" as const, "importRestriction" as const),
    minSeverity: share(),
    shortfallAbove: gridNumber(0, 0.95, 19),
    from: fc.integer({ min: 0, max: Math.max(0, limits.horizon - 1) }),
    span: fc.option(fc.integer({ min: 1, max: limits.horizon }), { nil: undefined }),
    priceAbove: gridNumber(1, 5, 40),
    distribution: distributionArbitrary({ min: 0, max: 1, kinds: ["bernoulli", "uniform", "constant"] }),
    drawAbove: gridNumber(0, 1, 10),
  });
}

export function ruleDrawArbitrary(limits: DrawLimits): fc.Arbitrary<RuleDraw> {
  const { drawn } = limits;
  return fc.record({
    agent: fc.nat(),
    when: fc.array(conditionDrawArbitrary(limits), { minLength: 1, maxLength: 2 }),
    probability: uncertainDraw(fc.oneof(fc.constant(1), share()), 0, 1, drawn),
    delay: uncertainDraw(fc.integer({ min: 0, max: 6 }), 0, 6, drawn),
    action: leverDrawArbitrary(limits),
    triggering: fc.boolean(),
  });
}

export function policyDrawArbitrary(limits: DrawLimits, minLevers: number, maxLevers: number, maxRules: number): fc.Arbitrary<PolicyDraw> {
  return fc.record({
    levers: fc.array(leverDrawArbitrary(limits), { minLength: minLevers, maxLength: maxLevers }),
    rules: fc.array(ruleDrawArbitrary(limits), { maxLength: maxRules }),
    disable: fc.array(fc.nat(), { maxLength: 2 }),
  });
}

/** What levers, rules and policies are built against: the world's names, and where uncertainties go. */
export interface BuildContext {
  readonly countries: readonly string[];
  readonly goods: readonly string[];
  readonly sink: UncertaintySink;
}

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

/** Other countries than `actor`, picked by offsets (empty in a one-country world). */
function others(ctx: BuildContext, actor: number, offsets: readonly number[]): string[] {
  const C = ctx.countries.length;
  if (C < 2) return [];
  return unique(offsets.map((k) => ctx.countries[(actor + 1 + (k % (C - 1))) % C]!));
}

const pick = (names: readonly string[], picks: readonly number[]) => unique(picks.map((k) => names[k % names.length]!));

/**
 * The action of a lever draw: the fields of a policy lever other than `actor` and
 * `start`. Returns undefined for a restriction in a world with one country.
 */
function buildAction(draw: LeverDraw, actor: number, ctx: BuildContext, name: string, triggering: boolean): RuleAction | undefined {
  const n = (d: UncertainDraw, field: string): UncertainNumber => ctx.sink.number(d, `${name}-${field}`);
  const goods = pick(ctx.goods, draw.goods);
  const duration = draw.duration === undefined ? {} : { duration: n(draw.duration, "duration") };
  const restriction = () => ({
    goods,
    severity: n(draw.severity, "severity"),
    leakage: n(draw.leakage, "leakage"),
    leakagePremium: n(draw.leakagePremium, "premium"),
    ...duration,
  });
  switch (draw.kind) {
    case "exportRestriction":
    case "importRestriction": {
      const targets = triggering ? ("triggering" as const) : draw.allTargets ? ("all" as const) : others(ctx, actor, draw.targets);
      if (targets !== "all" && targets !== "triggering" && targets.length === 0) return undefined;
      return draw.kind === "exportRestriction"
        ? { type: "exportRestriction", targets, ...restriction(), diversion: n(draw.diversion, "diversion") }
        : { type: "importRestriction", sources: targets, ...restriction() };
    }
    case "stockpileRelease":
      return { type: "stockpileRelease", goods, coverMonths: n(draw.coverMonths, "cover"), maxReleaseShare: n(draw.maxReleaseShare, "release") };
    case "capacityExpansion":
      return { type: "capacityExpansion", good: goods[0]!, capacity: n(draw.capacity, "capacity"), rampPeriods: n(draw.rampPeriods, "ramp") };
  }
}

/** A policy lever from its draw; undefined when it cannot exist in this world (a restriction with one country). */
export function buildLever(draw: LeverDraw, ctx: BuildContext, name: string): LeverInput | undefined {
  const actor = draw.actor % ctx.countries.length;
  const action = buildAction(draw, actor, ctx, name, false);
  if (action === undefined) return undefined;
  return { ...action, actor: ctx.countries[actor]!, start: ctx.sink.number(draw.start, `${name}-start`) } as LeverInput;
}

/** A rule from its draw; `name` is its name and the prefix of its uncertainties. */
export function buildRule(draw: RuleDraw, ctx: BuildContext, name: string): RuleInput | undefined {
  const agent = draw.agent % ctx.countries.length;
  const when = draw.when.map((condition, k): Rule["when"][number] => {
    switch (condition.kind) {
      case "restriction":
        return {
          kind: "restriction",
          ...(condition.by === undefined ? {} : { by: pick(ctx.countries, condition.by) }),
          ...(condition.against === undefined ? {} : { against: condition.against === "self" ? "self" : pick(ctx.countries, condition.against) }),
          ...(condition.goods === undefined ? {} : { goods: pick(ctx.goods, condition.goods) }),
          ...(condition.lever === undefined ? {} : { lever: condition.lever }),
          minSeverity: condition.minSeverity,
        };
      case "shortfall":
        return { kind: "shortfall", goods: pick(ctx.goods, condition.goods ?? [0]), above: condition.shortfallAbove };
      case "period":
        return { kind: "period", from: condition.from, ...(condition.span === undefined ? {} : { until: condition.from + condition.span }) };
      case "price":
        return { kind: "price", good: pick(ctx.goods, condition.goods ?? [0])[0]!, above: condition.priceAbove };
      case "draw":
        return { kind: "draw", param: ctx.sink.declare(`${name}-when${k}`, condition.distribution), above: condition.drawAbove };
    }
  });
  const triggering = draw.triggering && when.some((c) => c.kind === "restriction") && (draw.action.kind === "exportRestriction" || draw.action.kind === "importRestriction");
  const action = buildAction(draw.action, agent, ctx, name, triggering);
  if (action === undefined) return undefined;
  return {
    name,
    agent: ctx.countries[agent]!,
    when,
    probability: ctx.sink.number(draw.probability, `${name}-probability`),
    delay: ctx.sink.number(draw.delay, `${name}-delay`),
    action,
  } as RuleInput;
}

/** A policy from its draw; `globalRules` are the scenario-wide rules' names it may switch off. */
export function buildPolicy(draw: PolicyDraw, ctx: BuildContext, name: string, globalRules: readonly string[]): PolicyInput {
  const levers = draw.levers.flatMap((lever, l) => buildLever(lever, ctx, `${name}-lever${l}`) ?? []);
  const rules = draw.rules.flatMap((rule, r) => buildRule(rule, ctx, `${name}-rule${r}`) ?? []);
  const disableRules = globalRules.length === 0 ? [] : pick(globalRules, draw.disable);
  return {
    name,
    ...(levers.length === 0 ? {} : { levers }),
    ...(rules.length === 0 ? {} : { rules }),
    ...(disableRules.length === 0 ? {} : { disableRules }),
  };
}
