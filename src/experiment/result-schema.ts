import { z } from "zod";

// zod schemas of an experiment's result (src/experiment/result.ts), for the result files
// the command line writes and for anyone reading them. A type-level test checks that
// `z.infer<typeof experimentResultSchema>` is `ExperimentResult` up to `readonly`, so the
// two cannot drift apart. Objects are strict: a field the schema does not know is an error.

const outcomeStatisticsShape = {
  count: z.number().int().describe("Number of runs."),
  mean: z.number(),
  sd: z.number().describe("Sample standard deviation (n - 1 denominator); 0 when count is 1."),
  se: z.number().describe("Standard error of the mean, sd / sqrt(count)."),
  min: z.number(),
  max: z.number(),
  p01: z.number(),
  p05: z.number(),
  p10: z.number(),
  p25: z.number(),
  p50: z.number(),
  p75: z.number(),
  p90: z.number(),
  p95: z.number(),
  p99: z.number(),
  var95: z.number().describe("Value at risk at 95% (equal to p95)."),
  cvar95: z.number().describe("Conditional value at risk at 95%: mean of the worst 5% of runs."),
  var99: z.number().describe("Value at risk at 99% (equal to p99)."),
  cvar99: z.number().describe("Conditional value at risk at 99%: mean of the worst 1% of runs."),
  exceedance: z
    .array(z.strictObject({ threshold: z.number(), probability: z.number().min(0).max(1) }))
    .describe("P(outcome > threshold) for each of the outcome's thresholds."),
};

const named = {
  name: z.string().describe("The outcome's name, as in the scenario."),
  unit: z.string(),
};

/** Run counts per bin of an outcome's values. */
export const histogramSchema = z
  .strictObject({
    edges: z.array(z.number()).describe("Bin edges, ascending: one more than the bins."),
    counts: z.array(z.number().int().min(0)).describe("Runs per bin; the last bin includes its upper edge."),
  })
  .refine((histogram) => histogram.edges.length === histogram.counts.length + 1, { message: "expected one more edge than counts" })
  .describe(
    "Distribution of the runs' values: about 30 equal-width bins from min to max (one bin per whole number for whole-valued outcomes); from the quantile sketch with streaming summaries.",
  );

/** Statistics of one outcome under one policy (type 7 quantiles; losses: larger is worse). */
export const outcomeSummarySchema = z.strictObject({ ...named, ...outcomeStatisticsShape, histogram: histogramSchema.exactOptional() });

/** Fan-chart bands of a per-period outcome: one entry per period. */
export const seriesSummarySchema = z.strictObject({
  ...named,
  mean: z.array(z.number()),
  p05: z.array(z.number()),
  p25: z.array(z.number()),
  p50: z.array(z.number()),
  p75: z.array(z.number()),
  p95: z.array(z.number()),
});

/** Results of one policy. */
export const policyResultSchema = z.strictObject({
  name: z.string(),
  description: z.string().exactOptional(),
  outcomes: z.array(outcomeSummarySchema),
  series: z.array(seriesSummarySchema),
  runs: z
    .record(z.string(), z.array(z.number()))
    .exactOptional()
    .describe("Per-run values of each outcome (index = run), when per-run values were kept."),
});

/** Paired difference (policy - baseline) of one outcome over the same runs. */
export const outcomeComparisonSchema = z.strictObject({
  ...named,
  count: z.number().int(),
  mean: z.number().describe("Mean of policy - baseline: negative when the policy lowers the loss."),
  sd: z.number(),
  se: z.number(),
  ci95Low: z.number().describe("Lower end of the 95% paired t interval of the mean difference."),
  ci95High: z.number().describe("Upper end of the 95% paired t interval of the mean difference."),
  probabilityLower: z.number().min(0).max(1).describe("Share of runs in which the policy's loss is lower than the baseline's."),
  probabilityHigher: z.number().min(0).max(1).describe("Share of runs in which the policy's loss is higher than the baseline's."),
});

/** A policy compared with the baseline policy, run by run. */
export const policyComparisonSchema = z.strictObject({
  policy: z.string(),
  baseline: z.string(),
  outcomes: z.array(outcomeComparisonSchema),
});

/** How a precision-targeted experiment went (`runExperiment` with `precision`). */
export const precisionReportSchema = z
  .strictObject({
    target: z.strictObject({
      outcomes: z.array(z.string()).describe("The outcomes whose intervals counted."),
      relative: z.number().positive().exactOptional().describe("Target half-width relative to |mean|."),
      absolute: z.number().positive().exactOptional().describe("Target half-width in the outcome's unit."),
      confidence: z.number().gt(0).lt(1).describe("Confidence level of the intervals."),
      statistics: z.enum(["both", "means", "differences"]).describe("Which intervals counted: policies' means, paired differences with the baseline, or both."),
      checkpoints: z.array(z.number().int().min(1)).describe("Run counts at which the intervals are checked, the last being maxRuns."),
    }),
    runs: z.number().int().min(1).describe("Runs taken: the checkpoint it stopped at."),
    stoppedBecause: z.enum(["reached", "maxRuns"]).describe("reached: every counted interval on target; maxRuns: the last checkpoint came first."),
    checkpoints: z
      .array(
        z.strictObject({
          runs: z.number().int().min(1),
          unmet: z.number().int().min(0).describe("Statistics whose half-width was above target."),
          worst: z
            .strictObject({
              statistic: z.enum(["mean", "difference"]).describe("mean: the policy's mean; difference: its mean paired difference with the baseline."),
              policy: z.string(),
              outcome: z.string(),
              mean: z.number(),
              halfWidth: z.number().min(0),
              target: z.number().min(0).describe("max(relative x |mean|, absolute)."),
            })
            .exactOptional()
            .describe("The statistic with the largest half-width relative to its target (absent when none counted)."),
        }),
      )
      .describe("Every check made, in order."),
  })
  .describe("Precision-targeted runs: the target, the runs taken, why it stopped, and each checkpoint.");

const experimentResultShape = {
  chokepointVersion: z.string().describe("The version of chokepoint that ran the experiment (for merged shards: that wrote and merged them)."),
  scenario: z.strictObject({
    name: z.string(),
    title: z.string().exactOptional(),
    horizon: z.number().int(),
    period: z.string(),
    currency: z.string(),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe(
        "SHA-256 of the scenario as parsed (defaults filled in), serialised as JSON with keys sorted and no spaces (RFC 8785), as 64 lower-case hex digits: the same for every result of the same scenario.",
      ),
  }),
  seed: z.string(),
  runs: z.number().int(),
  sampler: z.enum(["monte-carlo", "latin-hypercube", "sobol"]),
  design: z
    .strictObject({ uncertainties: z.array(z.string()) })
    .optional()
    .describe("Present when the runs' values of these uncertainties were given (a design), not drawn by the sampler."),
  summaries: z.enum(["exact", "streaming"]).describe("exact: quantiles from every run; streaming: sketch quantiles within the documented relative accuracy"),
  baselinePolicy: z.string(),
  outcomes: z
    .array(
      z.strictObject({
        name: z.string(),
        unit: z.string(),
        description: z.string(),
        thresholds: z.array(z.number()),
        series: z.boolean(),
      }),
    )
    .describe("Outcomes recorded, in order."),
  policies: z.array(policyResultSchema),
  comparisons: z.array(policyComparisonSchema).describe("Every other policy against the baseline policy."),
  parameters: z
    .record(z.string(), z.array(z.number()))
    .exactOptional()
    .describe("Sampled value of each uncertainty per run, when per-run values were kept."),
  diagnostics: z.strictObject({
    gdpLossCapped: z.number().int().describe("Runs x policies x countries in which a GDP loss was capped at GDP over the horizon."),
  }),
  precision: precisionReportSchema.exactOptional(),
};

/** What `runExperiment` returns. */
export const experimentResultSchema = z.strictObject(experimentResultShape);

/** Name and version of the result file format, the first two fields of a result file. */
export const RESULT_FORMAT = { format: "chokepoint-result", version: 1 } as const;

/** A result file, as `chokepoint run --json FILE` writes it: the format, its version, then the result. */
export const resultDocumentSchema = z
  .strictObject({
    format: z.literal(RESULT_FORMAT.format),
    version: z.literal(RESULT_FORMAT.version),
    ...experimentResultShape,
  })
  .describe("A chokepoint experiment result: summaries per policy and outcome, and paired comparisons with the baseline policy.");

/**
 * The JSON Schema (draft 2020-12) of result files, as `chokepoint run --json FILE` writes
 * them: `{ "format": "chokepoint-result", "version": 1, ...result }`, where `version` is
 * the version of the file format and `chokepointVersion` that of the library. Generated from the
 * zod schemas that check results in the tests.
 *
 * @returns a plain JSON object; the package also ships it as `chokepoint/result.schema.json`.
 * @example
 * ```ts
 * const schema = resultJsonSchema();
 * schema.required; // ["format", "version", "chokepointVersion", "scenario", "seed", "runs", ...]
 * ```
 */
export function resultJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(resultDocumentSchema, { io: "output" }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    title: "chokepoint result",
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== "$schema")),
  };
}
