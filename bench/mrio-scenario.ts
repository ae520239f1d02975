import type { ScenarioInput } from "../src/index.js";
import { flowEntries, generator, productionEntries, worldUncertainties } from "./synthetic-scenario.js";

/** Shape of the MRIO-like world; every field has a default. */
export interface MrioOptions {
  /** Seed of the generator (default 7). */
  readonly seed?: number;
  /** Periods simulated (default 24). */
  readonly horizon?: number;
  /** Share of (region, good) cells that produce (default 0.85). */
  readonly makeShare?: number;
  /** Fewest and most inputs of a made good (defaults 2 and 5). */
  readonly inputsMin?: number;
  readonly inputsMax?: number;
  /** Partner regions each producing cell exports to (default 4). */
  readonly partners?: number;
}

/**
 * A synthetic world shaped like a multi-regional input-output table (EXIOBASE has 49
 * regions x 200 products): every region makes most goods (`makeShare`), each good past
 * the first 10% (raw goods) is made from 2 to 5 earlier goods (the first critical, the
 * others not, weights 0.3 to 0.7), each producing cell sells part of its surplus to a
 * handful of partner regions (`partners`), and a region that needs a good it does not make
 * imports it from one to three makers. Balanced so it validates (exports within output,
 * use covering recipe needs). Same uncertainties as `syntheticScenario`, no rules; policies
 * `none`, `restrict` (region R0 bans raw-good exports to R1) and `restrict-all` (R0 cuts
 * every export to everyone, severity drawn), so every good is disturbed.
 */
export function mrioScenario(regions = 49, goods = 200, options: MrioOptions = {}): ScenarioInput {
  const random = generator(options.seed ?? 7);
  const C = regions;
  const G = goods;
  const horizon = options.horizon ?? 24;
  const makeShare = options.makeShare ?? 0.85;
  const inputsMin = options.inputsMin ?? 2;
  const inputsMax = options.inputsMax ?? 5;
  const partners = Math.min(options.partners ?? 4, C - 1);
  const raw = Math.max(1, Math.floor(G / 10));
  const country = (c: number) => `R${c}`;
  const good = (g: number) => `P${g}`;

  // recipes: good h >= raw uses k distinct earlier goods; the first is critical
  const recipes: { h: number; inputs: { g: number; perUnit: number; critical: boolean; weight: number }[] }[] = [];
  for (let h = raw; h < G; h++) {
    const k = Math.min(h, inputsMin + Math.floor(random() * (inputsMax - inputsMin + 1)));
    const chosen = new Set<number>();
    while (chosen.size < k) chosen.add(Math.floor(random() * h));
    const inputs = [...chosen].map((g, j) => ({ g, perUnit: 0.02 + random() * 0.1, critical: j === 0, weight: 0.3 + random() * 0.4 }));
    recipes.push({ h, inputs });
  }
  const usesOf: { h: number; perUnit: number }[][] = Array.from({ length: G }, () => []);
  for (const r of recipes) for (const x of r.inputs) usesOf[x.g]!.push({ h: r.h, perUnit: x.perUnit });

  const Q = new Float64Array(C * G);
  for (let c = 0; c < C; c++) for (let g = 0; g < G; g++) if (random() < makeShare || c === g % C) Q[c * G + g] = 100 + random() * 900;
  const flows = new Map<string, number>();
  const exported = new Float64Array(C * G);
  const imported = new Float64Array(C * G);
  const ship = (e: number, i: number, g: number, v: number) => {
    const key = `${e}|${i}|${g}`;
    flows.set(key, (flows.get(key) ?? 0) + v);
    exported[e * G + g]! += v;
    imported[i * G + g]! += v;
  };
  // Downstream goods first, so a good's output is known before its inputs' needs are.
  for (let g = G - 1; g >= 0; g--) {
    const need = new Float64Array(C);
    for (const use of usesOf[g]!) for (let c = 0; c < C; c++) need[c]! += use.perUnit * Q[c * G + use.h]!;
    const makers: number[] = [];
    for (let c = 0; c < C; c++) if (Q[c * G + g]! > 0) makers.push(c);
    // regions that do not make the good import what their producers need from one to three makers
    for (let c = 0; c < C; c++) {
      if (Q[c * G + g]! > 0 || need[c]! <= 0) continue;
      const sources = 1 + Math.floor(random() * 3);
      for (let s = 0; s < sources; s++) ship(makers[Math.floor(random() * makers.length)]!, c, g, (need[c]! * 1.1) / sources);
    }
    for (let c = 0; c < C; c++) {
      const cell = c * G + g;
      if (!(Q[cell]! > 0)) continue;
      const required = Math.max(0, need[c]! - imported[cell]!) + exported[cell]!;
      if (Q[cell]! < required) Q[cell] = required * 1.05;
      const surplus = Q[cell]! - required;
      // sell 40% of the surplus to a handful of partners
      const to = new Set<number>();
      while (to.size < partners) {
        const i = Math.floor(random() * C);
        if (i !== c) to.add(i);
      }
      for (const i of to) ship(c, i, g, (surplus * 0.4) / partners);
    }
  }

  const production = productionEntries(Q, C, G, { country, good }, (g) => 1 + (g % 20));
  const rawGoods = Array.from({ length: raw }, (_, g) => good(g));
  const allGoods = Array.from({ length: G }, (_, g) => good(g));
  return {
    name: `mrio-${C}x${G}`,
    horizon,
    world: {
      countries: Array.from({ length: C }, (_, c) => ({ id: country(c), gdp: 1e13 })),
      goods: Array.from({ length: G }, (_, g) => ({ id: good(g), unit: "t", basePrice: 100 + g, demandElasticity: g % 2 === 0 ? { param: "elasticity" } : 0.5 })),
      production,
      flows: flowEntries(flows, { country, good }),
      recipes: recipes.map((r) => ({
        output: good(r.h),
        inputs: r.inputs.map((x) => (x.critical ? { good: good(x.g), perUnit: x.perUnit } : { good: good(x.g), perUnit: x.perUnit, critical: false, weight: x.weight })),
      })),
      stocks: Array.from({ length: C }, (_, c) => ({ country: country(c), good: good(0), coverMonths: { param: "cover" } })),
    },
    uncertainties: [
      ...worldUncertainties,
    ],
    policies: [
      { name: "none" },
      { name: "restrict", levers: [{ type: "exportRestriction", actor: country(0), targets: [country(1)], goods: rawGoods, severity: { param: "severity" }, leakage: { param: "leakage" } }] },
      { name: "restrict-all", levers: [{ type: "exportRestriction", actor: country(0), targets: "all", goods: allGoods, severity: { param: "severity" }, leakage: { param: "leakage" } }] },
    ],
    outcomes: [
      ...Array.from({ length: C }, (_, c) => ({ name: `gdpLoss:${country(c)}`, kind: "gdpLoss" as const, country: country(c) })),
      { name: "shortfall", kind: "shortfall", country: country(1), good: good(0), stat: "max" },
      { name: "price", kind: "price", good: good(0), stat: "max", series: true },
    ],
  };
}
