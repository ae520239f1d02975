// The predictive check of a fit, per observed series: the bands simulated from the prior
// and from the posterior, the posterior median, and the observations with their errors.
import { InputError } from "../../errors.js";
import { formatValue } from "../format-number.js";
import { periodAxisTitle, periodLabel, periodTick, parseStart, type Calendar } from "../_internals/periods.js";
import { timeTicks } from "./fan-chart-svg.js";
import { bottomAxis, bottomAxisHeight, flowLegend, leftAxis, leftAxisWidth, linearScale, niceTicks, num, PALETTE, RESTRICTED, sizeOf, svgDocument, type ChartBaseOptions, type Frame } from "./svg.js";

/** What {@link predictiveSvg} draws: a `PredictiveSeries` of a calibration result fits. */
export interface PredictiveChartData {
  readonly name: string;
  readonly unit: string;
  readonly prior: { readonly p05: readonly number[]; readonly p50: readonly number[]; readonly p95: readonly number[] };
  readonly posterior: { readonly p05: readonly number[]; readonly p50: readonly number[]; readonly p95: readonly number[] };
  /** Observations, each with its 90% predictive interval [low, high] (simulated value plus the observation's error) and whether it lies inside. */
  readonly points: readonly { readonly period: number; readonly value: number; readonly low: number; readonly high: number; readonly covered: boolean }[];
}

/** Options of {@link predictiveSvg}. */
export interface PredictiveChartOptions extends ChartBaseOptions {
  readonly title?: string;
  /** `month` (default), `quarter` or `year`. */
  readonly period?: string;
  /** The calendar month of the first period, `YYYY-MM`: periods are then named (`Oct 2024`). */
  readonly start?: string;
}

/**
 * An SVG chart of a posterior predictive check: per period, the 90% band of the series
 * simulated from the prior (grey) and from the posterior (blue) with its median; and each
 * observation as a dot on its 90% predictive interval (the simulated value plus the
 * observation's own error, so wider than the band), red when outside it.
 * With a text alternative that gives the coverage; the same input gives the same bytes.
 *
 * @param data - a series of `calibrate`'s predictive check (`result.predictive.series[i]`).
 * @param options - title, period word, start date, size, id.
 * @returns the SVG document as a string.
 * @throws {InputError} if the bands are empty or of different lengths, or a point lies outside them in time.
 * @example
 * ```ts
 * const fit = await calibrate(scenario, observations, { seed: 1 });
 * predictiveSvg(fit.predictive.series[0], { start: scenario.start });
 * ```
 */
export function predictiveSvg(data: PredictiveChartData, options: PredictiveChartOptions = {}): string {
  const periods = data?.posterior?.p50?.length ?? 0;
  if (periods < 1) throw new InputError("data.posterior.p50", "expected at least one period");
  for (const which of ["prior", "posterior"] as const) {
    for (const band of ["p05", "p50", "p95"] as const) {
      if (data[which][band].length !== periods) throw new InputError(`data.${which}.${band}`, `expected ${periods} values, one per period`);
    }
  }
  data.points.forEach((p, i) => {
    if (!(p.period >= 0 && p.period < periods)) throw new InputError(`data.points[${i}].period`, `expected a period from 0 to ${periods - 1}`);
  });
  const width = sizeOf(options.width, 560, "width");
  const height = sizeOf(options.height, 280, "height");
  if (options.start !== undefined) parseStart(options.start);
  const calendar: Calendar = { period: options.period ?? "month", horizon: periods, start: options.start };
  const title = options.title ?? `${data.name}: observed, and simulated before and after the fit`;
  const values = [
    ...data.prior.p05,
    ...data.prior.p95,
    ...data.posterior.p05,
    ...data.posterior.p95,
    ...data.points.flatMap((p) => [p.value, p.low, p.high]),
  ].filter(Number.isFinite);
  // a quantity that cannot be negative (every band and observation >= 0) keeps its axis at 0 and above; whiskers are cut there
  const nonNegative = [...data.prior.p05, ...data.posterior.p05, ...data.points.map((p) => p.value)].every((v) => v >= 0);
  // an interval of an observation with normal errors reaches below 0 where the quantity cannot: drawn from 0
  const y = niceTicks(nonNegative ? Math.max(0, Math.min(...values)) : Math.min(...values), Math.max(...values), 4);
  const clip = (v: number) => Math.min(y.domain[1], Math.max(y.domain[0], v));
  const xTitle = periodAxisTitle(calendar);
  const legend = flowLegend(
    [
      { label: "prior 90% band", swatch: `<rect x="0" y="-5" width="18" height="10" fill="#9e9e9e" fill-opacity="0.3"/>` },
      { label: "posterior 90% band, median", swatch: `<rect x="0" y="-5" width="18" height="10" fill="${PALETTE[0]}" fill-opacity="0.3"/><line x1="0" y1="0" x2="18" y2="0" stroke="${PALETTE[0]}" stroke-width="2"/>` },
      { label: "observed, on its 90% predictive interval", swatch: `<rect x="6" y="-7" width="6" height="14" fill="none" stroke="#111"/><circle cx="9" cy="0" r="3" fill="#111"/>` },
      { label: "outside it", swatch: `<circle cx="9" cy="0" r="3" fill="${RESTRICTED}"/>` },
    ],
    10,
    32,
    width - 20,
  );
  const top = 30 + legend.height;
  const bottom = bottomAxisHeight(xTitle, width);
  const left = leftAxisWidth(data.unit, y.ticks.map((t) => formatValue(t, data.unit)), height - top - bottom);
  const frame: Frame = { width, height, left, right: 16, top, bottom };
  const xScale = linearScale(periods === 1 ? [-0.5, 0.5] : [0, periods - 1], [frame.left, width - frame.right]);
  const yScale = linearScale(y.domain, [height - frame.bottom, frame.top]);
  const at = Array.from({ length: periods }, (_, t) => t);
  const area = (lower: readonly number[], upper: readonly number[]) =>
    `M${at.map((t) => `${num(xScale(t))},${num(yScale(upper[t]!))}`).join("L")}L${at
      .map((t) => `${num(xScale(t))},${num(yScale(lower[t]!))}`)
      .reverse()
      .join("L")}Z`;
  const median = `M${at.map((t) => `${num(xScale(t))},${num(yScale(data.posterior.p50[t]!))}`).join("L")}`;
  const f = (v: number) => formatValue(v, data.unit);
  const points = data.points
    .map((p) => {
      const x = num(xScale(p.period));
      const color = p.covered ? "#111" : RESTRICTED;
      const label = `${periodLabel(p.period, calendar)}: observed ${f(p.value)}; 90% predictive interval ${f(p.low)} to ${f(p.high)}${p.covered ? "" : " (outside)"}`;
      const top = yScale(clip(p.high));
      const bottom = yScale(clip(p.low));
      return (
        `<g class="mark observation"><title>${label}</title>` +
        `<rect x="${num(Number(x) - 3)}" y="${num(top)}" width="6" height="${num(Math.max(0.5, bottom - top))}" fill="#fff" fill-opacity="0.6" stroke="${color}" stroke-width="1"/>` +
        `<circle cx="${x}" cy="${num(yScale(p.value))}" r="3.2" fill="${color}"/></g>`
      );
    })
    .join("");
  const marks =
    `<path class="mark band prior" d="${area(data.prior.p05, data.prior.p95)}" fill="#9e9e9e" fill-opacity="0.22"><title>prior predictive: p05 to p95</title></path>` +
    `<path class="mark band posterior" d="${area(data.posterior.p05, data.posterior.p95)}" fill="${PALETTE[0]}" fill-opacity="0.3"><title>posterior predictive: p05 to p95</title></path>` +
    `<path class="mark line median" d="${median}" fill="none" stroke="${PALETTE[0]}" stroke-width="2"><title>posterior predictive median</title></path>` +
    points;
  const covered = data.points.filter((p) => p.covered).length;
  const description = `Predictive check of ${data.name}: ${covered} of ${data.points.length} observations lie inside their 90% predictive intervals under the posterior. ${data.points
    .map((p) => `${periodLabel(p.period, calendar)}: observed ${f(p.value)}, predictive interval ${f(p.low)} to ${f(p.high)}, posterior band of the model ${f(data.posterior.p05[p.period]!)} to ${f(data.posterior.p95[p.period]!)}, prior band ${f(data.prior.p05[p.period]!)} to ${f(data.prior.p95[p.period]!)}`)
    .join("; ")}.`;
  const body =
    leftAxis(frame, y.ticks, yScale, f, data.unit) +
    `<g class="marks">${marks}</g>` +
    bottomAxis(frame, timeTicks(periods, width < 420 ? 4 : 8), xScale, (t) => periodTick(t, calendar), xTitle) +
    legend.svg;
  return svgDocument({ kind: "predictive", width, height, title, description, marks: 3 + data.points.length, body }, options.id);
}
