import { InputError } from "../../errors.js";
import type { Histogram } from "../../experiment/result.js";
import { formatValue } from "../format-number.js";
import {
  bottomAxis,
  bottomAxisHeight,
  escapeXml,
  formatCount,
  leftAxis,
  leftAxisWidth,
  linearScale,
  niceTicks,
  num,
  PALETTE,
  sizeOf,
  svgDocument,
  textWidth,
  widenDomain,
  type ChartBaseOptions,
  type Frame,
} from "./svg.js";

/** What {@link histogramSvg} draws: an outcome's histogram and quantiles (an `OutcomeSummary` fits). */
export interface HistogramChartData {
  /** The outcome's name. */
  readonly name: string;
  /** The outcome's unit (`USD`, `share of baseline output`, ...): axis labels are written in it. */
  readonly unit: string;
  /** Run counts per bin; required (results written before histograms existed have none). */
  readonly histogram?: Histogram | undefined;
  /** Quantiles marked on the chart, when given. */
  readonly p05?: number;
  readonly p50?: number;
  readonly p95?: number;
}

/** Options of {@link histogramSvg}. */
export interface HistogramChartOptions extends ChartBaseOptions {
  /** The chart's title; default: `Distribution of <name>`. */
  readonly title?: string;
  /** Label of the horizontal axis; default: `<name> (<unit>)`. */
  readonly xLabel?: string;
  /** Horizontal range to draw, e.g. shared by the histograms of several policies; default: the bins' range. */
  readonly domain?: readonly [number, number];
  /** Top of the vertical axis in runs, e.g. shared by several histograms; default: the largest count. */
  readonly maxCount?: number;
  /** Bar colour; default blue. */
  readonly color?: string;
}

const MARKERS = [
  ["p05", "p05"],
  ["p50", "p50"],
  ["p95", "p95"],
] as const;

/**
 * An SVG histogram of an outcome's runs, with its 5th, 50th and 95th percentiles marked:
 * one bar (element of class `mark`) per non-empty bin, the value axis labelled in the
 * outcome's unit, the count of runs on the other axis. The `<svg>` has `role="img"`,
 * `aria-labelledby` its `<title>` and `aria-describedby` a `<desc>` that says in words
 * what the chart shows. No DOM needed; the same input gives the same bytes.
 *
 * @param data - an outcome summary with a histogram (`result.policies[i].outcomes[j]`), or
 *   any `{ name, unit, histogram: { edges, counts }, p05?, p50?, p95? }`.
 * @param options - title, axis label, a shared domain or count axis, size.
 * @returns the SVG document as a string.
 * @throws {InputError} if there is no histogram, or its edges and counts do not match.
 * @example
 * ```ts
 * const summary = result.policies[0].outcomes[0];
 * writeFileSync("gdp-loss.svg", histogramSvg(summary, { title: "GDP loss of Japan, US alone" }));
 * ```
 */
export function histogramSvg(data: HistogramChartData, options: HistogramChartOptions = {}): string {
  const histogram = checkedHistogram(data);
  const width = sizeOf(options.width, 640, "width");
  const height = sizeOf(options.height, 300, "height");
  const { edges, counts } = histogram;
  const bins = counts.length;
  const title = options.title ?? `Distribution of ${data.name}`;
  const total = counts.reduce((sum, c) => sum + c, 0);
  const maxCount = Math.max(options.maxCount ?? 0, ...counts, 1);
  const y = niceTicks(0, maxCount, 4);
  // the bins and the quantiles marked, which a caller may give from other data
  const marked = MARKERS.map(([key]) => data[key]).filter((v): v is number => v !== undefined && Number.isFinite(v));
  const low = Math.min(options.domain?.[0] ?? edges[0]!, edges[0]!, ...marked);
  const high = Math.max(options.domain?.[1] ?? edges[bins]!, edges[bins]!, ...marked);
  // bins one whole number wide, centred on whole numbers (rule timing): ticks on whole numbers, no padding
  const wholeBins = bins > 1 && Number.isInteger(edges[0]! + 0.5) && edges.every((edge, k) => k === 0 || edge - edges[k - 1]! === 1);
  const x = wholeBins ? wholeNumberTicks(low, high, width < 420 ? 5 : 8) : niceTicks(...widenDomain(low, high), width < 420 ? 4 : 6);
  const xLabel = options.xLabel ?? `${data.name} (${data.unit})`;
  const bottom = bottomAxisHeight(xLabel, width);
  const left = leftAxisWidth("runs", y.ticks.map(formatCount), height - 60 - bottom);
  const right = 16;
  const xScale = linearScale(x.domain, [left, width - right]);

  // Quantile labels above the plot, each in the first row where it overlaps no other label
  const labels = MARKERS.flatMap(([key, label]) => {
    const value = data[key];
    if (value === undefined || !Number.isFinite(value)) return [];
    const at = xScale(value);
    const text = `${label} ${formatValue(value, data.unit)}`;
    const half = textWidth(text, 11) / 2;
    const anchor = at + half > width - 4 ? "end" : at - half < 4 ? "start" : "middle";
    const from = anchor === "end" ? at - 2 * half : anchor === "start" ? at : at - half;
    return [{ key, value, at, text, anchor, from, to: from + 2 * half, row: 0 }];
  });
  labels.forEach((label, i) => {
    while (labels.slice(0, i).some((other) => other.row === label.row && other.from < label.to + 6 && label.from < other.to + 6)) label.row++;
  });
  const rows = Math.max(0, ...labels.map((label) => label.row + 1));
  const frame: Frame = { width, height, left, right, top: 30 + rows * 12 + 6, bottom };
  const yScale = linearScale(y.domain, [height - frame.bottom, frame.top]);
  const color = options.color ?? PALETTE[0];
  // a zero-width histogram (every run gave the same value): a bar of 1/60 of the axis
  const minimumHalfWidth = (x.domain[1] - x.domain[0]) / 120;

  const bars: string[] = [];
  for (let k = 0; k < bins; k++) {
    const count = counts[k]!;
    if (count === 0) continue;
    let from = edges[k]!;
    let to = edges[k + 1]!;
    if (to - from < 2 * minimumHalfWidth && bins === 1) [from, to] = [from - minimumHalfWidth, to + minimumHalfWidth];
    const barLeft = xScale(from);
    const barWidth = Math.max(xScale(to) - barLeft - (bins > 1 ? 0.5 : 0), 0.8);
    const top = yScale(count);
    bars.push(
      `<rect class="mark bar" x="${num(barLeft)}" y="${num(top)}" width="${num(barWidth)}" height="${num(yScale(0) - top)}" fill="${escapeXml(color)}" fill-opacity="0.85">` +
        `<title>${escapeXml(`${formatValue(edges[k]!, data.unit)} to ${formatValue(edges[k + 1]!, data.unit)}: ${formatCount(count)} runs`)}</title></rect>`,
    );
  }

  const markers = labels.map((label) => {
    const textY = 32 + label.row * 12;
    return (
      `<g class="marker" data-quantile="${label.key}"><line x1="${num(label.at)}" y1="${num(frame.top - 4)}" x2="${num(label.at)}" y2="${num(height - frame.bottom)}" stroke="#222" stroke-width="1.2"${label.key === "p50" ? "" : ` stroke-dasharray="4 3"`}/>` +
      `<text x="${num(label.at)}" y="${num(textY)}" text-anchor="${label.anchor}" fill="#222">${escapeXml(label.text)}</text></g>`
    );
  });

  const body =
    leftAxis(frame, y.ticks, yScale, formatCount, "runs") +
    `<g class="marks">${bars.join("")}</g>` +
    bottomAxis(frame, x.ticks, xScale, (v) => formatValue(v, data.unit), xLabel) +
    `<g class="markers">${markers.join("")}</g>`;
  const quantiles = MARKERS.filter(([key]) => data[key] !== undefined)
    .map(([key, label]) => `${label} ${formatValue(data[key]!, data.unit)}`)
    .join(", ");
  const description =
    `Histogram of ${data.name} over ${formatCount(total)} runs in ${bins} ${bins === 1 ? "bin" : "bins"}, ` +
    `from ${formatValue(edges[0]!, data.unit)} to ${formatValue(edges[bins]!, data.unit)}` +
    `${quantiles === "" ? "" : `; ${quantiles}`}; the most common bin is ${formatValue(edges[modeBin(counts)]!, data.unit)} to ${formatValue(edges[modeBin(counts) + 1]!, data.unit)}.`;
  return svgDocument({ kind: "histogram", width, height, title, description, marks: bars.length, body }, options.id);
}

/** Ticks on whole numbers inside [low, high], the domain left as it is. */
function wholeNumberTicks(low: number, high: number, count: number): { ticks: number[]; domain: [number, number] } {
  const { ticks } = niceTicks(low, high, count, true);
  return { ticks: ticks.filter((t) => t >= low && t <= high), domain: [low, high] };
}

function modeBin(counts: readonly number[]): number {
  let best = 0;
  counts.forEach((c, k) => {
    if (c > counts[best]!) best = k;
  });
  return best;
}

function checkedHistogram(data: HistogramChartData): Histogram {
  const histogram = data?.histogram;
  if (histogram === undefined) {
    throw new InputError("data.histogram", `${data?.name ?? "the outcome"} has no histogram (results written before histograms were recorded have none; run the experiment again)`);
  }
  const { edges, counts } = histogram;
  if (!Array.isArray(edges) || !Array.isArray(counts) || counts.length < 1 || edges.length !== counts.length + 1) {
    throw new InputError("data.histogram", "expected { edges, counts } with one more edge than counts, and at least one bin");
  }
  for (let k = 0; k < edges.length; k++) {
    if (!Number.isFinite(edges[k]) || (k > 0 && edges[k]! < edges[k - 1]!)) throw new InputError(`data.histogram.edges[${k}]`, "expected finite edges in ascending order");
  }
  for (let k = 0; k < counts.length; k++) {
    if (!(Number.isFinite(counts[k]) && counts[k]! >= 0)) throw new InputError(`data.histogram.counts[${k}]`, "expected a count >= 0");
  }
  return histogram;
}
