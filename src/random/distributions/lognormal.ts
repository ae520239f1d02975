import type { z } from "zod";
import type { SchemaKit } from "../../schema/kit.js";
import { lognormalFamily } from "../_internals/continuous-families.js";
import { scaledTruncation, type Built, type DistributionKindModule } from "./distribution-kind.js";

function schema(kit: SchemaKit) {
  const { z } = kit;
  return z.strictObject({
    type: z.literal("lognormal"),
    /** Mean of the logarithm. */
    mu: kit.finite(),
    /** Standard deviation of the logarithm. */
    sigma: kit.finite(),
    truncate: kit.truncation.optional(),
  });
}

export type LognormalSpec = z.output<ReturnType<typeof schema>>;

export const lognormal = {
  type: "lognormal",
  summary: "Lognormal: exp of a normal with mean mu and standard deviation sigma.",
  schema,
  truncatable: true,
  problems(check) {
    check.read("mu");
    check.positive("sigma", check.read("sigma"));
  },
  build: (spec): Built => ({ family: lognormalFamily(spec.mu, spec.sigma) }),
  describe: (spec, n) => `lognormal(mu=${n(spec.mu)}, sigma=${n(spec.sigma)})`,
  fits: (_min, max) => max > 0,
  // median at the window's midpoint (positive), so the window keeps a good share of the mass
  draw: (kit) =>
    kit.fc.tuple(kit.gridInterval(Math.max(kit.min, 0), kit.max), kit.fc.integer({ min: 1, max: 10 })).map(
      ([[lo, hi], k]): LognormalSpec => ({ type: "lognormal", mu: kit.readable(Math.log((lo + hi) / 2)), sigma: kit.readable(k / 10), truncate: { min: lo, max: hi } }),
    ),
  scale: (spec, factor) => ({ type: "lognormal", mu: spec.mu + Math.log(factor), sigma: spec.sigma, ...scaledTruncation(spec, factor) }),
  scalesExactly: false,
} satisfies DistributionKindModule<"lognormal", LognormalSpec>;
