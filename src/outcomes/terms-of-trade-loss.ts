// A country's terms-of-trade loss (optionally on some goods): what the change of exporters'
// prices costs it on what it imports, less what it gains on what it exports, at the volumes
// traded each period and at exporters' prices (docs/model.md, step 10). Losses of importers
// and gains of exporters cancel over the world: it is a transfer, not a loss of output.
import type { z } from "zod";
import type { SchemaKit } from "../schema/kit.js";
import { checkCountryAndGoods, compileCountryAccount, countryAccountSchema, type OutcomeKindModule } from "./outcome-kind.js";

function schema(kit: SchemaKit) {
  return countryAccountSchema(kit, "termsOfTradeLoss", "The trading country.");
}

export type TermsOfTradeLossOutcome = z.output<ReturnType<typeof schema>>;

export const termsOfTradeLoss = {
  kind: "termsOfTradeLoss",
  summary: "What changes in exporters' prices cost a country on its imports, less what they earn it on its exports (negative: a gain).",
  schema,
  check: checkCountryAndGoods,
  compile: (outcome, context) =>
    compileCountryAccount(
      outcome,
      context,
      `Terms-of-trade loss of ${outcome.country}${outcome.goods ? ` on ${outcome.goods.join(", ")}` : ""} (exporters' price changes on its imports, less on its exports; negative: a gain)`,
    ),
  perPeriod: false,
  wholeValued: false,
  presentation: "distribution",
  standard: (world) => world.countries.map((c): TermsOfTradeLossOutcome => ({ name: `termsOfTradeLoss:${c}`, kind: "termsOfTradeLoss", country: c })),
} satisfies OutcomeKindModule<"termsOfTradeLoss", TermsOfTradeLossOutcome>;
