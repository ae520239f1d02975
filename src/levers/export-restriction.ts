// An exporter restricts its exports of some goods to some importers (docs/model.md, step 2):
// the share `severity` of each covered flow is blocked, `leakage` of that still arrives
// through third countries at a premium; while it blocks something, the exporter's home
// market is segmented (step 6) and may `divert` some of what it blocks (step 5).
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
      diversion: kit.uncertain
        .default(0)
        .describe("Share of the blocked volume the exporter re-sells to countries it does not restrict, freeing other suppliers' volume for the targets, in [0, 1]."),
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
  readonly diversion: UncertainDraw;
}

export const exportRestriction = {
  type: "exportRestriction",
  summary: "An exporter blocks a share of its exports of some goods to some importers.",
  noun: "an export restriction",
  schemas,
  check(lever, at, actor, context) {
    checkRestrictionTerms(lever, at, context);
    context.number([...at, "diversion"], lever.diversion, RANGES.share);
    checkPartners(lever.targets, [...at, "targets"], actor, context, "restrict exports to");
  },
  trade: { side: "exports", restricts: true, partnersField: "targets", partners: (lever) => lever.targets },
  compile(lever, context) {
    return { ...compileRestrictionTerms(lever, context), diversionRef: context.number(lever.diversion, 0) };
  },
  describe(lever, context) {
    return `restricts exports of ${context.list(lever.goods)} to ${describePartners(lever.targets, context)} (${describeRestrictionTerms(lever, context)})`;
  },
  volumes: [],
  draw(kit): fc.Arbitrary<Draw> {
    const { fc } = kit;
    const diversion = kit.uncertain(fc.oneof(fc.constant(0), kit.share()), 0, 1);
    return fc.record({ base: drawRestriction(kit), diversion }).map(({ base, diversion }) => ({ ...base, diversion }));
  },
  build(draw, kit) {
    const built = buildRestriction(draw, kit);
    if (built === undefined) return undefined;
    return { type: "exportRestriction", targets: built.partners, ...built.terms, diversion: kit.number(draw.diversion, "diversion") };
  },
} satisfies LeverKindModule<"exportRestriction", ExportRestriction, ExportRestrictionAction, Draw>;
