import { InputError } from "../../errors.js";
import type { FanChartData } from "./fan-chart-svg.js";
import { VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./vega-lite.js";

/** Options of {@link fanChartVegaLite}. */
export interface FanChartVegaLiteOptions {
  /** Default: `<name> over time`. */
  readonly title?: string;
  /** What a period is (`month`, `quarter`, `year`); default `month`. */
  readonly period?: string;
  /** Width and height in pixels; default 480 x 240. */
  readonly width?: number;
  readonly height?: number;
}

/**
 * A Vega-Lite specification of a fan chart: the median per period as a line with the
 * p25-p75 and p05-p95 bands as areas, the same chart as {@link fanChartSvg}. Data inline,
 * one row per period `{ period, p05, p25, p50, p75, p95 }`. Plain JSON; the same input
 * gives the same spec.
 *
 * @param data - a series summary (`result.policies[i].series[j]`) or `{ name, unit, p05, p25, p50, p75, p95 }`.
 * @param options - title, period word, size.
 * @returns the specification, a plain object.
 * @throws {InputError} if the bands are empty or of different lengths.
 * @example
 * ```ts
 * fanChartVegaLite(result.policies[0].series[0], { period: result.scenario.period });
 * ```
 */
export function fanChartVegaLite(data: FanChartData, options: FanChartVegaLiteOptions = {}): VegaLiteSpec {
  const periods = data?.p50?.length ?? 0;
  if (periods < 1 || (["p05", "p25", "p75", "p95"] as const).some((band) => data[band]?.length !== periods)) {
    throw new InputError("data", "expected p05, p25, p50, p75 and p95 with one value per period each");
  }
  const values = data.p50.map((_, t) => ({ period: t, p05: data.p05[t]!, p25: data.p25[t]!, p50: data.p50[t]!, p75: data.p75[t]!, p95: data.p95[t]! }));
  const period = options.period ?? "month";
  // `period` counts from 0 as results do; the axis numbers periods from 1, as readers do
  const x = { field: "periodNumber", type: "quantitative", title: `${period} of the horizon (1 to ${periods})`, axis: { tickMinStep: 1 } };
  const yTitle = `${data.name} (${data.unit})`;
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: options.title ?? `${data.name} over time`,
    description: `Fan chart of ${data.name} (${data.unit}) per ${period}: median line, p25-p75 and p05-p95 bands.`,
    width: options.width ?? 480,
    height: options.height ?? 240,
    data: { values },
    transform: [{ calculate: "datum.period + 1", as: "periodNumber" }],
    encoding: { x },
    layer: [
      { mark: { type: "area", opacity: 0.2 }, encoding: { y: { field: "p05", type: "quantitative", title: yTitle }, y2: { field: "p95" } } },
      { mark: { type: "area", opacity: 0.4 }, encoding: { y: { field: "p25", type: "quantitative" }, y2: { field: "p75" } } },
      { mark: { type: "line", strokeWidth: 2 }, encoding: { y: { field: "p50", type: "quantitative" } } },
    ],
  };
}
