// Validation of hostile input is bounded: "did you mean" suggestions compare names by edit
// distance, and a 1 MB file of long unknown names once took 95 s (a 300 KB YAML aliasing
// one list of them, hours). Suggestions now stop after 100 and fill a bounded number of
// cells; problems after the first 1,000 are only counted.
import { describe, expect, it } from "vitest";
import { parseScenario, parseScenarioAsync, safeParseScenario, safeParseScenarioAsync } from "../../src/index.js";
import { suggestionWork } from "../../src/schema/suggest.js";
import { MAX_LISTED_PROBLEMS, MAX_SUGGESTION_CELLS, MAX_SUGGESTIONS } from "../../src/schema/_internals/validation-context.js";
import { twoCountryWorld } from "../_helpers/worlds.js";

/** Deterministic names of `length` random letters, all different. */
function nameMaker(seed: number, length = 80): () => string {
  let state = seed;
  return () => {
    let name = "n";
    while (name.length < length) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      name += String.fromCharCode(97 + (state >>> 8) % 26);
    }
    return name;
  };
}

/** 300 countries and 1,000 goods with long names, and `flows` flows naming none of them. */
function unknownNames(flows: number): string {
  const name = nameMaker(1);
  return JSON.stringify({
    name: "hostile",
    horizon: 12,
    world: {
      countries: Array.from({ length: 300 }, () => ({ id: name(), gdp: 1e6 })),
      goods: Array.from({ length: 1000 }, () => ({ id: name(), unit: "t", basePrice: 1, demandElasticity: 0.5 })),
      flows: Array.from({ length: flows }, () => ({ exporter: name(), importer: name(), good: name(), volume: 1 })),
    },
    policies: [{ name: "p" }],
  });
}

/** YAML whose first lever lists `names` unknown long names, aliased by `levers - 1` more levers. */
function aliasedNames(levers: number, names: number): string {
  const name = nameMaker(2);
  const lines = ["name: hostile", "horizon: 12", "world:", "  countries: [{ id: A, gdp: 1000000 }]", "  goods:"];
  for (let g = 0; g < 1000; g++) lines.push(`    - { id: ${name()}, unit: t, basePrice: 1, demandElasticity: 0.5 }`);
  lines.push("policies:", "  - name: p", "    levers:", "      - type: stockpileRelease", "        actor: A", "        coverMonths: 1", "        goods: &names");
  for (let i = 0; i < names; i++) lines.push(`          - ${name()}`);
  for (let l = 1; l < levers; l++) lines.push("      - { type: stockpileRelease, actor: A, goods: *names, coverMonths: 1 }");
  return `${lines.join("\n")}\n`;
}

const measured = (input: unknown) => {
  const before = { ...suggestionWork };
  const started = performance.now();
  const result = safeParseScenario(input);
  return {
    result,
    seconds: (performance.now() - started) / 1000,
    distances: suggestionWork.distances - before.distances,
    cells: suggestionWork.cells - before.cells,
  };
};

describe("validation cost", () => {
  it("of a file of long unknown names is bounded: 100 suggestions, the first 1,000 problems listed", () => {
    const text = unknownNames(3_000); // about 750 KB; 9,000 unknown names
    const { result, seconds, distances, cells } = measured(text);
    if (result.success) throw new Error("expected problems");
    // each suggestion compares one name with at most 1,000 known ones
    expect(distances).toBeLessThanOrEqual(MAX_SUGGESTIONS * 1000);
    expect(cells).toBeLessThanOrEqual(MAX_SUGGESTION_CELLS + 80 * 21);
    expect(result.error.total).toBe(9_000);
    expect(result.error.problems).toHaveLength(MAX_LISTED_PROBLEMS + 1);
    expect(result.error.problems.at(-1)).toEqual({ path: "", message: "and 8,000 more problems (only the first 1,000 are listed)" });
    expect(result.error.message.split("\n")[0]).toBe("invalid scenario (9,000 problems):");
    expect(result.error.problems[0]).toMatchObject({ path: "world.flows[0].exporter", line: 1 });
    expect(seconds).toBeLessThan(15); // minutes before
  });

  it("of a YAML file aliasing a list of unknown names is bounded", () => {
    const text = aliasedNames(200, 1000); // 200,000 unknown goods: 48 minutes before
    const { result, seconds, distances } = measured(text);
    if (result.success) throw new Error("expected problems");
    expect(distances).toBeLessThanOrEqual(MAX_SUGGESTIONS * 1000);
    expect(result.error.total).toBe(200_000);
    expect(result.error.problems.at(-1)!.message).toBe("and 199,000 more problems (only the first 1,000 are listed)");
    expect(seconds).toBeLessThan(15);
  });

  it("still suggests the name meant, within the budget", () => {
    const scenario = twoCountryWorld();
    scenario.world.flows![0]!.exporter = "a";
    const result = safeParseScenario(scenario);
    expect(result.success ? "" : result.error.problems[0]!.message).toBe('unknown country "a"; did you mean "A"?');
  });

  it("is the same in the async forms, which a timeout stops", async () => {
    const text = unknownNames(300);
    expect(await safeParseScenarioAsync(text)).toEqual(safeParseScenario(text));
    await expect(parseScenarioAsync(text)).rejects.toThrow(/^invalid scenario \(900 problems\):/);
    // a large world takes seconds to validate; the signal stops it within a step
    const world = { name: "w", horizon: 2, world: { countries: [{ id: "A", gdp: 1e12 }], goods: [{ id: "g", unit: "t", basePrice: 1, demandElasticity: 1 }] }, policies: [{ name: "p" }] };
    const large = { ...world, world: { ...world.world, flows: Array.from({ length: 300_000 }, () => ({ exporter: "A", importer: "B", good: "g", volume: 1 })) } };
    const started = performance.now();
    await expect(safeParseScenarioAsync(large, { signal: AbortSignal.timeout(50) })).rejects.toMatchObject({ name: "AbortError", message: "experiment aborted" });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("stops with an AbortError when the signal is aborted", () => {
    const controller = new AbortController();
    controller.abort();
    expect(() => safeParseScenario(twoCountryWorld(), { signal: controller.signal })).toThrow(expect.objectContaining({ name: "AbortError" }));
    expect(() => parseScenario(unknownNames(10), { signal: AbortSignal.abort("enough") })).toThrow("experiment aborted: enough");
    expect(safeParseScenario(twoCountryWorld(), { signal: new AbortController().signal }).success).toBe(true);
  });
});

describe("validation and compilation cost of a large world", () => {
  it("is linear in its recipes: 30,000 country recipes take seconds, not minutes", async () => {
    const { compileScenario } = await import("../../src/compile/compile-scenario.js");
    const C = 300;
    const G = 301;
    const countries = Array.from({ length: C }, (_, c) => ({ id: `C${c}`, gdp: 1e12 }));
    const goods = Array.from({ length: G }, (_, g) => ({ id: `g${g}`, unit: "t", basePrice: 1, demandElasticity: 0.5 }));
    const production = countries.flatMap((c) => goods.map((g) => ({ country: c.id, good: g.id, output: g.id === "g0" ? 1e6 : 1 })));
    // a third of the countries have recipes of their own; the other producers look in vain
    const recipes = countries.slice(0, C / 3).flatMap((c) => goods.slice(1).map((g) => ({ output: g.id, country: c.id, inputs: [{ good: "g0", perUnit: 1e-6 }] })));
    const scenario = { name: "large", horizon: 2, world: { countries, goods, production, recipes }, policies: [{ name: "p" }] };
    const started = performance.now();
    const parsed = parseScenario(scenario);
    const model = compileScenario(parsed);
    expect(model.inputGood.length).toBe(recipes.length);
    expect((performance.now() - started) / 1000).toBeLessThan(10); // 35 s before (a search of the recipes per producer)
  });
});
