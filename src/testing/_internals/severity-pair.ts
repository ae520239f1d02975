import { leverKind } from "../../levers/index.js";
import { InputError } from "../../errors.js";
import type { Scenario, ScenarioInput } from "../../schema/scenario.js";
import { simulateDraw } from "../simulate-draw.js";
import { restrictionLever, subject, withPoliciesOnly, type InvariantDrawOptions } from "./variants.js";

/**
 * The draw simulated twice with the policy's restriction (its first, or `lever`) at
 * severity `weaker`, then `stronger` (other levers unchanged, no rules, standard
 * outcomes), and the countries whose supply the restriction cuts: the targets of an export
 * restriction, or the actor of an import restriction. Shared by the severity invariants.
 */
export function severityPair(scenario: ScenarioInput | Scenario, options: InvariantDrawOptions & { readonly lever?: number; readonly weaker: number; readonly stronger: number }) {
  const { weaker, stronger } = options;
  if (!(weaker >= 0 && weaker <= stronger && stronger <= 1)) {
    throw new InputError("options", `expected severities 0 <= weaker <= stronger <= 1, found ${weaker} and ${stronger}`);
  }
  const { scenario: parsed, policy, draw } = subject(scenario, options);
  const { index, lever } = restrictionLever(policy, options.lever);
  const withSeverity = (severity: number) => policy.levers.map((l, i) => (i === index ? { ...lever, severity } : l));
  const variant = withPoliciesOnly(parsed, [
    { name: "weaker", levers: withSeverity(weaker) },
    { name: "stronger", levers: withSeverity(stronger) },
  ]);
  const weak = simulateDraw(variant, { seed: draw.seed, run: draw.run, policy: "weaker" }).outcomes;
  const strong = simulateDraw(variant, { seed: draw.seed, run: draw.run, policy: "stronger" }).outcomes;
  const countries = parsed.world.countries.map((c) => c.id);
  const trade = leverKind(lever.type).trade!;
  const partners = trade.partners(lever);
  const cut = trade.side === "imports" ? [lever.actor] : partners === "all" ? countries.filter((c) => c !== lever.actor) : typeof partners === "string" ? [] : partners;
  /** Where the lever is, for messages. */
  const at = `policies[${JSON.stringify(policy.name)}].levers[${index}] (${lever.type} by ${lever.actor})`;
  return { parsed, lever, draw, weak, strong, cut, at };
}
