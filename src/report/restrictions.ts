// Which flows of a scenario's world a policy restricts, or a rule may restrict, read from
// the scenario's levers and rules (not from a simulation): for the network chart, the
// HTML report and `chokepoint explain`.
import type { RuleAction } from "../schema/levers.js";
import type { Rule } from "../schema/rules.js";
import type { Policy, Scenario } from "../schema/scenario.js";
import type { Flow } from "../schema/world.js";

/** How a flow may be cut: by a lever of the policy, or by a rule that may fire under it. */
export type FlowRestriction = "policy" | "rule";

/** The rules in force under a policy: the scenario's (less those it disables) and its own; every rule of every policy without one. */
export function rulesUnder(scenario: Scenario, policy: Policy | undefined): Rule[] {
  if (policy === undefined) return [...scenario.rules, ...scenario.policies.flatMap((p) => p.rules)];
  return [...scenario.rules.filter((rule) => !policy.disableRules.includes(rule.name)), ...policy.rules];
}

const covers = (list: "all" | readonly string[], id: string) => list === "all" || list.includes(id);

/** Countries a rule's `triggering` target may stand for: those its restriction conditions name, or anyone. */
function triggeringCountries(rule: Rule): "all" | string[] {
  const named = rule.when.flatMap((condition) => (condition.kind === "restriction" && condition.by !== undefined ? [condition.by] : []));
  const unnamed = rule.when.some((condition) => condition.kind === "restriction" && condition.by === undefined);
  return named.length === 0 || unnamed ? "all" : [...new Set(named.flat())];
}

/** Whether a rule's action restricts the flow. */
function actionRestricts(rule: Rule, action: RuleAction, flow: Flow): boolean {
  if (action.type === "exportRestriction") {
    const targets = action.targets === "triggering" ? triggeringCountries(rule) : action.targets;
    return rule.agent === flow.exporter && action.goods.includes(flow.good) && covers(targets, flow.importer);
  }
  if (action.type === "importRestriction") {
    const sources = action.sources === "triggering" ? triggeringCountries(rule) : action.sources;
    return rule.agent === flow.importer && action.goods.includes(flow.good) && covers(sources, flow.exporter);
  }
  return false;
}

/** Whether a policy's levers restrict the flow. */
function policyRestricts(policy: Policy, flow: Flow): boolean {
  return policy.levers.some((lever) => {
    if (lever.type === "exportRestriction") return lever.actor === flow.exporter && lever.goods.includes(flow.good) && covers(lever.targets, flow.importer);
    if (lever.type === "importRestriction") return lever.actor === flow.importer && lever.goods.includes(flow.good) && covers(lever.sources, flow.exporter);
    return false;
  });
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
    if (policy !== undefined && policyRestricts(policy, flow)) return "policy";
    if (rules.some((rule) => actionRestricts(rule, rule.action, flow))) return "rule";
    return undefined;
  });
}

/**
 * For each good, the countries that may restrict its exports: actors of an export
 * restriction on it in any policy, and agents of any rule whose action restricts its exports.
 */
export function exportRestrictors(scenario: Scenario): Map<string, Set<string>> {
  const byGood = new Map<string, Set<string>>(scenario.world.goods.map((good) => [good.id, new Set<string>()]));
  const add = (country: string, goods: readonly string[]) => goods.forEach((good) => byGood.get(good)?.add(country));
  for (const policy of scenario.policies) {
    for (const lever of policy.levers) if (lever.type === "exportRestriction") add(lever.actor, lever.goods);
  }
  for (const rule of rulesUnder(scenario, undefined)) if (rule.action.type === "exportRestriction") add(rule.agent, rule.action.goods);
  return byGood;
}

/**
 * For each flow of the world (in order): whether an export restriction may cut it, by a
 * lever of any policy or by a rule (the scenario's or any policy's) when it fires.
 */
export function exportRestrictable(scenario: Scenario): boolean[] {
  const rules = rulesUnder(scenario, undefined).filter((rule) => rule.action.type === "exportRestriction");
  const levers = scenario.policies.flatMap((policy) => policy.levers).filter((lever) => lever.type === "exportRestriction");
  return scenario.world.flows.map(
    (flow) =>
      levers.some((lever) => lever.actor === flow.exporter && lever.goods.includes(flow.good) && covers(lever.targets, flow.importer)) ||
      rules.some((rule) => actionRestricts(rule, rule.action, flow)),
  );
}
