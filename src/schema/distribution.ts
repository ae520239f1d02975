import { z } from "zod";

/** A finite number (zod's `z.number()` already refuses NaN; this also refuses ±Infinity). */
export const finite = () => z.number().refine(Number.isFinite, { message: "expected a finite number" });

const truncation = z
  .strictObject({
    min: finite().optional().describe("Lower truncation bound (inclusive)."),
    max: finite().optional().describe("Upper truncation bound (inclusive)."),
  })
  .describe("Truncate the distribution to [min, max] by renormalising its CDF.");

/** Distribution specifications: every uncertainty in a scenario draws from one of these. */
export const uniformSchema = z.strictObject({
  type: z.literal("uniform"),
  min: finite(),
  max: finite(),
  truncate: truncation.optional(),
});
export const triangularSchema = z.strictObject({
  type: z.literal("triangular"),
  min: finite(),
  mode: finite(),
  max: finite(),
  truncate: truncation.optional(),
});
export const pertSchema = z.strictObject({
  type: z.literal("pert"),
  min: finite(),
  mode: finite(),
  max: finite(),
  /** Shape weight of the mode; 4 gives the classic PERT. */
  lambda: finite().optional(),
  truncate: truncation.optional(),
});
export const normalSchema = z.strictObject({
  type: z.literal("normal"),
  mean: finite(),
  sd: finite(),
  truncate: truncation.optional(),
});
export const lognormalSchema = z.strictObject({
  type: z.literal("lognormal"),
  /** Mean of the logarithm. */
  mu: finite(),
  /** Standard deviation of the logarithm. */
  sigma: finite(),
  truncate: truncation.optional(),
});
export const betaSchema = z.strictObject({
  type: z.literal("beta"),
  alpha: finite(),
  beta: finite(),
  /** Support is scaled from [0, 1] to [min, max]; defaults 0 and 1. */
  min: finite().optional(),
  max: finite().optional(),
  truncate: truncation.optional(),
});
export const bernoulliSchema = z.strictObject({
  type: z.literal("bernoulli"),
  p: finite(),
});
export const categoricalSchema = z.strictObject({
  type: z.literal("categorical"),
  values: z.array(finite()).min(1).max(10_000),
  weights: z.array(finite()).min(1).max(10_000),
});
export const constantSchema = z.strictObject({
  type: z.literal("constant"),
  value: finite(),
});

export const distributionSchema = z.discriminatedUnion("type", [
  uniformSchema,
  triangularSchema,
  pertSchema,
  normalSchema,
  lognormalSchema,
  betaSchema,
  bernoulliSchema,
  categoricalSchema,
  constantSchema,
]);

/** One of the supported probability distributions, as written in a scenario. */
export type DistributionSpec = z.infer<typeof distributionSchema>;
