// What export and import restrictions share: severity, leakage through third countries, the
// premium leaked volume costs, and a duration; their schema fields, checks, compilation,
// words and test-kit draws.
import type fc from "fast-check";
import type { CompileContext } from "../compile/compile-context.js";
import type { DescribeContext } from "../report/describe-context.js";
import { RANGES, type CheckContext, type Path } from "../schema/check-context.js";
import type { SchemaKit } from "../schema/kit.js";
import type { BuildKit, DrawKit, UncertainDraw } from "../testing/generator-kit.js";
import type { UncertainNumber } from "../schema/common.js";
import type { RestrictionTerms } from "./lever-kind.js";

/** The schema fields of a restriction's terms. */
export function restrictionFields(kit: SchemaKit) {
  const { uncertain } = kit;
  return {
    goods: kit.goods,
    severity: uncertain.default(1).describe("Share of the flow blocked, in [0, 1]; 1 is a complete ban."),
    leakage: uncertain.default(0).describe("Share of the blocked volume that still arrives through third countries, in [0, 1]."),
    leakagePremium: uncertain.default(0).describe("Extra price paid for leaked volume, as a share of the price (0.3 = 30% dearer)."),
    leakageLag: uncertain
      .default(0)
      .describe("Periods after the restriction starts before leaked volume arrives (re-routing through third countries takes time)."),
    leakageRamp: uncertain
      .default(0)
      .describe(
        "Time constant, in periods, of the opening of the leakage channel once its lag is over: the share of `leakage` that flows is 1 - exp(-(periods since the lag ended + 1) / leakageRamp); 0 opens it at once.",
      ),
    leakageCapacity: uncertain
      .default(1)
      .describe(
        "Most that can leak through third countries in a period, as a share of the flow's baseline volume (the channel's capacity), in [0, 1]; default 1, no limit beyond `leakage`.",
      ),
    duration: uncertain.optional().describe("How many periods the restriction lasts; without it, until the horizon."),
    schedule: kit
      .limitedArray(
        kit.z.strictObject({
          after: kit.z.number().int("expected a whole number of periods").min(0, "expected a number of periods >= 0").describe("Periods after the restriction takes effect from which this step's severity applies."),
          severity: uncertain.describe("Share of the flow blocked from then on, in [0, 1]."),
        }),
        kit.LIMITS.listLength,
        "steps",
      )
      .optional()
      .describe(
        "Severity that changes over time: steps of `severity` from `after` periods after the restriction takes effect, in increasing order of `after`; `severity` holds before the first step.",
      ),
    licensing: kit.z
      .strictObject({
        reviewMin: uncertain.default(0).describe("Shortest time, in periods, to decide a licence application (review times are spread evenly between reviewMin and reviewMax)."),
        reviewMax: uncertain.describe("Longest time, in periods, to decide a licence application (a statutory limit where one is published)."),
        finalApproval: uncertain.describe("Share of applications approved once the regime has settled, in [0, 1]."),
        initialApproval: uncertain
          .optional()
          .describe("Share of applications approved when the regime starts, in [0, 1]; without it, finalApproval from the start."),
        approvalRecovery: uncertain
          .default(0)
          .describe("Time constant, in periods, of the approval share's move from initialApproval to finalApproval (0: at once)."),
      })
      .optional()
      .describe(
        "Licensing as a process: what `severity` does not block outright (end uses denied) needs a licence; each application waits for its review, and the approved share moves from initialApproval to finalApproval. The share that passes in a period follows (docs/model.md, step 2).",
      ),
    announced: uncertain
      .default(0)
      .describe(
        "Periods of notice: the restriction is announced this many periods before it takes effect (a rule's action no earlier than the rule decides). Until it takes effect, every buyer it will cut aims for its precautionary stock (stocks[].precautionMonths) and buys toward it.",
      ),
  };
}

export function checkRestrictionTerms(terms: RestrictionTerms, at: Path, context: CheckContext): void {
  context.goods([...at, "goods"], terms.goods);
  context.number([...at, "severity"], terms.severity, RANGES.share);
  context.number([...at, "leakage"], terms.leakage, RANGES.share);
  context.number([...at, "leakagePremium"], terms.leakagePremium, RANGES.nonNegative);
  context.number([...at, "leakageLag"], terms.leakageLag, RANGES.nonNegative);
  context.number([...at, "leakageRamp"], terms.leakageRamp, RANGES.nonNegative);
  context.number([...at, "leakageCapacity"], terms.leakageCapacity, RANGES.share);
  context.number([...at, "duration"], terms.duration, RANGES.nonNegative);
  context.number([...at, "announced"], terms.announced, RANGES.nonNegative);
  terms.schedule?.forEach((step, k) => {
    context.number([...at, "schedule", k, "severity"], step.severity, RANGES.share);
    if (k > 0 && !(step.after > terms.schedule![k - 1]!.after)) context.report([...at, "schedule", k, "after"], `expected a number of periods above the previous step's (${terms.schedule![k - 1]!.after}): steps go in increasing order of \`after\``);
  });
  const licensing = terms.licensing;
  if (licensing !== undefined) {
    const where = [...at, "licensing"];
    context.number([...where, "reviewMin"], licensing.reviewMin, RANGES.nonNegative);
    context.number([...where, "reviewMax"], licensing.reviewMax, RANGES.nonNegative);
    if (typeof licensing.reviewMin === "number" && typeof licensing.reviewMax === "number" && licensing.reviewMax < licensing.reviewMin) {
      context.report([...where, "reviewMax"], `expected a review time >= reviewMin (${licensing.reviewMin})`);
    }
    context.number([...where, "finalApproval"], licensing.finalApproval, RANGES.share);
    context.number([...where, "initialApproval"], licensing.initialApproval, RANGES.share);
    context.number([...where, "approvalRecovery"], licensing.approvalRecovery, RANGES.nonNegative);
  }
}

/** Check that a lever's partners are known countries other than its actor. */
export function checkPartners(partners: "all" | "triggering" | readonly string[], at: Path, actor: string, context: CheckContext, what: string): void {
  context.countries(at, typeof partners === "string" ? partners : partners);
  if (typeof partners !== "string" && partners.includes(actor)) context.report(at, `"${actor}" cannot ${what} itself`);
}

export function compileRestrictionTerms(terms: RestrictionTerms, context: CompileContext) {
  return {
    goods: terms.goods.map((id) => context.good(id)),
    durationRef: terms.duration === undefined ? -1 : context.number(terms.duration, 0),
    severityRef: context.number(terms.severity, 1),
    leakageRef: context.number(terms.leakage, 0),
    premiumRef: context.number(terms.leakagePremium, 0),
    leakageLagRef: context.number(terms.leakageLag, 0),
    leakageRampRef: context.number(terms.leakageRamp, 0),
    leakageCapacityRef: context.number(terms.leakageCapacity, 1),
    announcedRef: context.number(terms.announced, 0),
    schedule: (terms.schedule ?? []).map((step) => ({ after: step.after, severityRef: context.number(step.severity, 1) })),
    ...(terms.licensing === undefined
      ? {}
      : {
          licensing: {
            reviewMinRef: context.number(terms.licensing.reviewMin, 0),
            reviewMaxRef: context.number(terms.licensing.reviewMax, 0),
            initialApprovalRef: context.number(terms.licensing.initialApproval ?? terms.licensing.finalApproval, 1),
            finalApprovalRef: context.number(terms.licensing.finalApproval, 1),
            approvalRecoveryRef: context.number(terms.licensing.approvalRecovery, 0),
          },
        }),
  };
}

/** `severity 1, leakage 0.1, for 6 months` */
export function describeRestrictionTerms(terms: RestrictionTerms, context: DescribeContext): string {
  const parts = [`severity ${context.number(terms.severity)}`];
  for (const step of terms.schedule ?? []) parts.push(`${context.number(step.severity)} from ${step.after} ${context.period}s on`);
  const licensing = terms.licensing;
  if (licensing !== undefined) {
    const recovery = licensing.approvalRecovery === 0 ? "" : ` (time constant ${context.number(licensing.approvalRecovery)} ${context.period}s)`;
    const approval = licensing.initialApproval === undefined ? context.number(licensing.finalApproval) : `from ${context.number(licensing.initialApproval)} to ${context.number(licensing.finalApproval)}${recovery}`;
    parts.push(`the rest licensed: reviews take ${context.number(licensing.reviewMin)} to ${context.number(licensing.reviewMax)} ${context.period}s, approval ${approval}`);
  }
  if (terms.leakage !== 0) parts.push(`leakage ${context.number(terms.leakage)}`);
  if (terms.leakage !== 0 && terms.leakageLag !== 0) parts.push(`arriving after ${context.number(terms.leakageLag)} ${context.period}s`);
  if (terms.leakage !== 0 && terms.leakageRamp !== 0) parts.push(`its channel opening with time constant ${context.number(terms.leakageRamp)} ${context.period}s`);
  if (terms.leakage !== 0 && terms.leakageCapacity !== 1) parts.push(`at most ${context.number(terms.leakageCapacity)} of the flow leaking`);
  if (terms.duration !== undefined) parts.push(`for ${context.number(terms.duration)} ${context.period}s`);
  if (terms.announced !== 0) parts.push(`announced ${context.number(terms.announced)} ${context.period}s ahead`);
  return parts.join(", ");
}

/** `the countries that set it off`, `every country` or names. */
export function describePartners(partners: "all" | "triggering" | readonly string[], context: DescribeContext): string {
  return partners === "triggering" ? "the countries that set it off" : context.countries(partners);
}

/** What the test kit draws for a restriction. */
export interface RestrictionDraw {
  readonly allPartners: boolean;
  readonly partners: readonly number[];
  readonly goods: readonly number[];
  readonly severity: UncertainDraw;
  readonly leakage: UncertainDraw;
  readonly leakagePremium: UncertainDraw;
  readonly leakageLag: number;
  readonly leakageRamp: number;
  readonly leakageCapacity: UncertainDraw | undefined;
  readonly duration: UncertainDraw | undefined;
  readonly announced: number;
  /** Severity steps: periods after the previous step (at least 1), and the severity. */
  readonly schedule: readonly { readonly gap: number; readonly severity: UncertainDraw }[];
  readonly licensing:
    | {
        readonly reviewMin: number;
        readonly reviewSpread: number;
        readonly finalApproval: UncertainDraw;
        readonly initialApproval: UncertainDraw | undefined;
        readonly approvalRecovery: number;
      }
    | undefined;
}

/** Restrictions on one or two goods, aimed at other countries or `all`, severity 1 or on a grid, sometimes leakage, a premium, a lag, a duration, a schedule, licensing. */
export function drawRestriction(kit: DrawKit): fc.Arbitrary<RestrictionDraw> {
  const { fc, share } = kit;
  return fc.record({
    allPartners: fc.boolean(),
    partners: kit.picks(2),
    goods: kit.picks(2),
    severity: kit.uncertain(fc.oneof(fc.constant(1), share()), 0, 1),
    leakage: kit.uncertain(fc.oneof(fc.constant(0), share()), 0, 1),
    leakagePremium: kit.uncertain(fc.oneof(fc.constant(0), share(10)), 0, 1),
    leakageLag: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 })),
    leakageRamp: fc.oneof(fc.constant(0), fc.constant(0), kit.grid(0.5, 3, 5)),
    leakageCapacity: fc.option(kit.uncertain(share(), 0, 1), { nil: undefined, freq: 4 }),
    duration: fc.option(kit.periods(kit.horizon), { nil: undefined }),
    announced: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 3 })),
    schedule: fc.oneof(
      fc.constant([]),
      fc.constant([]),
      fc.array(fc.record({ gap: fc.integer({ min: 1, max: 4 }), severity: kit.uncertain(fc.oneof(fc.constant(0), fc.constant(1), share()), 0, 1) }), { minLength: 1, maxLength: 2 }),
    ),
    licensing: fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 3 },
      fc.record({
        reviewMin: kit.grid(0, 2, 4),
        reviewSpread: kit.grid(0, 2, 4),
        finalApproval: kit.uncertain(fc.oneof(fc.constant(1), share()), 0, 1),
        initialApproval: fc.option(kit.uncertain(share(), 0, 1), { nil: undefined }),
        approvalRecovery: fc.oneof(fc.constant(0), kit.grid(0.5, 4, 7)),
      }),
    ),
  });
}

/** The partners and terms of a drawn restriction; undefined when it has no partner (a world of one country). */
export function buildRestriction(draw: RestrictionDraw, kit: BuildKit) {
  const partners = kit.triggering ? ("triggering" as const) : draw.allPartners ? ("all" as const) : kit.others(draw.partners);
  if (typeof partners !== "string" && partners.length === 0) return undefined;
  return {
    partners,
    terms: {
      goods: kit.pickGoods(draw.goods),
      severity: kit.number(draw.severity, "severity"),
      leakage: kit.number(draw.leakage, "leakage"),
      leakagePremium: kit.number(draw.leakagePremium, "premium"),
      leakageLag: draw.leakageLag,
      leakageRamp: draw.leakageRamp,
      leakageCapacity: draw.leakageCapacity === undefined ? 1 : kit.number(draw.leakageCapacity, "leakageCapacity"),
      ...(draw.duration === undefined ? {} : { duration: kit.number(draw.duration, "duration") }),
      announced: draw.announced,
      ...(draw.schedule.length === 0 ? {} : { schedule: scheduleOf(draw.schedule, kit) }),
      ...(draw.licensing === undefined
        ? {}
        : {
            licensing: {
              reviewMin: draw.licensing.reviewMin,
              reviewMax: draw.licensing.reviewMin + draw.licensing.reviewSpread,
              finalApproval: kit.number(draw.licensing.finalApproval, "finalApproval"),
              ...(draw.licensing.initialApproval === undefined ? {} : { initialApproval: kit.number(draw.licensing.initialApproval, "initialApproval") }),
              approvalRecovery: draw.licensing.approvalRecovery,
            },
          }),
    },
  };
}

/** Severity steps at increasing periods after the start. */
function scheduleOf(steps: RestrictionDraw["schedule"], kit: BuildKit): { after: number; severity: UncertainNumber }[] {
  let after = 0;
  return steps.map((step, k) => {
    after += step.gap;
    return { after, severity: kit.number(step.severity, `step${k + 1}Severity`) };
  });
}
