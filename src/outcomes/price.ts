// The price of a good outside restricting countries (the use-weighted price their buyers
// pay), or inside a country (its producers' price, or its buyers' where it makes none): its
// peak, mean or final ratio to the base price, or in USD (docs/model.md, step 8).
import type { z } from "zod";
import { UNIT_RATIO, UNIT_USD } from "../compile/model.js";
import type { SchemaKit } from "../schema/kit.js";
import { commonFields, seriesField, statCode, type OutcomeKindModule } from "./outcome-kind.js";

function schema(kit: SchemaKit) {
  const { z } = kit;
  return z.strictObject({
    kind: z.literal("price"),
    good: kit.identifier,
    market: z
      .union([z.literal("outside"), z.strictObject({ inside: kit.identifier })])
      .default("outside")
      .describe("`outside` restricting countries (what their buyers pay, weighted by use), or `{ inside: country }`: its producers' price, or its buyers' where it makes none."),
    stat: z.enum(["max", "mean", "final"]).default("max"),
    unit: z.enum(["ratio", "USD"]).default("ratio").describe("`ratio` to the base price, or `USD` per unit of the good."),
    series: seriesField(kit),
    ...commonFields(kit),
  });
}

export type PriceOutcome = z.output<ReturnType<typeof schema>>;

export const price = {
  kind: "price",
  summary: "The peak, mean or final price of a good outside restricting countries, or inside one.",
  schema,
  check(outcome, at, context) {
    context.good([...at, "good"], outcome.good);
    if (typeof outcome.market === "object") context.country([...at, "market", "inside"], outcome.market.inside);
  },
  compile(outcome, context) {
    const statistic = outcome.stat === "max" ? "Peak" : outcome.stat === "mean" ? "Mean" : "Final";
    return {
      good: context.good(outcome.good),
      stat: statCode(outcome.stat),
      unit: outcome.unit === "ratio" ? UNIT_RATIO : UNIT_USD,
      market: outcome.market === "outside" ? -1 : context.country(outcome.market.inside),
      unitText: outcome.unit === "ratio" ? "x base price" : `USD per ${context.unitOf(outcome.good)}`,
      series: outcome.series,
      description: `${statistic} price of ${outcome.good} ${outcome.market === "outside" ? "outside restricting countries" : `inside ${outcome.market.inside}`}`,
    };
  },
  perPeriod: true,
  wholeValued: false,
  presentation: "distribution",
  standard: (world) =>
    world.goods.flatMap((g): PriceOutcome[] => [
      { name: `price:${g}`, kind: "price", good: g, market: "outside", stat: "max", unit: "ratio", series: true },
      ...world.countries.map((c): PriceOutcome => ({ name: `price:${g}:${c}`, kind: "price", good: g, market: { inside: c }, stat: "max", unit: "ratio", series: true })),
    ]),
} satisfies OutcomeKindModule<"price", PriceOutcome>;
