// Export revenue an exporter lost on its flows (optionally some goods, some destinations):
// the baseline flow at base price, less what it ships at its producer price (docs/model.md,
// step 10).
import type { z } from "zod";
import type { SchemaKit } from "../schema/kit.js";
import { commonFields, type OutcomeKindModule } from "./outcome-kind.js";

function schema(kit: SchemaKit) {
  const { z } = kit;
  return z.strictObject({
    kind: z.literal("exportRevenueLoss"),
    country: kit.identifier.describe("The exporter."),
    goods: kit.names.optional(),
    to: kit.names.optional().describe("Only sales to these importers."),
    ...commonFields(kit),
  });
}

export type ExportRevenueLossOutcome = z.output<ReturnType<typeof schema>>;

export const exportRevenueLoss = {
  kind: "exportRevenueLoss",
  summary: "Export revenue an exporter lost, optionally on some goods and to some importers.",
  schema,
  check(outcome, at, context) {
    context.country([...at, "country"], outcome.country);
    context.goods([...at, "goods"], outcome.goods);
    context.countries([...at, "to"], outcome.to);
  },
  compile(outcome, context) {
    const goods = outcome.goods === undefined ? undefined : new Set(outcome.goods);
    const to = outcome.to === undefined ? undefined : new Set(outcome.to);
    return {
      country: context.country(outcome.country),
      list: context.flows((flow) => flow.exporter === outcome.country && (goods === undefined || goods.has(flow.good)) && (to === undefined || to.has(flow.importer))),
      unitText: "USD",
      description: `Export revenue lost by ${outcome.country}${outcome.goods ? ` on ${outcome.goods.join(", ")}` : ""}${outcome.to ? ` to ${outcome.to.join(", ")}` : ""} (baseline at base prices, less what it ships at its price)`,
    };
  },
  perPeriod: false,
  wholeValued: false,
  presentation: "distribution",
  standard: (world) => world.countries.map((c): ExportRevenueLossOutcome => ({ name: `exportRevenueLoss:${c}`, kind: "exportRevenueLoss", country: c })),
} satisfies OutcomeKindModule<"exportRevenueLoss", ExportRevenueLossOutcome>;
