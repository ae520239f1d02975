import type { z } from "zod";
import type { SchemaKit } from "../../schema/kit.js";
import { FiniteDistribution } from "../_internals/discrete-distributions.js";
import type { Built, DistributionKindModule } from "./distribution-kind.js";

function schema(kit: SchemaKit) {
  const { z } = kit;
  return z.strictObject({
    type: z.literal("categorical"),
    values: z.array(kit.finite()).min(1).max(10_000),
    weights: z.array(kit.finite()).min(1).max(10_000),
  });
}

export type CategoricalSpec = z.output<ReturnType<typeof schema>>;

const list = (xs: readonly number[], n: (x: number) => string): string => `[${xs.map(n).join(", ")}]`;

export const categorical = {
  type: "categorical",
  summary: "One of some values, with weights.",
  schema,
  truncatable: false,
  problems(check) {
    const values = check.numbers("values");
    const weights = check.numbers("weights");
    if (weights === undefined) return;
    let negative = false;
    weights.forEach((weight, index) => {
      if (weight < 0) {
        check.add(`weights[${index}]`, `expected a weight >= 0, found ${weight}`);
        negative = true;
      }
    });
    if (values !== undefined && weights.length !== values.length) check.add("weights", `expected one weight per value (${values.length}), found ${weights.length}`);
    const sum = weights.reduce((total, weight) => total + weight, 0);
    if (!negative && !(sum > 0)) check.add("weights", "expected weights with a positive sum, found all 0");
    else if (!negative && sum === Infinity) check.add("weights", "expected weights with a finite sum, found a sum of Infinity");
  },
  build: (spec): Built => ({ distribution: new FiniteDistribution(spec, spec.values, spec.weights) }),
  describe: (spec, n) => `categorical(values ${list(spec.values, n)}, weights ${list(spec.weights, n)})`,
  fits: () => true,
  draw: (kit) =>
    kit.fc
      .array(kit.fc.tuple(kit.value, kit.fc.integer({ min: 1, max: 5 })), { minLength: 1, maxLength: 3 })
      .map((pairs): CategoricalSpec => ({ type: "categorical", values: pairs.map(([v]) => v), weights: pairs.map(([, w]) => w) })),
  scale: (spec, factor) => ({ type: "categorical", values: spec.values.map((v) => v * factor), weights: [...spec.weights] }),
  scalesExactly: true,
} satisfies DistributionKindModule<"categorical", CategoricalSpec>;
