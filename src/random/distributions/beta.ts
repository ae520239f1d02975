import type { z } from "zod";
import type { SchemaKit } from "../../schema/kit.js";
import { betaFamily } from "../_internals/continuous-families.js";
import { scaledTruncation, type Built, type DistributionKindModule } from "./distribution-kind.js";

function schema(kit: SchemaKit) {
  const { z } = kit;
  return z.strictObject({
    type: z.literal("beta"),
    alpha: kit.finite(),
    beta: kit.finite(),
    /** Support is scaled from [0, 1] to [min, max]; defaults 0 and 1. */
    min: kit.finite().optional(),
    max: kit.finite().optional(),
    truncate: kit.truncation.optional(),
  });
}

export type BetaSpec = z.output<ReturnType<typeof schema>>;

export const beta = {
  type: "beta",
  summary: "Beta(alpha, beta), scaled from [0, 1] to [min, max].",
  schema,
  truncatable: true,
  problems(check) {
    check.positive("alpha", check.read("alpha"));
    check.positive("beta", check.read("beta"));
    const min = check.read("min", 0);
    const max = check.read("max", 1);
    if (Number.isFinite(min) && Number.isFinite(max) && !(max > min)) {
      if (check.field("max") === undefined) check.add("min", `expected min < max (1, the default), found ${min}`);
      else check.add("max", `expected max > min (${min}${check.field("min") === undefined ? ", the default" : ""}), found ${max}`);
    }
  },
  build: (spec): Built => ({ family: betaFamily(spec.alpha, spec.beta, spec.min ?? 0, spec.max ?? 1) }),
  describe(spec, n) {
    const scaled = (spec.min ?? 0) !== 0 || (spec.max ?? 1) !== 1;
    return `beta(${n(spec.alpha)}, ${n(spec.beta)})${scaled ? ` on [${n(spec.min ?? 0)}, ${n(spec.max ?? 1)}]` : ""}`;
  },
  fits: () => true,
  draw: (kit) =>
    kit.fc
      .tuple(kit.interval, kit.grid(0.5, 5, 9), kit.grid(0.5, 5, 9))
      .map(([[lo, hi], alpha, b]): BetaSpec => ({ type: "beta", alpha, beta: b, min: lo, max: hi })),
  scale: (spec, factor) => ({ type: "beta", alpha: spec.alpha, beta: spec.beta, min: (spec.min ?? 0) * factor, max: (spec.max ?? 1) * factor, ...scaledTruncation(spec, factor) }),
  scalesExactly: true,
} satisfies DistributionKindModule<"beta", BetaSpec>;
