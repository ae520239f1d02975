// Which flows of a scenario's world a policy restricts, or a rule may restrict, read from
// the scenario's levers and rules (not from a simulation): for the network chart, the
// HTML report and `chokepoint explain`.
import { triggeringCountries } from "../conditions/index.js";
import { leverKind } from "../levers/index.js";
import type { Lever, RuleAction } from "../schema/levers.js";
import type { Rule } from "../schema/rules.js";
import type { Policy, Scenario } from "../schema/scenario.js";
import type { Flow } from "../schema/world.js";
import { InputError } from "../errors.js";

/** How a flow may be cut: by a lever of the policy, or by a rule that may fire under it. */
export type FlowRestriction = "policy" | "rule";

/** The rules in force under a policy: the scenario's (less those it disables) and its own; every rule of every policy without one. */
export function rulesUnder(scenario: Scenario, policy: Policy | undefined): Rule[] {
  if (policy === undefined) return [...scenario.rules, ...scenario.policies.flatMap((p) => p.rules)];
  return [...scenario.rules.filter((rule) => !policy.disableRules.includes(rule.name)), ...policy.rules];
}

const covers = (list: "all" | readonly string[], id: string) => list === "all" || list.includes(id);


/**
 * Whether a lever (of `actor`) restricts the flow: a kind that restricts trade, on the
 * flow's side of the actor's trade, with the flow's partner among those it aims at
 * (`triggering`: the countries that may set the rule off).
 */
function leverRestricts(scenario: Scenario, lever: Lever | RuleAction, actor: string, flow: Flow, rule?: Rule): boolean {
  const trade = leverKind(lever.type).trade;
  if (trade === undefined || !trade.restricts || !("goods" in lever) || !lever.goods.includes(flow.good)) return false;
  const aimedAt = trade.partners(lever);
  const partners = aimedAt === "triggering" ? (rule === undefined ? [] : triggeringCountries(rule, scenario.world.countries.map((c) => c.id))) : aimedAt;
  return trade.side === "exports" ? actor === flow.exporter && covers(partners, flow.importer) : actor === flow.importer && covers(partners, flow.exporter);
}

/** Whether a rule's action restricts the flow. */
function actionRestricts(scenario: Scenario, rule: Rule, flow: Flow): boolean {
  return leverRestricts(scenario, rule.action, rule.agent, flow, rule);
}

/** Whether a policy's levers restrict the flow. */
function policyRestricts(scenario: Scenario, policy: Policy, flow: Flow): boolean {
  return policy.levers.some((lever) => leverRestricts(scenario, lever, lever.actor, flow));
}

/**
 * For each flow of the world (in order): `policy` when a lever of the policy restricts it,
 * `rule` when a rule in force under the policy may restrict it (when it fires), else
 * undefined. Without a policy, only rules count (every policy's rules included).
 */
export function flowRestrictions(scenario: Scenario, policyName?: string): (FlowRestriction | undefined)[] {
  const policy = policyName === undefined ? undefined : scenario.policies.find((p) => p.name === policyName);
  const rules = rulesUnder(scenario, policy);
  return scenario.world.flows.map((flow) => {
    if (policy !== undefined && policyRestricts(scenario, policy, flow)) return "policy";
    if (rules.some((rule) => actionRestricts(scenario, rule, flow))) return "rule";
    return undefined;
  });
}

/** Whether a lever restricts exports (the kinds that restrict trade on the exporter's side). */
function restrictsExports(lever: Lever | RuleAction): lever is (Lever | RuleAction) & { readonly goods: readonly string[] } {
  const trade = leverKind(lever.type).trade;
  return trade !== undefined && trade.restricts && trade.side === "exports" && "goods" in lever;
}

/**
 * For each good, the countries that may restrict its exports: actors of an export
 * restriction on it in any policy, and agents of any rule whose action restricts its exports.
 */
export function exportRestrictors(scenario: Scenario): Map<string, Set<string>> {
  const byGood = new Map<string, Set<string>>(scenario.world.goods.map((good) => [good.id, new Set<string>()]));
  const add = (country: string, goods: readonly string[]) => goods.forEach((good) => byGood.get(good)?.add(country));
  for (const policy of scenario.policies) {
    for (const lever of policy.levers) if (restrictsExports(lever)) add(lever.actor, lever.goods);
  }
  for (const rule of rulesUnder(scenario, undefined)) if (restrictsExports(rule.action)) add(rule.agent, rule.action.goods);
  return byGood;
}

/**
 * For each flow of the world (in order): whether an export restriction may cut it, by a
 * lever of any policy or by a rule (the scenario's or any policy's) when it fires.
 */
export function exportRestrictable(scenario: Scenario): boolean[] {
  const rules = rulesUnder(scenario, undefined).filter((rule) => restrictsExports(rule.action));
  const levers = scenario.policies.flatMap((policy) => policy.levers).filter(restrictsExports);
  return scenario.world.flows.map(
    (flow) => levers.some((lever) => leverRestricts(scenario, lever, lever.actor, flow)) || rules.some((rule) => actionRestricts(scenario, rule, flow)),
  );
}

/**
 * The goods a chart of the scenario's trade draws (`options.goods`, else every good), after
 * checking them and the policy it marks.
 *
 * @throws {InputError} for an unknown good or policy.
 */
export function chartGoods(scenario: Scenario, options: { readonly goods?: readonly string[] | undefined; readonly policy?: string | undefined }): string[] {
  const goodIds = scenario.world.goods.map((good) => good.id);
  const goods = options.goods === undefined || options.goods.length === 0 ? goodIds : [...options.goods];
  goods.forEach((good, i) => {
    if (!goodIds.includes(good)) throw new InputError(`options.goods[${i}]`, `the scenario has no good "${good}" (goods: ${goodIds.join(", ")})`);
  });
  if (options.policy !== undefined && !scenario.policies.some((p) => p.name === options.policy)) {
    throw new InputError("options.policy", `the scenario has no policy "${options.policy}" (policies: ${scenario.policies.map((p) => p.name).join(", ")})`);
  }
  return goods;
}
