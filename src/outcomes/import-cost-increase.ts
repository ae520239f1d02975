// The extra cost of an importer's purchases: higher prices, leakage premiums and tariffs,
// optionally for some goods (docs/model.md, step 10).
import type { z } from "zod";
import type { SchemaKit } from "../schema/kit.js";
import { checkCountryAndGoods, compileCountryAccount, countryAccountSchema, type OutcomeKindModule } from "./outcome-kind.js";

function schema(kit: SchemaKit) {
  return countryAccountSchema(kit, "importCostIncrease", "The importer.");
}

export type ImportCostIncreaseOutcome = z.output<ReturnType<typeof schema>>;

export const importCostIncrease = {
  kind: "importCostIncrease",
  summary: "The extra cost of a country's purchases: higher prices, leakage premiums and tariffs.",
  schema,
  check: checkCountryAndGoods,
  compile: (outcome, context) => compileCountryAccount(outcome, context, `Extra cost of ${outcome.country}'s purchases from abroad: higher prices, leakage premiums and tariffs`),
  perPeriod: false,
  wholeValued: false,
  presentation: "distribution",
  standard: (world) => world.countries.map((c): ImportCostIncreaseOutcome => ({ name: `importCostIncrease:${c}`, kind: "importCostIncrease", country: c })),
} satisfies OutcomeKindModule<"importCostIncrease", ImportCostIncreaseOutcome>;
