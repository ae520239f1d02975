import { InputError } from "../../errors.js";
import type { HistogramChartData } from "./histogram-svg.js";
import { VEGA_LITE_SCHEMA, withUnit, type VegaLiteSpec } from "./vega-lite.js";

/** Options of {@link histogramVegaLite}. */
export interface HistogramVegaLiteOptions {
  /** Default: `Distribution of <name>`. */
  readonly title?: string;
  /** Width and height in pixels; default 480 x 240. */
  readonly width?: number;
  readonly height?: number;
}

/**
 * A Vega-Lite specification of an outcome's histogram, with p05, p50 and p95 as rules:
 * the same chart as {@link histogramSvg}, for notebooks and dashboards (Jupyter, Observable,
 * `vega-embed`). The data are inline: one row per bin `{ from, to, runs }`, and one per
 * quantile `{ quantile, value }`. Plain JSON; the same input gives the same spec.
 *
 * @param data - an outcome summary with a histogram, or `{ name, unit, histogram, p05?, p50?, p95? }`.
 * @param options - title and size.
 * @returns the specification, a plain object.
 * @throws {InputError} if there is no histogram.
 * @example
 * ```ts
 * const spec = histogramVegaLite(result.policies[0].outcomes[0]);
 * writeFileSync("histogram.vl.json", JSON.stringify(spec));
 * ```
 */
export function histogramVegaLite(data: HistogramChartData, options: HistogramVegaLiteOptions = {}): VegaLiteSpec {
  const histogram = data?.histogram;
  if (histogram === undefined || histogram.edges.length !== histogram.counts.length + 1) {
    throw new InputError("data.histogram", `${data?.name ?? "the outcome"} has no histogram { edges, counts } with one more edge than counts`);
  }
  const bins = histogram.counts.map((runs, k) => ({ from: histogram.edges[k]!, to: histogram.edges[k + 1]!, runs }));
  const quantiles = (["p05", "p50", "p95"] as const).flatMap((quantile) => (data[quantile] === undefined ? [] : [{ quantile, value: data[quantile]! }]));
  const axisTitle = withUnit(data.name, data.unit);
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: options.title ?? `Distribution of ${data.name}`,
    description: `Histogram of ${data.name} (${data.unit}) over runs, with p05, p50 and p95 marked.`,
    width: options.width ?? 480,
    height: options.height ?? 240,
    layer: [
      {
        data: { values: bins },
        mark: { type: "rect", tooltip: true },
        encoding: {
          x: { field: "from", type: "quantitative", title: axisTitle, scale: { zero: false } },
          x2: { field: "to" },
          y: { field: "runs", type: "quantitative", title: "runs" },
        },
      },
      {
        data: { values: quantiles },
        mark: { type: "rule", strokeDash: [4, 3], color: "#222" },
        encoding: { x: { field: "value", type: "quantitative", title: axisTitle }, tooltip: [{ field: "quantile" }, { field: "value", type: "quantitative" }] },
      },
      {
        data: { values: quantiles },
        mark: { type: "text", dy: -6, baseline: "bottom", color: "#222" },
        encoding: { x: { field: "value", type: "quantitative" }, y: { value: 0 }, text: { field: "quantile" } },
      },
    ],
  };
}
