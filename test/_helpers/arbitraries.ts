import fc from "fast-check";
import type { ScenarioInput } from "../../src/index.js";

/**
 * Valid small worlds for property tests. Goods are in recipe order (inputs have lower
 * indices); every country's recipe needs are covered by its own output or by imports,
 * and every export comes from output, so each generated world passes validation.
 */
export interface WorldShape {
  readonly countries: number;
  readonly goods: number;
}

const COUNTRY = (c: number) => `C${c}`;
const GOOD = (g: number) => `g${g}`;

export const worldArbitrary = (shape: { maxCountries?: number; maxGoods?: number } = {}) =>
  fc
    .record({
      countries: fc.integer({ min: 2, max: shape.maxCountries ?? 4 }),
      goods: fc.integer({ min: 1, max: shape.maxGoods ?? 4 }),
    })
    .chain(({ countries, goods }) =>
      fc.record({
        countries: fc.constant(countries),
        goods: fc.constant(goods),
        elasticity: fc.array(fc.double({ min: 0.1, max: 2, noNaN: true }), { minLength: goods, maxLength: goods }),
        integration: fc.array(fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: goods, maxLength: goods }),
        // recipes: for good h > 0, a subset of lower goods as inputs
        recipes: fc.array(
          fc.array(
            fc.record({ use: fc.boolean(), perUnit: fc.double({ min: 0.05, max: 2, noNaN: true }), critical: fc.boolean(), weight: fc.double({ min: 0, max: 1, noNaN: true }) }),
            { minLength: goods, maxLength: goods },
          ),
          { minLength: goods, maxLength: goods },
        ),
        // base output per country and good (0 = does not produce)
        output: fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1, max: 1000, noNaN: true })), { minLength: countries * goods, maxLength: countries * goods }),
        spare: fc.array(fc.double({ min: 0, max: 0.5, noNaN: true }), { minLength: countries * goods, maxLength: countries * goods }),
        // share of each surplus exported, and to whom
        exportShare: fc.array(fc.double({ min: 0, max: 0.9, noNaN: true }), { minLength: countries * goods, maxLength: countries * goods }),
        exportTo: fc.array(fc.nat(), { minLength: countries * goods, maxLength: countries * goods }),
        supplier: fc.array(fc.nat(), { minLength: countries * goods, maxLength: countries * goods }),
        cover: fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 3, noNaN: true })), { minLength: countries * goods, maxLength: countries * goods }),
        valueAdded: fc.array(fc.double({ min: 0, max: 50, noNaN: true }), { minLength: goods, maxLength: goods }),
      }),
    )
    .map((draw) => buildWorld(draw));

interface WorldDraw {
  countries: number;
  goods: number;
  elasticity: number[];
  integration: number[];
  recipes: { use: boolean; perUnit: number; critical: boolean; weight: number }[][];
  output: number[];
  spare: number[];
  exportShare: number[];
  exportTo: number[];
  supplier: number[];
  cover: number[];
  valueAdded: number[];
}

function buildWorld(draw: WorldDraw): ScenarioInput["world"] & { readonly shape: WorldShape } {
  const { countries: C, goods: G } = draw;
  const Q = draw.output.slice();
  const inputsOf = (h: number) => (h === 0 ? [] : draw.recipes[h]!.slice(0, h).map((r, g) => ({ ...r, g })).filter((r) => r.use));
  const flows = new Map<string, number>();
  const addFlow = (e: number, i: number, g: number, v: number) => flows.set(`${e}|${i}|${g}`, (flows.get(`${e}|${i}|${g}`) ?? 0) + v);
  const exported = new Float64Array(C * G);
  const imported = new Float64Array(C * G);
  // From the last good back: needs of good g come from outputs of later goods, which are final.
  for (let g = G - 1; g >= 0; g--) {
    const need = new Float64Array(C);
    for (let h = g + 1; h < G; h++) for (const r of inputsOf(h)) if (r.g === g) for (let c = 0; c < C; c++) need[c]! += r.perUnit * Q[c * G + h]!;
    // a country short of its needs imports the difference from a supplier, which makes it
    for (let c = 0; c < C; c++) {
      const own = Q[c * G + g]!;
      if (need[c]! <= own) continue;
      const s = (c + 1 + (draw.supplier[c * G + g]! % (C - 1))) % C;
      const deficit = need[c]! - own;
      addFlow(s, c, g, deficit);
      exported[s * G + g]! += deficit;
      imported[c * G + g]! += deficit;
    }
    // suppliers make what they ship plus what they need; then some surplus goes abroad
    for (let c = 0; c < C; c++) {
      const cell = c * G + g;
      const required = Math.max(0, need[c]! - imported[cell]!) + exported[cell]!;
      if (Q[cell]! < required) Q[cell] = required * 1.000001;
      const surplus = Q[cell]! - required;
      const extra = surplus * draw.exportShare[cell]!;
      if (extra > 1e-9) {
        const to = (c + 1 + (draw.exportTo[cell]! % (C - 1))) % C;
        addFlow(c, to, g, extra);
        exported[cell]! += extra;
        imported[to * G + g]! += extra;
      }
    }
  }
  const production = [];
  for (let c = 0; c < C; c++) {
    for (let g = 0; g < G; g++) {
      const cell = c * G + g;
      if (Q[cell]! > 0) production.push({ country: COUNTRY(c), good: GOOD(g), output: Q[cell]!, capacity: Q[cell]! * (1 + draw.spare[cell]!), valueAddedPerUnit: draw.valueAdded[g]! });
    }
  }
  return {
    shape: { countries: C, goods: G },
    countries: Array.from({ length: C }, (_, c) => ({ id: COUNTRY(c), gdp: 1e12 })),
    goods: Array.from({ length: G }, (_, g) => ({ id: GOOD(g), unit: "t", basePrice: 10 * (g + 1), demandElasticity: draw.elasticity[g]!, marketIntegration: draw.integration[g]! })),
    production,
    flows: [...flows].map(([k, volume]) => {
      const [e, i, g] = k.split("|").map(Number) as [number, number, number];
      return { exporter: COUNTRY(e), importer: COUNTRY(i), good: GOOD(g), volume };
    }),
    recipes: Array.from({ length: G }, (_, h) => h)
      .filter((h) => inputsOf(h).length > 0)
      .map((h) => ({
        output: GOOD(h),
        inputs: inputsOf(h).map((r) => (r.critical ? { good: GOOD(r.g), perUnit: r.perUnit } : { good: GOOD(r.g), perUnit: r.perUnit, critical: false, weight: r.weight })),
      })),
    stocks: Array.from({ length: C * G }, (_, cell) => cell)
      .filter((cell) => draw.cover[cell]! > 0)
      .map((cell) => ({ country: COUNTRY(Math.floor(cell / G)), good: GOOD(cell % G), coverMonths: draw.cover[cell]! })),
  };
}

/** An export restriction in a world of the given shape. */
export const restrictionArbitrary = (shape: WorldShape) =>
  fc.record({
    actor: fc.integer({ min: 0, max: shape.countries - 1 }),
    target: fc.integer({ min: 1, max: shape.countries - 1 }),
    good: fc.integer({ min: 0, max: shape.goods - 1 }),
    severity: fc.double({ min: 0, max: 1, noNaN: true }),
    leakage: fc.double({ min: 0, max: 1, noNaN: true }),
    diversion: fc.double({ min: 0, max: 1, noNaN: true }),
    start: fc.integer({ min: 0, max: 3 }),
  }).map((r) => ({
    type: "exportRestriction" as const,
    actor: COUNTRY(r.actor),
    targets: [COUNTRY((r.actor + r.target) % shape.countries)],
    goods: [GOOD(r.good)],
    severity: r.severity,
    leakage: r.leakage,
    diversion: r.diversion,
    start: r.start,
  }));

/** A scenario around a generated world: every country's GDP loss and every shortfall and price recorded. */
export function scenarioFor(world: ScenarioInput["world"] & { readonly shape: WorldShape }, policies: ScenarioInput["policies"], horizon = 6): ScenarioInput {
  const { shape, ...plainWorld } = world;
  const outcomes: NonNullable<ScenarioInput["outcomes"]> = [];
  for (let c = 0; c < shape.countries; c++) {
    outcomes.push({ name: `gdp:${COUNTRY(c)}`, kind: "gdpLoss", country: COUNTRY(c) });
    outcomes.push({ name: `gdpPct:${COUNTRY(c)}`, kind: "gdpLoss", country: COUNTRY(c), unit: "percentGdp" });
    for (let g = 0; g < shape.goods; g++) outcomes.push({ name: `short:${COUNTRY(c)}:${GOOD(g)}`, kind: "shortfall", country: COUNTRY(c), good: GOOD(g), stat: "mean" });
  }
  for (let g = 0; g < shape.goods; g++) {
    outcomes.push({ name: `price:${GOOD(g)}`, kind: "price", good: GOOD(g), stat: "max", series: true });
    for (let c = 0; c < shape.countries; c++) outcomes.push({ name: `priceIn:${COUNTRY(c)}:${GOOD(g)}`, kind: "price", good: GOOD(g), market: { inside: COUNTRY(c) }, stat: "max", series: true });
  }
  return { name: "generated", horizon, world: plainWorld, policies, outcomes };
}

export { COUNTRY, GOOD };
