import { describe, expect, it } from "vitest";
import { LIMITS } from "../../src/schema/limits.js";
import { safeParseScenario } from "../../src/index.js";
import { twoCountryWorld } from "../_helpers/worlds.js";

const problems = (input: unknown) => {
  const result = safeParseScenario(input);
  if (result.success) throw new Error("expected problems");
  return result.error.problems.map((p) => `${p.path}${p.line === undefined ? "" : ` (${p.line}:${p.column})`}: ${p.message}`);
};

describe("limits", () => {
  it("refuses deeply nested text before parsing it, with the place", () => {
    const text = `{"name": "x", "deep": ${"[".repeat(5000)}${"]".repeat(5000)}}`;
    expect(problems(text)).toEqual([` (1:${22 + LIMITS.nesting}): lists and objects nested 5001 deep; at most ${LIMITS.nesting} (a limit of chokepoint)`]);
  });

  it("refuses more countries than the limit, with the limit named", () => {
    const world = twoCountryWorld();
    world.world.countries = Array.from({ length: LIMITS.countries + 1 }, (_, i) => ({ id: `C${i}`, gdp: 1 }));
    expect(problems(world)).toContainEqual(
      `world.countries: expected at most ${LIMITS.countries} countries (a limit of chokepoint), found ${LIMITS.countries + 1} entries`,
    );
  });

  it("refuses very long text fields", () => {
    const world = twoCountryWorld({ description: "x".repeat(LIMITS.textLength + 1) });
    expect(problems(world)).toEqual([`description: expected at most 100,000 characters, found "${"x".repeat(37)}..."`]);
  });

  it("bounds the number of rule instances a 'triggering' rule expands to", () => {
    const world = twoCountryWorld();
    world.world.countries = Array.from({ length: 201 }, (_, i) => ({ id: i < 2 ? ["A", "B"][i]! : `C${i}`, gdp: 1e6 }));
    world.rules = Array.from({ length: 101 }, (_, r) => ({
      name: `r${r}`,
      agent: "B",
      when: [{ kind: "restriction" as const, against: "self" as const }],
      action: { type: "exportRestriction" as const, targets: "triggering" as const, goods: ["y"] },
    }));
    expect(problems(world)).toEqual([
      `rules: the rules expand to ${101 * 200} rule instances (one per country that can trigger a "triggering" rule); at most ${LIMITS.ruleInstances} (a limit of chokepoint)`,
    ]);
  });
});
