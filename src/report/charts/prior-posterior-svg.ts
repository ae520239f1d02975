// A fitted parameter's prior beside its posterior: the share of each in equal bins.
import { InputError } from "../../errors.js";
import { formatValue } from "../format-number.js";
import { bottomAxis, bottomAxisHeight, flowLegend, leftAxis, leftAxisWidth, linearScale, niceTicks, num, PALETTE, sizeOf, svgDocument, type ChartBaseOptions, type Frame } from "./svg.js";

/** What {@link priorPosteriorSvg} draws: bins and each distribution's share in them. */
export interface PriorPosteriorChartData {
  readonly name: string;
  /** Bin edges, increasing: one more than the shares. */
  readonly edges: readonly number[];
  /** Share of the prior in each bin. */
  readonly prior: readonly number[];
  /** Share of the posterior (weighted draws) in each bin. */
  readonly posterior: readonly number[];
  /** The posterior's 90% interval, drawn under the bars. */
  readonly interval?: readonly [number, number];
}

/** Options of {@link priorPosteriorSvg}. */
export interface PriorPosteriorChartOptions extends ChartBaseOptions {
  /** The chart's title; default: the parameter's name. */
  readonly title?: string;
}

/**
 * An SVG chart of a fitted parameter: its prior (grey) and posterior (blue) as shares of
 * equal bins, with the posterior's 90% interval. The same input gives the same bytes.
 *
 * @param data - bin edges and the two distributions' shares per bin.
 * @param options - title, size, id.
 * @returns the SVG document as a string.
 * @throws {InputError} if the edges are not increasing or the shares do not match them.
 * @example
 * ```ts
 * priorPosteriorSvg({ name: "finalApproval", edges: [0, 0.5, 1], prior: [0.5, 0.5], posterior: [0.1, 0.9] });
 * ```
 */
export function priorPosteriorSvg(data: PriorPosteriorChartData, options: PriorPosteriorChartOptions = {}): string {
  const bins = data?.prior?.length ?? 0;
  if (bins < 1 || data.edges.length !== bins + 1 || data.posterior.length !== bins) {
    throw new InputError("data", "expected n + 1 increasing edges and n shares for the prior and the posterior");
  }
  for (let i = 0; i < bins; i++) if (!(data.edges[i + 1]! > data.edges[i]!)) throw new InputError(`data.edges[${i + 1}]`, "expected increasing edges");
  const width = sizeOf(options.width, 360, "width");
  const height = sizeOf(options.height, 220, "height");
  const title = options.title ?? data.name;
  const legend = flowLegend(
    [
      { label: "prior", swatch: `<rect x="0" y="-5" width="18" height="10" fill="#9e9e9e" fill-opacity="0.5"/>` },
      { label: "posterior", swatch: `<rect x="0" y="-5" width="18" height="10" fill="${PALETTE[0]}" fill-opacity="0.6"/>` },
      ...(data.interval === undefined ? [] : [{ label: "posterior 90%", swatch: `<line x1="0" y1="0" x2="18" y2="0" stroke="#111" stroke-width="2"/>` }]),
    ],
    10,
    32,
    width - 20,
  );
  const top = 30 + legend.height;
  const xTitle = data.name;
  const bottom = bottomAxisHeight(xTitle, width) + 8;
  const y = niceTicks(0, Math.max(...data.prior, ...data.posterior, 1e-9), 3);
  const percent = (v: number) => formatValue(v, "share");
  const left = leftAxisWidth("share of draws", y.ticks.map(percent), height - top - bottom);
  const frame: Frame = { width, height, left, right: 16, top, bottom };
  const x = niceTicks(data.edges[0]!, data.edges[bins]!, 4);
  const xScale = linearScale([data.edges[0]!, data.edges[bins]!], [frame.left, width - frame.right]);
  const yScale = linearScale(y.domain, [height - frame.bottom, frame.top]);
  const bars = (shares: readonly number[], fill: string, opacity: number, which: string) =>
    shares
      .map((share, i) => {
        const x0 = xScale(data.edges[i]!);
        const x1 = xScale(data.edges[i + 1]!);
        return `<rect class="mark ${which}" x="${num(x0)}" y="${num(yScale(share))}" width="${num(Math.max(0.5, x1 - x0 - 0.5))}" height="${num(yScale(0) - yScale(share))}" fill="${fill}" fill-opacity="${opacity}"><title>${which} ${formatValue(data.edges[i]!, "")} to ${formatValue(data.edges[i + 1]!, "")}: ${percent(share)}</title></rect>`;
      })
      .join("");
  const interval =
    data.interval === undefined
      ? ""
      : `<line class="interval" x1="${num(xScale(data.interval[0]))}" x2="${num(xScale(data.interval[1]))}" y1="${num(yScale(0) + 5)}" y2="${num(yScale(0) + 5)}" stroke="#111" stroke-width="2"/>`;
  const visible = x.ticks.filter((t) => t >= data.edges[0]! && t <= data.edges[bins]!);
  const body =
    leftAxis(frame, y.ticks, yScale, percent, "share of draws") +
    `<g class="marks">${bars(data.prior, "#9e9e9e", 0.5, "prior")}${bars(data.posterior, PALETTE[0], 0.6, "posterior")}${interval}</g>` +
    bottomAxis(frame, visible, xScale, (v) => formatValue(v, ""), xTitle) +
    legend.svg;
  const description = `Prior and posterior of ${data.name} over ${bins} bins from ${formatValue(data.edges[0]!, "")} to ${formatValue(data.edges[bins]!, "")}${
    data.interval === undefined ? "" : `; posterior 90% interval ${formatValue(data.interval[0], "")} to ${formatValue(data.interval[1], "")}`
  }.`;
  return svgDocument({ kind: "prior-posterior", width, height, title, description, marks: 2 * bins, body }, options.id);
}
