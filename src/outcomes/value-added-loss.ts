// Direct value added lost by a country, optionally for some goods only (docs/model.md, step 10).
import type { z } from "zod";
import type { SchemaKit } from "../schema/kit.js";
import { checkCountryAndGoods, commonFields, type OutcomeKindModule } from "./outcome-kind.js";

function schema(kit: SchemaKit) {
  const { z } = kit;
  return z.strictObject({
    kind: z.literal("valueAddedLoss"),
    country: kit.identifier,
    goods: kit.names.optional().describe("Only these goods; all goods if omitted."),
    ...commonFields(kit),
  });
}

export type ValueAddedLossOutcome = z.output<ReturnType<typeof schema>>;

export const valueAddedLoss = {
  kind: "valueAddedLoss",
  summary: "Direct value added a country lost, optionally for some goods.",
  schema,
  check: checkCountryAndGoods,
  compile: (outcome, context) => ({
    country: context.country(outcome.country),
    list: (outcome.goods ?? []).map((id) => context.good(id)),
    unitText: "USD",
    description: `Direct value added lost in ${outcome.country}${outcome.goods ? ` (${outcome.goods.join(", ")})` : ""}`,
  }),
  perPeriod: false,
  wholeValued: false,
  presentation: "distribution",
  standard: (world) => world.countries.map((c): ValueAddedLossOutcome => ({ name: `valueAddedLoss:${c}`, kind: "valueAddedLoss", country: c })),
} satisfies OutcomeKindModule<"valueAddedLoss", ValueAddedLossOutcome>;
