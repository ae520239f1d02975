import fc from "fast-check";
import { InputError } from "../../errors.js";
import { PERIODS_PER_YEAR } from "../../schema/periods.js";
import type { WorldInput } from "../../schema/scenario-types.js";
import type { DistributionKind } from "../distribution-arbitrary.js";
import { inputOutputTableArbitrary, type GeneratedInputOutputTable } from "../input-output-table-arbitrary.js";
import { gridNumber, readable } from "./grid.js";
import { scaleDistribution } from "./scale-distribution.js";
import { uncertainDraw, type UncertainDraw, type UncertaintySink } from "./uncertain.js";

/** A world as a scenario takes it (`ScenarioInput["world"]`). */
export type { WorldInput };

/** Names generated worlds use: countries `C0`, `C1`, ...; goods `g0`, `g1`, ... (inputs before what is made from them). */
export const countryId = (c: number): string => `C${c}`;
export const goodId = (g: number): string => `g${g}`;

export interface WorldLimits {
  readonly minCountries: number;
  readonly maxCountries: number;
  readonly minGoods: number;
  readonly maxGoods: number;
  readonly inputOutput: boolean;
  readonly stocks: boolean;
  /** Families numbers that may be uncertain are sometimes drawn from (none: every number fixed). */
  readonly drawn: readonly DistributionKind[];
}

/** Read and check the size controls shared by the world and scenario arbitraries. */
export function worldLimits(
  constraints: { minCountries?: number; maxCountries?: number; minGoods?: number; maxGoods?: number; inputOutput?: boolean; stocks?: boolean },
  drawn: readonly DistributionKind[],
): WorldLimits {
  const limits = {
    minCountries: constraints.minCountries ?? 2,
    maxCountries: constraints.maxCountries ?? 4,
    minGoods: constraints.minGoods ?? 1,
    maxGoods: constraints.maxGoods ?? 4,
    inputOutput: constraints.inputOutput ?? true,
    stocks: constraints.stocks ?? true,
    drawn,
  };
  const whole = (x: number) => Number.isInteger(x);
  if (!whole(limits.minCountries) || !whole(limits.maxCountries) || limits.minCountries < 2 || limits.maxCountries < limits.minCountries) {
    throw new InputError("constraints", `expected whole numbers 2 <= minCountries <= maxCountries, found ${limits.minCountries} and ${limits.maxCountries}`);
  }
  if (!whole(limits.minGoods) || !whole(limits.maxGoods) || limits.minGoods < 1 || limits.maxGoods < limits.minGoods) {
    throw new InputError("constraints", `expected whole numbers 1 <= minGoods <= maxGoods, found ${limits.minGoods} and ${limits.maxGoods}`);
  }
  return limits;
}

interface InputDraw {
  readonly use: boolean;
  readonly perUnit: number;
  readonly critical: boolean;
  readonly weight: UncertainDraw;
}

interface GoodDraw {
  readonly basePrice: number;
  readonly elasticity: UncertainDraw;
  readonly substitution: UncertainDraw;
  readonly supplyElasticity: UncertainDraw;
  readonly priceCap: number;
  readonly priceFloor: number;
  readonly shippingPeriods: number;
  /** Buyers may turn to producers they do not trade with at the baseline (lambda, premium). */
  readonly newSuppliers: { readonly weight: UncertainDraw; readonly premium: UncertainDraw; readonly qualification: number } | undefined;
  /** One entry per possible input (only lower-numbered goods are used). */
  readonly inputs: readonly InputDraw[];
}

interface CellDraw {
  /** 0 = does not produce (unless others' needs make it a supplier). */
  readonly output: number;
  readonly spare: number;
  readonly exportShare: number;
  readonly exportTo: number;
  readonly supplier: number;
  readonly valueAddedShare: UncertainDraw;
  readonly surge: UncertainDraw | undefined;
  readonly rampPeriods: UncertainDraw;
  readonly restartLag: number;
  readonly cover: UncertainDraw;
  /** How fast the stock is restocked (months; undefined: the default). Its target is its starting cover: a world at rest. */
  readonly restock: UncertainDraw | undefined;
  readonly maxDrawShare: number;
  /** The buyer's own demand elasticity (a world.demand entry), if any. */
  readonly ownElasticity: UncertainDraw | undefined;
  /** The producer's domestic price ratio, if any. */
  readonly domesticPrice: UncertainDraw | undefined;
}

interface CountryDraw {
  /** GDP as a multiple of the largest annual value added of its modelled production. */
  readonly gdpMultiple: number;
  readonly table: (GeneratedInputOutputTable & { readonly goodSectors: readonly (number | undefined)[] }) | undefined;
}

/** Everything a world is built from, in index space (independent of how many countries and goods are kept). */
export interface WorldDraw {
  readonly countries: number;
  readonly goods: number;
  readonly reverseGoods: boolean;
  readonly countryDraws: readonly CountryDraw[];
  readonly goodDraws: readonly GoodDraw[];
  readonly cellDraws: readonly CellDraw[];
}

const fixedLength = <T>(arbitrary: fc.Arbitrary<T>, length: number) => fc.array(arbitrary, { minLength: length, maxLength: length });

/**
 * The draw of a world. Counts are integers and every per-country, per-good and per-cell
 * draw lives in an array of the largest size, indexed by position: shrinking the counts
 * keeps the draws of the countries and goods that remain, so shrinking works without
 * `chain` and ends in small worlds.
 */
export function worldDrawArbitrary(limits: WorldLimits): fc.Arbitrary<WorldDraw> {
  const { maxCountries, maxGoods, drawn } = limits;
  const share = (steps = 20) => gridNumber(0, 1, steps);
  const inputDraw: fc.Arbitrary<InputDraw> = fc.record({
    use: fc.boolean(),
    perUnit: gridNumber(0.05, 2, 39),
    critical: fc.boolean(),
    weight: uncertainDraw(share(), 0, 1, drawn),
  });
  const goodDraw: fc.Arbitrary<GoodDraw> = fc.record({
    basePrice: fc.integer({ min: 1, max: 1000 }),
    elasticity: uncertainDraw(gridNumber(0.05, 3, 59), 0.05, 3, drawn),
    substitution: uncertainDraw(gridNumber(0.5, 12, 23), 0.5, 12, drawn),
    supplyElasticity: uncertainDraw(gridNumber(0, 2, 8), 0, 2, drawn),
    priceCap: gridNumber(1, 20, 19),
    priceFloor: gridNumber(0.05, 1, 19),
    shippingPeriods: fc.oneof(fc.constant(0), fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 2 })),
    newSuppliers: fc.oneof(
      { withCrossShrink: true },
      { arbitrary: fc.constant(undefined), weight: 2 },
      {
        arbitrary: fc.record({
          weight: uncertainDraw(gridNumber(0, 2, 20), 0, 2, drawn),
          premium: uncertainDraw(gridNumber(0, 1, 10), 0, 1, drawn),
          qualification: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 })),
        }),
        weight: 1,
      },
    ),
    inputs: fixedLength(inputDraw, maxGoods),
  });
  const cellDraw: fc.Arbitrary<CellDraw> = fc.record({
    output: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1000 })),
    spare: gridNumber(0, 0.5, 10),
    exportShare: gridNumber(0, 0.9, 9),
    exportTo: fc.nat(),
    supplier: fc.nat(),
    valueAddedShare: uncertainDraw(share(), 0, 1, drawn),
    surge: fc.option(uncertainDraw(fc.integer({ min: 0, max: 500 }), 0, 500, drawn), { nil: undefined }),
    rampPeriods: uncertainDraw(fc.integer({ min: 0, max: 6 }), 0, 6, drawn),
    restartLag: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 3 })),
    cover: limits.stocks ? uncertainDraw(fc.oneof(fc.constant(0), gridNumber(0, 6, 12)), 0, 6, drawn) : fc.constant({ value: 0 }),
    restock: fc.oneof({ withCrossShrink: true }, { arbitrary: fc.constant(undefined), weight: 1 }, { arbitrary: uncertainDraw(gridNumber(0.25, 12, 47), 0.25, 12, drawn), weight: 1 }),
    maxDrawShare: gridNumber(0.05, 1, 19),
    // now and then (one cell in five), so that most worlds keep the good's defaults
    ownElasticity: fc.oneof({ withCrossShrink: true }, { arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: uncertainDraw(gridNumber(0.05, 3, 59), 0.05, 3, drawn), weight: 1 }),
    domesticPrice: fc.oneof({ withCrossShrink: true }, { arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: uncertainDraw(gridNumber(0.5, 1.5, 10), 0.5, 1.5, drawn), weight: 1 }),
  });
  const countryDraw: fc.Arbitrary<CountryDraw> = fc.record({
    gdpMultiple: fc.integer({ min: 1, max: 50 }),
    table: limits.inputOutput
      ? fc.option(
          fc
            .tuple(inputOutputTableArbitrary({ maxSectors: 3 }), fixedLength(fc.option(fc.nat(), { nil: undefined }), maxGoods))
            .map(([table, goodSectors]) => ({ ...table, goodSectors })),
          { nil: undefined, freq: 3 },
        )
      : fc.constant(undefined),
  });
  return fc.record({
    countries: fc.integer({ min: limits.minCountries, max: maxCountries }),
    goods: fc.integer({ min: limits.minGoods, max: maxGoods }),
    reverseGoods: fc.boolean(),
    countryDraws: fixedLength(countryDraw, maxCountries),
    goodDraws: fixedLength(goodDraw, maxGoods),
    cellDraws: fixedLength(cellDraw, maxCountries * maxGoods),
  });
}

/**
 * Build a valid world from its draw. Goods are made only from lower-numbered goods, so
 * recipes are acyclic. Working from the last good back, each country's needs of a good
 * (its recipes at baseline output) are met by its own output or, for the rest, by
 * imports from a supplier, which then produces that much more; some of each surplus is
 * exported. So exports never exceed output, every recipe's needs are covered (with a
 * margin of 1e-6 above the validation's tolerance), capacity is at least output, and GDP is
 * at least the annual value added of modelled production at the largest draws.
 */
export function buildWorld(draw: WorldDraw, limits: WorldLimits, sink: UncertaintySink, period: "month" | "quarter" | "year"): WorldInput {
  const { countries: C, goods: G } = draw;
  const maxG = limits.maxGoods;
  const cellDraw = (c: number, g: number) => draw.cellDraws[c * maxG + g]!;
  const Q = new Float64Array(C * G);
  for (let c = 0; c < C; c++) for (let g = 0; g < G; g++) Q[c * G + g] = cellDraw(c, g).output;
  const inputsOf = (h: number) =>
    draw.goodDraws[h]!.inputs
      .slice(0, h)
      .map((input, g) => ({ ...input, g }))
      .filter((input) => input.use);

  const flows = new Map<string, number>();
  const addFlow = (e: number, i: number, g: number, volume: number) => {
    const key = `${e}|${i}|${g}`;
    flows.set(key, (flows.get(key) ?? 0) + volume);
  };
  const exported = new Float64Array(C * G);
  const imported = new Float64Array(C * G);
  const other = (c: number, k: number) => (c + 1 + (k % (C - 1))) % C;
  for (let g = G - 1; g >= 0; g--) {
    const need = new Float64Array(C);
    for (let h = g + 1; h < G; h++) {
      for (const input of inputsOf(h)) if (input.g === g) for (let c = 0; c < C; c++) need[c]! += input.perUnit * Q[c * G + h]!;
    }
    for (let c = 0; c < C; c++) {
      const own = Q[c * G + g]!;
      if (need[c]! <= own) continue;
      const s = other(c, cellDraw(c, g).supplier);
      const deficit = roundUp(need[c]! - own);
      addFlow(s, c, g, deficit);
      exported[s * G + g]! += deficit;
      imported[c * G + g]! += deficit;
    }
    for (let c = 0; c < C; c++) {
      const cell = c * G + g;
      const required = Math.max(0, need[c]! - imported[cell]!) + exported[cell]!;
      if (Q[cell]! < required) Q[cell] = roundUp(required * 1.000001);
      const extra = roundDown((Q[cell]! - required) * cellDraw(c, g).exportShare);
      if (extra > 1e-6) {
        const to = other(c, cellDraw(c, g).exportTo);
        addFlow(c, to, g, extra);
        exported[cell]! += extra;
        imported[to * G + g]! += extra;
      }
    }
  }

  const goods = Array.from({ length: G }, (_, g) => {
    const d = draw.goodDraws[g]!;
    return {
      id: goodId(g),
      unit: "t",
      basePrice: d.basePrice,
      demandElasticity: sink.number(d.elasticity, `${goodId(g)}-elasticity`),
      substitutionElasticity: sink.number(d.substitution, `${goodId(g)}-substitution`),
      supplyElasticity: sink.number(d.supplyElasticity, `${goodId(g)}-supply`),
      priceCap: d.priceCap,
      priceFloor: d.priceFloor,
      ...(d.shippingPeriods === 0 ? {} : { shippingPeriods: d.shippingPeriods }),
      ...(d.newSuppliers === undefined
        ? {}
        : {
            newSuppliers: {
              weight: sink.number(d.newSuppliers.weight, `${goodId(g)}-newSuppliers`),
              premium: sink.number(d.newSuppliers.premium, `${goodId(g)}-newSupplierPremium`),
              qualificationPeriods: d.newSuppliers.qualification,
            },
          }),
    };
  });
  const periodsPerYear = PERIODS_PER_YEAR[period];
  const annualValueAdded = new Float64Array(C);
  const production: WorldInput["production"] = [];
  for (let c = 0; c < C; c++) {
    for (let g = 0; g < G; g++) {
      const output = Q[c * G + g]!;
      if (output === 0) continue;
      const d = cellDraw(c, g);
      const basePrice = draw.goodDraws[g]!.basePrice;
      const name = `${countryId(c)}-${goodId(g)}`;
      const va = valueAddedPerUnit(d.valueAddedShare, basePrice);
      annualValueAdded[c]! += sink.largest(va) * output * periodsPerYear;
      production.push({
        country: countryId(c),
        good: goodId(g),
        output,
        capacity: Math.max(output, roundUp(output * (1 + d.spare))),
        valueAddedPerUnit: sink.number(va, `${name}-valueAdded`),
        ...(d.surge === undefined
          ? {}
          : { surgeCapacity: sink.number(d.surge, `${name}-surge`), rampPeriods: sink.number(d.rampPeriods, `${name}-ramp`), ...(d.restartLag === 0 ? {} : { restartLag: d.restartLag }) }),
        ...(d.domesticPrice === undefined ? {} : { domesticPriceRatio: sink.number(d.domesticPrice, `${name}-domesticPrice`) }),
      });
    }
  }
  const countries = Array.from({ length: C }, (_, c) => ({
    id: countryId(c),
    gdp: Math.ceil(annualValueAdded[c]! * draw.countryDraws[c]!.gdpMultiple) + 1000,
  }));
  const stocks: WorldInput["stocks"] = [];
  if (limits.stocks) {
    for (let c = 0; c < C; c++) {
      for (let g = 0; g < G; g++) {
        const d = cellDraw(c, g);
        if (d.cover.spec === undefined && d.cover.value === 0) continue;
        const coverMonths = sink.number(d.cover, `${countryId(c)}-${goodId(g)}-cover`);
        const name = `${countryId(c)}-${goodId(g)}`;
        stocks.push({
          country: countryId(c),
          good: goodId(g),
          coverMonths,
          ...(d.restock === undefined ? {} : { restockMonths: sink.number(d.restock, `${name}-restock`) }),
          ...(d.maxDrawShare === 1 ? {} : { maxDrawShare: d.maxDrawShare }),
        });
      }
    }
  }
  const demand: WorldInput["demand"] = [];
  for (let c = 0; c < C; c++) {
    for (let g = 0; g < G; g++) {
      const d = cellDraw(c, g);
      if (d.ownElasticity !== undefined) demand.push({ country: countryId(c), good: goodId(g), demandElasticity: sink.number(d.ownElasticity, `${countryId(c)}-${goodId(g)}-elasticity`) });
    }
  }
  const recipes: WorldInput["recipes"] = [];
  for (let h = 0; h < G; h++) {
    const inputs = inputsOf(h);
    if (inputs.length === 0) continue;
    recipes.push({
      output: goodId(h),
      inputs: inputs.map((input) =>
        input.critical
          ? { good: goodId(input.g), perUnit: input.perUnit }
          : { good: goodId(input.g), perUnit: input.perUnit, critical: false, weight: sink.number(input.weight, `${goodId(h)}-${goodId(input.g)}-weight`) },
      ),
    });
  }
  const inputOutput: WorldInput["inputOutput"] = [];
  for (let c = 0; c < C; c++) {
    const table = draw.countryDraws[c]!.table;
    if (table === undefined) continue;
    const goodSectors: Record<string, string> = {};
    for (let g = 0; g < G; g++) {
      const sector = table.goodSectors[g];
      if (sector !== undefined) goodSectors[goodId(g)] = table.sectors[sector % table.sectors.length]!;
    }
    inputOutput.push({ country: countryId(c), sectors: table.sectors, Z: table.Z, x: table.x, valueAdded: table.valueAdded, goodSectors });
  }
  return {
    countries,
    goods: draw.reverseGoods ? goods.reverse() : goods,
    production,
    flows: [...flows].map(([key, volume]) => {
      const [e, i, g] = key.split("|").map(Number) as [number, number, number];
      return { exporter: countryId(e), importer: countryId(i), good: goodId(g), volume };
    }),
    recipes,
    stocks,
    demand,
    inputOutput,
  };
}

/** Up and down to 3 decimals, so volumes print readably; the 1e-6 margins above survive it. */
const roundUp = (x: number) => Math.ceil(x * 1000) / 1000;
const roundDown = (x: number) => Math.floor(x * 1000) / 1000;

/** Value added per unit from a share of the base price: the fixed value, or the distribution, times the price. */
function valueAddedPerUnit(share: UncertainDraw, basePrice: number): UncertainDraw {
  const value = readable(share.value * basePrice);
  if (share.spec === undefined) return { value };
  return { value, spec: scaleDistribution(share.spec, basePrice), max: basePrice };
}
