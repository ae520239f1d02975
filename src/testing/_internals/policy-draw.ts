import fc from "fast-check";
import { CONDITION_TYPES, conditionKind } from "../../conditions/index.js";
import { LEVER_TYPES, leverKind } from "../../levers/index.js";
import type { RuleAction } from "../../schema/levers.js";
import type { BuildKit, DrawKit } from "../generator-kit.js";
import type { Rule } from "../../schema/rules.js";
import type { Condition, Lever, LeverInput, PolicyInput, RuleInput } from "../../schema/scenario-types.js";
import { distributionArbitrary, type DistributionKind } from "../distribution-arbitrary.js";
import { gridNumber } from "./grid.js";
import { uncertainDraw, type UncertainDraw, type UncertaintySink } from "./uncertain.js";

/** The levers a policy can pull (the kinds in src/levers): `"exportRestriction"`, ... */
export type LeverKind = Lever["type"];
/** The conditions a rule can wait for (the kinds in src/conditions): `"restriction"`, ... */
export type ConditionKind = Condition["kind"];

export const LEVER_KINDS: readonly LeverKind[] = LEVER_TYPES;
export const CONDITION_KINDS: readonly ConditionKind[] = CONDITION_TYPES;

/** A policy lever, a rule and a policy as a scenario takes them (before defaults). */
export type { LeverInput, PolicyInput, RuleInput };

/**
 * A lever's draw: its kind, actor and start, and what every allowed kind's module drew
 * (only the chosen kind's is used; drawing them all keeps shrinking free of `chain`).
 */
interface LeverDraw {
  readonly kind: LeverKind;
  readonly actor: number;
  readonly start: UncertainDraw;
  readonly kinds: Readonly<Record<string, unknown>>;
}

/** A condition's draw: its kind, and what every allowed kind's module drew (only the chosen kind's is used). */
interface ConditionDraw {
  readonly kind: ConditionKind;
  readonly kinds: Readonly<Record<string, unknown>>;
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

const share = (steps = 20) => gridNumber(0, 1, steps);

/** The kit a kind's module draws its fields with (src/testing/generator-kit.ts). */
function drawKit(limits: DrawLimits): DrawKit {
  const { drawn } = limits;
  const picks = (max: number) => fc.array(fc.nat(), { minLength: 1, maxLength: max });
  return {
    fc,
    horizon: limits.horizon,
    share: (steps = 20) => share(steps),
    grid: (min, max, steps) => gridNumber(min, max, steps),
    uncertain: (fixed, min, max) => uncertainDraw(fixed, min, max, drawn),
    periods: (max) => uncertainDraw(fc.integer({ min: 0, max }), 0, max, drawn),
    picks,
    optionalPicks: (max) => fc.option(picks(max), { nil: undefined }),
    distribution: (min, max, kinds) => distributionArbitrary({ min, max, kinds }),
  };
}

export function leverDrawArbitrary(limits: DrawLimits, kinds: readonly LeverKind[] = limits.leverKinds): fc.Arbitrary<LeverDraw> {
  const kit = drawKit(limits);
  return fc.record({
    kind: fc.constantFrom(...kinds),
    actor: fc.nat(),
    start: kit.periods(Math.max(1, limits.horizon - 1)),
    kinds: fc.record(Object.fromEntries(kinds.map((kind) => [kind, leverKind(kind).draw(kit) as fc.Arbitrary<unknown>]))),
  });
}

function conditionDrawArbitrary(limits: DrawLimits): fc.Arbitrary<ConditionDraw> {
  const kit = drawKit(limits);
  const kinds = limits.conditionKinds;
  return fc.record({
    kind: fc.constantFrom(...kinds),
    kinds: fc.record(Object.fromEntries(kinds.map((kind) => [kind, conditionKind(kind).draw(kit) as fc.Arbitrary<unknown>]))),
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

/** What a kind's module builds an entry with; its uncertainties are named `<prefix>-<field>`. */
function buildKit(ctx: BuildContext, actor: number, prefix: string, triggering: boolean): BuildKit {
  return {
    countries: ctx.countries,
    goods: ctx.goods,
    actor: ctx.countries[actor]!,
    triggering,
    number: (value, field) => ctx.sink.number(value, `${prefix}-${field}`),
    declare: (field, distribution) => ctx.sink.declare(`${prefix}-${field}`, distribution),
    pickGoods: (picks) => pick(ctx.goods, picks),
    pickCountries: (picks) => pick(ctx.countries, picks),
    others: (picks) => others(ctx, actor, picks),
  };
}

/**
 * The action of a lever draw (a policy lever's fields other than `actor` and `start`),
 * built by its kind's module; undefined when it cannot exist in this world (a restriction
 * with one country).
 */
function buildAction(draw: LeverDraw, actor: number, ctx: BuildContext, name: string, triggering: boolean): RuleAction | undefined {
  const kind = leverKind(draw.kind);
  return kind.build(draw.kinds[draw.kind], buildKit(ctx, actor, name, triggering && kind.trade !== undefined)) as RuleAction | undefined;
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
  const when = draw.when.map((condition, k) => conditionKind(condition.kind).build(condition.kinds[condition.kind], buildKit(ctx, agent, `${name}-when${k}`, false)) as Rule["when"][number]);
  const triggering = draw.triggering && when.some((c) => c.kind === "restriction");
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
