// Building blocks of the SVG charts: escaping, coordinates written the same way every time,
// linear scales, "nice" axis ticks, axes and the chart's outer element with its text
// alternative. Pure functions of their arguments: the same input gives the same bytes.
import { InputError } from "../../errors.js";
import { fitText, textWidth, wrapText } from "./text-width.js";

export { fitText, textWidth, wrapText } from "./text-width.js";

/** Escape text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** A coordinate or length as written in the SVG: rounded to 0.01, never `-0`, never NaN. */
export function num(value: number): string {
  if (!Number.isFinite(value)) return "0";
  const rounded = Math.round(value * 100) / 100;
  return rounded === 0 ? "0" : String(rounded);
}

/** A whole number with thousands separators (`12,345`), the same in every runtime. */
export function formatCount(value: number): string {
  const sign = value < 0 ? "-" : "";
  return sign + String(Math.round(Math.abs(value))).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** A linear map from a domain to a range (pixels). A zero-width domain maps to the range's middle. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  if (!(d1 !== d0)) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / (d1 - d0);
  return (value) => r0 + (value - d0) * k;
}

/** A domain that is never empty: [v, v] becomes a small interval around v. */
export function widenDomain(low: number, high: number): [number, number] {
  if (high > low) return [low, high];
  if (low === 0) return [0, 1];
  const pad = Math.abs(low) * 0.1;
  return [low - pad, high + pad];
}

/**
 * About `count` round tick values (1, 2 or 5 times a power of ten apart) covering
 * [low, high] (whole numbers only, with `whole`), and the domain extended to the outer ticks.
 */
export function niceTicks(low: number, high: number, count = 5, whole = false): { ticks: number[]; domain: [number, number] } {
  const [a, b] = widenDomain(low, high);
  const raw = (b - a) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const step = Math.max((fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power, whole ? 1 : 0);
  const first = Math.floor(a / step + 1e-9);
  const last = Math.ceil(b / step - 1e-9);
  const ticks: number[] = [];
  for (let k = first; k <= last; k++) ticks.push(clean(k * step));
  return { ticks, domain: [ticks[0]!, ticks[ticks.length - 1]!] };
}

/** Remove floating-point noise from a tick value (0.30000000000000004 -> 0.3). */
function clean(value: number): number {
  const cleaned = Number(value.toPrecision(12));
  return cleaned === 0 ? 0 : cleaned;
}

/** Shorten a text to at most `max` characters, with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

/** Line height of 11 px text (tick labels, axis titles, legends). */
export const LINE = 13;

/** Lines of an axis title across `width` pixels: at most two. */
export function axisTitleLines(title: string, width: number): string[] {
  return wrapText(title, Math.max(40, width), 11, false, 2);
}

/** The bottom margin a horizontal axis needs: tick labels, then its title on one or two lines. */
export function bottomAxisHeight(title: string, width: number): number {
  return 29 + LINE * axisTitleLines(title, width - 12).length;
}

/** The left margin a vertical axis needs: its title (one or two lines, turned), then the widest tick label. */
export function leftAxisWidth(title: string, tickLabels: readonly string[], plotHeight: number): number {
  const lines = axisTitleLines(title, plotHeight - 4).length;
  return 10 + LINE * lines + 6 + Math.max(0, ...tickLabels.map((label) => textWidth(label, 11))) + 8;
}

/** The plot area inside a chart: margins around it. */
export interface Frame {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/**
 * Which tick labels to write so that none overlaps the next: all of them, else every
 * second, every third, ... (the ticks themselves are all drawn).
 */
function thinned(at: readonly number[], labels: readonly string[], frame: Frame): boolean[] {
  const boxes = at.map((x, k) => tickLabelPlace(x, textWidth(labels[k]!, 11), frame));
  for (let every = 1; every <= Math.max(1, at.length); every++) {
    const kept = at.map((_, k) => k % every === 0);
    const shown = boxes.filter((_, k) => kept[k]);
    if (shown.every((box, k) => k === 0 || box.from >= shown[k - 1]!.to + 6)) return kept;
  }
  return at.map((_, k) => k === 0);
}

/**
 * Where a tick label of the bottom axis goes: centred under its tick, unless that would
 * cut it at the chart's right edge (then it ends there) or run it under the left axis's
 * labels (then it starts just left of its tick, clear of them).
 */
function tickLabelPlace(x: number, width: number, frame: Frame): { anchor: "start" | "middle" | "end"; textX: number; from: number; to: number } {
  if (x + width / 2 > frame.width - 2) return { anchor: "end", textX: frame.width - 2, from: frame.width - 2 - width, to: frame.width - 2 };
  const leftmost = Math.max(2, Math.min(x, frame.left) - 4);
  if (x - width / 2 < leftmost) return { anchor: "start", textX: leftmost, from: leftmost, to: leftmost + width };
  return { anchor: "middle", textX: x, from: x - width / 2, to: x + width / 2 };
}

/**
 * Horizontal axis along the bottom of the plot area: line, ticks, tick labels (every
 * second or third when they would overlap, each kept inside the chart) and the axis title
 * on at most two lines (give the frame `bottomAxisHeight` of it).
 */
export function bottomAxis(frame: Frame, ticks: readonly number[], x: (value: number) => number, label: (value: number) => string, title: string): string {
  const y = frame.height - frame.bottom;
  const parts = [`<line class="axis" x1="${num(frame.left)}" y1="${num(y)}" x2="${num(frame.width - frame.right)}" y2="${num(y)}" stroke="#444"/>`];
  const at = ticks.map(x);
  const texts = ticks.map(label);
  const kept = thinned(at, texts, frame);
  ticks.forEach((_, k) => {
    parts.push(`<line class="tick" x1="${num(at[k]!)}" y1="${num(y)}" x2="${num(at[k]!)}" y2="${num(y + 4)}" stroke="#444"/>`);
    if (!kept[k]) return;
    const { anchor, textX } = tickLabelPlace(at[k]!, textWidth(texts[k]!, 11), frame);
    parts.push(`<text x="${num(textX)}" y="${num(y + 16)}" text-anchor="${anchor}" fill="#333">${escapeXml(texts[k]!)}</text>`);
  });
  const lines = axisTitleLines(title, frame.width - 12);
  const widest = Math.max(...lines.map((line) => textWidth(line, 11)));
  const centre = Math.min(Math.max((frame.left + frame.width - frame.right) / 2, 6 + widest / 2), frame.width - 6 - widest / 2);
  lines.forEach((line, k) => {
    parts.push(`<text class="axis-title" x="${num(centre)}" y="${num(frame.height - 6 - LINE * (lines.length - 1 - k))}" text-anchor="middle" fill="#222">${escapeXml(line)}</text>`);
  });
  return `<g class="x-axis">${parts.join("")}</g>`;
}

/** Vertical axis along the left of the plot area, with light grid lines across it; its title turned, on at most two lines (give the frame `leftAxisWidth` of it). */
export function leftAxis(frame: Frame, ticks: readonly number[], y: (value: number) => number, label: (value: number) => string, title: string): string {
  const x = frame.left;
  const parts = [`<line class="axis" x1="${num(x)}" y1="${num(frame.top)}" x2="${num(x)}" y2="${num(frame.height - frame.bottom)}" stroke="#444"/>`];
  for (const tick of ticks) {
    const at = y(tick);
    parts.push(
      `<line class="grid" x1="${num(x)}" y1="${num(at)}" x2="${num(frame.width - frame.right)}" y2="${num(at)}" stroke="#e4e4e4"/>`,
      `<line class="tick" x1="${num(x - 4)}" y1="${num(at)}" x2="${num(x)}" y2="${num(at)}" stroke="#444"/>`,
      `<text x="${num(x - 7)}" y="${num(at + 4)}" text-anchor="end" fill="#333">${escapeXml(label(tick))}</text>`,
    );
  }
  const middle = (frame.top + frame.height - frame.bottom) / 2;
  const lines = axisTitleLines(title, frame.height - frame.top - frame.bottom - 4);
  lines.forEach((line, k) => {
    parts.push(`<text class="axis-title" transform="translate(${num(14 + LINE * k)} ${num(middle)}) rotate(-90)" text-anchor="middle" fill="#222">${escapeXml(line)}</text>`);
  });
  return `<g class="y-axis">${parts.join("")}</g>`;
}

/** What every chart's outer element carries. */
export interface ChartDocument {
  /** `histogram`, `fan-chart`, ... (the `data-chart` attribute). */
  readonly kind: string;
  readonly width: number;
  readonly height: number;
  readonly title: string;
  /** The text alternative: what the chart shows, in words and numbers. */
  readonly description: string;
  /** Number of data marks drawn (elements of class `mark`), as the `data-marks` attribute. */
  readonly marks: number;
  readonly body: string;
}

/** FNV-1a hash of a text, as 8 hex digits: a deterministic id for a chart without one. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** Check an id option: letters, digits, `-` and `_`, starting with a letter. */
function checkedId(id: string | undefined): string | undefined {
  if (id === undefined) return undefined;
  if (typeof id !== "string" || !/^[A-Za-z][A-Za-z0-9_-]{0,99}$/.test(id)) {
    throw new InputError("options.id", `expected letters, digits, "-" and "_", starting with a letter (at most 100), got ${JSON.stringify(id)}`);
  }
  return id;
}

/**
 * The `<svg>` element of a chart: its size as a view box (it scales to its container),
 * `role="img"`, `aria-labelledby` its `<title>` and `aria-describedby` its `<desc>`
 * (ids from `idOption`, else derived from the content), a visible title, then the body.
 */
export function svgDocument(chart: ChartDocument, idOption?: string): string {
  const { width } = chart;
  const id = checkedId(idOption) ?? `chokepoint-${chart.kind}-${hash(`${chart.title}\u0000${chart.description}\u0000${chart.body}`)}`;
  // a long title wraps (never cut): the chart grows by a line per extra line, its body moves down
  const lines = wrapText(chart.title, width - 20, 13, true, 3);
  const shift = (lines.length - 1) * TITLE_LINE;
  const height = chart.height + shift;
  const title = lines.map((line, k) => `<tspan x="10" y="${18 + k * TITLE_LINE}">${escapeXml(line)}</tspan>`).join("");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${num(width)} ${num(height)}" width="${num(width)}" height="${num(height)}" ` +
    `role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc" id="${id}" class="chokepoint-chart" data-chart="${escapeXml(chart.kind)}" data-marks="${chart.marks}" ` +
    `font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif" font-size="11">` +
    `<title id="${id}-title">${escapeXml(chart.title)}</title><desc id="${id}-desc">${escapeXml(chart.description)}</desc>` +
    `<rect class="background" width="${num(width)}" height="${num(height)}" fill="#fff"/>` +
    `<text class="chart-title" font-size="13" font-weight="600" fill="#111" aria-hidden="true">${title}</text>` +
    (shift === 0 ? chart.body : `<g transform="translate(0 ${shift})">${chart.body}</g>`) +
    `</svg>`
  );
}

/** Line height of a chart's title. */
const TITLE_LINE = 16;

/** Options every chart takes: size and id. */
export interface ChartBaseOptions {
  /** Width in pixels of the view box (the SVG scales to its container); default depends on the chart. */
  readonly width?: number;
  /** Height in pixels of the view box. */
  readonly height?: number;
  /**
   * The `<svg>` element's id; its `<title>` and `<desc>` get `<id>-title` and `<id>-desc`
   * (for `aria-labelledby`). Give each chart on a page its own. Default: derived from the
   * chart's content (the same chart gets the same id).
   */
  readonly id?: string;
}

/** Check a size option: a finite number from 120 to 4000, else the default. */
export function sizeOf(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 120 || value > 4000) {
    throw new InputError(`options.${name}`, `expected a number of pixels from 120 to 4000, got ${String(value)}`);
  }
  return value;
}

/** Colours (Okabe & Ito's palette, safe for colour-blind readers), for policies and goods. */
export const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#8C6D1F", "#7A5195", "#4D4D4D", "#B8A000", "#2F7F5F"] as const;

/** The colour of restricted links and of warnings. */
export const RESTRICTED = "#C62828";

/** One entry of a legend: a swatch (SVG drawn in a 22 x 10 box around y = 0) and its label. */
export interface LegendEntry {
  readonly swatch: string;
  readonly label: string;
}

/**
 * A legend laid out left to right from (x, y), wrapping to a new row of 16 px before an
 * entry would pass `width`: the SVG and the height it takes.
 */
export function flowLegend(entries: readonly LegendEntry[], x: number, y: number, width: number): { svg: string; height: number } {
  let atX = 0;
  let row = 0;
  const parts = entries.map((entry) => {
    const label = fitText(entry.label, width - 28, 11);
    const size = 28 + textWidth(label, 11);
    if (atX > 0 && atX + size > width) {
      atX = 0;
      row++;
    }
    const part = `<g transform="translate(${num(x + atX)} ${num(y + row * 16)})">${entry.swatch}<text x="28" y="4" fill="#333">${escapeXml(label)}</text></g>`;
    atX += size + 14;
    return part;
  });
  return { svg: `<g class="legend">${parts.join("")}</g>`, height: entries.length === 0 ? 0 : (row + 1) * 16 };
}

/** A column of texts, right-aligned, with its heading. */
export interface TextColumn {
  readonly heading: string;
  readonly cells: readonly string[];
}

/**
 * Columns of texts right of a plot, 12 px apart, each as wide as its widest text: the width
 * they take (with 12 px before the first), and their headings and cells drawn from `x`.
 */
export function textColumns(columns: readonly TextColumn[]): { width: number; headings(x: number, y: number): string; cells(row: number, x: number, y: number): string } {
  const widths = columns.map((c) => Math.max(textWidth(c.heading, 11), ...c.cells.map((cell) => textWidth(cell, 11))));
  const rightEdges = (x: number) => widths.map((_, c) => x + widths.slice(0, c + 1).reduce((sum, w) => sum + w, 0) + 12 * c);
  const texts = (x: number, y: number, pick: (column: TextColumn) => string, fill: string) =>
    rightEdges(x)
      .map((edge, c) => `<text x="${num(edge)}" y="${num(y)}" text-anchor="end" fill="${fill}">${escapeXml(pick(columns[c]!))}</text>`)
      .join("");
  return {
    width: widths.reduce((sum, w) => sum + w + 12, 0),
    headings: (x, y) => `<g class="headings">${texts(x, y, (column) => column.heading, "#555")}</g>`,
    cells: (row, x, y) => texts(x, y, (column) => column.cells[row] ?? "", "#222"),
  };
}
