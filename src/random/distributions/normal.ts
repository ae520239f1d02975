import type { z } from "zod";
import type { SchemaKit } from "../../schema/kit.js";
import { normalFamily } from "../_internals/continuous-families.js";
import { scaledTruncation, type Built, type DistributionKindModule } from "./distribution-kind.js";

function schema(kit: SchemaKit) {
  const { z } = kit;
  return z.strictObject({ type: z.literal("normal"), mean: kit.finite(), sd: kit.finite(), truncate: kit.truncation.optional() });
}

export type NormalSpec = z.output<ReturnType<typeof schema>>;

export const normal = {
  type: "normal",
  summary: "Normal with a mean and a standard deviation.",
  schema,
  truncatable: true,
  problems(check) {
    check.read("mean");
    check.positive("sd", check.read("sd"));
  },
  build: (spec): Built => ({ family: normalFamily(spec.mean, spec.sd) }),
  describe: (spec, n) => `normal(${n(spec.mean)}, ${n(spec.sd)})`,
  fits: () => true,
  // the mean inside the window and sd at most its width keep at least a third of the mass
  draw: (kit) =>
    kit.fc
      .tuple(kit.triple, kit.fc.integer({ min: 1, max: 20 }))
      .map(([[lo, mean, hi], k]): NormalSpec => ({ type: "normal", mean, sd: kit.readable(((hi - lo) * k) / 20), truncate: { min: lo, max: hi } })),
  scale: (spec, factor) => ({ type: "normal", mean: spec.mean * factor, sd: spec.sd * factor, ...scaledTruncation(spec, factor) }),
  scalesExactly: true,
} satisfies DistributionKindModule<"normal", NormalSpec>;
