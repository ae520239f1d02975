// GDP loss of a country over the horizon: direct and indirect value added lost, in USD or
// as a percentage of annual GDP, capped at GDP over the horizon (docs/model.md, step 10).
import type { z } from "zod";
import { UNIT_PERCENT_GDP, UNIT_USD } from "../compile/model.js";
import type { SchemaKit } from "../schema/kit.js";
import { checkCountryAndGoods, commonFields, type OutcomeKindModule } from "./outcome-kind.js";

function schema(kit: SchemaKit) {
  const { z } = kit;
  return z.strictObject({
    kind: z.literal("gdpLoss"),
    country: kit.identifier,
    unit: z.enum(["USD", "percentGdp"]).default("USD"),
    ...commonFields(kit),
  });
}

export type GdpLossOutcome = z.output<ReturnType<typeof schema>>;

export const gdpLoss = {
  kind: "gdpLoss",
  summary: "GDP loss of a country over the horizon (direct and indirect value added), in USD or % of annual GDP.",
  schema,
  check: checkCountryAndGoods,
  compile: (outcome, context) => ({
    country: context.country(outcome.country),
    unit: outcome.unit === "USD" ? UNIT_USD : UNIT_PERCENT_GDP,
    unitText: outcome.unit === "USD" ? "USD" : "% of annual GDP",
    description: context.hasInputOutputTable(outcome.country)
      ? `GDP loss of ${outcome.country} over the horizon (direct and indirect value added)`
      : `GDP loss of ${outcome.country} over the horizon (direct value added; no input-output table, so no indirect losses)`,
  }),
  perPeriod: false,
  wholeValued: false,
  presentation: "distribution",
  standard: (world) =>
    world.countries.flatMap((c): GdpLossOutcome[] => [
      { name: `gdpLoss:${c}`, kind: "gdpLoss", country: c, unit: "USD" },
      { name: `gdpLossPercent:${c}`, kind: "gdpLoss", country: c, unit: "percentGdp" },
    ]),
} satisfies OutcomeKindModule<"gdpLoss", GdpLossOutcome>;
