// A user's design: given values of some uncertainties per run, checked against the scenario
// and packed for the run loop (and for workers, which receive the plan).
import type { CompiledModel } from "../compile/model.js";
import { InputError } from "../errors.js";
import type { Scenario } from "../schema/scenario.js";
import { closestName, suggestionText } from "../schema/suggest.js";
import type { PlanDesign } from "./plan.js";

/** Distributions whose values are a finite set: a design's value must be one of them. */
const DISCRETE = new Set(["categorical", "bernoulli", "constant"]);

/**
 * Check a design (values by uncertainty name, one per run) and pack it: every name an
 * uncertainty of the scenario, every list `runs` long, every value finite and in its
 * uncertainty's range, and an uncertainty drawn jointly (a posterior) set only together
 * with the others of its draws.
 *
 * @throws InputError naming `options.design.<name>[i]` and what was expected.
 */
export function resolveDesign(
  design: Readonly<Record<string, readonly number[]>>,
  runs: number,
  scenario: Scenario,
  model: Pick<CompiledModel, "uncertainties" | "joint">,
): PlanDesign {
  if (design === null || typeof design !== "object" || Array.isArray(design)) {
    throw new InputError("options.design", "expected an object of value lists by uncertainty name, such as { elasticity: [0.1, 0.2] }");
  }
  const names = model.uncertainties.map((u) => u.name);
  const given = Object.keys(design);
  if (given.length === 0) throw new InputError("options.design", "expected at least one uncertainty's values");
  const columns = given.map((name) => {
    const index = names.indexOf(name);
    if (index < 0) {
      const known = names.length === 0 ? "the scenario has no uncertainties" : `uncertainties: ${names.join(", ")}`;
      throw new InputError(`options.design.${name}`, `unknown uncertainty "${name}"${suggestionText(closestName(name, names))} (${known})`);
    }
    return index;
  });
  const jointNames = model.joint === undefined ? [] : Array.from(model.joint.dimensions, (d) => names[d]!);
  const jointGiven = jointNames.filter((name) => given.includes(name));
  if (jointGiven.length > 0 && jointGiven.length < jointNames.length) {
    const missing = jointNames.filter((name) => !given.includes(name));
    throw new InputError(
      `options.design.${missing[0]}`,
      `the scenario draws ${jointNames.join(", ")} jointly (its posterior): a design sets all of them or none, and ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} missing`,
    );
  }
  const values = new Float64Array(runs * columns.length);
  given.forEach((name, c) => {
    const list = design[name];
    const path = `options.design.${name}`;
    if (!Array.isArray(list)) throw new InputError(path, `expected a list of ${runs} numbers, one per run`);
    if (list.length !== runs) throw new InputError(path, `expected ${runs} values (one per run, as options.runs says), found ${list.length}`);
    const { distribution } = model.uncertainties[columns[c]!]!;
    const spec = scenario.uncertainties[columns[c]!]!.distribution;
    for (let i = 0; i < runs; i++) {
      const value: unknown = list[i];
      if (typeof value !== "number" || !Number.isFinite(value)) throw new InputError(`${path}[${i}]`, `expected a finite number, found ${JSON.stringify(value) ?? String(value)}`);
      if (value < distribution.min || value > distribution.max) {
        throw new InputError(`${path}[${i}]`, `expected a value in ${name}'s range [${distribution.min}, ${distribution.max}], found ${value}`);
      }
      if (DISCRETE.has(spec.type) && distribution.quantile(distribution.cdf(value)) !== value) {
        throw new InputError(`${path}[${i}]`, `expected one of ${name}'s values (its distribution is ${spec.type}), found ${value}`);
      }
      values[i * columns.length + c] = value;
    }
  });
  return { columns: Int32Array.from(columns), values };
}
