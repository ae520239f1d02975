// Holds while a matching restriction is in force (as of the previous period): a lever that
// restricts trade, by one of `by`, aimed at one of `against`, on one of `goods`, at least
// `minSeverity` severe (docs/model.md, step 1). Its matches set the depth of the escalation.
import type { z } from "zod";
import { SLOT_KIND } from "../compile/model.js";
import { leverKind, RESTRICTION_TYPES } from "../levers/index.js";
import type { SchemaKit } from "../schema/kit.js";
import type { ConditionKindModule } from "./condition-kind.js";

function schema(kit: SchemaKit) {
  const { z } = kit;
  return z.strictObject({
    kind: z.literal("restriction"),
    by: kit.names.optional().describe("Countries imposing it; any country if omitted."),
    against: z
      .union([z.literal("self"), kit.names])
      .optional()
      .describe("Countries it is aimed at (`self` = the rule's agent); anyone if omitted."),
    goods: kit.names.optional().describe("Goods it covers (any of them); any good if omitted."),
    lever: z.enum(RESTRICTION_TYPES).optional(),
    minSeverity: z
      .number()
      .min(0, "expected a severity in [0, 1]")
      .max(1, "expected a severity in [0, 1]")
      .default(0)
      .describe("Only restrictions at least this severe count."),
  });
}

/** A restriction condition. */
export type RestrictionCondition = z.output<ReturnType<typeof schema>>;
/** What the test kit draws to build one. */
export interface Draw {
  readonly by: readonly number[] | undefined;
  readonly against: "self" | readonly number[] | undefined;
  readonly goods: readonly number[] | undefined;
  readonly lever: RestrictionCondition["lever"];
  readonly minSeverity: number;
}

export const restriction = {
  kind: "restriction",
  summary: "A restriction by some countries, against some countries, on some goods, of at least some severity, is in force.",
  schema,
  check(condition, at, context) {
    context.countries([...at, "by"], condition.by);
    context.countries([...at, "against"], condition.against);
    context.goods([...at, "goods"], condition.goods);
  },
  compile(condition, context) {
    const countries = (ids: readonly string[] | undefined) => (ids === undefined ? ("all" as const) : ids.map((id) => context.country(id)));
    return {
      by: context.trigger !== undefined ? [context.trigger] : countries(condition.by),
      against: condition.against === "self" ? [context.agent] : countries(condition.against),
      goods: condition.goods === undefined ? "all" : condition.goods.map((id) => context.good(id)),
      lever: condition.lever === undefined ? -1 : SLOT_KIND[condition.lever],
      minSeverity: condition.minSeverity,
    };
  },
  describe(condition, agent, context) {
    const what = condition.lever === undefined ? "a restriction" : leverKind(condition.lever).noun;
    const by = condition.by === undefined ? "" : ` by ${context.list(condition.by, "or")}`;
    const against = condition.against === undefined ? "" : condition.against === "self" ? ` against ${agent}` : ` against ${context.list(condition.against, "or")}`;
    const goods = condition.goods === undefined ? "" : ` on ${context.list(condition.goods, "or")}`;
    const severity = condition.minSeverity > 0 ? ` of severity ${context.plain(condition.minSeverity)} or more` : "";
    return `${what}${by}${against}${goods}${severity} is in force`;
  },
  needsUncertainty: false,
  draw(kit) {
    const { fc } = kit;
    return fc.record({
      by: kit.optionalPicks(2),
      against: fc.oneof(fc.constant(undefined), fc.constant("self" as const), kit.picks(2)),
      goods: kit.optionalPicks(2),
      lever: fc.constantFrom(undefined, ...RESTRICTION_TYPES),
      minSeverity: kit.share(),
    });
  },
  build(draw, kit) {
    return {
      kind: "restriction",
      ...(draw.by === undefined ? {} : { by: kit.pickCountries(draw.by) }),
      ...(draw.against === undefined ? {} : { against: draw.against === "self" ? ("self" as const) : kit.pickCountries(draw.against) }),
      ...(draw.goods === undefined ? {} : { goods: kit.pickGoods(draw.goods) }),
      ...(draw.lever === undefined ? {} : { lever: draw.lever }),
      minSeverity: draw.minSeverity,
    };
  },
} satisfies ConditionKindModule<"restriction", RestrictionCondition, Draw>;
