// The bundled scenarios behind `chokepoint list` and `chokepoint run <name>`, as
// `chokepoint/node` exports them: bundledScenarioNames, loadBundledScenario, resolveScenario.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ScenarioError } from "../../src/index.js";
import { bundledScenarioNames, loadBundledScenario, resolveScenario } from "../../src/node.js";
import { repo } from "./_helpers.js";

describe("bundled scenarios", () => {
  it("are named by their files in scenarios/, sorted", () => {
    const names = bundledScenarioNames();
    expect(names).toContain("illustrative-standoff");
    expect(names).toEqual([...names].sort());
  });

  it("load by name, and resolveScenario tells names from paths", async () => {
    const byName = await loadBundledScenario("illustrative-standoff");
    expect(byName.name).toBe("illustrative-standoff");
    expect(await resolveScenario("illustrative-standoff")).toEqual(byName);
    expect(await resolveScenario(join(repo, "scenarios", "illustrative-standoff.json"))).toEqual(byName);
  });

  it("suggest the closest name for an unknown one", async () => {
    const error = await loadBundledScenario("ilustrative-standoff").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).problems[0]?.message).toMatch(/^no bundled scenario named "ilustrative-standoff"; did you mean "illustrative-standoff"\? \(bundled: /);
    const resolved = await resolveScenario("ilustrative-standoff").catch((e: unknown) => e);
    expect((resolved as ScenarioError).problems[0]?.message).toMatch(/^no file or bundled scenario named "ilustrative-standoff"; did you mean "illustrative-standoff"\?/);
  });

  it("take a name with a path separator or a scenario file ending as a path", async () => {
    for (const path of ["illustrative-standoff.json", "./illustrative-standoff", "illustrative-standoff.yaml"]) {
      const error = await resolveScenario(path).catch((e: unknown) => e);
      expect(error, path).toBeInstanceOf(ScenarioError);
      expect((error as ScenarioError).problems[0]?.message, path).toBe(`cannot read ${path}: no such file`);
    }
  });
});
