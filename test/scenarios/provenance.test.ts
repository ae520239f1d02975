// Provenance on every number (docs/scenarios.md, "Provenance: the coverage rule";
// DESIGN.md: every calibrated number carries its source, or says it is an assumption).
//
// 1. Numbers written in a file. Every number in a bundled scenario, as written (not as
//    parsed), is covered by the nearest enclosing object that carries a non-empty `source`
//    or `assumption`:
//    - any enclosing object counts (a lever's own fields, a rule's action and conditions
//      under the rule, a distribution under its uncertainty), except that the scenario's
//      own provenance covers only the numbers at its top level (`horizon`,
//      `maxEscalationDepth`), not every entry below it;
//    - an object that names an uncertainty (`"param": name`, as a `draw` condition does)
//      counts when that uncertainty carries provenance: its thresholds split that draw;
//    - numbers inside a `source` (its `year`) are provenance themselves and are skipped.
//    Coverage is per object, not per field: an entry whose source gives its volume but not
//    its value added must say so in its `assumption` (the test cannot read the prose).
// 2. Defaults a scenario relies on (a field left out and filled in by the schema, or by the
//    compiler: a production's capacity, a non-critical input's weight) are covered by the
//    schema's own documentation: the field's description in the JSON Schema states the
//    default and calls it an assumption, so a scenario need not repeat it. Defaults that
//    switch a mechanism off or give a lever its plain meaning (no leakage, no delay, from
//    the first period, a complete ban) are listed below with the reason, and need only be
//    documented with a default in the JSON Schema.
import { readdirSync, readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { parseScenario, scenarioJsonSchema } from "../../src/index.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);
const text = (value: Json | undefined) => (typeof value === "string" ? value.trim() : "");

/** Whether an object carries provenance of its own: a source, or an assumption that says something. */
function carriesProvenance(entry: JsonObject): boolean {
  const source = entry.source;
  const sourced = isObject(source) ? text(source.publication) !== "" : Array.isArray(source) && source.length > 0;
  return sourced || text(entry.assumption) !== "";
}

/** Paths of the numbers in a scenario file (as written) that no provenance covers (rule 1 above). */
export function uncoveredNumbers(scenario: JsonObject): string[] {
  const uncertainties = Array.isArray(scenario.uncertainties) ? scenario.uncertainties.filter(isObject) : [];
  const explained = new Set(uncertainties.filter(carriesProvenance).map((u) => text(u.name)));
  const covers = (entry: JsonObject) => carriesProvenance(entry) || (typeof entry.param === "string" && explained.has(entry.param));
  const missing: string[] = [];
  const walk = (value: Json, path: string, covered: boolean): void => {
    if (typeof value === "number") {
      if (!covered) missing.push(path);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${path}[${i}]`, covered));
    } else if (isObject(value)) {
      const inside = covered || covers(value);
      for (const [key, item] of Object.entries(value)) if (key !== "source") walk(item, `${path}.${key}`, inside);
    }
  };
  const top = carriesProvenance(scenario);
  for (const [key, value] of Object.entries(scenario)) {
    if (key === "source") continue;
    // the scenario's provenance covers its own numbers, not the entries below it
    if (typeof value === "number") walk(value, key, top);
    else walk(value, key, false);
  }
  return missing;
}

/** A default a scenario relies on: where, which field, and the value filled in. */
interface ReliedDefault {
  readonly path: string;
  readonly field: string;
  readonly value: number;
}

/**
 * Numeric fields the parsed scenario has and the file leaves out (the schema's defaults),
 * and the defaults the compiler fills in (a production's capacity: its output; a
 * non-critical input's weight: 0.5).
 */
export function reliedDefaults(raw: JsonObject, parsed: unknown): ReliedDefault[] {
  const found: ReliedDefault[] = [];
  const walk = (after: unknown, before: Json | undefined, path: string): void => {
    if (Array.isArray(after)) after.forEach((item, i) => walk(item, Array.isArray(before) ? before[i] : undefined, `${path}[${i}]`));
    else if (typeof after === "object" && after !== null) {
      for (const [key, value] of Object.entries(after)) {
        const written = isObject(before) ? before[key] : undefined;
        if (typeof value === "number" && written === undefined) found.push({ path: `${path}.${key}`, field: key, value });
        else walk(value, written, `${path}.${key}`);
      }
    }
  };
  walk(parsed, raw, "");
  const world = isObject(raw.world) ? raw.world : {};
  (Array.isArray(world.production) ? world.production : []).forEach((entry, i) => {
    if (isObject(entry) && entry.capacity === undefined && typeof entry.output === "number") found.push({ path: `.world.production[${i}].capacity`, field: "capacity", value: entry.output });
  });
  (Array.isArray(world.recipes) ? world.recipes : []).forEach((recipe, i) => {
    if (!isObject(recipe) || !Array.isArray(recipe.inputs)) return;
    recipe.inputs.forEach((input, j) => {
      if (isObject(input) && input.critical === false && input.weight === undefined) found.push({ path: `.world.recipes[${i}].inputs[${j}].weight`, field: "weight", value: 0.5 });
    });
  });
  return found;
}

/**
 * Defaults that switch a mechanism off, or give a lever or rule its plain meaning: not
 * calibrated numbers, so the schema's `default` and description are their documentation.
 */
export const PLAIN_DEFAULTS: Readonly<Record<string, string>> = {
  start: "a lever acts from the first period",
  severity: "a restriction blocks the whole flow (a ban), the lever's plain meaning",
  leakage: "no blocked volume leaks unless the scenario says so",
  leakagePremium: "no premium on leaked volume (there is none without leakage)",
  leakageLag: "leaked volume arrives without a lag",
  leakageRamp: "the leakage channel is fully open once its lag is over",
  leakageCapacity: "no limit on what leaks beyond the leakage share",
  announced: "the restriction is not announced ahead: it takes effect the period it is known",
  stockpileShare: "the restricting exporter's state reserve buys none of the blocked volume",
  minSeverity: "a rule's restriction condition counts any restriction",
  probability: "a rule fires whenever its conditions hold",
  delay: "a rule's action takes effect at once",
  rampPeriods: "added capacity is there at once",
};

/** Descriptions of the JSON Schema's properties, by name, with their defaults. */
function documentedFields(schema: unknown): Map<string, { readonly default?: unknown; readonly description: string }[]> {
  const fields = new Map<string, { default?: unknown; description: string }[]>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === "object" && node !== null) {
      const properties = (node as { properties?: Record<string, unknown> }).properties;
      if (typeof properties === "object" && properties !== null) {
        for (const [name, property] of Object.entries(properties)) {
          const { description, default: value } = property as { description?: unknown; default?: unknown };
          const list = fields.get(name) ?? [];
          list.push({ default: value, description: typeof description === "string" ? description : "" });
          fields.set(name, list);
        }
      }
      Object.values(node).forEach(walk);
    }
  };
  walk(schema);
  return fields;
}

/** Defaults relied on that the schema does not document as rule 2 asks, with why. */
export function undocumentedDefaults(defaults: readonly ReliedDefault[], schema: unknown): string[] {
  const fields = documentedFields(schema);
  const problems = new Set<string>();
  for (const { field, value } of defaults) {
    const candidates = fields.get(field) ?? [];
    if (field in PLAIN_DEFAULTS) {
      if (!candidates.some((c) => c.default === value)) problems.add(`${field} = ${value}: no property of the JSON Schema has this default`);
      continue;
    }
    // a compiler default (capacity, weight) has no JSON Schema `default`: its description states it
    const ok = candidates.some((c) => (c.default === value || c.default === undefined) && /\bassumption\b/i.test(c.description) && /\bdefault\b/i.test(c.description));
    if (!ok) problems.add(`${field} = ${value}: no description in the JSON Schema states the default and marks it as an assumption`);
  }
  return [...problems];
}

function readScenarioFile(file: string): JsonObject {
  const body = readFileSync(`scenarios/${file}`, "utf8");
  return (file.endsWith(".json") ? JSON.parse(body) : parseYaml(body)) as JsonObject;
}

const files = readdirSync("scenarios").filter((file) => /\.(json|ya?ml)$/.test(file));

describe.each(files)("provenance of every number in %s", (file) => {
  const raw = readScenarioFile(file);

  it("covers every number written in the file with a source or an assumption", () => {
    expect(uncoveredNumbers(raw)).toEqual([]);
  });

  it("relies only on defaults the schema documents (as assumptions, or as plain meanings)", () => {
    expect(undocumentedDefaults(reliedDefaults(raw, parseScenario(raw)), scenarioJsonSchema())).toEqual([]);
  });
});

describe("the provenance checks can fail", () => {
  const raw = readScenarioFile("china-gallium-germanium-ban.json");
  const copy = () => structuredClone(raw) as { world: { countries: JsonObject[]; stocks: JsonObject[] }; uncertainties: JsonObject[]; policies: { levers?: JsonObject[] }[] } & JsonObject;

  it("names the numbers of an uncertainty whose assumption was removed", () => {
    const scenario = copy();
    const index = scenario.uncertainties.findIndex((u) => u.name === "galliumElasticity");
    delete scenario.uncertainties[index]!.assumption;
    expect(uncoveredNumbers(scenario)).toEqual([`uncertainties[${index}].distribution.min`, `uncertainties[${index}].distribution.mode`, `uncertainties[${index}].distribution.max`]);
  });

  it("names a country's GDP once its source is removed, and takes neither an empty assumption nor an empty source list", () => {
    const scenario = copy();
    delete scenario.world.countries[0]!.source;
    expect(uncoveredNumbers(scenario)).toEqual(["world.countries[0].gdp"]);
    scenario.world.countries[0]!.assumption = "  ";
    scenario.world.countries[0]!.source = [];
    expect(uncoveredNumbers(scenario)).toEqual(["world.countries[0].gdp"]);
  });

  it("does not let the scenario's own source cover a lever", () => {
    const scenario = copy();
    const lever = scenario.policies.find((p) => p.levers !== undefined)!.levers![0]!;
    delete lever.source;
    delete lever.assumption;
    const index = scenario.policies.findIndex((p) => p.levers?.[0] === lever);
    expect(uncoveredNumbers(scenario)).toEqual([`policies[${index}].levers[0].duration`]);
  });

  it("takes a draw condition's threshold as covered by its uncertainty, and not once that loses its provenance", () => {
    const scenario: JsonObject = {
      name: "x",
      uncertainties: [{ name: "coin", distribution: { type: "bernoulli", p: 0.5 }, assumption: "a coin flip" }],
      rules: [{ name: "r", when: [{ kind: "draw", param: "coin", below: 0.5 }] }],
    };
    expect(uncoveredNumbers(scenario)).toEqual([]);
    delete (scenario.uncertainties as JsonObject[])[0]!.assumption;
    expect(uncoveredNumbers(scenario)).toEqual(["uncertainties[0].distribution.p", "rules[0].when[0].below"]);
  });

  it("finds the defaults a scenario relies on, schema's and compiler's", () => {
    const scenario = copy();
    const defaults = reliedDefaults(scenario, parseScenario(scenario)).map((d) => `${d.path} = ${d.value}`);
    expect(defaults).toContain(".world.goods[0].priceFloor = 0.5");
    expect(defaults).toContain(".world.goods[0].substitutionElasticity = 4");
    expect(defaults).toContain(".world.production[0].capacity = 50500");
    const withWeight: JsonObject = { world: { recipes: [{ inputs: [{ good: "g", perUnit: 1, critical: false }] }] } };
    expect(reliedDefaults(withWeight, withWeight)).toEqual([{ path: ".world.recipes[0].inputs[0].weight", field: "weight", value: 0.5 }]);
  });

  it("refuses a default whose description does not call it an assumption", () => {
    const defaults = [{ path: ".world.goods[0].priceFloor", field: "priceFloor", value: 0.5 }];
    expect(undocumentedDefaults(defaults, { properties: { priceFloor: { default: 0.5, description: "Lowest producer price." } } })).toEqual([
      "priceFloor = 0.5: no description in the JSON Schema states the default and marks it as an assumption",
    ]);
    expect(undocumentedDefaults(defaults, { properties: { priceFloor: { default: 0.5, description: "Default 0.5, an assumption." } } })).toEqual([]);
    expect(undocumentedDefaults([{ path: ".x.leakage", field: "leakage", value: 0 }], { properties: {} })).toEqual(["leakage = 0: no property of the JSON Schema has this default"]);
  });
});
