import type { ScenarioInput } from "../src/index.js";

/** A small deterministic generator (mulberry32), so synthetic worlds are the same on every machine. */
export function generator(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A synthetic scenario of `countries` x `goods` for benchmarks: goods in tiers (raw,
 * intermediate, final), each made from up to two earlier goods (one critical, one not),
 * each made by about half the countries and traded to `tradePartners` others; stocks,
 * surge capacity, eight uncertainties, a retaliation rule, three policies, GDP loss per
 * country and a few shortfalls and price series as outcomes. Balanced so it validates.
 */
export function syntheticScenario(countries: number, goods: number, options: { horizon?: number; tradePartners?: number; seed?: number } = {}): ScenarioInput {
  const random = generator(options.seed ?? 1);
  const horizon = options.horizon ?? 24;
  const partners = Math.min(options.tradePartners ?? 3, countries - 1);
  const C = countries;
  const G = goods;
  const country = (c: number) => `C${c}`;
  const good = (g: number) => `G${g}`;
  // recipes: good h >= 2 uses a critical input among the earlier goods, and a non-critical one
  const recipes: { h: number; inputs: { g: number; perUnit: number; critical: boolean }[] }[] = [];
  for (let h = Math.max(1, Math.floor(G / 4)); h < G; h++) {
    const critical = Math.floor(random() * h);
    const inputs = [{ g: critical, perUnit: 0.1 + random() * 0.4, critical: true }];
    const other = Math.floor(random() * h);
    if (other !== critical) inputs.push({ g: other, perUnit: 0.05 + random() * 0.2, critical: false });
    recipes.push({ h, inputs });
  }
  const Q = new Float64Array(C * G);
  for (let c = 0; c < C; c++) for (let g = 0; g < G; g++) if (random() < 0.5 || c === g % C) Q[c * G + g] = 100 + random() * 900;
  const flows = new Map<string, number>();
  const exported = new Float64Array(C * G);
  const imported = new Float64Array(C * G);
  const ship = (e: number, i: number, g: number, v: number) => {
    flows.set(`${e}|${i}|${g}`, (flows.get(`${e}|${i}|${g}`) ?? 0) + v);
    exported[e * G + g]! += v;
    imported[i * G + g]! += v;
  };
  for (let g = G - 1; g >= 0; g--) {
    const need = new Float64Array(C);
    for (const r of recipes) for (const input of r.inputs) if (input.g === g) for (let c = 0; c < C; c++) need[c]! += input.perUnit * Q[c * G + r.h]!;
    const makers = Array.from({ length: C }, (_, c) => c).filter((c) => Q[c * G + g]! > 0);
    for (let c = 0; c < C; c++) {
      const short = need[c]! - Q[c * G + g]!;
      if (short > 0) ship(makers.find((m) => m !== c) ?? (c + 1) % C, c, g, short * 1.2);
    }
    for (let c = 0; c < C; c++) {
      const cell = c * G + g;
      const required = Math.max(0, need[c]! - imported[cell]!) + exported[cell]!;
      if (Q[cell]! < required) Q[cell] = required * 1.05;
      if (Q[cell]! <= 0) continue;
      const surplus = Q[cell]! - required;
      for (let k = 1; k <= partners; k++) ship(c, (c + k * 7) % C === c ? (c + k) % C : (c + k * 7) % C, g, (surplus * 0.5) / partners);
    }
  }
  const production = productionEntries(Q, C, G, { country, good }, (g) => 10 + g);
  const restrictor = country(0);
  const target = country(1);
  const rawGoods = Array.from({ length: Math.max(1, Math.floor(G / 4)) }, (_, g) => good(g));
  return {
    name: `synthetic-${C}x${G}`,
    horizon,
    world: {
      countries: Array.from({ length: C }, (_, c) => ({ id: country(c), gdp: 1e12 })),
      goods: Array.from({ length: G }, (_, g) => ({ id: good(g), unit: "t", basePrice: 100 + 10 * g, demandElasticity: g % 2 === 0 ? { param: "elasticity" } : 0.5 })),
      production,
      flows: flowEntries(flows, { country, good }),
      recipes: recipes.map((r) => ({
        output: good(r.h),
        inputs: r.inputs.map((x) => (x.critical ? { good: good(x.g), perUnit: x.perUnit } : { good: good(x.g), perUnit: x.perUnit, critical: false, weight: 0.3 })),
      })),
      stocks: Array.from({ length: C }, (_, c) => ({ country: country(c), good: good(0), coverMonths: { param: "cover" } })),
    },
    uncertainties: [
      ...worldUncertainties,
      { name: "answerProbability", distribution: { type: "uniform", min: 0.2, max: 0.8 } },
      { name: "answerDelay", distribution: { type: "triangular", min: 1, mode: 3, max: 9 } },
    ],
    rules: [
      {
        name: "answer",
        agent: target,
        when: [{ kind: "restriction", against: "self" }],
        probability: { param: "answerProbability" },
        delay: { param: "answerDelay" },
        action: { type: "exportRestriction", targets: "triggering", goods: [good(G - 1)], severity: 0.5 },
      },
    ],
    policies: [
      { name: "none" },
      { name: "restrict", levers: [{ type: "exportRestriction", actor: restrictor, targets: [target], goods: rawGoods, severity: { param: "severity" }, leakage: { param: "leakage" } }] },
      {
        name: "restrict-stockpile",
        levers: [
          { type: "exportRestriction", actor: restrictor, targets: [target], goods: rawGoods, severity: { param: "severity" }, leakage: { param: "leakage" } },
          { type: "stockpileRelease", actor: target, goods: rawGoods, coverMonths: 6, maxReleaseShare: 0.5 },
        ],
      },
    ],
    outcomes: [
      ...Array.from({ length: C }, (_, c) => ({ name: `gdpLoss:${country(c)}`, kind: "gdpLoss" as const, country: country(c) })),
      { name: "shortfall", kind: "shortfall", country: target, good: good(0), stat: "max" },
      { name: "price", kind: "price", good: good(0), stat: "max", series: true },
    ],
  };
}

/** The uncertainties both generated worlds draw: elasticity, surge capacity, ramp-up, stock cover, severity, leakage. */
export const worldUncertainties = [
  { name: "elasticity", distribution: { type: "triangular", min: 0.1, mode: 0.3, max: 0.8 } },
  { name: "surge", distribution: { type: "pert", min: 0, mode: 20, max: 100 } },
  { name: "ramp", distribution: { type: "uniform", min: 2, max: 12 } },
  { name: "cover", distribution: { type: "uniform", min: 0.5, max: 3 } },
  { name: "severity", distribution: { type: "beta", alpha: 5, beta: 2 } },
  { name: "leakage", distribution: { type: "beta", alpha: 2, beta: 8 } },
] as const;

/**
 * Production entries of every cell with output in `Q` (country-major, C x G): capacity
 * 10% above output, surge capacity and ramp-up from the uncertainties "surge" and "ramp".
 */
export function productionEntries(
  Q: ArrayLike<number>,
  C: number,
  G: number,
  names: { country: (c: number) => string; good: (g: number) => string },
  valueAddedPerUnit: (g: number) => number,
) {
  const { country, good } = names;
  const production = [];
  for (let c = 0; c < C; c++) {
    for (let g = 0; g < G; g++) {
      const output = Q[c * G + g]!;
      if (output > 0) {
        production.push({
          country: country(c),
          good: good(g),
          output,
          capacity: output * 1.1,
          valueAddedPerUnit: valueAddedPerUnit(g),
          surgeCapacity: { param: "surge" },
          rampPeriods: { param: "ramp" },
        });
      }
    }
  }
  return production;
}

/** Flow entries from volumes keyed "exporter|importer|good" (indices), in the map's order. */
export function flowEntries(flows: ReadonlyMap<string, number>, names: { country: (c: number) => string; good: (g: number) => string }) {
  const { country, good } = names;
  return [...flows].map(([key, volume]) => {
    const [e, i, g] = key.split("|").map(Number) as [number, number, number];
    return { exporter: country(e), importer: country(i), good: good(g), volume };
  });
}
