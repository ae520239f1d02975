import type { z } from "zod";
import type { SchemaKit } from "../../schema/kit.js";
import { uniformFamily } from "../_internals/continuous-families.js";
import { scaledTruncation, type Built, type DistributionKindModule } from "./distribution-kind.js";

function schema(kit: SchemaKit) {
  const { z } = kit;
  return z.strictObject({ type: z.literal("uniform"), min: kit.finite(), max: kit.finite(), truncate: kit.truncation.optional() });
}

export type UniformSpec = z.output<ReturnType<typeof schema>>;

export const uniform = {
  type: "uniform",
  summary: "Uniform on [min, max].",
  schema,
  truncatable: true,
  problems(check) {
    check.ordered(check.read("min"), check.read("max"));
  },
  build: (spec): Built => ({ family: uniformFamily(spec.min, spec.max) }),
  describe: (spec, n) => `uniform(${n(spec.min)}, ${n(spec.max)})`,
  fits: () => true,
  draw: (kit) => kit.interval.map(([lo, hi]): UniformSpec => ({ type: "uniform", min: lo, max: hi })),
  scale: (spec, factor) => ({ type: "uniform", min: spec.min * factor, max: spec.max * factor, ...scaledTruncation(spec, factor) }),
  scalesExactly: true,
} satisfies DistributionKindModule<"uniform", UniformSpec>;
