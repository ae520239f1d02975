import { InputError } from "../../errors.js";
import type { ExperimentResult, SeriesSummary } from "../../experiment/result.js";
import { formatValue } from "../format-number.js";
import { parseStart, periodAxisTitle, periodLabel, periodTick, type Calendar } from "../_internals/periods.js";
import { listInWords } from "../text.js";
import { timeTicks } from "./fan-chart-svg.js";
import { bottomAxis, bottomAxisHeight, escapeXml, flowLegend, leftAxis, leftAxisWidth, linearScale, niceTicks, num, PALETTE, RESTRICTED, sizeOf, svgDocument, type ChartBaseOptions, type Frame } from "./svg.js";

/** What {@link policySeriesSvg} reads from a result: the policies' series and the scenario's period and horizon. */
export type PolicySeriesChartData = Pick<ExperimentResult, "policies" | "scenario">;

/** Options of {@link policySeriesSvg}. */
export interface PolicySeriesChartOptions extends ChartBaseOptions {
  /** The chart's title; default: `<outcome> over time, by policy`. */
  readonly title?: string;
  /** Label of the vertical axis; default: the unit. */
  readonly yLabel?: string;
  /** The calendar month the first period starts in, `YYYY-MM`: periods are then named (`Sep 2024`); else numbered 1 to N. */
  readonly start?: string;
  /** A cap in the outcome's unit (a good's price cap): drawn as a dashed line. */
  readonly cap?: number;
}

/** Policies whose series are the same, drawn once. */
interface Group {
  readonly policies: string[];
  readonly series: SeriesSummary;
  readonly color: string;
}

const same = (a: SeriesSummary, b: SeriesSummary) => (["p05", "p25", "p50", "p75", "p95"] as const).every((band) => a[band].length === b[band].length && a[band].every((v, t) => v === b[band][t]));

/**
 * An SVG of one outcome recorded per period, under every policy on one chart: each
 * policy's median per period as a line in its colour, over its p05-p95 band (light); the
 * policies whose bands are the same in every period are drawn once and named together in
 * the legend. Periods along the horizontal axis, named by the calendar with `start`
 * (`Sep 2024`), else numbered from 1. With `role="img"`, `aria-labelledby` its `<title>`,
 * `aria-describedby` a `<desc>` that gives each policy's median at the start, its peak and
 * the end. The same input gives the same bytes.
 *
 * @param result - an experiment result with the outcome recorded as a series (`series: true`).
 * @param outcome - the outcome's name.
 * @param options - title, axis label, start date, cap, size.
 * @returns the SVG document as a string.
 * @throws {InputError} if no policy has the outcome as a series, or `start` is not a date.
 * @example
 * ```ts
 * writeFileSync("gallium-price.svg", policySeriesSvg(result, "galliumPricePeak:outside", { start: "2024-09" }));
 * ```
 */
export function policySeriesSvg(result: PolicySeriesChartData, outcome: string, options: PolicySeriesChartOptions = {}): string {
  if (result === null || typeof result !== "object" || !Array.isArray(result.policies as unknown)) throw new InputError("result", "expected an experiment result (runExperiment)");
  if (options.start !== undefined) parseStart(options.start);
  const groups: Group[] = [];
  result.policies.forEach((policy, k) => {
    const series = policy.series.find((s) => s.name === outcome);
    if (series === undefined) return;
    const group = groups.find((g) => same(g.series, series));
    if (group === undefined) groups.push({ policies: [policy.name], series, color: PALETTE[k % PALETTE.length]! });
    else group.policies.push(policy.name);
  });
  if (groups.length === 0) throw new InputError("outcome", `no policy has "${outcome}" recorded per period (series: true)`);
  const { unit } = groups[0]!.series;
  const periods = groups[0]!.series.p50.length;
  const calendar: Calendar = { period: result.scenario?.period ?? "month", horizon: periods, start: options.start };
  const f = (v: number) => formatValue(v, unit);
  const width = sizeOf(options.width, 560, "width");

  const legend = flowLegend(
    [
      ...groups.map((g) => ({ swatch: `<rect x="0" y="-5" width="22" height="10" fill="${g.color}" fill-opacity="0.18"/><line x1="0" y1="0" x2="22" y2="0" stroke="${g.color}" stroke-width="2.5"/>`, label: listInWords(g.policies) })),
    ],
    10,
    36,
    width - 20,
  );
  const note = flowLegend([{ swatch: `<line x1="0" y1="0" x2="22" y2="0" stroke="#555" stroke-width="2.5"/>`, label: "median; band: 90% of runs (p05 to p95)" }], 10, 36 + legend.height, width - 20);
  const top = 36 + legend.height + note.height + (options.cap === undefined ? 6 : 22);
  const values = groups.flatMap((g) => [...g.series.p05, ...g.series.p95]);
  if (options.cap !== undefined) values.push(options.cap);
  const y = niceTicks(Math.min(...values), Math.max(...values), 4);
  const xTitle = periodAxisTitle(calendar);
  const yTitle = options.yLabel ?? unit;
  const bottom = bottomAxisHeight(xTitle, width);
  const height = sizeOf(options.height, top + 190 + bottom, "height");
  const left = leftAxisWidth(yTitle, y.ticks.map(f), height - top - bottom);
  const frame: Frame = { width, height, left, right: 16, top, bottom };
  const xScale = linearScale(periods === 1 ? [-0.5, 0.5] : [0, periods - 1], [frame.left, width - frame.right]);
  const yScale = linearScale(y.domain, [height - frame.bottom, frame.top]);
  const at = periods === 1 ? [-0.4, 0.4] : Array.from({ length: periods }, (_, t) => t);
  const point = (values: readonly number[], i: number) => `${num(xScale(at[i]!))},${num(yScale(values[periods === 1 ? 0 : i]!))}`;

  const bands = groups.map((g) => {
    const upper = at.map((_, i) => point(g.series.p95, i));
    const lower = at.map((_, i) => point(g.series.p05, i)).reverse();
    return `<path d="M${upper.join("L")}L${lower.join("L")}Z" fill="${g.color}" fill-opacity="0.13"/>`;
  });
  const lines = groups.map(
    (g) =>
      `<g class="mark series" data-policies="${escapeXml(g.policies.join(" "))}"><title>${escapeXml(`${listInWords(g.policies)}: ${describeSeries(g.series, calendar, f)}`)}</title>` +
      `<path d="M${at.map((_, i) => point(g.series.p50, i)).join("L")}" fill="none" stroke="${g.color}" stroke-width="2.5"/></g>`,
  );
  const body =
    legend.svg +
    note.svg +
    leftAxis(frame, y.ticks, yScale, f, yTitle) +
    `<g class="bands">${bands.join("")}</g>` +
    (options.cap === undefined ? "" : capLine(options.cap, yScale(options.cap), frame, f)) +
    `<g class="marks">${lines.join("")}</g>` +
    bottomAxis(frame, timeTicks(periods, width < 420 ? 4 : 8), xScale, (t) => periodTick(t, calendar), xTitle);
  const description =
    `${outcome} per ${calendar.period} under each policy, median and 90% of runs: ` + groups.map((g) => `${listInWords(g.policies)}: ${describeSeries(g.series, calendar, f)}`).join("; ") + ".";
  return svgDocument({ kind: "series", width, height, title: options.title ?? `${outcome} over time, by policy`, description, marks: groups.length, body }, options.id);
}

/** A horizontal cap line, labelled at its right end just above it. */
function capLine(cap: number, at: number, frame: Frame, f: (v: number) => string): string {
  return (
    `<g class="cap"><line x1="${num(frame.left)}" y1="${num(at)}" x2="${num(frame.width - frame.right)}" y2="${num(at)}" stroke="${RESTRICTED}" stroke-width="1.2" stroke-dasharray="3 3"/>` +
    `<text x="${num(frame.width - frame.right)}" y="${num(at - 4)}" text-anchor="end" fill="${RESTRICTED}">${escapeXml(`cap ${f(cap)}`)}</text></g>`
  );
}

function describeSeries(series: SeriesSummary, calendar: Calendar, f: (v: number) => string): string {
  const last = series.p50.length - 1;
  let peak = 0;
  series.p50.forEach((v, t) => {
    if (v > series.p50[peak]!) peak = t;
  });
  const state = (t: number) => `${f(series.p50[t]!)} in ${periodLabel(t, calendar)} (p05 ${f(series.p05[t]!)}, p95 ${f(series.p95[t]!)})`;
  const parts = [`median ${state(0)}`];
  if (peak !== 0 && peak !== last) parts.push(`highest ${state(peak)}`);
  if (last > 0) parts.push(state(last));
  return parts.join(", ");
}
