import { comparisonRows, type ComparisonChartData } from "./comparison-svg.js";
import { VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./vega-lite.js";

/** Options of {@link comparisonVegaLite}. */
export interface ComparisonVegaLiteOptions {
  /** Default: `<outcome>: each policy minus <baseline>`. */
  readonly title?: string;
  /** Width in pixels; default 480. */
  readonly width?: number;
}

/**
 * A Vega-Lite specification of the paired comparison of one outcome with the baseline
 * policy: per policy, the mean difference as a point and its 95% interval as a rule,
 * and the baseline as a rule at zero, the same chart as {@link comparisonSvg}. Data
 * inline, one row per policy `{ policy, mean, ci95Low, ci95High, probabilityLower,
 * probabilityHigher }`. Plain JSON; the same input gives the same spec.
 *
 * @param result - an experiment result (its `baselinePolicy` and `comparisons`).
 * @param outcome - the outcome's name.
 * @param options - title and width.
 * @returns the specification, a plain object.
 * @throws {InputError} if no comparison has the outcome.
 * @example
 * ```ts
 * comparisonVegaLite(result, "gdpLoss:JP");
 * ```
 */
export function comparisonVegaLite(result: ComparisonChartData, outcome: string, options: ComparisonVegaLiteOptions = {}): VegaLiteSpec {
  const rows = comparisonRows(result, outcome);
  const unit = rows[0]!.difference.unit;
  const values = rows.map(({ policy, difference: d }) => ({
    policy,
    mean: d.mean,
    ci95Low: d.ci95Low,
    ci95High: d.ci95High,
    probabilityLower: d.probabilityLower,
    probabilityHigher: d.probabilityHigher,
  }));
  const xTitle = `difference to ${result.baselinePolicy} (${unit})`;
  const y = { field: "policy", type: "nominal", sort: null, title: "policy" };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: options.title ?? `${outcome}: each policy minus ${result.baselinePolicy}`,
    description: `Paired difference of ${outcome} between each policy and ${result.baselinePolicy} over the same runs: mean and 95% interval.`,
    width: options.width ?? 480,
    layer: [
      {
        data: { values },
        mark: { type: "rule", strokeWidth: 2 },
        encoding: { x: { field: "ci95Low", type: "quantitative", title: xTitle }, x2: { field: "ci95High" }, y },
      },
      {
        data: { values },
        mark: { type: "point", filled: true, size: 60 },
        encoding: {
          x: { field: "mean", type: "quantitative" },
          y,
          tooltip: [
            { field: "policy" },
            { field: "mean", type: "quantitative" },
            { field: "ci95Low", type: "quantitative" },
            { field: "ci95High", type: "quantitative" },
            { field: "probabilityLower", type: "quantitative", format: ".1%" },
            { field: "probabilityHigher", type: "quantitative", format: ".1%" },
          ],
        },
      },
      { data: { values: [{ zero: 0 }] }, mark: { type: "rule", color: "#222" }, encoding: { x: { field: "zero", type: "quantitative" } } },
    ],
  };
}
