// An importer refuses some goods from some exporters (docs/model.md, step 2): the share
// `severity` of each covered flow is blocked, `leakage` of that still arrives through third
// countries at a premium. The exporters' home markets are not segmented by it.
import type { z } from "zod";
import type { SchemaKit } from "../schema/kit.js";
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
  return kit.leverSchemas("importRestriction", {
    lever: {
      actor: kit.identifier.describe("The importing country that restricts."),
      sources: kit.namesOrAll.describe("Exporters whose goods are refused, or `all`."),
      start: kit.start,
    },
    action: { sources: kit.z.union([kit.namesOrAll, kit.triggering]) },
    shared: restrictionFields(kit),
  });
}

type Schemas = ReturnType<typeof schemas>;
/** A policy's import restriction. */
export type ImportRestriction = z.output<Schemas["lever"]>;
/** An import restriction as a rule's action. */
export type ImportRestrictionAction = z.output<Schemas["action"]>;

export const importRestriction = {
  type: "importRestriction",
  summary: "An importer refuses a share of some goods from some exporters.",
  noun: "an import restriction",
  schemas,
  check(lever, at, actor, context) {
    checkRestrictionTerms(lever, at, context);
    checkPartners(lever.sources, [...at, "sources"], actor, context, "restrict imports from");
  },
  trade: { side: "imports", restricts: true, partnersField: "sources", partners: (lever) => lever.sources },
  compile: (lever, context) => compileRestrictionTerms(lever, context),
  describe(lever, context) {
    return `refuses imports of ${context.list(lever.goods)} from ${describePartners(lever.sources, context)} (${describeRestrictionTerms(lever, context)})`;
  },
  volumes: [],
  draw: (kit) => drawRestriction(kit),
  build(draw, kit) {
    const built = buildRestriction(draw, kit);
    if (built === undefined) return undefined;
    return { type: "importRestriction", sources: built.partners, ...built.terms };
  },
} satisfies LeverKindModule<"importRestriction", ImportRestriction, ImportRestrictionAction, RestrictionDraw>;
