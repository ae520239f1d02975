// An exporter restricts its exports of some goods to some importers (docs/model.md, step 2):
// the share `severity` of each covered flow is blocked, `leakage` of that still arrives
// through third countries at a premium (after `leakageLag` periods); what it blocks stays on
// its market, whose price falls (step 5), and its state reserve may buy `stockpileShare` of it.
import type fc from "fast-check";
import type { z } from "zod";
import { RANGES } from "../schema/check-context.js";
import type { SchemaKit } from "../schema/kit.js";
import type { UncertainDraw } from "../testing/generator-kit.js";
import type { LeverKindModule } from "./lever-kind.js";
import {
  buildRestriction,
  checkPartners,
  checkRestrictionTerms,
  compileRestrictionTerms,
  describePartners,
  describeRestrictionTerms,
  drawRestriction,
  restrictionFields,
  type RestrictionDraw,
} from "./restriction-terms.js";

function schemas(kit: SchemaKit) {
  return kit.leverSchemas("exportRestriction", {
    lever: {
      actor: kit.identifier.describe("The exporting country that restricts."),
      targets: kit.namesOrAll.describe("Importers whose supply is restricted, or `all`."),
      start: kit.start,
    },
    action: { targets: kit.z.union([kit.namesOrAll, kit.triggering]) },
    shared: {
      ...restrictionFields(kit),
      stockpileShare: kit.uncertain
        .default(0)
        .describe("Share of the blocked volume the exporter's state reserve buys at any price (output kept up rather than sold cheaply at home), in [0, 1]."),
    },
  });
}

type Schemas = ReturnType<typeof schemas>;
/** A policy's export restriction. */
export type ExportRestriction = z.output<Schemas["lever"]>;
/** An export restriction as a rule's action. */
export type ExportRestrictionAction = z.output<Schemas["action"]>;
/** What the test kit draws to build one. */
export interface Draw extends RestrictionDraw {
  readonly stockpileShare: UncertainDraw;
}

export const exportRestriction = {
  type: "exportRestriction",
  summary: "An exporter blocks a share of its exports of some goods to some importers.",
  noun: "an export restriction",
  schemas,
  check(lever, at, actor, context) {
    checkRestrictionTerms(lever, at, context);
    context.number([...at, "stockpileShare"], lever.stockpileShare, RANGES.share);
    checkPartners(lever.targets, [...at, "targets"], actor, context, "restrict exports to");
  },
  trade: { side: "exports", restricts: true, partnersField: "targets", partners: (lever) => lever.targets },
  compile(lever, context) {
    return { ...compileRestrictionTerms(lever, context), stockpileShareRef: context.number(lever.stockpileShare, 0) };
  },
  describe(lever, context) {
    return `restricts exports of ${context.list(lever.goods)} to ${describePartners(lever.targets, context)} (${describeRestrictionTerms(lever, context)})`;
  },
  volumes: [],
  draw(kit): fc.Arbitrary<Draw> {
    const { fc } = kit;
    const stockpileShare = kit.uncertain(fc.oneof(fc.constant(0), kit.share()), 0, 1);
    return fc.record({ base: drawRestriction(kit), stockpileShare }).map(({ base, stockpileShare }) => ({ ...base, stockpileShare }));
  },
  build(draw, kit) {
    const built = buildRestriction(draw, kit);
    if (built === undefined) return undefined;
    return { type: "exportRestriction", targets: built.partners, ...built.terms, stockpileShare: kit.number(draw.stockpileShare, "stockpile") };
  },
} satisfies LeverKindModule<"exportRestriction", ExportRestriction, ExportRestrictionAction, Draw>;
