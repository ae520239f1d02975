import type { z } from "zod";
import type { SchemaKit } from "../../schema/kit.js";
import { triangularFamily } from "../_internals/continuous-families.js";
import { checkMinModeMax, scaledTruncation, type Built, type DistributionKindModule } from "./distribution-kind.js";

function schema(kit: SchemaKit) {
  const { z } = kit;
  return z.strictObject({ type: z.literal("triangular"), min: kit.finite(), mode: kit.finite(), max: kit.finite(), truncate: kit.truncation.optional() });
}

export type TriangularSpec = z.output<ReturnType<typeof schema>>;

export const triangular = {
  type: "triangular",
  summary: "Triangular on [min, max] with its peak at mode.",
  schema,
  truncatable: true,
  problems: checkMinModeMax,
  build: (spec): Built => ({ family: triangularFamily(spec.min, spec.mode, spec.max) }),
  describe: (spec, n) => `triangular(${n(spec.min)}, ${n(spec.mode)}, ${n(spec.max)})`,
  fits: () => true,
  draw: (kit) => kit.triple.map(([lo, mode, hi]): TriangularSpec => ({ type: "triangular", min: lo, mode, max: hi })),
  scale: (spec, factor) => ({ type: "triangular", min: spec.min * factor, mode: spec.mode * factor, max: spec.max * factor, ...scaledTruncation(spec, factor) }),
  scalesExactly: true,
} satisfies DistributionKindModule<"triangular", TriangularSpec>;
