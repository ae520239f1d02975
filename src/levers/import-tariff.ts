// An importer levies an ad-valorem tariff on some goods from some exporters: its buyers pay
// `rate` times the price on top for what they buy along those flows (docs/model.md, steps 2,
// 5 and 10). The duty raises those routes' prices, so buyers turn to other origins as the
// good's substitution elasticity allows and buy less where demand responds to price; what
// they pay shows in `importCostIncrease`. The duty is a transfer to the importer's own
// government, so it is not a loss of GDP.
import type { z } from "zod";
import { RANGES } from "../schema/check-context.js";
import type { SchemaKit } from "../schema/kit.js";
import type { UncertainDraw } from "../testing/generator-kit.js";
import type { LeverKindModule } from "./lever-kind.js";
import { checkPartners, describePartners } from "./restriction-terms.js";

function schemas(kit: SchemaKit) {
  return kit.leverSchemas("importTariff", {
    lever: {
      actor: kit.identifier.describe("The importing country that levies the tariff."),
      sources: kit.namesOrAll.describe("Exporters whose goods are taxed, or `all`."),
      start: kit.start,
    },
    action: { sources: kit.z.union([kit.namesOrAll, kit.triggering]) },
    shared: {
      goods: kit.goods,
      rate: kit.uncertain.describe("The duty, as a share of the price (0.25 = 25%), >= 0."),
      duration: kit.uncertain.optional().describe("How many periods the tariff lasts; without it, until the horizon."),
    },
  });
}

type Schemas = ReturnType<typeof schemas>;
/** A policy's import tariff. */
export type ImportTariff = z.output<Schemas["lever"]>;
/** An import tariff as a rule's action. */
export type ImportTariffAction = z.output<Schemas["action"]>;
/** What the test kit draws to build one. */
export interface Draw {
  readonly allSources: boolean;
  readonly sources: readonly number[];
  readonly goods: readonly number[];
  readonly rate: UncertainDraw;
  readonly duration: UncertainDraw | undefined;
}

export const importTariff = {
  type: "importTariff",
  summary: "An importer levies an ad-valorem duty on some goods from some exporters (a cost to its buyers, who turn to other origins as prices allow).",
  noun: "an import tariff",
  schemas,
  check(lever, at, actor, context) {
    context.goods([...at, "goods"], lever.goods);
    context.number([...at, "rate"], lever.rate, RANGES.nonNegative);
    context.number([...at, "duration"], lever.duration, RANGES.nonNegative);
    checkPartners(lever.sources, [...at, "sources"], actor, context, "levy a tariff on imports from");
  },
  trade: { side: "imports", restricts: false, partnersField: "sources", partners: (lever) => lever.sources },
  compile(lever, context) {
    return {
      goods: lever.goods.map((id) => context.good(id)),
      durationRef: lever.duration === undefined ? -1 : context.number(lever.duration, 0),
      amountRef: context.number(lever.rate, 0),
    };
  },
  describe(lever, context) {
    const rate = typeof lever.rate === "number" ? context.share(lever.rate) : context.number(lever.rate);
    const duration = lever.duration === undefined ? "" : `, for ${context.number(lever.duration)} ${context.period}s`;
    return `levies a ${rate} tariff on imports of ${context.list(lever.goods)} from ${describePartners(lever.sources, context)}${duration}`;
  },
  volumes: [],
  draw(kit) {
    const { fc } = kit;
    return fc.record({
      allSources: fc.boolean(),
      sources: kit.picks(2),
      goods: kit.picks(2),
      rate: kit.uncertain(kit.grid(0, 1, 20), 0, 1),
      duration: fc.option(kit.periods(kit.horizon), { nil: undefined }),
    });
  },
  build(draw, kit) {
    const sources = kit.triggering ? ("triggering" as const) : draw.allSources ? ("all" as const) : kit.others(draw.sources);
    if (typeof sources !== "string" && sources.length === 0) return undefined;
    return {
      type: "importTariff",
      sources,
      goods: kit.pickGoods(draw.goods),
      rate: kit.number(draw.rate, "rate"),
      ...(draw.duration === undefined ? {} : { duration: kit.number(draw.duration, "duration") }),
    };
  },
} satisfies LeverKindModule<"importTariff", ImportTariff, ImportTariffAction, Draw>;
