import { readFileSync } from "node:fs";
import type { ScenarioInput } from "../../src/index.js";

/**
 * A two-country world small enough to compute by hand:
 * A makes 100 t of x a month (value added 2 per t) and ships 40 t to B;
 * B makes 40 units of y a month from 1 t of x each (value added 5 per unit).
 * x: base price 10, elasticity 0.5 (so price = (available / required)^-2), cap 10, floor 0.5.
 * y: base price 100, elasticity 0.5.
 */
export function twoCountryWorld(overrides: Partial<ScenarioInput> = {}): ScenarioInput {
  return {
    name: "two-country",
    horizon: 3,
    world: {
      countries: [
        { id: "A", gdp: 1e6 },
        { id: "B", gdp: 1e6 },
      ],
      goods: [
        { id: "x", unit: "t", basePrice: 10, demandElasticity: 0.5, priceCap: 10, priceFloor: 0.5 },
        { id: "y", unit: "units", basePrice: 100, demandElasticity: 0.5, priceCap: 10 },
      ],
      production: [
        { country: "A", good: "x", output: 100, valueAddedPerUnit: 2 },
        { country: "B", good: "y", output: 40, valueAddedPerUnit: 5 },
      ],
      flows: [{ exporter: "A", importer: "B", good: "x", volume: 40 }],
      recipes: [{ output: "y", inputs: [{ good: "x", perUnit: 1 }] }],
    },
    policies: [
      { name: "none" },
      { name: "ban", levers: [{ type: "exportRestriction", actor: "A", targets: ["B"], goods: ["x"] }] },
      { name: "half", levers: [{ type: "exportRestriction", actor: "A", targets: ["B"], goods: ["x"], severity: 0.5 }] },
    ],
    outcomes: [
      { name: "gdpLoss:A", kind: "gdpLoss", country: "A" },
      { name: "gdpLoss:B", kind: "gdpLoss", country: "B" },
      { name: "shortfall:B:x", kind: "shortfall", country: "B", good: "x", stat: "max", series: true },
      { name: "shortfall:B:y", kind: "shortfall", country: "B", good: "y", stat: "mean" },
      { name: "price:x", kind: "price", good: "x", stat: "max", series: true },
      { name: "price:x:A", kind: "price", good: "x", market: { inside: "A" }, stat: "mean" },
      { name: "outputLoss:B:y", kind: "outputLoss", country: "B", good: "y", unit: "units" },
      { name: "outputLoss:A:x", kind: "outputLoss", country: "A", good: "x", unit: "units" },
      { name: "importCost:B", kind: "importCostIncrease", country: "B" },
      { name: "revenueLoss:A", kind: "exportRevenueLoss", country: "A" },
    ],
    ...overrides,
  };
}

/**
 * Three countries in a chain of retaliations, to exercise every part of step 1 (decide):
 * A's ban on x to B (policy lever, depth 0) provokes B's restriction of y to the triggering
 * country (depth 1), which provokes A's restriction of z (depth 2), which would provoke B
 * again (depth 3: beyond `maxEscalationDepth` 2, so it never fires). C watches B's
 * restrictions only (`by`); A's counter-rule looks at export restrictions only (`lever`),
 * not at C's import restriction; B responds only to restrictions of
 * severity 0.7 or more
 * (A's 0.6 ban of every importer does not count). C responds to its own
 * shortfall of x, to a price, to a period and to a drawn state of the world; rules release
 * a reserve, expand capacity, restrict imports from the triggering country and tax them;
 * A taxes its imports of y from B for six months. Drawn
 * probabilities, delays, severities and durations; a policy that switches a rule off and
 * one with a rule of its own.
 */
export function escalationWorld(): ScenarioInput {
  const goods = ["x", "y", "z"];
  return {
    name: "escalation",
    horizon: 12,
    maxEscalationDepth: 2,
    world: {
      countries: [
        { id: "A", gdp: 1e6 },
        { id: "B", gdp: 1e6 },
        { id: "C", gdp: 1e6 },
      ],
      goods: goods.map((id) => ({ id, unit: "t", basePrice: 10, demandElasticity: 0.4, priceCap: 8 })),
      production: [
        { country: "A", good: "x", output: 100, valueAddedPerUnit: 2, surgeCapacity: 5, rampPeriods: 2 },
        { country: "B", good: "y", output: 100, valueAddedPerUnit: 3 },
        { country: "A", good: "z", output: 60, valueAddedPerUnit: 4 },
        { country: "C", good: "x", output: 20, valueAddedPerUnit: 1, capacity: 30 },
      ],
      flows: [
        { exporter: "A", importer: "B", good: "x", volume: 40 },
        { exporter: "A", importer: "C", good: "x", volume: 30 },
        { exporter: "B", importer: "A", good: "y", volume: 50 },
        { exporter: "B", importer: "C", good: "y", volume: 30 },
        { exporter: "A", importer: "B", good: "z", volume: 30 },
        { exporter: "A", importer: "C", good: "z", volume: 10 },
        { exporter: "C", importer: "B", good: "x", volume: 10 },
      ],
      recipes: [{ output: "z", inputs: [{ good: "y", perUnit: 0.5 }] }],
      stocks: [{ country: "C", good: "x", coverMonths: 1, maxDrawShare: 0.3 }],
    },
    uncertainties: [
      { name: "retaliation", distribution: { type: "uniform", min: 0.3, max: 1 } },
      { name: "delay", distribution: { type: "uniform", min: 0, max: 3 } },
      { name: "severity", distribution: { type: "triangular", min: 0.4, mode: 0.8, max: 1 } },
      { name: "strained", distribution: { type: "bernoulli", p: 0.5 } },
      { name: "lasting", distribution: { type: "uniform", min: 2, max: 8 } },
    ],
    rules: [
      {
        name: "b-retaliates",
        agent: "B",
        when: [{ kind: "restriction", by: ["A", "C"], against: "self", goods: ["x"], minSeverity: 0.7 }],
        probability: { param: "retaliation" },
        delay: { param: "delay" },
        action: { type: "exportRestriction", targets: "triggering", goods: ["y"], severity: { param: "severity" }, duration: { param: "lasting" } },
      },
      {
        name: "a-counters",
        agent: "A",
        when: [{ kind: "restriction", against: ["A"], lever: "exportRestriction", goods: ["y", "z"] }],
        delay: 1,
        action: { type: "exportRestriction", targets: "triggering", goods: ["z"], severity: 0.7, leakage: 0.2 },
      },
      {
        name: "b-again",
        agent: "B",
        when: [{ kind: "restriction", by: ["A"], goods: ["z"] }],
        action: { type: "importRestriction", sources: "triggering", goods: ["x"], severity: 0.5 },
      },
      {
        name: "c-watches-b",
        agent: "C",
        when: [{ kind: "restriction", by: ["B"], goods: ["x", "y"] }],
        delay: 2,
        action: { type: "importRestriction", sources: ["A"], goods: ["z"], severity: 0.3, duration: 4 },
      },
      {
        name: "c-taxes",
        agent: "C",
        when: [{ kind: "restriction", by: ["A"], against: "self" }],
        action: { type: "importTariff", sources: "triggering", goods: ["x", "z"], rate: 0.25, duration: { param: "lasting" } },
      },
      {
        name: "c-reserve",
        agent: "C",
        when: [{ kind: "shortfall", goods: ["x", "y"], above: 0.05 }],
        action: { type: "stockpileRelease", goods: ["x"], coverMonths: 2, maxReleaseShare: 0.5 },
      },
      {
        name: "c-builds",
        agent: "C",
        when: [
          { kind: "price", good: "x", above: 1.2 },
          { kind: "period", from: 2, until: 10 },
          { kind: "draw", param: "strained", above: 0.5 },
        ],
        probability: 0.8,
        action: { type: "capacityExpansion", good: "x", capacity: 15, rampPeriods: 2 },
      },
    ],
    policies: [
      { name: "none" },
      {
        name: "ban",
        levers: [
          { type: "exportRestriction", actor: "A", targets: ["B"], goods: ["x"], start: 1 },
          { type: "importTariff", actor: "A", sources: ["B"], goods: ["y"], rate: 0.1, start: 2, duration: 6 },
        ],
      },
      { name: "ban-no-counter", levers: [{ type: "exportRestriction", actor: "A", targets: ["B"], goods: ["x"], start: 1 }], disableRules: ["a-counters"] },
      {
        name: "ban-c-joins",
        levers: [
          { type: "exportRestriction", actor: "A", targets: "all", goods: ["x"], severity: 0.6, start: { param: "delay" } },
          { type: "importRestriction", actor: "C", sources: ["A"], goods: ["z"], severity: 0.3 },
        ],
        rules: [
          {
            name: "c-retaliates",
            agent: "C",
            when: [{ kind: "restriction", by: ["A"], against: ["C"], lever: "exportRestriction" }],
            action: { type: "exportRestriction", targets: "triggering", goods: ["x"], severity: 1, stockpileShare: 0.5 },
          },
        ],
      },
    ],
    outcomes: [
      { name: "gdpLoss:A", kind: "gdpLoss", country: "A" },
      { name: "gdpLoss:B", kind: "gdpLoss", country: "B" },
      { name: "gdpLoss:C", kind: "gdpLoss", country: "C" },
      { name: "shortfall:B:x", kind: "shortfall", country: "B", good: "x", series: true },
      { name: "shortfall:C:x", kind: "shortfall", country: "C", good: "x", stat: "mean" },
      { name: "price:x", kind: "price", good: "x", series: true },
      { name: "price:y:B", kind: "price", good: "y", market: { inside: "B" }, stat: "mean" },
      { name: "importCost:A", kind: "importCostIncrease", country: "A" },
      { name: "importCost:C", kind: "importCostIncrease", country: "C" },
      ...["b-retaliates", "a-counters", "b-again", "c-watches-b", "c-taxes", "c-reserve", "c-builds", "c-retaliates"].flatMap((rule) => [
        { name: `fired:${rule}`, kind: "ruleFired" as const, rules: [rule] },
        { name: `first:${rule}`, kind: "firstFiring" as const, rules: [rule] },
      ]),
    ],
  };
}

/**
 * The escalation world with formula outcomes that use every operator and function a
 * formula may (SECURITY.md), for the golden suite and the reference implementation.
 */
export function formulaWorld(): ScenarioInput {
  const base = escalationWorld();
  const variables = { a: "gdpLoss:A", b: "gdpLoss:B", c: "gdpLoss:C", fired: "fired:b-retaliates", counters: "fired:a-counters", taxes: "fired:c-taxes" };
  const formula = (name: string, expression: string) => ({ name, kind: "formula" as const, expression, variables });
  return {
    ...base,
    name: "formulas",
    outcomes: [
      ...(base.outcomes ?? []),
      formula("share", "abs(a) / (abs(a) + abs(b) + 1)"),
      formula("spread", "max(a, b, c) - min(a, b, c)"),
      formula("compare", "(a > b) + 2 * (a >= b) + 4 * (a < b) + 8 * (a <= b) + 16 * (a == b) + 32 * (a != b)"),
      formula("logic", "(fired and counters) or not taxes"),
      formula(
        "functions",
        "sqrt(abs(a)) + log(abs(b) + 1) + exp(-abs(c) / (abs(c) + 1)) + log10(abs(a) + 10) + floor(a / 7) + ceil(b / 3) + round(c / 5) + pow(2, fired) + 2 ^ 3 + (-a) % 7 + pi + e",
      ),
      formula("choice", "a > b ? a : -b"),
    ],
  };
}

/**
 * The bundled illustrative-standoff with a horizon of 1,200 periods and 36 more series
 * outcomes (copies of its output-loss and price outcomes): 20 runs simulate in about a
 * second, and summarising their bands (about 180,000 periods under 4 policies, under the
 * limit of 200,000 values a run records) takes about as long again. For tests of what
 * happens while an experiment summarises.
 */
export function longSeriesScenario(): ScenarioInput {
  const input = JSON.parse(readFileSync("scenarios/illustrative-standoff.json", "utf8")) as ScenarioInput & { outcomes: { name: string; kind: string }[] };
  const base = input.outcomes.filter((o) => o.kind === "outputLoss" || o.kind === "price");
  const copies = Array.from({ length: 9 }, (_, k) => base.map((o) => ({ ...o, name: `${o.name}-${k}`, series: true }))).flat();
  return { ...input, horizon: 1200, outcomes: [...input.outcomes, ...copies] } as ScenarioInput;
}
