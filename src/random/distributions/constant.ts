import type { z } from "zod";
import type { SchemaKit } from "../../schema/kit.js";
import { FiniteDistribution } from "../_internals/discrete-distributions.js";
import type { Built, DistributionKindModule } from "./distribution-kind.js";

function schema(kit: SchemaKit) {
  const { z } = kit;
  return z.strictObject({ type: z.literal("constant"), value: kit.finite() });
}

export type ConstantSpec = z.output<ReturnType<typeof schema>>;

export const constant = {
  type: "constant",
  summary: "Always the same value.",
  schema,
  truncatable: false,
  problems(check) {
    check.read("value");
  },
  build: (spec): Built => ({ distribution: new FiniteDistribution(spec, [spec.value], [1]) }),
  describe: (spec, n) => `constant(${n(spec.value)})`,
  fits: () => true,
  draw: (kit) => kit.value.map((v): ConstantSpec => ({ type: "constant", value: v })),
  scale: (spec, factor) => ({ type: "constant", value: spec.value * factor }),
  scalesExactly: true,
} satisfies DistributionKindModule<"constant", ConstantSpec>;
