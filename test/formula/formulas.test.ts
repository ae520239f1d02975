import { describe, expect, it } from "vitest";
import { runExperiment, safeParseScenario, simulateOnce, type ScenarioInput } from "../../src/index.js";
import { compileFormula } from "../../src/formula/compile-formula.js";
import { evaluateFormula } from "../../src/formula/evaluate-formula.js";
import { twoCountryWorld } from "../_helpers/worlds.js";

const evaluate = (expression: string, values: Record<string, number>) => {
  const compiled = compileFormula(expression, Object.keys(values));
  if (!("program" in compiled)) throw new Error(compiled.problems.join("; "));
  return evaluateFormula(compiled.program, Float64Array.from(Object.values(values)), new Float64Array(compiled.program.stackSize));
};

const refusal = (expression: string) => {
  const compiled = compileFormula(expression, ["a", "b"]);
  if ("program" in compiled) throw new Error(`expected "${expression}" to be refused`);
  return compiled.problems.join("; ");
};

describe("formulas", () => {
  it("evaluate arithmetic, comparisons, conditionals and the allowed functions", () => {
    expect(evaluate("a / (a + b)", { a: 1, b: 3 })).toBe(0.25);
    expect(evaluate("-a^2 + 2b", { a: 3, b: 4 })).toBe(-1);
    expect(evaluate("b > 0 ? a / b : 0", { a: 1, b: 0 })).toBe(0);
    expect(evaluate("max(a, b, 10) - min(a, b)", { a: 2, b: 5 })).toBe(8);
    expect(evaluate("abs(a) + sqrt(b) + log(e) + round(2.5) + floor(pi)", { a: -1, b: 9 })).toBe(1 + 3 + 1 + 3 + 3);
    expect(evaluate("a > 1 and not (b == 2) or a < 0", { a: 2, b: 2 })).toBe(0);
    expect(evaluate("pow(a, b) + a mod b", { a: 2, b: 3 })).toBe(10);
  });

  it("refuse known expression-parser exploit payloads with a clear message", () => {
    expect(refusal('import({ "evaluate": 1 }, { override: true })')).toMatchInlineSnapshot(`"the function "import" is not allowed; the formula may call min, max, abs, sqrt, log, exp, log10, floor, ceil, round, pow"`);
    expect(refusal('createUnit("foo")')).toMatchInlineSnapshot(`"the function "createUnit" is not allowed; the formula may call min, max, abs, sqrt, log, exp, log10, floor, ceil, round, pow"`);
    expect(refusal('evaluate("1 + 1")')).toMatchInlineSnapshot(`"the function "evaluate" is not allowed; the formula may call min, max, abs, sqrt, log, exp, log10, floor, ceil, round, pow"`);
    expect(refusal('parse("1")')).toMatchInlineSnapshot(`"the function "parse" is not allowed; the formula may call min, max, abs, sqrt, log, exp, log10, floor, ceil, round, pow"`);
    expect(refusal("a.constructor")).toMatchInlineSnapshot(`"property access (a.b, a[b]) is not allowed in formulas"`);
    expect(refusal('cos.constructor("return process")()')).toMatchInlineSnapshot(`"cannot read the formula: Value expected (char 35)"`);
    expect(refusal("f(x) = x")).toMatchInlineSnapshot(`"function definitions are not allowed in formulas"`);
    expect(refusal("a = 1")).toMatchInlineSnapshot(`"assignments are not allowed in formulas"`);
    expect(refusal("zeros(1e9)")).toMatchInlineSnapshot(`"the function "zeros" is not allowed; the formula may call min, max, abs, sqrt, log, exp, log10, floor, ceil, round, pow"`);
    expect(refusal("[1, 2, 3]")).toMatchInlineSnapshot(`"lists and matrices are not allowed in formulas"`);
    expect(refusal("1:1e9")).toMatchInlineSnapshot(`"ranges (a:b) are not allowed in formulas"`);
    expect(refusal('"text"')).toMatchInlineSnapshot(`"only numbers are allowed as constants, found "text""`);
    expect(refusal("{ a: 1 }")).toMatchInlineSnapshot(`"objects are not allowed in formulas"`);
    expect(refusal("a; b")).toMatchInlineSnapshot(`"several statements are not allowed in formulas"`);
    expect(refusal("a < b < 3")).toMatchInlineSnapshot(`"chained comparisons (a < b < c) are not allowed in formulas; use and"`);
    expect(refusal("a!")).toMatchInlineSnapshot(`"the operator "!" is not allowed"`);
    expect(refusal("1 +")).toMatchInlineSnapshot(`"cannot read the formula: Unexpected end of expression (char 4)"`);
    expect(refusal(`${"(".repeat(300)}1${")".repeat(300)}`)).toMatchInlineSnapshot(`"expected brackets nested at most 32 deep, found 300"`);
    expect(refusal(`a${" + a".repeat(300)}`)).toMatchInlineSnapshot(`"expected a formula of at most 1000 characters, found 1201"`);
  });

  it("give derived outcomes, computed from outcomes listed before them", async () => {
    const world = twoCountryWorld();
    world.outcomes!.push({ name: "share:B", kind: "formula", expression: "b / (a + b)", variables: { a: "gdpLoss:A", b: "gdpLoss:B" }, unit: "share" });
    const { outcomes } = simulateOnce(world, { policy: "ban", seed: 1 });
    expect(outcomes["share:B"]).toBe(outcomes["gdpLoss:B"]! / (outcomes["gdpLoss:A"]! + outcomes["gdpLoss:B"]!));
    const result = await runExperiment(world, { runs: 5, seed: 1, policies: ["ban"] });
    expect(result.outcomes.find((o) => o.name === "share:B")).toMatchObject({ unit: "share", description: "b / (a + b) (a = gdpLoss:A, b = gdpLoss:B)" });
  });

  it("are checked when the scenario is read: names, order, syntax", () => {
    const world: ScenarioInput = twoCountryWorld();
    world.outcomes = [
      { name: "early", kind: "formula", expression: "x + 1", variables: { x: "gdpLoss:A" } },
      { name: "gdpLoss:A", kind: "gdpLoss", country: "A" },
      { name: "bad", kind: "formula", expression: "max + import(x)", variables: { max: "gdpLoss:A", x: "nope" } },
    ];
    const result = safeParseScenario(world);
    expect(result.success ? "" : result.error.message).toMatchInlineSnapshot(`
      "invalid scenario (4 problems):
      outcomes[0].variables.x: outcome "gdpLoss:A" must be listed before this formula
      outcomes[2].variables.max: "max" is a function or constant of formulas; choose another name
      outcomes[2].variables.x: unknown outcome "nope"
      outcomes[2].expression: the function "import" is not allowed; the formula may call min, max, abs, sqrt, log, exp, log10, floor, ceil, round, pow"
    `);
  });

  it("that are not finite in a run give a clear error naming the outcome, run and policy", async () => {
    const world = twoCountryWorld();
    world.outcomes!.push({ name: "ratio", kind: "formula", expression: "a / b", variables: { a: "gdpLoss:A", b: "gdpLoss:B" } });
    await expect(runExperiment(world, { runs: 2, seed: 1, policies: ["none"] })).rejects.toThrowErrorMatchingInlineSnapshot(`
      [NonFiniteOutcomeError: formula not finite (1 problem):
      outcomes[10].expression: the formula of outcome "ratio", a / b (a = gdpLoss:A, b = gdpLoss:B), is not a finite number in run 0 (seed "1") of policy "none": a division by zero, or the log or square root of a number out of range? Guard it, e.g. "b > 0 ? a / b : 0"]
    `);
  });
});

describe("names inherited from JavaScript objects", () => {
  const INHERITED = ["constructor", "toString", "valueOf", "__proto__", "hasOwnProperty", "isPrototypeOf", "toLocaleString", "__defineGetter__"];
  const problemsOf = (input: unknown): string[] => {
    const result = safeParseScenario(input);
    return result.success ? [] : result.error.problems.map((p) => `${p.path}: ${p.message}`);
  };
  /** The two-country world with every occurrence of a country or good id renamed. */
  const renamed = (from: string, to: string): ScenarioInput =>
    JSON.parse(JSON.stringify(twoCountryWorld()).replaceAll(`"${from}"`, `"${to}"`).replaceAll(`:${from}"`, `:${to}"`).replaceAll(`"${from}:`, `"${to}:`)) as ScenarioInput;

  it.each(INHERITED)("%s is an unknown name or function in a formula, never a value", (name) => {
    expect(refusal(name)).toBe(`unknown name "${name}"; the formula may use "a", "b", "pi", "e"`);
    expect(refusal(`${name}(a)`)).toBe(`the function "${name}" is not allowed; the formula may call min, max, abs, sqrt, log, exp, log10, floor, ceil, round, pow`);
    expect(refusal(`a*(${name}==${name}) + b*(${name}!=${name})`)).toBe(`unknown name "${name}"; the formula may use "a", "b", "pi", "e"`);
    const world = twoCountryWorld();
    world.outcomes!.push({ name: "f", kind: "formula", expression: `${name}(gdpLoss)`, variables: { gdpLoss: "gdpLoss:A" } });
    expect(problemsOf(world)).toEqual([`outcomes[10].expression: the function "${name}" is not allowed; the formula may call min, max, abs, sqrt, log, exp, log10, floor, ceil, round, pow`]);
  });

  it.each(INHERITED.filter((name) => !name.startsWith("_")))("%s works as a formula variable, an outcome, a country and a good", (name) => {
    const world = twoCountryWorld();
    world.outcomes!.push(
      { name, kind: "gdpLoss", country: "B" },
      { name: "f", kind: "formula", expression: `2 * ${name} + a`, variables: { [name]: name, a: "gdpLoss:A" } },
    );
    world.headlineOutcomes = [name, "f"];
    expect(problemsOf(world)).toEqual([]);
    const { outcomes } = simulateOnce(world, { policy: "ban", seed: 1 });
    expect(outcomes[name]).toBe(outcomes["gdpLoss:B"]);
    expect(outcomes["f"]).toBe(2 * outcomes["gdpLoss:B"]! + outcomes["gdpLoss:A"]!);

    const original = simulateOnce(twoCountryWorld(), { policy: "ban", seed: 1 }).outcomes;
    for (const [from, kind] of [["B", "country"], ["x", "good"]] as const) {
      const other = renamed(from, name);
      expect(problemsOf(other), kind).toEqual([]);
      expect(Object.values(simulateOnce(other, { policy: "ban", seed: 1 }).outcomes), kind).toEqual(Object.values(original));
    }
    const unknown = twoCountryWorld();
    unknown.world.flows![0]!.exporter = name;
    unknown.world.flows![0]!.good = name;
    expect(problemsOf(unknown)).toEqual([`world.flows[0].exporter: unknown country "${name}"`, `world.flows[0].good: unknown good "${name}"`]);
  });

  it("refuses __proto__ as a formula variable, a name and a key, with a clear problem", () => {
    const variable = JSON.parse(JSON.stringify(twoCountryWorld()));
    variable.outcomes.push({ name: "f", kind: "formula", expression: "__proto__ * 2", variables: JSON.parse('{"__proto__": "gdpLoss:A"}') });
    expect(problemsOf(variable)).toEqual([
      'outcomes[10].expression: unknown name "__proto__"; the formula may use "pi", "e"',
      `outcomes[10].variables.__proto__: "__proto__" cannot be a name (JavaScript reads it as an object's prototype); choose another name`,
    ]);
    const named = twoCountryWorld();
    named.world.countries[1]!.id = "__proto__";
    named.outcomes![0]!.name = "__proto__";
    expect(problemsOf(named).slice(0, 2)).toEqual([
      'world.countries[1].id: expected a name of letters, digits and _ : - (starting with a letter or digit), found "__proto__"',
      'outcomes[0].name: expected a name of letters, digits and _ : - (starting with a letter or digit), found "__proto__"',
    ]);
    const yaml = ["name: y", "horizon: 2", "__proto__: 1", "world: { countries: [{ id: A, gdp: 1 }], goods: [{ id: x, unit: t, basePrice: 1, demandElasticity: 1 }] }", "policies: [{ name: p }]"].join("\n");
    expect(problemsOf(yaml)).toEqual(['__proto__: unknown field "__proto__" (expected one of: $schema, name, title, description, currency, period, horizon, start, maxEscalationDepth, world, uncertainties, posterior, rules, policies, baselinePolicy, outcomes, headlineOutcomes, game, source, assumption)']);
    const table = JSON.parse(JSON.stringify(twoCountryWorld()));
    table.world.inputOutput = [{ country: "A", sectors: ["s"], Z: [[0]], x: [1], valueAdded: [1], goodSectors: JSON.parse('{"__proto__": "s", "x": "s"}') }];
    expect(problemsOf(table)).toEqual([`world.inputOutput[0].goodSectors.__proto__: "__proto__" cannot be a name (JavaScript reads it as an object's prototype); choose another name`]);
  });
});
