// Buyers' surplus lost to price changes (optionally for some goods): for each of a
// country's users of a good, the area left of its demand curve between the base price
// and the price index it pays, summed over the horizon (docs/model.md, step 10). A measure
// of welfare beside GDP, not to be added to it: a firm's dearer inputs are in it, its lost
// output is in GDP loss.
import type { z } from "zod";
import type { SchemaKit } from "../schema/kit.js";
import { checkCountryAndGoods, compileCountryAccount, countryAccountSchema, type OutcomeKindModule } from "./outcome-kind.js";

function schema(kit: SchemaKit) {
  return countryAccountSchema(kit, "consumerSurplusLoss", "The buying country.");
}

export type ConsumerSurplusLossOutcome = z.output<ReturnType<typeof schema>>;

export const consumerSurplusLoss = {
  kind: "consumerSurplusLoss",
  summary: "Buyers' surplus a country lost to price changes (the area left of their demand curves), beside GDP loss, not part of it.",
  schema,
  check: checkCountryAndGoods,
  compile: (outcome, context) => compileCountryAccount(outcome, context, `Surplus ${outcome.country}'s buyers${outcome.goods ? ` of ${outcome.goods.join(", ")}` : ""} lost to price changes (left of their demand curves, up to the price cap; not part of GDP loss)`),
  perPeriod: false,
  wholeValued: false,
  presentation: "distribution",
  standard: (world) => world.countries.map((c): ConsumerSurplusLossOutcome => ({ name: `consumerSurplusLoss:${c}`, kind: "consumerSurplusLoss", country: c })),
} satisfies OutcomeKindModule<"consumerSurplusLoss", ConsumerSurplusLossOutcome>;
