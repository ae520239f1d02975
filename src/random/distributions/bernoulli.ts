import type { z } from "zod";
import type { SchemaKit } from "../../schema/kit.js";
import { BernoulliDistribution } from "../_internals/bernoulli-distribution.js";
import type { Built, DistributionKindModule } from "./distribution-kind.js";

function schema(kit: SchemaKit) {
  const { z } = kit;
  return z.strictObject({ type: z.literal("bernoulli"), p: kit.finite() });
}

export type BernoulliSpec = z.output<ReturnType<typeof schema>>;

export const bernoulli = {
  type: "bernoulli",
  summary: "1 with probability p, else 0.",
  schema,
  truncatable: false,
  problems(check) {
    const p = check.read("p");
    if (Number.isFinite(p) && !(p >= 0 && p <= 1)) check.add("p", `expected a probability in [0, 1], found ${p}`);
  },
  build: (spec): Built => ({ distribution: new BernoulliDistribution(spec, spec.p) }),
  describe: (spec, n) => `bernoulli(${n(spec.p)})`,
  fits: (min, max) => min <= 0 && max >= 1,
  draw: (kit) => kit.grid(0, 1, 20).map((p): BernoulliSpec => ({ type: "bernoulli", p })),
  scale: (spec, factor) => ({ type: "categorical", values: [0, factor], weights: [1 - spec.p, spec.p] }),
  scalesExactly: true,
} satisfies DistributionKindModule<"bernoulli", BernoulliSpec>;
