// Charts of exploratory analysis: sensitivity indices with their intervals, Morris's mu*
// against sigma, PRIM's coverage-density trade-off, and a lever sweep's means by grid value.
import { formatValue } from "../format-number.js";
import { bottomAxis, bottomAxisHeight, escapeXml, flowLegend, leftAxis, leftAxisWidth, linearScale, niceTicks, num, PALETTE, RESTRICTED, svgDocument, type Frame } from "./svg.js";
import { fitText, textWidth } from "./text-width.js";

/** An estimate with its 95% interval. */
export interface IntervalEstimate {
  readonly estimate: number;
  readonly ci95Low: number;
  readonly ci95High: number;
}

/** One parameter's Sobol' indices, as `sobolIndices` returns them. */
export interface IndicesRow {
  readonly name: string;
  readonly first: IntervalEstimate;
  readonly total: IntervalEstimate;
}

const plain = (v: number) => formatValue(v, "");

/**
 * Sobol' indices as dots with whiskers: per parameter (a row, largest total first as given),
 * the first-order index (blue circle) and the total index (orange square), each with its
 * 95% interval.
 */
export function indicesSvg(rows: readonly IndicesRow[], title: string, id?: string): string {
  const width = 560;
  const rowHeight = 26;
  const labels = rows.map((r) => fitText(r.name, 170, 11));
  const legend = flowLegend(
    [
      { label: "first-order (95% interval)", swatch: `<line x1="0" y1="0" x2="18" y2="0" stroke="${PALETTE[0]}"/><circle cx="9" cy="0" r="4" fill="${PALETTE[0]}"/>` },
      { label: "total (95% interval)", swatch: `<line x1="0" y1="0" x2="18" y2="0" stroke="${PALETTE[1]}"/><rect x="5" y="-4" width="8" height="8" fill="${PALETTE[1]}"/>` },
    ],
    10,
    32,
    width - 20,
  );
  const top = 36 + legend.height;
  const xTitle = "index (share of the outcome's variance)";
  const bottom = bottomAxisHeight(xTitle, width) + 8;
  const left = 16 + Math.max(40, ...labels.map((l) => textWidth(l, 11)));
  const height = top + rows.length * rowHeight + bottom;
  const frame: Frame = { width, height, left, right: 16, top, bottom };
  const values = rows.flatMap((r) => [r.first.ci95Low, r.first.ci95High, r.total.ci95Low, r.total.ci95High]).filter(Number.isFinite);
  const x = niceTicks(Math.min(0, ...values), Math.max(1, ...values), 5);
  const xScale = linearScale(x.domain, [left, width - frame.right]);
  const marks = rows.map((r, k) => {
    const y = top + k * rowHeight + rowHeight / 2;
    const whisker = (e: IntervalEstimate, dy: number, colour: string, which: string, shape: string) =>
      `<g class="mark ${which}"><title>${escapeXml(`${r.name}, ${which}: ${plain(e.estimate)} (95% interval ${plain(e.ci95Low)} to ${plain(e.ci95High)})`)}</title>` +
      `<line x1="${num(xScale(e.ci95Low))}" x2="${num(xScale(e.ci95High))}" y1="${num(y + dy)}" y2="${num(y + dy)}" stroke="${colour}" stroke-width="1.5"/>${shape}</g>`;
    const fx = xScale(r.first.estimate);
    const tx = xScale(r.total.estimate);
    return (
      `<text x="${num(left - 8)}" y="${num(y + 4)}" text-anchor="end" fill="#222">${escapeXml(labels[k]!)}</text>` +
      whisker(r.first, -4, PALETTE[0], "first-order", `<circle cx="${num(fx)}" cy="${num(y - 4)}" r="4" fill="${PALETTE[0]}"/>`) +
      whisker(r.total, 4, PALETTE[1], "total", `<rect x="${num(tx - 4)}" y="${num(y)}" width="8" height="8" fill="${PALETTE[1]}"/>`)
    );
  });
  const grid = x.ticks.map((t) => `<line class="grid" x1="${num(xScale(t))}" x2="${num(xScale(t))}" y1="${num(top)}" y2="${num(height - bottom)}" stroke="#e4e4e4"/>`).join("");
  const body = `${grid}<g class="marks">${marks.join("")}</g>${bottomAxis(frame, x.ticks, xScale, plain, xTitle)}${legend.svg}`;
  const description = `Sobol' indices of ${rows.length} parameters: ${rows.map((r) => `${r.name} first-order ${plain(r.first.estimate)} (${plain(r.first.ci95Low)} to ${plain(r.first.ci95High)}), total ${plain(r.total.estimate)} (${plain(r.total.ci95Low)} to ${plain(r.total.ci95High)})`).join("; ")}.`;
  return svgDocument({ kind: "sensitivity-indices", width, height, title, description, marks: 2 * rows.length, body }, id);
}

/** A point of a scatter chart. */
interface ScatterPoint {
  readonly x: number;
  readonly y: number;
  readonly label: string;
  /** Text of the point's tooltip. */
  readonly tip: string;
  readonly marked?: boolean;
}

/** A scatter chart of labelled points (labels drawn beside the points when `labelAll`, else only beside marked ones). */
function scatterSvg(
  points: readonly ScatterPoint[],
  options: { kind: string; title: string; description: string; xTitle: string; yTitle: string; xLabel: (v: number) => string; yLabel: (v: number) => string; labelAll: boolean; line: boolean; domain?: { x: [number, number]; y: [number, number] }; id?: string | undefined; legend?: string },
): string {
  const width = 480;
  const height = 320;
  const top = options.legend === undefined ? 34 : 50;
  const bottom = bottomAxisHeight(options.xTitle, width) + 8;
  const y = niceTicks(options.domain?.y[0] ?? Math.min(0, ...points.map((p) => p.y)), options.domain?.y[1] ?? Math.max(...points.map((p) => p.y), 1e-12), 5);
  const left = leftAxisWidth(options.yTitle, y.ticks.map(options.yLabel), height - top - bottom);
  const frame: Frame = { width, height, left, right: 20, top, bottom };
  const x = niceTicks(options.domain?.x[0] ?? Math.min(0, ...points.map((p) => p.x)), options.domain?.x[1] ?? Math.max(...points.map((p) => p.x), 1e-12), 5);
  const xScale = linearScale(x.domain, [left, width - frame.right]);
  const yScale = linearScale(y.domain, [height - bottom, top]);
  const path = options.line && points.length > 1 ? `<polyline fill="none" stroke="#9e9e9e" stroke-width="1" points="${points.map((p) => `${num(xScale(p.x))},${num(yScale(p.y))}`).join(" ")}"/>` : "";
  // labels that would fall on one already drawn are left out (the tooltip and the table name every point)
  const placed: { x0: number; x1: number; y0: number; y1: number }[] = [];
  const marks = points
    .map((p) => {
      const cx = xScale(p.x);
      const cy = yScale(p.y);
      const dot = p.marked
        ? `<circle class="mark chosen" cx="${num(cx)}" cy="${num(cy)}" r="6" fill="none" stroke="${RESTRICTED}" stroke-width="2"><title>${escapeXml(p.tip)}</title></circle>`
        : `<circle class="mark" cx="${num(cx)}" cy="${num(cy)}" r="3.5" fill="${PALETTE[0]}" fill-opacity="0.75"><title>${escapeXml(p.tip)}</title></circle>`;
      const labelText = options.labelAll || p.marked ? fitText(p.label, 140, 11) : "";
      const right = cx + 8 + textWidth(labelText, 11) <= width - 4;
      const at = right ? cx + 8 : cx - 8;
      const box = { x0: right ? at : at - textWidth(labelText, 11), x1: right ? at + textWidth(labelText, 11) : at, y0: cy - 16, y1: cy - 3 };
      const free = labelText !== "" && !placed.some((b) => b.x0 < box.x1 && box.x0 < b.x1 && b.y0 < box.y1 && box.y0 < b.y1);
      if (free) placed.push(box);
      const label = !free ? "" : `<text x="${num(at)}" y="${num(cy - 6)}" text-anchor="${right ? "start" : "end"}" fill="#222">${escapeXml(labelText)}</text>`;
      return dot + label;
    })
    .join("");
  const body = leftAxis(frame, y.ticks, yScale, options.yLabel, options.yTitle) + path + `<g class="marks">${marks}</g>` + bottomAxis(frame, x.ticks, xScale, options.xLabel, options.xTitle) + (options.legend ?? "");
  return svgDocument({ kind: options.kind, width, height, title: options.title, description: options.description, marks: points.length, body }, options.id);
}

/** One parameter's Morris measures, as `morrisScreening` returns them. */
export interface MorrisRow {
  readonly name: string;
  readonly mu: number;
  readonly muStar: number;
  readonly sigma: number;
}

/** Morris screening: mu* (importance) against sigma (interaction or non-linearity), one labelled point per parameter. */
export function morrisSvg(rows: readonly MorrisRow[], title: string, id?: string): string {
  return scatterSvg(
    rows.map((r) => ({ x: r.muStar, y: r.sigma, label: r.name, tip: `${r.name}: mu* ${plain(r.muStar)}, sigma ${plain(r.sigma)}, mu ${plain(r.mu)}` })),
    {
      kind: "morris",
      title,
      description: `Morris screening of ${rows.length} parameters (mu* against sigma): ${rows.map((r) => `${r.name} mu* ${plain(r.muStar)}, sigma ${plain(r.sigma)}`).join("; ")}.`,
      xTitle: "mu* (mean absolute elementary effect)",
      yTitle: "sigma (spread of the effects)",
      xLabel: plain,
      yLabel: plain,
      labelAll: true,
      line: false,
      id,
    },
  );
}

/** A box of PRIM's trajectory, as `prim` returns it. */
export interface TradeoffBox {
  readonly coverage: number;
  readonly density: number;
  readonly mass: number;
  readonly restricted: number;
}

const percent = (v: number) => formatValue(v, "share");

/** PRIM's trade-off: each box of the trajectory at its coverage (x) and density (y), the chosen box ringed. */
export function tradeoffSvg(trajectory: readonly TradeoffBox[], chosen: number, title: string, id?: string): string {
  const box = trajectory[chosen]!;
  const legend = flowLegend(
    [
      { label: "box of the trajectory", swatch: `<circle cx="9" cy="0" r="3.5" fill="${PALETTE[0]}" fill-opacity="0.75"/>` },
      { label: "chosen box", swatch: `<circle cx="9" cy="0" r="5" fill="none" stroke="${RESTRICTED}" stroke-width="2"/>` },
    ],
    10,
    32,
    460,
  );
  return scatterSvg(
    trajectory.map((b, i) => ({ x: b.coverage, y: b.density, label: `box ${i}`, marked: i === chosen, tip: `box ${i}: coverage ${percent(b.coverage)}, density ${percent(b.density)}, mass ${percent(b.mass)}, ${b.restricted} restricted` })),
    {
      kind: "prim-tradeoff",
      title,
      description: `PRIM's trajectory of ${trajectory.length} boxes, coverage against density; chosen box ${chosen}: coverage ${percent(box.coverage)}, density ${percent(box.density)}, mass ${percent(box.mass)}.`,
      xTitle: "coverage (share of the cases inside the box)",
      yTitle: "density (share of the box that are cases)",
      xLabel: percent,
      yLabel: percent,
      labelAll: false,
      line: true,
      domain: { x: [0, 1], y: [0, 1] },
      id,
      legend: legend.svg,
    },
  );
}

/** One grid point of a sweep for one outcome. */
export interface SweepChartPoint {
  readonly value: number;
  readonly mean: number;
  readonly ci95Low: number;
  readonly ci95High: number;
}

/** A lever sweep: the outcome's mean at each grid value, with its 95% interval as whiskers, joined by a line. */
export function sweepSvg(points: readonly SweepChartPoint[], options: { title: string; field: string; outcome: string; unit: string; id?: string }): string {
  const width = 480;
  const height = 300;
  const top = 34;
  const bottom = bottomAxisHeight(options.field, width) + 8;
  const money = (v: number) => formatValue(v, options.unit);
  const all = points.flatMap((p) => [p.ci95Low, p.ci95High, p.mean]);
  const y = niceTicks(Math.min(0, ...all), Math.max(0, ...all), 5);
  const yTitle = `${options.outcome}, mean and 95% interval`;
  const left = leftAxisWidth(yTitle, y.ticks.map(money), height - top - bottom);
  const frame: Frame = { width, height, left, right: 20, top, bottom };
  const values = points.map((p) => p.value);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const x = niceTicks(lo, hi > lo ? hi : lo + 1, 5);
  const xScale = linearScale(x.domain, [left + 6, width - frame.right - 6]);
  const yScale = linearScale(y.domain, [height - bottom, top]);
  const line = `<polyline fill="none" stroke="${PALETTE[0]}" stroke-width="1.5" points="${points.map((p) => `${num(xScale(p.value))},${num(yScale(p.mean))}`).join(" ")}"/>`;
  const marks = points
    .map(
      (p) =>
        `<g class="mark"><title>${escapeXml(`${options.field} ${plain(p.value)}: ${money(p.mean)} (95% interval ${money(p.ci95Low)} to ${money(p.ci95High)})`)}</title>` +
        `<line x1="${num(xScale(p.value))}" x2="${num(xScale(p.value))}" y1="${num(yScale(p.ci95Low))}" y2="${num(yScale(p.ci95High))}" stroke="${PALETTE[0]}" stroke-width="1.5"/>` +
        `<circle cx="${num(xScale(p.value))}" cy="${num(yScale(p.mean))}" r="3.5" fill="${PALETTE[0]}"/></g>`,
    )
    .join("");
  const body = leftAxis(frame, y.ticks, yScale, money, yTitle) + line + `<g class="marks">${marks}</g>` + bottomAxis(frame, x.ticks, xScale, plain, options.field);
  const description = `${options.outcome} by ${options.field}: ${points.map((p) => `${plain(p.value)}: ${money(p.mean)} (${money(p.ci95Low)} to ${money(p.ci95High)})`).join("; ")}.`;
  return svgDocument({ kind: "lever-sweep", width, height, title: options.title, description, marks: points.length, body }, options.id);
}
