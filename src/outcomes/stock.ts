// A country's stock of a good period by period (docs/model.md, step 7): its commercial stock
// or its strategic reserve, in the good's unit or in months of its baseline use.
import type { z } from "zod";
import { HOLDER_COMMERCIAL, HOLDER_STRATEGIC, UNIT_SHARE, UNIT_UNITS } from "../compile/model.js";
import type { SchemaKit } from "../schema/kit.js";
import { checkCountryAndGoods, commonFields, countryAndGood, seriesField, statCode, type OutcomeKindModule } from "./outcome-kind.js";

function schema(kit: SchemaKit) {
  const { z } = kit;
  return z.strictObject({
    kind: z.literal("stock"),
    country: kit.identifier,
    good: kit.identifier,
    holder: z.enum(["commercial", "strategic"]).default("commercial").describe("Users' `commercial` stock, or the state's `strategic` reserve."),
    unit: z.enum(["units", "months"]).default("months").describe("The good's unit, or `months` of the country's baseline use."),
    stat: z.enum(["min", "mean", "final"]).default("min").describe("Over the periods of the horizon, at the end of each."),
    series: seriesField(kit),
    ...commonFields(kit),
  });
}

export type StockOutcome = z.output<ReturnType<typeof schema>>;

export const stock = {
  kind: "stock",
  summary: "A country's commercial stock or strategic reserve of a good at the end of each period: its lowest, mean or final level.",
  schema,
  check: checkCountryAndGoods,
  compile(outcome, context) {
    const statistic = outcome.stat === "min" ? "Lowest" : outcome.stat === "mean" ? "Mean" : "Final";
    return {
      ...countryAndGood(outcome, context),
      stat: statCode(outcome.stat),
      unit: outcome.unit === "units" ? UNIT_UNITS : UNIT_SHARE,
      part: outcome.holder === "commercial" ? HOLDER_COMMERCIAL : HOLDER_STRATEGIC,
      series: outcome.series,
      unitText: outcome.unit === "units" ? context.unitOf(outcome.good) : "months of baseline use",
      description: `${statistic} ${outcome.holder === "commercial" ? "commercial stock" : "strategic reserve"} of ${outcome.good} in ${outcome.country}`,
    };
  },
  perPeriod: true,
  wholeValued: false,
  presentation: "distribution",
  standard: (world) =>
    world.countries.flatMap((c) => world.goods.map((g): StockOutcome => ({ name: `stock:${c}:${g}`, kind: "stock", country: c, good: g, holder: "commercial", unit: "months", stat: "min", series: true }))),
} satisfies OutcomeKindModule<"stock", StockOutcome>;
