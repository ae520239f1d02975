// Producers' surplus lost (optionally for some goods): for each of a country's producers,
// its surplus at baseline, Q0 / (1 + eta) at price 1, less what it earns above the cost of
// what it makes along its supply curve this period, summed over the horizon (docs/model.md,
// step 10). With consumerSurplusLoss, the welfare side of a price change; beside GDP loss,
// not part of it.
import type { z } from "zod";
import type { SchemaKit } from "../schema/kit.js";
import { checkCountryAndGoods, compileCountryAccount, countryAccountSchema, type OutcomeKindModule } from "./outcome-kind.js";

function schema(kit: SchemaKit) {
  return countryAccountSchema(kit, "producerSurplusLoss", "The producing country.");
}

export type ProducerSurplusLossOutcome = z.output<ReturnType<typeof schema>>;

export const producerSurplusLoss = {
  kind: "producerSurplusLoss",
  summary: "Producers' surplus a country lost (revenue above the cost along their supply curves), beside GDP loss, not part of it.",
  schema,
  check: checkCountryAndGoods,
  compile: (outcome, context) =>
    compileCountryAccount(outcome, context, `Surplus ${outcome.country}'s producers${outcome.goods ? ` of ${outcome.goods.join(", ")}` : ""} lost (revenue above the cost along their supply curves; not part of GDP loss)`),
  perPeriod: false,
  wholeValued: false,
  presentation: "distribution",
  standard: (world) => world.countries.map((c): ProducerSurplusLossOutcome => ({ name: `producerSurplusLoss:${c}`, kind: "producerSurplusLoss", country: c })),
} satisfies OutcomeKindModule<"producerSurplusLoss", ProducerSurplusLossOutcome>;
