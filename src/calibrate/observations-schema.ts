// The format of observation files: observed series tied to a scenario, for `calibrate`
// (docs/calibration.md, "Observation files"). Validated like scenarios, and published as
// a JSON Schema (observations.schema.json) for editors.
import { z } from "zod";
import { identifierSchema, provenance, sourceSchema } from "../schema/common.js";
import { focusUnions } from "../schema/json-schema.js";
import { schemaKit } from "../schema/kit.js";
import { freeText } from "../schema/limits.js";
import { price } from "../outcomes/price.js";
import { shortfall } from "../outcomes/shortfall.js";
import { stock } from "../outcomes/stock.js";
import { trade } from "../outcomes/trade.js";

/** Most series in a file, and points in a series. */
export const OBSERVATION_LIMITS = { series: 1_000, points: 10_000, free: 100 } as const;

const finite = schemaKit.finite;

/** A measurement's uncertainty: one standard deviation, relative to the value or absolute. */
export const observationErrorSchema = z
  .union([
    z.strictObject({ relative: z.number().positive("expected a share > 0").max(100, "expected a share of at most 100").describe("Standard deviation as a share of the observed value (0.1: 10%).") }),
    z.strictObject({ sd: z.number().positive("expected a standard deviation > 0").max(1e15, "expected a standard deviation of at most 1e15").describe("Standard deviation, in the measure's unit.") }),
  ])
  .describe("One standard deviation of the observation's error: `{ relative: 0.1 }` (10% of the value) or `{ sd: 50 }` (in the measure's unit).");

const omitted = { name: true, stat: true, series: true, thresholds: true, description: true, source: true, assumption: true } as const;

/** What a series measures: a per-period outcome of the scenario (price, trade, stock or shortfall). */
export const measureSchema = z
  .discriminatedUnion("kind", [
    price.schema(schemaKit).omit(omitted),
    trade.schema(schemaKit).omit(omitted),
    stock.schema(schemaKit).omit(omitted),
    shortfall.schema(schemaKit).omit(omitted),
  ])
  .describe(
    "The simulated quantity a series is set beside: an outcome of kind `price`, `trade`, `stock` or `shortfall`, as in the scenario's `outcomes` but without `name`, `stat` and `series`; its value in each period.",
  );

/** One observed value: its period or month, value or interval, error and source. */
export const observationPointSchema = z.strictObject({
  period: z.number().int("expected a whole number of periods").min(0, "expected a period >= 0").optional().describe("The scenario period observed, counted from 0. Give `period` or `date`."),
  date: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a calendar month, YYYY-MM (e.g. "2024-10")')
    .optional()
    .describe("The calendar month observed, YYYY-MM: the period it falls in (the scenario must have `start`). Give `period` or `date`."),
  value: finite()
    .refine((x) => Math.abs(x) <= 1e15, { message: "expected a value of at most 1e15 in size" })
    .optional()
    .describe("The observed value, in the measure's unit (at most 1e15 in size). With `interval`, defaults to its midpoint."),
  interval: z
    .tuple([finite().refine((x) => Math.abs(x) <= 1e15, { message: "expected at most 1e15 in size" }), finite().refine((x) => Math.abs(x) <= 1e15, { message: "expected at most 1e15 in size" })])
    .optional()
    .describe("A 90% interval [low, high] for the value: its standard deviation is (high - low) / 3.29."),
  error: observationErrorSchema.optional().describe("This point's error; without it, the series' `error`."),
  note: freeText().optional(),
  ...provenance,
});

/** One observed series: what it measures, its error, its points. */
export const observationSeriesSchema = z.strictObject({
  name: identifierSchema,
  description: freeText().optional(),
  measure: measureSchema,
  error: observationErrorSchema.optional().describe("The error of every point that gives no `interval` or `error` of its own."),
  weight: z
    .number()
    .positive("expected a weight > 0")
    .max(1e6, "expected a weight of at most 1,000,000")
    .min(1e-6, "expected a weight of at least 0.000001")
    .default(1)
    .describe("How much each point of the series counts in the distance, from 0.000001 to 1,000,000 (default 1)."),
  points: z.array(observationPointSchema).min(1, "expected at least one point").max(OBSERVATION_LIMITS.points),
  ...provenance,
});

/** An observation file: observed series tied to a scenario and the policy that happened. */
export const observationsSchema = z.strictObject({
  $schema: z.string().optional().describe("Path or URL of observations.schema.json, for editors."),
  name: identifierSchema,
  title: freeText().optional(),
  description: freeText().optional(),
  scenario: identifierSchema.describe("The name of the scenario these observations belong to."),
  policy: identifierSchema.optional().describe("The scenario's policy that is what happened; its baseline policy if omitted."),
  free: z
    .array(identifierSchema)
    .max(OBSERVATION_LIMITS.free)
    .optional()
    .describe("The scenario's uncertainties to fit (their distributions are the priors); `calibrate`'s `free` option overrides it."),
  series: z.array(observationSeriesSchema).min(1, "expected at least one series").max(OBSERVATION_LIMITS.series),
  source: z.union([sourceSchema, z.array(sourceSchema).min(1).max(100)]).optional(),
});

export type { Measure, MeasureInput, ObservationError, ObservationPoint, Observations, ObservationSeries, ObservationSeriesInput, ObservationsInput } from "./observations-types.js";

/**
 * The JSON Schema (draft 2020-12) of observation files, for editors: completion, and
 * problems shown where they are. Checks against the scenario (names, periods) are beyond
 * it: `parseObservations` with the scenario, or `chokepoint calibrate`, makes them.
 *
 * @returns a plain JSON object; the package also ships it as `chokepoint/observations.schema.json`.
 * @example
 * ```ts
 * observationsJsonSchema().required; // ["name", "scenario", "series"]
 * ```
 */
export function observationsJsonSchema(): Record<string, unknown> {
  const schema = focusUnions(z.toJSONSchema(observationsSchema, { io: "input", unrepresentable: "any" })) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    title: "chokepoint observations",
    description: "Observed series tied to a chokepoint scenario, for calibration (chokepoint calibrate).",
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== "$schema")),
  };
}
