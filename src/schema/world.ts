import { z } from "zod";
import { identifierSchema, provenance, uncertainNumberSchema } from "./common.js";
import { freeText, limitedArray, LIMITS } from "./limits.js";

const nonNegative = (what: string) => z.number().min(0, `expected ${what} >= 0`);

export const countrySchema = z.strictObject({
  id: identifierSchema.describe("Short code used everywhere else, e.g. `US`, `JP`, `CN`."),
  name: freeText().optional(),
  gdp: z.number().positive("expected GDP > 0").describe("Annual GDP in the scenario's currency (USD)."),
  ...provenance,
});

export const goodSchema = z.strictObject({
  id: identifierSchema,
  name: freeText().optional(),
  unit: freeText().min(1).max(80).describe("Unit of volumes, e.g. `t`, `kg`, `units`, `USD million`."),
  basePrice: z.number().positive("expected a base price > 0").describe("Price per unit before any shock, USD."),
  demandElasticity: uncertainNumberSchema.describe(
    "Short-run price elasticity of demand, as a positive number (0.2 means a 1% price rise cuts demand 0.2%).",
  ),
  substitutionElasticity: uncertainNumberSchema
    .default(4)
    .describe(
      "How readily buyers switch between origins of the good when their prices part (sigma > 0): a 1% dearer origin loses about sigma% of its share. Default 4, an assumption within the 2 to 8 typical of trade elasticities.",
    ),
  supplyElasticity: uncertainNumberSchema
    .default(0.3)
    .describe(
      "Short-run price elasticity of producers' output (eta >= 0), up to capacity: output is baseline times price^eta. Default 0.3, an assumption (0.1 to 0.5); a production entry may set its own.",
    ),
  newSuppliers: z
    .strictObject({
      weight: uncertainNumberSchema.describe(
        "How readily a buyer opens trade with a producer it did not buy from at the baseline (lambda >= 0). The new route's weight is lambda times the producer's share of world baseline output, and it carries lambda s ((P/m)^sigma - 1) of the buyer's purchases once the buyer's price index P rises above the route's price m (none before).",
      ),
      premium: uncertainNumberSchema
        .default(0)
        .describe(
          "Extra cost of buying from a new supplier (qualification, freight, spot-market margins), as a share of its price (>= 0): m = producer price x (1 + premium). Default 0.",
        ),
      qualificationPeriods: uncertainNumberSchema
        .default(0)
        .describe(
          "Periods after the good's price first rises before a buyer can take anything from a new supplier (qualifying a new source, testing material, signing contracts), rounded to whole periods. Default 0, an assumption: no estimate adopted; qualifying a new source of a material often takes months, so 0 understates how long buyers cut off wait.",
        ),
      ...provenance,
    })
    .optional()
    .describe(
      "Buyers may turn to producers they did not buy from at the baseline, once their price rises above those producers' price plus a premium. Without it, each buyer buys only along its baseline flows (and from home).",
    ),
  shippingPeriods: z
    .number()
    .int("expected a whole number of periods")
    .min(0, "expected a number of periods >= 0")
    .max(120, "expected at most 120 periods (a limit of chokepoint)")
    .default(0)
    .describe(
      "Periods between buying along a route and the goods' arrival (a shipping lag): what a buyer buys in period t it receives in t + shippingPeriods, while the market clears, and costs and customs count, on what is bought. Home routes have none. Default 0, an assumption: a month's trade arrives within the month (sea freight within East Asia takes days to weeks; from farther away, longer).",
    ),
  priceCap: z
    .number()
    .min(1, "expected a price cap >= 1 (a multiple of the base price)")
    .default(10)
    .describe(
      "Highest producer price, as a multiple of the base price; beyond it, what buyers want is rationed. Default 10, an assumption: no estimate of where buyers stop bidding is adopted; set high, so that prices ration before the cap does.",
    ),
  priceFloor: z
    .number()
    .gt(0, "expected a price floor > 0")
    .max(1, "expected a price floor <= 1 (a multiple of the base price)")
    .default(0.5)
    .describe(
      "Lowest producer price, as a multiple of the base price: at it, producers make only what buyers take, and the rest of their output is lost. Default 0.5, an assumption: producers stop cutting their price at half the base price (below it they cut output instead), for want of an estimate of their costs.",
    ),
  ...provenance,
});

export const productionSchema = z.strictObject({
  country: identifierSchema,
  good: identifierSchema,
  output: nonNegative("output").describe("Baseline output per period, in the good's unit."),
  capacity: nonNegative("capacity")
    .optional()
    .describe(
      "Capacity per period. Default: the entry's output, an assumption: no spare capacity, so output rises with price only through surge capacity.",
    ),
  valueAddedPerUnit: uncertainNumberSchema
    .default(0)
    .describe("Value added per unit of output, USD: what GDP loses when a unit is not produced."),
  surgeCapacity: uncertainNumberSchema
    .optional()
    .describe("Extra capacity per period that comes on stream once the good's price rises (dK), in the good's unit."),
  rampPeriods: uncertainNumberSchema
    .optional()
    .describe("Time constant of the ramp-up of surge capacity (tau), in periods; 0 means immediate."),
  restartLag: uncertainNumberSchema
    .optional()
    .describe(
      "Periods after the good's price first rises before surge capacity starts its ramp (restarting idle plant takes time: crews, permits, feedstock), rounded to whole periods; default 0.",
    ),
  supplyElasticity: uncertainNumberSchema
    .optional()
    .describe("This producer's short-run price elasticity of output (eta >= 0); without it, the good's."),
  domesticPriceRatio: uncertainNumberSchema
    .optional()
    .describe(
      "Baseline price of this producer's sales at home, as a multiple of the good's basePrice (the export price), > 0; default 1. It values home sales (revenue and price outcomes): a producer whose exports are blocked and sold at home instead earns this much less per unit before any price change.",
    ),
  ...provenance,
});

export const flowSchema = z.strictObject({
  exporter: identifierSchema,
  importer: identifierSchema,
  good: identifierSchema,
  volume: nonNegative("volume").describe("Baseline volume per period, in the good's unit."),
  shippingPeriods: z
    .number()
    .int("expected a whole number of periods")
    .min(0, "expected a number of periods >= 0")
    .max(120, "expected at most 120 periods (a limit of chokepoint)")
    .optional()
    .describe("This flow's shipping lag in periods; without it, its good's `shippingPeriods`."),
  ...provenance,
});

export const recipeInputSchema = z.strictObject({
  good: identifierSchema,
  perUnit: z.number().positive("expected units of input per unit of output > 0"),
  critical: z
    .boolean()
    .default(true)
    .describe("A critical input caps output (Leontief); a non-critical one lowers it by `weight` times its shortfall."),
  weight: uncertainNumberSchema
    .optional()
    .describe(
      "For non-critical inputs: share of the input's shortfall passed to output, in [0, 1]. Default 0.5, an assumption: the middle of [0, 1], for want of an estimate of how far output can do without the input.",
    ),
  ...provenance,
});

export const recipeSchema = z.strictObject({
  output: identifierSchema,
  country: identifierSchema
    .optional()
    .describe("Only this country's producers use the recipe; without it, every producer without its own recipe does."),
  inputs: limitedArray(recipeInputSchema, LIMITS.recipeInputs, "inputs").min(1, "expected at least one input"),
  ...provenance,
});

export const stockSchema = z.strictObject({
  country: identifierSchema,
  good: identifierSchema,
  coverMonths: uncertainNumberSchema.describe("Commercial stocks held at the start, in months of baseline use; also the stock the user aims to hold, unless targetMonths says otherwise."),
  targetMonths: uncertainNumberSchema
    .optional()
    .describe("The stock the user aims to hold, in months of its current requirement (>= 0). Default: coverMonths."),
  restockMonths: uncertainNumberSchema
    .default(3)
    .describe(
      "How fast the user brings its stock back to target (tau, in months, > 0): each period it orders, on top of its use, the gap to target divided by tau (all of it when tau is shorter than a period), and orders less by as much when above target. Default 3, an assumption (docs/model.md, step 5).",
    ),
  precautionMonths: uncertainNumberSchema
    .default(1)
    .describe(
      "Months of its requirement the user adds to its target stock while a restriction that will cut its supply is announced and not yet in effect (front-loading). Default 1, an assumption: no estimate adopted.",
    ),
  maxDrawShare: z
    .number()
    .gt(0, "expected a share in (0, 1]")
    .max(1, "expected a share in (0, 1]")
    .optional()
    .describe(
      "Most that can be drawn per period, as a share of baseline use per period: a physical or contractual limit, to be sourced. Without it, the user draws freely (up to the stock itself).",
    ),
  ...provenance,
});

export const demandSchema = z.strictObject({
  country: identifierSchema,
  good: identifierSchema,
  demandElasticity: uncertainNumberSchema.describe(
    "This country's own short-run price elasticity of demand for the good (> 0); without an entry, the good's demandElasticity.",
  ),
  ...provenance,
});

export const inputOutputTableSchema = z.strictObject({
  country: identifierSchema,
  sectors: limitedArray(identifierSchema, LIMITS.inputOutputSectors, "sectors").min(1),
  Z: limitedArray(limitedArray(z.number(), LIMITS.inputOutputSectors, "columns"), LIMITS.inputOutputSectors, "rows").describe(
    "Inter-industry flows of domestic output Z[i][j]: sales of sector i to sector j, per year (a domestic-coefficient table: imported inputs are not in Z).",
  ),
  x: limitedArray(z.number(), LIMITS.inputOutputSectors, "sectors").describe("Gross output of each sector, per year, in the same unit as Z."),
  valueAdded: limitedArray(z.number(), LIMITS.inputOutputSectors, "sectors")
    .optional()
    .describe("Value added per sector, per year. Give it, or `imports`: without either, x minus the column sums of a domestic Z would count imported inputs as value added."),
  imports: limitedArray(nonNegative("imports"), LIMITS.inputOutputSectors, "sectors")
    .optional()
    .describe("Imported intermediate inputs per sector, per year; without `valueAdded`, value added is x minus the column sums of Z minus these."),
  exports: limitedArray(nonNegative("exports"), LIMITS.inputOutputSectors, "sectors")
    .optional()
    .describe("Exports per sector, per year: left out of the domestic sales that share out forward losses (without them, exports count as domestic final use and dilute those losses)."),
  supplyDriven: z
    .boolean()
    .default(true)
    .describe(
      "Whether buyers' shortages of a modelled good also cost the unmodelled sectors downstream of it (forward, Ghosh) value added, besides the backward losses of lost output; default true.",
    ),
  goodSectors: z
    .record(identifierSchema, identifierSchema)
    .describe("Which sector each modelled good belongs to, e.g. { \"chips\": \"semiconductors\" }."),
  ...provenance,
});

export const worldSchema = z.strictObject({
  countries: limitedArray(countrySchema, LIMITS.countries, "countries").min(1, "expected at least one country"),
  goods: limitedArray(goodSchema, LIMITS.goods, "goods").min(1, "expected at least one good"),
  production: limitedArray(productionSchema, LIMITS.production, "production entries").default([]),
  flows: limitedArray(flowSchema, LIMITS.flows, "flows").default([]),
  recipes: limitedArray(recipeSchema, LIMITS.recipes, "recipes").default([]),
  stocks: limitedArray(stockSchema, LIMITS.stocks, "stocks").default([]),
  demand: limitedArray(demandSchema, LIMITS.demand, "demand entries")
    .default([])
    .describe("Buyers whose demand differs from the good's, e.g. the restricting country's own market."),
  inputOutput: limitedArray(inputOutputTableSchema, LIMITS.inputOutputTables, "input-output tables").default([]),
});

// The types, as plain TypeScript generated from these schemas (scripts/write-scenario-types.ts).
export type { Country, Good, Production, Flow, Recipe, RecipeIngredient, Demand, Stock, InputOutputTable, World, WorldInput } from "./scenario-types.js";
