import { describe, expect, it } from "vitest";
import { LIMITS } from "../../src/schema/limits.js";
import { estimateSummaryMemory, parseScenario, runSize, safeParseScenario } from "../../src/index.js";
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

describe("limits of scenario text", () => {
  it("reads JSON text up to the text limit, and YAML text up to 4 MiB, with a message naming the limit", () => {
    const yaml = `name: x\n${"# a comment line of forty characters....\n".repeat(110_000)}`;
    expect(yaml.length).toBeGreaterThan(LIMITS.yamlText);
    expect(problems(yaml)).toEqual([
      `: YAML text of ${yaml.length.toLocaleString("en-US")} characters; at most 4,194,304 (a limit of chokepoint): write a scenario this large as JSON`,
    ]);
    // JSON of that size is read as JSON
    const json = JSON.stringify({ ...twoCountryWorld(), description: "x".repeat(90_000), notes: Array(50).fill("x".repeat(90_000)) });
    expect(json.length).toBeGreaterThan(LIMITS.yamlText);
    expect(problems(json)).toEqual(['notes (1:91568): unknown field "notes" (expected one of: $schema, name, title, description, currency, period, horizon, start, maxEscalationDepth, world, uncertainties, posterior, rules, policies, baselinePolicy, outcomes, headlineOutcomes, game, source, assumption)']);
  });

  it("gives the place of a syntax error or a repeated key in a large JSON text", () => {
    const big = JSON.stringify({ ...twoCountryWorld(), title: "t".repeat(LIMITS.yamlText) }, null, 1);
    expect(problems(big.replace('"horizon": 3', '"horizon": 3,'))).toEqual([" (3:15): syntax error: Expected double-quoted property name"]);
    expect(problems(big.replace('"horizon": 3', '"horizon": 3, "name": "again"'))).toEqual([" (3:16): syntax error: Map keys must be unique"]);
  });

  it("bounds the values YAML aliases repeat", () => {
    const lines = ["name: x", `list: &list [${Array(2_000).fill("a").join(", ")}]`, "copies:"];
    for (let i = 0; i < 600; i++) lines.push("  - *list");
    expect(problems(lines.join("\n"))).toEqual([": YAML aliases repeat 1,200,600 values; at most 1,000,000 (a limit of chokepoint)"]);
  });
});

describe("what a run records", () => {
  /** The two-country world with `policies` policies and `series` of 200 outcomes recorded per period. */
  const recording = (policies: number, series: number, horizon: number) => {
    const world = twoCountryWorld({ horizon });
    world.policies = Array.from({ length: policies }, (_, p) => ({ name: `p${p}`, levers: p === 0 ? [] : [{ type: "exportRestriction", actor: "A", targets: ["B"], goods: ["x"], severity: p / policies }] }));
    world.outcomes = Array.from({ length: 200 }, (_, o) =>
      o < series ? { name: `shortfall${o}`, kind: "shortfall", country: "B", good: o % 2 === 0 ? "x" : "y", series: true } : { name: `gdpLoss${o}`, kind: "gdpLoss", country: "B" },
    );
    return world;
  };

  it("is bounded: policies x series outcomes x periods, with a message naming the limit", () => {
    const text = JSON.stringify(recording(20, 191, 1200)); // one run of it took 2.3 GB and a minute
    expect(text.length).toBeLessThan(30_000);
    expect(problems(text)).toEqual([
      "outcomes (1:2726): each run would record 4,584,000 values per period (20 policies x 191 series outcomes x 1,200 periods); at most 200,000 (a limit of chokepoint): mark fewer outcomes as series, shorten the horizon or split the policies",
    ]);
    expect(safeParseScenario(recording(2, 83, 1200)).success).toBe(true); // 199,200
  });

  it("gives an estimate of the memory of summaries, for an experiment to refuse or switch", () => {
    const scenario = parseScenario(recording(2, 83, 1200));
    expect(runSize(scenario)).toEqual({ policies: 2, outcomes: 200, seriesOutcomes: 83, periods: 1200, seriesValues: 199_200, values: 2 * (200 + 83 * 1200) });
    // measured: 1,000 runs of 2 x (200 + 84 x 1,200) values peaked at 3.3 GB
    expect(estimateSummaryMemory(scenario, { runs: 1000, summaries: "exact" })).toBe(1000 * (16 * 199_600 + 8 * 200) + 700 * 199_200);
    expect(estimateSummaryMemory(scenario, { runs: 1000, summaries: "streaming" })).toBe(4500 * 199_200 + 20_000 * 400);
    expect(estimateSummaryMemory(scenario, { runs: 10, policies: 1, summaries: "exact" })).toBe(10 * 16 * 99_800 + 700 * 99_600);
  });
});
