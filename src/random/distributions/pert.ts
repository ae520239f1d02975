import type { z } from "zod";
import type { SchemaKit } from "../../schema/kit.js";
import { pertFamily } from "../_internals/continuous-families.js";
import { checkMinModeMax, scaledTruncation, type Built, type DistributionKindModule } from "./distribution-kind.js";

function schema(kit: SchemaKit) {
  const { z } = kit;
  return z.strictObject({
    type: z.literal("pert"),
    min: kit.finite(),
    mode: kit.finite(),
    max: kit.finite(),
    /** Shape weight of the mode; 4 gives the classic PERT. */
    lambda: kit.finite().optional(),
    truncate: kit.truncation.optional(),
  });
}

export type PertSpec = z.output<ReturnType<typeof schema>>;

export const pert = {
  type: "pert",
  summary: "Beta-PERT on [min, max] with its mode at mode (Vose 2008); lambda weights the mode (4 by default).",
  schema,
  truncatable: true,
  problems(check) {
    checkMinModeMax(check);
    const lambda = check.read("lambda", 4);
    if (Number.isFinite(lambda) && !(lambda > 0)) check.add("lambda", `expected lambda > 0 (4 gives the classic PERT), found ${lambda}`);
  },
  build: (spec): Built => ({ family: pertFamily(spec.min, spec.mode, spec.max, spec.lambda ?? 4) }),
  describe: (spec, n) => `pert(${n(spec.min)}, ${n(spec.mode)}, ${n(spec.max)}${spec.lambda === undefined || spec.lambda === 4 ? "" : `, lambda=${n(spec.lambda)}`})`,
  fits: () => true,
  draw: (kit) =>
    kit.fc
      .tuple(kit.triple, kit.fc.option(kit.grid(1, 8, 14), { nil: undefined }))
      .map(([[lo, mode, hi], lambda]): PertSpec => (lambda === undefined ? { type: "pert", min: lo, mode, max: hi } : { type: "pert", min: lo, mode, max: hi, lambda })),
  scale: (spec, factor) => ({ ...spec, min: spec.min * factor, mode: spec.mode * factor, max: spec.max * factor, ...scaledTruncation(spec, factor) }),
  scalesExactly: true,
} satisfies DistributionKindModule<"pert", PertSpec>;
