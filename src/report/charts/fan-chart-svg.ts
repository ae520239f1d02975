import { InputError } from "../../errors.js";
import { formatValue } from "../format-number.js";
import { bottomAxis, escapeXml, leftAxis, linearScale, niceTicks, num, PALETTE, sizeOf, svgDocument, textWidth, type ChartBaseOptions, type Frame } from "./svg.js";

/** What {@link fanChartSvg} draws: quantile bands of an outcome per period (a `SeriesSummary` fits). */
export interface FanChartData {
  readonly name: string;
  /** The outcome's unit: the vertical axis is labelled in it. */
  readonly unit: string;
  readonly p05: readonly number[];
  readonly p25: readonly number[];
  readonly p50: readonly number[];
  readonly p75: readonly number[];
  readonly p95: readonly number[];
}

/** Options of {@link fanChartSvg}. */
export interface FanChartOptions extends ChartBaseOptions {
  /** The chart's title; default: `<name> over time`. */
  readonly title?: string;
  /** What a period is, for the horizontal axis: `month` (default), `quarter`, `year`. */
  readonly period?: string;
  /** Label of the vertical axis; default: the unit. */
  readonly yLabel?: string;
  /** Vertical range to draw, e.g. shared by the fan charts of several policies; default: the bands' range. */
  readonly domain?: readonly [number, number];
  /** Colour of the bands and the median line; default blue. */
  readonly color?: string;
}

const BANDS = ["p05", "p25", "p50", "p75", "p95"] as const;

/**
 * An SVG fan chart of a time-indexed outcome: the median per period as a line, with the
 * p25-p75 band and the p05-p95 band around it (three elements of class `mark`). Periods
 * run along the horizontal axis (0-based, as in the scenario), values in the outcome's
 * unit up the vertical one. With `role="img"`, `aria-labelledby` its `<title>`, `aria-describedby` a `<desc>`
 * that gives the median and the bands at the start, at the peak and at the end. The same
 * input gives the same bytes.
 *
 * @param data - a series summary (`result.policies[i].series[j]`), or any
 *   `{ name, unit, p05, p25, p50, p75, p95 }` of arrays of equal length (one value per period).
 * @param options - title, period word, axis label, shared domain, size.
 * @returns the SVG document as a string.
 * @throws {InputError} if the bands are empty, of different lengths or not finite.
 * @example
 * ```ts
 * const price = result.policies[0].series.find((s) => s.name === "galliumPricePeak:outside")!;
 * fanChartSvg(price, { period: result.scenario.period });
 * ```
 */
export function fanChartSvg(data: FanChartData, options: FanChartOptions = {}): string {
  const periods = checkedLength(data);
  const width = sizeOf(options.width, 640, "width");
  const height = sizeOf(options.height, 300, "height");
  const title = options.title ?? `${data.name} over time`;
  const periodWord = options.period ?? "month";
  const values = BANDS.flatMap((band) => data[band]);
  const low = Math.min(options.domain?.[0] ?? Infinity, ...values);
  const high = Math.max(options.domain?.[1] ?? -Infinity, ...values);
  const y = niceTicks(low, high, 4);
  const yLabels = y.ticks.map((t) => formatValue(t, data.unit));
  const left = 34 + Math.max(...yLabels.map((label) => textWidth(label, 11)));
  const frame: Frame = { width, height, left, right: 16, top: 46, bottom: 42 };
  // one period: drawn as a short band around it
  const x = periods === 1 ? { ticks: [0], domain: [-0.5, 0.5] as [number, number] } : niceTicks(0, periods - 1, width < 420 ? 4 : 8, true);
  const xTicks = x.ticks.filter((t) => t <= periods - 1);
  const xDomain: [number, number] = periods === 1 ? x.domain : [0, periods - 1];
  const xScale = linearScale(xDomain, [frame.left, width - frame.right]);
  const yScale = linearScale(y.domain, [height - frame.bottom, frame.top]);
  const color = escapeXml(options.color ?? PALETTE[0]);
  const at = periods === 1 ? [-0.4, 0.4] : Array.from({ length: periods }, (_, t) => t);
  const value = (band: (typeof BANDS)[number], i: number) => data[band][periods === 1 ? 0 : i]!;

  const area = (lower: (typeof BANDS)[number], upper: (typeof BANDS)[number]) => {
    const top = at.map((t, i) => `${num(xScale(t))},${num(yScale(value(upper, i)))}`);
    const bottom = at.map((t, i) => `${num(xScale(t))},${num(yScale(value(lower, i)))}`).reverse();
    return `M${top.join("L")}L${bottom.join("L")}Z`;
  };
  const median = `M${at.map((t, i) => `${num(xScale(t))},${num(yScale(value("p50", i)))}`).join("L")}`;
  const marks =
    `<path class="mark band band-90" d="${area("p05", "p95")}" fill="${color}" fill-opacity="0.18"><title>p05 to p95: 90% of runs</title></path>` +
    `<path class="mark band band-50" d="${area("p25", "p75")}" fill="${color}" fill-opacity="0.38"><title>p25 to p75: half of the runs</title></path>` +
    `<path class="mark line median" d="${median}" fill="none" stroke="${color}" stroke-width="2"><title>median (p50)</title></path>`;

  const legendX = frame.left + 4;
  const legend =
    `<g class="legend" transform="translate(${num(legendX)} 32)">` +
    `<line x1="0" y1="0" x2="18" y2="0" stroke="${color}" stroke-width="2"/><text x="22" y="4" fill="#333">median</text>` +
    `<rect x="74" y="-5" width="18" height="10" fill="${color}" fill-opacity="0.56"/><text x="96" y="4" fill="#333">p25–p75</text>` +
    `<rect x="156" y="-5" width="18" height="10" fill="${color}" fill-opacity="0.18"/><text x="178" y="4" fill="#333">p05–p95</text></g>`;

  const body =
    leftAxis(frame, y.ticks, yScale, (v) => formatValue(v, data.unit), options.yLabel ?? data.unit) +
    `<g class="marks">${marks}</g>` +
    bottomAxis(frame, xTicks, xScale, (v) => String(v), `${periodWord} (0-based)`) +
    legend;
  return svgDocument({ kind: "fan-chart", width, height, title, description: describe(data, periods, periodWord), marks: 3, body }, options.id);
}

function describe(data: FanChartData, periods: number, period: string): string {
  const f = (v: number) => formatValue(v, data.unit);
  const state = (t: number) => `median ${f(data.p50[t]!)} (p25–p75 ${f(data.p25[t]!)} to ${f(data.p75[t]!)}, p05–p95 ${f(data.p05[t]!)} to ${f(data.p95[t]!)})`;
  let peak = 0;
  data.p50.forEach((v, t) => {
    if (v > data.p50[peak]!) peak = t;
  });
  const last = periods - 1;
  const parts = [`Fan chart of ${data.name} over ${periods} ${period}${periods === 1 ? "" : "s"}.`, `At ${period} 0: ${state(0)}.`];
  if (peak !== 0 && peak !== last) parts.push(`Highest median at ${period} ${peak}: ${state(peak)}.`);
  if (last > 0) parts.push(`At ${period} ${last}: ${state(last)}.`);
  return parts.join(" ");
}

function checkedLength(data: FanChartData): number {
  const periods = Array.isArray(data?.p50) ? data.p50.length : 0;
  if (periods < 1) throw new InputError("data.p50", "expected at least one period");
  for (const band of BANDS) {
    const values = data[band];
    if (!Array.isArray(values) || values.length !== periods) throw new InputError(`data.${band}`, `expected ${periods} values, one per period, as in p50`);
    values.forEach((v, t) => {
      if (!Number.isFinite(v)) throw new InputError(`data.${band}[${t}]`, `expected a finite number, got ${String(v)}`);
    });
  }
  return periods;
}
