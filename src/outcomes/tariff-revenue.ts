// Duties a country collects on its imports (optionally of some goods): on each taxed route,
// the tariff rate times the exporter's price on every tonne that pays it, summed over the
// horizon (docs/model.md, step 10). A gain to the importer's government, counted in
// importCostIncrease as a cost to its buyers: with producerSurplusLoss and
// consumerSurplusLoss, the welfare side of a price change.
import type { z } from "zod";
import type { SchemaKit } from "../schema/kit.js";
import { checkCountryAndGoods, compileCountryAccount, countryAccountSchema, type OutcomeKindModule } from "./outcome-kind.js";

function schema(kit: SchemaKit) {
  return countryAccountSchema(kit, "tariffRevenue", "The importer whose government collects the duties.");
}

export type TariffRevenueOutcome = z.output<ReturnType<typeof schema>>;

export const tariffRevenue = {
  kind: "tariffRevenue",
  summary: "Duties a country collects on its imports (a gain, which its buyers pay in importCostIncrease).",
  schema,
  check: checkCountryAndGoods,
  compile: (outcome, context) =>
    compileCountryAccount(outcome, context, `Duties ${outcome.country} collects on its imports${outcome.goods ? ` of ${outcome.goods.join(", ")}` : ""} (the rate times the exporter's price on each tonne that pays it)`),
  perPeriod: false,
  wholeValued: false,
  presentation: "distribution",
  standard: (world) => world.countries.map((c): TariffRevenueOutcome => ({ name: `tariffRevenue:${c}`, kind: "tariffRevenue", country: c })),
} satisfies OutcomeKindModule<"tariffRevenue", TariffRevenueOutcome>;
