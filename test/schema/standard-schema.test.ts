// `scenarioSchema`: the scenario's validator as a Standard Schema (v1), making every check
// safeParseScenario makes, with issues whose paths are arrays of keys.
import { describe, expect, expectTypeOf, it } from "vitest";
import { parseScenario, scenarioSchema, type Scenario, type ScenarioInput } from "../../src/index.js";
import { tinyScenario } from "../cli/_scenarios.js";

const validate = scenarioSchema["~standard"].validate;

describe("scenarioSchema (Standard Schema v1)", () => {
  it("says who it is, and types its input and output", () => {
    expect(scenarioSchema["~standard"].version).toBe(1);
    expect(scenarioSchema["~standard"].vendor).toBe("chokepoint");
    type Types = NonNullable<(typeof scenarioSchema)["~standard"]["types"]>;
    expectTypeOf<Types["input"]>().toEqualTypeOf<ScenarioInput>();
    expectTypeOf<Types["output"]>().toEqualTypeOf<Scenario>();
  });

  it("returns a valid scenario with its defaults filled in, as parseScenario does", () => {
    const result = validate(tinyScenario);
    expect(result.issues).toBeUndefined();
    expect("value" in result && result.value).toEqual(parseScenario(tinyScenario));
  });

  it("reports every problem with its path as keys, the checks beyond the structure included", () => {
    const flows = tinyScenario.world.flows ?? [];
    const bad = { ...tinyScenario, horizon: 0, world: { ...tinyScenario.world, flows: [{ ...flows[0]!, exporter: "ZZ" }] } };
    const result = validate(bad);
    expect(result.issues?.map((issue) => issue.path)).toEqual([["horizon"]]);
    const crossReference = validate({ ...tinyScenario, world: { ...tinyScenario.world, flows: [{ ...flows[0]!, exporter: "ZZ" }] } });
    expect(crossReference.issues).toEqual([{ message: expect.stringContaining('unknown country "ZZ"'), path: ["world", "flows", 0, "exporter"] }]);
  });

  it("takes a scenario as data, not as text", () => {
    expect(validate(JSON.stringify(tinyScenario)).issues?.[0]?.message).toMatch(/^expected a scenario object, found a string/);
  });
});
