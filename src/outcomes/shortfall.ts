// A country's shortfall of a good: the largest or the mean over the horizon of
// sigma = 1 - received / required: tonnes not received of the requirement, whether priced
// out or rationed (docs/model.md, step 8).
import type { z } from "zod";
import type { SchemaKit } from "../schema/kit.js";
import { checkCountryAndGoods, commonFields, countryAndGood, seriesField, statCode, type OutcomeKindModule } from "./outcome-kind.js";

function schema(kit: SchemaKit) {
  const { z } = kit;
  return z.strictObject({
    kind: z.literal("shortfall"),
    country: kit.identifier,
    good: kit.identifier,
    stat: z.enum(["mean", "max"]).default("max").describe("Over the periods of the horizon."),
    series: seriesField(kit),
    ...commonFields(kit),
  });
}

export type ShortfallOutcome = z.output<ReturnType<typeof schema>>;

export const shortfall = {
  kind: "shortfall",
  summary: "A country's largest or mean shortfall of a good over the horizon.",
  schema,
  check: checkCountryAndGoods,
  compile: (outcome, context) => ({
    ...countryAndGood(outcome, context),
    stat: statCode(outcome.stat),
    unitText: "share of requirement",
    series: outcome.series,
    description: `${outcome.stat === "max" ? "Largest" : "Mean"} shortfall of ${outcome.good} in ${outcome.country} per ${context.period}`,
  }),
  perPeriod: true,
  wholeValued: false,
  presentation: "distribution",
  standard: (world) =>
    world.countries.flatMap((c) =>
      world.goods.flatMap((g): ShortfallOutcome[] => [
        { name: `shortfall:${c}:${g}`, kind: "shortfall", country: c, good: g, stat: "max", series: true },
        { name: `meanShortfall:${c}:${g}`, kind: "shortfall", country: c, good: g, stat: "mean", series: false },
      ]),
    ),
} satisfies OutcomeKindModule<"shortfall", ShortfallOutcome>;
