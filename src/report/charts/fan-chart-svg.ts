import { InputError } from "../../errors.js";
import { formatValue } from "../format-number.js";
import { periodAxisTitle, periodLabel, periodTick, parseStart, type Calendar } from "../_internals/periods.js";
import { bottomAxis, bottomAxisHeight, escapeXml, flowLegend, leftAxis, leftAxisWidth, linearScale, niceTicks, num, PALETTE, sizeOf, svgDocument, type ChartBaseOptions, type Frame } from "./svg.js";

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
  /**
   * The calendar month the first period starts in, `YYYY-MM` (e.g. `2024-09`): periods are
   * then labelled `Sep 2024`, `Q3 2024` or `2024`; without it, `1` to `N` (the first to the
   * last period of the horizon).
   */
  readonly start?: string;
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
 * run along the horizontal axis, numbered from 1 (or named by the calendar with `start`),
 * values in the outcome's unit up the vertical one. With `role="img"`, `aria-labelledby` its `<title>`, `aria-describedby` a `<desc>`
 * that gives the median and the bands at the start, at the peak and at the end. The same
 * input gives the same bytes.
 *
 * @param data - a series summary (`result.policies[i].series[j]`), or any
 *   `{ name, unit, p05, p25, p50, p75, p95 }` of arrays of equal length (one value per period).
 * @param options - title, period word, start date, axis label, shared domain, size.
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
  if (options.start !== undefined) parseStart(options.start);
  const calendar: Calendar = { period: periodWord, horizon: periods, start: options.start };
  const values = BANDS.flatMap((band) => data[band]);
  const low = Math.min(options.domain?.[0] ?? Infinity, ...values);
  const high = Math.max(options.domain?.[1] ?? -Infinity, ...values);
  const y = niceTicks(low, high, 4);
  const yTitle = options.yLabel ?? data.unit;
  const xTitle = periodAxisTitle(calendar);
  const color = escapeXml(options.color ?? PALETTE[0]);
  const legend = flowLegend(
    [
      { swatch: `<line x1="0" y1="0" x2="18" y2="0" stroke="${color}" stroke-width="2"/>`, label: "median" },
      { swatch: `<rect x="0" y="-5" width="18" height="10" fill="${color}" fill-opacity="0.56"/>`, label: "p25–p75" },
      { swatch: `<rect x="0" y="-5" width="18" height="10" fill="${color}" fill-opacity="0.18"/>`, label: "p05–p95" },
    ],
    10,
    32,
    width - 20,
  );
  const top = 30 + legend.height;
  const bottom = bottomAxisHeight(xTitle, width);
  const left = leftAxisWidth(yTitle, y.ticks.map((t) => formatValue(t, data.unit)), height - top - bottom);
  const frame: Frame = { width, height, left, right: 16, top, bottom };
  // one period: drawn as a short band around it
  const xTicks = timeTicks(periods, width < 420 ? 4 : 8);
  const xDomain: [number, number] = periods === 1 ? [-0.5, 0.5] : [0, periods - 1];
  const xScale = linearScale(xDomain, [frame.left, width - frame.right]);
  const yScale = linearScale(y.domain, [height - frame.bottom, frame.top]);
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

  const body =
    leftAxis(frame, y.ticks, yScale, (v) => formatValue(v, data.unit), yTitle) +
    `<g class="marks">${marks}</g>` +
    bottomAxis(frame, xTicks, xScale, (t) => periodTick(t, calendar), xTitle) +
    legend.svg;
  return svgDocument({ kind: "fan-chart", width, height, title, description: describe(data, periods, calendar), marks: 3, body }, options.id);
}

/**
 * Ticks (periods from 0) at round numbers of the periods counted from 1, with the first
 * and the last period: 1, 6, 12, 18, 24.
 */
export function timeTicks(periods: number, count: number): number[] {
  if (periods === 1) return [0];
  const round = niceTicks(1, periods, count, true).ticks.filter((t) => t > 1 && t < periods);
  const step = round.length > 1 ? round[1]! - round[0]! : periods;
  // a round tick too close to the first or the last period gives way to it
  const kept = round.filter((t) => t - 1 >= step / 2 && periods - t >= step / 2);
  return [0, ...kept.map((t) => t - 1), periods - 1];
}

function describe(data: FanChartData, periods: number, calendar: Calendar): string {
  const f = (v: number) => formatValue(v, data.unit);
  const state = (t: number) => `median ${f(data.p50[t]!)} (p25–p75 ${f(data.p25[t]!)} to ${f(data.p75[t]!)}, p05–p95 ${f(data.p05[t]!)} to ${f(data.p95[t]!)})`;
  let peak = 0;
  data.p50.forEach((v, t) => {
    if (v > data.p50[peak]!) peak = t;
  });
  const last = periods - 1;
  const parts = [`Fan chart of ${data.name} over ${periods} ${calendar.period}${periods === 1 ? "" : "s"}.`, `In ${periodLabel(0, calendar)}: ${state(0)}.`];
  if (peak !== 0 && peak !== last) parts.push(`Highest median in ${periodLabel(peak, calendar)}: ${state(peak)}.`);
  if (last > 0) parts.push(`In ${periodLabel(last, calendar)}: ${state(last)}.`);
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
