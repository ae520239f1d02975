// Output of a good a country lost over the horizon: in units, USD at base price, or as a
// share of baseline output (docs/model.md, step 10).
import type { z } from "zod";
import { UNIT_SHARE, UNIT_UNITS, UNIT_USD } from "../compile/model.js";
import type { SchemaKit } from "../schema/kit.js";
import { checkCountryAndGoods, commonFields, countryAndGood, seriesField, type OutcomeKindModule } from "./outcome-kind.js";

function schema(kit: SchemaKit) {
  const { z } = kit;
  return z.strictObject({
    kind: z.literal("outputLoss"),
    country: kit.identifier,
    good: kit.identifier,
    unit: z
      .enum(["units", "share", "USD"])
      .default("share")
      .describe("`share` of baseline output over the horizon, `units` of the good, or `USD` at base price."),
    series: seriesField(kit),
    ...commonFields(kit),
  });
}

export type OutputLossOutcome = z.output<ReturnType<typeof schema>>;

export const outputLoss = {
  kind: "outputLoss",
  summary: "Output of a good a country lost over the horizon.",
  schema,
  check: checkCountryAndGoods,
  compile: (outcome, context) => ({
    ...countryAndGood(outcome, context),
    unit: outcome.unit === "share" ? UNIT_SHARE : outcome.unit === "units" ? UNIT_UNITS : UNIT_USD,
    unitText: outcome.unit === "share" ? "share of baseline output" : outcome.unit === "units" ? context.unitOf(outcome.good) : "USD",
    series: outcome.series,
    description: `Lost output of ${outcome.good} in ${outcome.country} over the horizon`,
  }),
  perPeriod: true,
  wholeValued: false,
  presentation: "distribution",
  standard: (world) =>
    world.countries.flatMap((c) =>
      world.goods.map((g): OutputLossOutcome => ({ name: `outputLoss:${c}:${g}`, kind: "outputLoss", country: c, good: g, unit: "units", series: false })),
    ),
} satisfies OutcomeKindModule<"outputLoss", OutputLossOutcome>;
