// Trade along flows, period by period, as customs statistics count it (docs/model.md,
// "Outcomes"): the volume (or value at the exporter's price) shipped from an exporter to an
// importer, all of it, the licensed part or the part leaked through third countries; as a
// level, or as its change on the month (period) before or on the year before, against an
// optional seasonal pattern, so that results can be set beside trade statistics.
import type { z } from "zod";
import { CHANGE_LEVEL, CHANGE_ON_PERIOD, CHANGE_ON_YEAR, PART_ALL, PART_LEAKED, PART_LICENSED, UNIT_UNITS, UNIT_USD } from "../compile/model.js";
import type { SchemaKit } from "../schema/kit.js";
import { commonFields, seriesField, statCode, type OutcomeKindModule } from "./outcome-kind.js";

function schema(kit: SchemaKit) {
  const { z } = kit;
  return z.strictObject({
    kind: z.literal("trade"),
    good: kit.identifier,
    exporter: kit.identifier.optional().describe("The exporting country; without it, every exporter."),
    importer: kit.identifier.optional().describe("The importing country; without it, every importer."),
    part: z
      .enum(["all", "licensed", "leaked"])
      .default("all")
      .describe("What is shipped along the flows: `all`, the `licensed` part (within a restriction's quota), or the part `leaked` through third countries."),
    unit: z.enum(["units", "USD"]).default("units").describe("The good's unit, or `USD` at the exporter's price."),
    change: z
      .enum(["level", "onPeriod", "onYear"])
      .default("level")
      .describe(
        "The `level` in each period, or its change as a share: `onPeriod` on the period before (month on month), `onYear` on the same period a year before (year on year). Before the first period the level is the baseline's (times the seasonal factor).",
      ),
    seasonal: kit
      .limitedArray(kit.finite(), 12, "factors")
      .optional()
      .describe(
        "Seasonal factors, one per period of the year from the scenario's first period on (12 for months, 4 for quarters), mean 1: the level is the model's times the factor of its period, so changes can be set beside unadjusted trade statistics. Without it, no seasonality (the model has none).",
      ),
    stat: z.enum(["mean", "min", "max", "final"]).default("mean").describe("Over the periods of the horizon."),
    series: seriesField(kit),
    ...commonFields(kit),
  });
}

export type TradeOutcome = z.output<ReturnType<typeof schema>>;

export const trade = {
  kind: "trade",
  summary: "Exports of a good from one country (or all) to another (or all) per period, as customs count them: all, licensed or leaked; a level or its change on the period or the year before.",
  schema,
  check(outcome, at, context) {
    context.good([...at, "good"], outcome.good);
    if (outcome.exporter !== undefined) context.country([...at, "exporter"], outcome.exporter);
    if (outcome.importer !== undefined) context.country([...at, "importer"], outcome.importer);
    if (outcome.exporter !== undefined && outcome.exporter === outcome.importer) context.report([...at, "importer"], `expected another country than the exporter ("${outcome.exporter}")`);
    const seasonal = outcome.seasonal;
    if (seasonal !== undefined) {
      if (seasonal.length !== context.periodsPerYear) context.report([...at, "seasonal"], `expected ${context.periodsPerYear} factors, one per period of the year, not ${seasonal.length}`);
      seasonal.forEach((factor, k) => {
        if (!(factor > 0)) context.report([...at, "seasonal", k], "expected a factor > 0");
      });
    }
  },
  compile(outcome, context) {
    const flows = context.flows((f) => f.good === outcome.good && (outcome.exporter === undefined || f.exporter === outcome.exporter) && (outcome.importer === undefined || f.importer === outcome.importer));
    const change = outcome.change === "level" ? CHANGE_LEVEL : outcome.change === "onPeriod" ? CHANGE_ON_PERIOD : CHANGE_ON_YEAR;
    const statistic = outcome.stat === "max" ? "Largest" : outcome.stat === "min" ? "Lowest" : outcome.stat === "mean" ? "Mean" : "Final";
    const what = outcome.part === "all" ? "Exports" : outcome.part === "licensed" ? "Licensed exports" : "Exports leaked through third countries";
    const between = `${outcome.exporter === undefined ? "" : ` from ${outcome.exporter}`}${outcome.importer === undefined ? "" : ` to ${outcome.importer}`}`;
    const changeText = outcome.change === "level" ? `per ${context.period}` : outcome.change === "onPeriod" ? `, change on the ${context.period} before` : ", change on the year before";
    return {
      good: context.good(outcome.good),
      list: flows,
      stat: statCode(outcome.stat),
      unit: outcome.unit === "USD" ? UNIT_USD : UNIT_UNITS,
      part: outcome.part === "all" ? PART_ALL : outcome.part === "licensed" ? PART_LICENSED : PART_LEAKED,
      change,
      ...(outcome.seasonal === undefined ? {} : { seasonal: outcome.seasonal }),
      series: outcome.series,
      unitText: change !== CHANGE_LEVEL ? "share" : outcome.unit === "USD" ? "USD" : context.unitOf(outcome.good),
      description: `${statistic}: ${what} of ${outcome.good}${between}${changeText}`,
    };
  },
  perPeriod: true,
  wholeValued: false,
  presentation: "distribution",
  standard: (world) =>
    world.goods.flatMap((g): TradeOutcome[] => [
      { name: `exports:${g}`, kind: "trade", good: g, part: "all", unit: "units", change: "level", stat: "mean", series: true },
      { name: `leaked:${g}`, kind: "trade", good: g, part: "leaked", unit: "units", change: "level", stat: "max", series: false },
      ...world.countries.map((c): TradeOutcome => ({ name: `exportsOnYear:${g}:${c}`, kind: "trade", good: g, exporter: c, part: "all", unit: "USD", change: "onYear", stat: "final", series: false })),
    ]),
} satisfies OutcomeKindModule<"trade", TradeOutcome>;
