import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseScenario, safeParseScenario, ScenarioError } from "../../src/index.js";
import { twoCountryWorld } from "../_helpers/worlds.js";

const messages = (input: unknown): string => {
  const result = safeParseScenario(input);
  if (result.success) throw new Error("expected the scenario to be invalid");
  return result.error.message;
};

// Edits deliberately break the scenario's types, so the draft is loosely typed.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Draft = any;
const edit = (change: (s: Draft) => void): unknown => {
  const scenario: Draft = structuredClone(twoCountryWorld());
  change(scenario);
  return scenario;
};

describe("parseScenario", () => {
  it("accepts the example scenario and fills in defaults", () => {
    const scenario = parseScenario(JSON.parse(readFileSync("scenarios/illustrative-standoff.json", "utf8")));
    expect(scenario.period).toBe("month");
    expect(scenario.world.goods[0]!.priceFloor).toBe(0.5);
    expect(scenario.policies.map((p) => p.name)).toEqual(["us-alone", "us-nl", "aligned", "aligned-stockpile"]);
  });

  it("is idempotent: a parsed scenario parses to itself", () => {
    const once = parseScenario(twoCountryWorld());
    expect(parseScenario(once)).toEqual(once);
  });

  it("throws a ScenarioError listing every problem", () => {
    expect(() => parseScenario({})).toThrow(ScenarioError);
    expect(messages({})).toMatchInlineSnapshot(`
      "invalid scenario (4 problems):
      name: missing (expected a string)
      horizon: missing (expected a number)
      world: missing (expected an object)
      policies: missing (expected a list)"
    `);
  });

  it("names the path, what was expected and what was found", () => {
    expect(
      messages(
        edit((s) => {
          s.horizon = 12.5;
          (s.world.countries[0] as Record<string, unknown>).gdp = "big";
          s.world.goods[0]!.basePrice = -1;
        }),
      ),
    ).toMatchInlineSnapshot(`
      "invalid scenario (3 problems):
      horizon: expected a whole number of periods, found 12.5
      world.countries[0].gdp: expected a number, found "big"
      world.goods[0].basePrice: expected a base price > 0, found -1"
    `);
  });

  it("suggests the field meant for an unknown field, and the value meant for an unknown kind", () => {
    expect(
      messages(
        edit((s) => {
          (s.world.flows![0] as Record<string, unknown>).volum = 3;
          (s.policies[1]!.levers![0] as Record<string, unknown>).type = "exportRestrictions";
          (s.outcomes![0] as Record<string, unknown>).unit = "usd";
        }),
      ),
    ).toMatchInlineSnapshot(`
      "invalid scenario (3 problems):
      world.flows[0].volum: unknown field "volum"; did you mean "volume"?
      policies[1].levers[0].type: expected one of "exportRestriction", "importRestriction", "stockpileRelease", "capacityExpansion", "importTariff", found "exportRestrictions"; did you mean "exportRestriction"?
      outcomes[0].unit: expected "USD" or "percentGdp", found "usd"; did you mean "USD"?"
    `);
  });

  it("checks references, with a suggestion from the names that exist", () => {
    expect(
      messages(
        edit((s) => {
          s.world.flows![0]!.exporter = "a";
          s.policies[1]!.levers![0]!.goods = ["xx"];
          s.outcomes![0]!.country = "C";
          s.baselinePolicy = "bann";
        }),
      ),
    ).toMatchInlineSnapshot(`
      "invalid scenario (4 problems):
      world.flows[0].exporter: unknown country "a"; did you mean "A"?
      policies[1].levers[0].goods[0]: unknown good "xx"; did you mean "x"?
      baselinePolicy: unknown policy "bann"; did you mean "ban"?
      outcomes[0].country: unknown country "C"; did you mean "A"?"
    `);
  });

  it("rejects duplicate names, cycles in recipes, and a world that does not balance", () => {
    expect(
      messages(
        edit((s) => {
          s.world.countries.push({ id: "A", gdp: 1 });
          s.world.recipes!.push({ output: "x", inputs: [{ good: "y", perUnit: 1 }] });
          s.world.flows![0]!.volume = 140;
        }),
      ),
    ).toMatchInlineSnapshot(`
      "invalid scenario (4 problems):
      world.countries[2].id: duplicate country "A" (first defined at world.countries[0])
      world.flows[0]: "A" exports 140 of "x" per period but produces 100; exports come from own output (model re-exports as production or leakage)
      world.recipes: recipes form a cycle: x -> y -> x; the model needs inputs to come before outputs
      world.countries[2].gdp: GDP 1 is less than the annual value added of its modelled production (2400)"
    `);
    expect(
      messages(
        edit((s) => {
          s.world.recipes![0]!.inputs[0]!.perUnit = 2;
        }),
      ),
    ).toMatchInlineSnapshot(`
      "invalid scenario (1 problem):
      world.recipes: "B" uses 40 of "x" per period (output - exports + imports) but its recipes need 80 for baseline output"
    `);
  });

  it("checks that a number drawn from an uncertainty stays in its range", () => {
    expect(
      messages(
        edit((s) => {
          s.uncertainties = [
            { name: "sev", distribution: { type: "normal", mean: 0.5, sd: 0.2 } },
            { name: "bad", distribution: { type: "uniform", min: 2, max: 1 } },
          ];
          s.policies[1]!.levers![0]!.severity = { param: "sev" };
          (s.policies[1]!.levers![0] as Record<string, unknown>).leakage = { param: "leak" };
        }),
      ),
    ).toMatchInlineSnapshot(`
      "invalid scenario (3 problems):
      uncertainties[1].distribution.max: expected max > min (2), found 1
      policies[1].levers[0].severity.param: uncertainty "sev" is normal(0.5, 0.2), which can take values outside [0, 1]; truncate it or choose another distribution
      policies[1].levers[0].leakage.param: unknown uncertainty "leak""
    `);
  });

  it("gives line and column for problems in JSON and YAML text", () => {
    const json = JSON.stringify(edit((s) => (s.world.flows![0]!.importer = "Z")), null, 2);
    expect(messages(json)).toMatch(/world\.flows\[0\]\.importer \(line \d+, column \d+\): unknown country "Z"/);
    const yaml = ["name: y", "horizon: 2", "world:", "  countries:", "    - id: A", "      gdp: -5", "  goods: []", "policies: [{ name: p }]"].join("\n");
    expect(messages(yaml)).toMatchInlineSnapshot(`
      "invalid scenario (2 problems):
      world.countries[0].gdp (line 6, column 7): expected GDP > 0, found -5
      world.goods (line 7, column 3): expected at least one good, found 0 entries"
    `);
  });

  it("reports syntax errors and duplicate keys with their position", () => {
    expect(messages('{"name": "a",\n "name": "b"}')).toMatchInlineSnapshot(`
      "invalid scenario (1 problem):
      line 2, column 2: syntax error: Map keys must be unique"
    `);
    expect(messages("name: [unclosed")).toMatch(/line 1/);
  });

  it("refuses YAML alias bombs", () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let level = 1; level <= 8; level++) lines.push(`${"b".repeat(level)}: &${"b".repeat(level)} [${Array(10).fill(`*${level === 1 ? "a" : "b".repeat(level - 1)}`).join(",")}]`);
    expect(messages(lines.join("\n"))).toMatch(/alias/i);
  });
});
