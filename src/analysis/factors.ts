// The random inputs of a scenario as the analyses name them: its uncertainties and the draws
// that decide whether its rules fire.
import type { CompiledModel } from "../compile/model.js";
import { triggeringCountries } from "../conditions/index.js";
import { aimsAtTriggering } from "../levers/index.js";
import type { Scenario } from "../schema/scenario.js";

/** A random input of a scenario: an uncertainty, a rule's draw of whether it fires (it fires when the draw is below its probability), or a posterior's joint draws. */
export interface ScenarioFactor {
  readonly name: string;
  readonly kind: "uncertainty" | "rule" | "posterior";
}

/**
 * The random inputs of a scenario, as analyses name them, and the random dimension each sets: every
 * uncertainty (those drawn jointly from a posterior as one factor, set by the first one's
 * uniform, which picks the row), then every rule instance's draw.
 */
export function scenarioFactors(scenario: Scenario, model: CompiledModel): { factors: ScenarioFactor[]; dimensions: Int32Array } {
  const factors: ScenarioFactor[] = [];
  const dimensions: number[] = [];
  const joint = model.joint === undefined ? [] : Array.from(model.joint.dimensions);
  model.uncertainties.forEach((u, d) => {
    if (joint.includes(d) && d !== joint[0]) return; // set by the joint row
    factors.push(joint[0] === d ? { name: `posterior:${u.name}`, kind: "posterior" } : { name: u.name, kind: "uncertainty" });
    dimensions.push(d);
  });
  // a rule aimed at `triggering` has one instance (and one draw) per country that could trigger it, in this order
  const countries = scenario.world.countries.map((c) => c.id);
  let instance = 0;
  for (const rule of scenario.rules) {
    const triggers = aimsAtTriggering(rule.action) ? triggeringCountries(rule, countries) : [undefined];
    for (const trigger of triggers) {
      if (model.rules.names[instance] !== rule.name) throw new Error(`internal error: rule instance ${instance} is not of rule "${rule.name}"`);
      factors.push({ name: trigger === undefined ? `rule:${rule.name}` : `rule:${rule.name}/${trigger}`, kind: "rule" });
      dimensions.push(model.rules.uniformDimension[instance++]!);
    }
  }
  return { factors, dimensions: Int32Array.from(dimensions) };
}
