// Fuzzed bad input: fast-check mutates valid scenarios in every way a file or a caller can
// get them wrong. Every input must give either a valid scenario whose runs are finite, or
// a ScenarioError listing problems with paths: never a crash, a hang, NaN or Infinity.
// `npm run fuzz` runs many more cases (CHOKEPOINT_FUZZ_RUNS).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeParseScenario, ScenarioError, type Scenario, type ScenarioInput } from "../../src/index.js";
import { compileScenario } from "../../src/compile/compile-scenario.js";
import { resolvePlan } from "../../src/experiment/plan.js";
import { RangeAccumulator, toRangeMessage } from "../../src/experiment/range-accumulator.js";
import { twoCountryWorld } from "../_helpers/worlds.js";

const RUNS = Number(process.env.CHOKEPOINT_FUZZ_RUNS ?? 10_000);

/** A richer base than the bare world: uncertainties, rules, stocks, a formula outcome. */
function base(): ScenarioInput {
  const scenario = twoCountryWorld({ horizon: 4 });
  scenario.world.stocks = [{ country: "B", good: "x", coverMonths: { param: "cover" } }];
  scenario.uncertainties = [
    { name: "cover", distribution: { type: "uniform", min: 0, max: 2 } },
    { name: "leak", distribution: { type: "beta", alpha: 2, beta: 5 } },
  ];
  scenario.rules = [
    {
      name: "answer",
      agent: "B",
      when: [{ kind: "restriction", against: "self" }],
      delay: 1,
      action: { type: "exportRestriction", targets: "triggering", goods: ["y"], leakage: { param: "leak" } },
    },
  ];
  scenario.outcomes!.push({ name: "share", kind: "formula", expression: "b / (a + b + 1)", variables: { a: "gdpLoss:A", b: "gdpLoss:B" } });
  return scenario;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path in a JSON value, as keys and indices. */
function paths(value: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((item, i) => paths(item, [...at, i], out));
  else if (value !== null && typeof value === "object") for (const [key, item] of Object.entries(value)) paths(item, [...at, key], out);
  return out;
}

const nested = (depth: number): Json => (depth === 0 ? 1 : [nested(depth - 1)]);

/** Values that a careless file or caller puts where something else belongs. */
const badValue = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom<Json | number>(null, true, false, "", "x", "JPN", -1, 0, 1e308, -1e308, 1.5, 2 ** 53, -0, Number.NaN, Infinity, -Infinity, [], {}) },
  { weight: 1, arbitrary: fc.constant("a".repeat(100_001)) },
  { weight: 1, arbitrary: fc.constant(nested(500)) },
  { weight: 2, arbitrary: fc.constant({ unexpected: 1 }) },
  { weight: 3, arbitrary: fc.integer() },
  { weight: 3, arbitrary: fc.double() },
  { weight: 3, arbitrary: fc.string() },
);

type Mutation = (scenario: Json, pick: number, value: Json) => void;

function at(root: Json, path: (string | number)[]): { parent: Json; key: string | number } | undefined {
  if (path.length === 0) return undefined;
  let node = root;
  for (const key of path.slice(0, -1)) node = (node as Record<string | number, Json>)[key]!;
  return { parent: node, key: path[path.length - 1]! };
}

const mutations: Mutation[] = [
  // replace any value
  (s, pick, value) => {
    const all = paths(s);
    const place = at(s, all[pick % all.length]!);
    if (place) (place.parent as Record<string | number, Json>)[place.key] = value;
  },
  // delete a field or a list entry
  (s, pick) => {
    const all = paths(s);
    const place = at(s, all[pick % all.length]!);
    if (!place) return;
    if (Array.isArray(place.parent)) place.parent.splice(Number(place.key), 1);
    else delete (place.parent as Record<string, Json>)[place.key];
  },
  // add an extra field to an object
  (s, pick, value) => {
    const objects = paths(s).filter((p) => {
      const place = at(s, p);
      const node = place ? (place.parent as Record<string | number, Json>)[place.key] : s;
      return node !== null && typeof node === "object" && !Array.isArray(node);
    });
    const p = objects[pick % objects.length]!;
    const place = at(s, p);
    const node = (place ? (place.parent as Record<string | number, Json>)[place.key] : s) as Record<string, Json>;
    node[["extra", "nmae", "Volume", "__proto__", "constructor", "toString"][pick % 6]!] = value;
  },
  // duplicate a list entry (duplicate names and references)
  (s, pick) => {
    const lists = paths(s).filter((p) => {
      const place = at(s, p);
      return place !== undefined && Array.isArray((place.parent as Record<string | number, Json>)[place.key]);
    });
    if (lists.length === 0) return;
    const place = at(s, lists[pick % lists.length]!)!;
    const list = (place.parent as Record<string | number, Json[]>)[place.key]!;
    if (list.length > 0) list.push(structuredClone(list[pick % list.length]!));
  },
  // a dangling or misspelt reference: change a name string
  (s, pick) => {
    const strings = paths(s).filter((p) => {
      const place = at(s, p);
      return place !== undefined && typeof (place.parent as Record<string | number, Json>)[place.key] === "string";
    });
    if (strings.length === 0) return;
    const place = at(s, strings[pick % strings.length]!)!;
    const parent = place.parent as Record<string | number, Json>;
    parent[place.key] = ["A", "B", "x", "y", "z", "a", "X", "ban", "gdpLoss:A", "cover"][pick % 10]!;
  },
  // a recipe cycle
  (s) => {
    const world = (s as { world?: { recipes?: Json } }).world;
    if (world === null || typeof world !== "object") return;
    world.recipes ??= [];
    if (Array.isArray(world.recipes)) world.recipes.push({ output: "x", inputs: [{ good: "y", perUnit: 1 }] });
  },
];

function checkFinite(value: unknown, where: string): void {
  if (typeof value === "number") expect(Number.isFinite(value), where).toBe(true);
  else if (value !== null && typeof value === "object") for (const [key, item] of Object.entries(value)) checkFinite(item, `${where}.${key}`);
}

/**
 * Two runs of every policy, as runExperiment records them (its summaries of finite values
 * are finite: that is the statistics' own tests); the recorded values must all be finite.
 */
function runExperimentSync(scenario: Scenario) {
  const model = compileScenario(scenario);
  const plan = resolvePlan({ runs: 2, seed: "fuzz" }, scenario, model);
  const accumulator = new RangeAccumulator(model, plan, 0, plan.runs);
  while (!accumulator.done) accumulator.simulateChunk();
  return toRangeMessage(accumulator.result());
}

function examine(input: unknown): void {
  const result = safeParseScenario(input);
  if (!result.success) {
    expect(result.error).toBeInstanceOf(ScenarioError);
    expect(result.error.problems.length).toBeGreaterThan(0);
    for (const problem of result.error.problems) {
      expect(typeof problem.path).toBe("string");
      expect(problem.message.length).toBeGreaterThan(0);
      expect(problem.message).not.toMatch(/\bundefined\b|\[object Object\]/);
    }
    return;
  }
  {
    try {
      checkFinite(runExperimentSync(result.scenario), "result");
    } catch (error) {
      // the only failure allowed at run time: a formula that divides by zero, reported as such
      expect((error as Error).name, String(error)).toBe("NonFiniteOutcomeError");
      expect((error as Error).message).toMatch(/formula .* is not a finite number/);
    }
  }
}

describe(`fuzzed bad input (${RUNS} cases)`, () => {
  it("every mutated scenario object is either valid with finite results or refused with paths", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(mutations.length - 1), fc.nat(), badValue), { minLength: 1, maxLength: 3 }), (steps) => {
        const scenario = structuredClone(base()) as unknown as Json;
        // (clone the value: the same constant is offered to many cases, and later steps may edit it)
        for (const [m, pick, value] of steps) mutations[m]!(scenario, pick, structuredClone(value) as Json);
        examine(scenario);
      }),
      { numRuns: RUNS, seed: 20241203 },
    );
  });

  it("every corrupted scenario text is read or refused with line and column", () => {
    const text = JSON.stringify(base(), null, 2);
    fc.assert(
      fc.property(fc.nat(text.length - 1), fc.string({ maxLength: 3 }), fc.nat(4), (at, insert, remove) => {
        const corrupted = text.slice(0, at) + insert + text.slice(at + remove);
        examine(corrupted);
        const result = safeParseScenario(corrupted);
        if (!result.success && /syntax error/.test(result.error.message)) expect(result.error.problems[0]!.line).toBeGreaterThan(0);
      }),
      { numRuns: Math.max(100, Math.floor(RUNS / 40)), seed: 20241204 },
    );
  });
});
