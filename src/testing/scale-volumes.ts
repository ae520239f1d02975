import { InputError } from "../errors.js";
import type { UncertainNumber } from "../schema/common.js";
import { leverVolumes } from "../levers/index.js";
import type { Lever, RuleAction } from "../schema/levers.js";
import { parseScenario } from "../schema/parse.js";
import type { Rule } from "../schema/rules.js";
import type { Scenario, ScenarioInput } from "../schema/scenario.js";
import { scaleDistribution } from "./_internals/scale-distribution.js";

/**
 * The same scenario with an economy `factor` times as large: every volume (output,
 * capacity, surge capacity, flows, capacity added by levers) and every country's GDP
 * multiplied by `factor`; what is per unit or a share unchanged (base prices, value
 * added per unit, recipes' inputs per unit, elasticities, severities, leakage, months of
 * stock cover and of reserves, release shares, input-output tables, rules' conditions).
 * Volumes drawn from uncertainties are scaled by scaling their distributions (a
 * lognormal's `mu` gains `ln(factor)`, a bernoulli becomes a categorical on {0, factor}).
 *
 * Months of cover scale stocks with use, so stocks scale too. GDP scales so that the
 * validation (modelled value added within GDP) and the cap on GDP loss scale with the
 * economy: GDP losses in USD then scale by `factor` and in % of GDP stay the same.
 *
 * @param scenario - a scenario object or the result of `parseScenario`.
 * @param factor - the scale, a finite number > 0.
 * @returns the scaled scenario, validated.
 * @throws {InputError} for a factor that is not finite and > 0, or when an uncertainty
 *   feeds both a volume and another number (scaling it would change the other number too).
 * @throws ScenarioError when the scenario is invalid.
 * @example
 * ```ts
 * import { scaleVolumes } from "chokepoint/testing";
 * const doubled = scaleVolumes(scenario, 2);
 * doubled.world.flows[0]!.volume === 2 * scenario.world.flows[0]!.volume; // true
 * ```
 */
export function scaleVolumes(scenario: ScenarioInput | Scenario, factor: number): Scenario {
  if (!(Number.isFinite(factor) && factor > 0)) throw new InputError("factor", `expected a finite number > 0, found ${factor}`);
  const parsed = parseScenario(scenario);
  const volumeParams = new Map<string, string>();
  const scale = (value: UncertainNumber, where: string): UncertainNumber => {
    if (typeof value === "number") return value * factor;
    volumeParams.set(value.param, where);
    return value;
  };
  const { world } = parsed;
  const scaleAction = <A extends Lever | RuleAction>(action: A, where: string): A => {
    const volumes = leverVolumes(action);
    return volumes.length === 0 ? action : { ...action, ...Object.fromEntries(volumes.map(({ field, value }) => [field, scale(value, `${where}.${field}`)])) };
  };
  const scaleRule = (rule: Rule, where: string): Rule => ({ ...rule, action: scaleAction(rule.action, `${where}.action`) });
  const scaled: Scenario = {
    ...parsed,
    world: {
      ...world,
      countries: world.countries.map((c) => ({ ...c, gdp: c.gdp * factor })),
      production: world.production.map((p, i) => ({
        ...p,
        output: p.output * factor,
        ...(p.capacity === undefined ? {} : { capacity: p.capacity * factor }),
        ...(p.surgeCapacity === undefined ? {} : { surgeCapacity: scale(p.surgeCapacity, `world.production[${i}].surgeCapacity`) }),
      })),
      flows: world.flows.map((f) => ({ ...f, volume: f.volume * factor })),
    },
    rules: parsed.rules.map((rule, r) => scaleRule(rule, `rules[${r}]`)),
    policies: parsed.policies.map((policy, p) => ({
      ...policy,
      levers: policy.levers.map((lever, l) => scaleAction(lever, `policies[${p}].levers[${l}]`)),
      rules: policy.rules.map((rule, r) => scaleRule(rule, `policies[${p}].rules[${r}]`)),
    })),
  };
  if (volumeParams.size === 0) return parseScenario(scaled);
  // An uncertainty that feeds a volume is scaled, so it must feed nothing else.
  const uses = new Map<string, number>();
  countParams(parsed, uses); // (uncertainties themselves hold no `param` field)
  const actions = [...parsed.rules.map((r) => r.action), ...parsed.policies.flatMap((p) => [...p.levers, ...p.rules.map((r) => r.action)])];
  const volumeUseOf = new Map<string, number>();
  for (const p of world.production) if (p.surgeCapacity !== undefined && typeof p.surgeCapacity !== "number") volumeUseOf.set(p.surgeCapacity.param, (volumeUseOf.get(p.surgeCapacity.param) ?? 0) + 1);
  for (const { value } of actions.flatMap(leverVolumes)) if (typeof value !== "number") volumeUseOf.set(value.param, (volumeUseOf.get(value.param) ?? 0) + 1);
  for (const [param, count] of volumeUseOf) {
    if ((uses.get(param) ?? 0) > count) {
      throw new InputError(
        "scenario",
        `uncertainty "${param}" feeds a volume (${volumeParams.get(param)}) and also another number; scaling it would change that number too: give the volume its own uncertainty`,
      );
    }
  }
  return parseScenario({
    ...scaled,
    uncertainties: parsed.uncertainties.map((u) => (volumeParams.has(u.name) ? { ...u, distribution: scaleDistribution(u.distribution, factor) } : u)),
  });
}

/** Count every reference to an uncertainty (`{ param }` numbers and draw conditions) anywhere in `value`. */
function countParams(value: unknown, uses: Map<string, number>): void {
  if (Array.isArray(value)) {
    for (const item of value) countParams(item, uses);
    return;
  }
  if (typeof value !== "object" || value === null) return;
  const record = value as Record<string, unknown>;
  if (typeof record["param"] === "string") uses.set(record["param"], (uses.get(record["param"]) ?? 0) + 1);
  for (const [key, item] of Object.entries(record)) if (key !== "param") countParams(item, uses);
}
