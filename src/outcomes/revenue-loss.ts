// Sales revenue a country's producers lost (optionally on some goods), net of what they
// sold elsewhere: baseline sales at base prices (home sales at the producer's domestic price
// ratio) less this period's sales at its price, summed over the horizon (docs/model.md,
// step 10). Unlike exportRevenueLoss, exports redeployed to other buyers or sold at home
// count only for the price they lost.
import type { z } from "zod";
import type { SchemaKit } from "../schema/kit.js";
import { checkCountryAndGoods, compileCountryAccount, countryAccountSchema, type OutcomeKindModule } from "./outcome-kind.js";

function schema(kit: SchemaKit) {
  return countryAccountSchema(kit, "revenueLoss", "The producing country.");
}

export type RevenueLossOutcome = z.output<ReturnType<typeof schema>>;

export const revenueLoss = {
  kind: "revenueLoss",
  summary: "Sales revenue a country's producers lost, net of sales redeployed at home or to other buyers.",
  schema,
  check: checkCountryAndGoods,
  compile: (outcome, context) => compileCountryAccount(outcome, context, `Sales revenue lost by ${outcome.country}'s producers${outcome.goods ? ` of ${outcome.goods.join(", ")}` : ""} (baseline sales less sales at their prices; home sales at the domestic price)`),
  perPeriod: false,
  wholeValued: false,
  presentation: "distribution",
  standard: (world) => world.countries.map((c): RevenueLossOutcome => ({ name: `revenueLoss:${c}`, kind: "revenueLoss", country: c })),
} satisfies OutcomeKindModule<"revenueLoss", RevenueLossOutcome>;
