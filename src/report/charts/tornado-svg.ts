import { InputError } from "../../errors.js";
import { formatValue } from "../format-number.js";
import { bottomAxis, bottomAxisHeight, escapeXml, fitText, linearScale, niceTicks, num, PALETTE, sizeOf, svgDocument, textWidth, type ChartBaseOptions, type Frame } from "./svg.js";

/** One bar of a tornado chart: a label and the outcome at the low and at the high setting. */
export interface TornadoBar {
  readonly label: string;
  /** The value at the low setting (of a parameter), or any first value. */
  readonly low: number;
  /** The value at the high setting, or any second value. */
  readonly high: number;
}

/**
 * The checked input of a tornado chart, SVG or Vega-Lite: the bars in drawing order (widest
 * first unless `sort` is false) and the base value.
 *
 * @throws {InputError} if there is no bar, a value is not finite, or the title or unit is missing.
 */
export function tornadoRows(
  bars: readonly TornadoBar[],
  options: { readonly title: string; readonly unit: string; readonly base?: number; readonly sort?: boolean },
): { rows: TornadoBar[]; base: number } {
  if (!Array.isArray(bars) || bars.length === 0) throw new InputError("bars", "expected at least one bar { label, low, high }");
  bars.forEach((bar, i) => {
    if (typeof bar?.label !== "string") throw new InputError(`bars[${i}].label`, "expected a text");
    for (const key of ["low", "high"] as const) {
      if (!Number.isFinite(bar[key])) throw new InputError(`bars[${i}].${key}`, `expected a finite number, got ${String(bar[key])}`);
    }
  });
  if (typeof options?.title !== "string" || typeof options.unit !== "string") throw new InputError("options", "expected { title, unit }");
  const base = options.base ?? 0;
  if (!Number.isFinite(base)) throw new InputError("options.base", `expected a finite number, got ${String(base)}`);
  const rows = options.sort === false ? [...bars] : [...bars].sort((a, b) => Math.abs(b.high - b.low) - Math.abs(a.high - a.low));
  return { rows, base };
}

/** Options of {@link tornadoSvg}. */
export interface TornadoChartOptions extends ChartBaseOptions {
  readonly title: string;
  /** Unit of the values, for the axis labels (`USD`, `share of baseline output`, ...). */
  readonly unit: string;
  /** Label of the horizontal axis; default: the unit. */
  readonly xLabel?: string;
  /** Where the bars start: the reference value (the mean outcome, or 0 for differences); default 0. */
  readonly base?: number;
  /** Legend of the low side; default `low`. */
  readonly lowLabel?: string;
  /** Legend of the high side; default `high`. */
  readonly highLabel?: string;
  /** Widest bar first (default), or the order given. */
  readonly sort?: boolean;
  /** Draw only the first this many bars (the widest, when sorted) and say how many are left out; default: all. */
  readonly maxBars?: number;
}

/**
 * An SVG tornado chart: one horizontal bar per entry (an element of class `mark`), each
 * spanning from the value at its low setting to the value at its high setting through
 * the base value, in two colours, widest first, so the inputs that move the outcome most
 * stand at the top. For the effect of each uncertain parameter on an outcome, of each
 * policy, or of anything with a low and a high value. With `role="img"`, `aria-labelledby`
 * its `<title>`, `aria-describedby` a `<desc>` that lists every bar. The same input gives
 * the same bytes.
 *
 * @param bars - `{ label, low, high }` per bar; at least one.
 * @param options - title and unit (required), base value, legend labels, order, size.
 * @returns the SVG document as a string.
 * @throws {InputError} if there is no bar or a value is not finite.
 * @example
 * ```ts
 * tornadoSvg(
 *   [{ label: "retaliation probability", low: 1.1e9, high: 3.9e9 }, { label: "stock cover", low: 2.6e9, high: 1.9e9 }],
 *   { title: "GDP loss of Japan: lowest vs highest fifth of each parameter", unit: "USD", base: 2.3e9 },
 * );
 * ```
 */
export function tornadoSvg(bars: readonly TornadoBar[], options: TornadoChartOptions): string {
  const { rows: all, base } = tornadoRows(bars, options);
  const maxBars = options.maxBars === undefined ? all.length : Math.max(1, Math.floor(options.maxBars));
  const rows = all.slice(0, maxBars);
  const width = sizeOf(options.width, 640, "width");
  const rowHeight = 26;
  const xTitle = options.xLabel ?? options.unit;
  const bottom = bottomAxisHeight(xTitle, width);
  const height = sizeOf(options.height, Math.max(140, 58 + bottom + rows.length * rowHeight), "height");
  const f = (v: number) => formatValue(v, options.unit);
  const labelWidth = Math.min(200, Math.max(...rows.map((row) => textWidth(row.label, 11))) + 12);
  const frame: Frame = { width, height, left: 10 + labelWidth, right: 20, top: 52, bottom };
  const x = niceTicks(Math.min(base, ...rows.flatMap((r) => [r.low, r.high])), Math.max(base, ...rows.flatMap((r) => [r.low, r.high])), width < 420 ? 4 : 6);
  const xScale = linearScale(x.domain, [frame.left, width - frame.right]);
  const step = (height - frame.top - frame.bottom) / rows.length;
  const lowColor = PALETTE[4];
  const highColor = PALETTE[1];
  const lowLabel = options.lowLabel ?? "low";
  const highLabel = options.highLabel ?? "high";
  const baseX = xScale(base);

  const marks = rows.map((row, i) => {
    const y = frame.top + step * i + step * 0.18;
    const barHeight = step * 0.64;
    const rect = (value: number, color: string, side: string) => {
      const from = Math.min(baseX, xScale(value));
      return `<rect class="${side}" x="${num(from)}" y="${num(y)}" width="${num(Math.max(Math.abs(xScale(value) - baseX), 0.8))}" height="${num(barHeight)}" fill="${color}"/>`;
    };
    return (
      `<g class="mark bar">` +
      `<title>${escapeXml(`${row.label}: ${lowLabel} ${f(row.low)}, ${highLabel} ${f(row.high)}`)}</title>` +
      `<text x="${num(frame.left - 8)}" y="${num(y + barHeight / 2 + 4)}" text-anchor="end" fill="#222">${escapeXml(fitText(row.label, labelWidth - 10, 11))}</text>` +
      rect(row.low, lowColor, "low") +
      rect(row.high, highColor, "high") +
      `</g>`
    );
  });
  const legend =
    `<g class="legend" transform="translate(${num(Math.max(10, Math.min(frame.left, width - 10 - 44 - textWidth(lowLabel, 11) - textWidth(highLabel, 11))))} 34)">` +
    `<rect x="0" y="-8" width="12" height="10" fill="${lowColor}"/><text x="16" y="1" fill="#333">${escapeXml(lowLabel)}</text>` +
    `<rect x="${num(28 + textWidth(lowLabel, 11))}" y="-8" width="12" height="10" fill="${highColor}"/><text x="${num(44 + textWidth(lowLabel, 11))}" y="1" fill="#333">${escapeXml(highLabel)}</text></g>`;
  const left = all.length - rows.length;
  const body =
    `<g class="grid">${x.ticks.map((t) => `<line x1="${num(xScale(t))}" y1="${num(frame.top)}" x2="${num(xScale(t))}" y2="${num(height - frame.bottom)}" stroke="#ececec"/>`).join("")}</g>` +
    `<g class="marks">${marks.join("")}</g>` +
    `<line class="base" x1="${num(baseX)}" y1="${num(frame.top - 4)}" x2="${num(baseX)}" y2="${num(height - frame.bottom)}" stroke="#222" stroke-width="1.2"/>` +
    bottomAxis(frame, x.ticks, xScale, f, xTitle) +
    legend;
  const description =
    `Tornado chart, widest bar first${options.base === undefined ? "" : `, around ${f(base)}`}: ` +
    rows.map((row) => `${row.label}: ${lowLabel} ${f(row.low)}, ${highLabel} ${f(row.high)}`).join("; ") +
    (left === 0 ? "." : `; ${left} narrower ${left === 1 ? "bar" : "bars"} not drawn.`);
  return svgDocument({ kind: "tornado", width, height, title: options.title, description, marks: rows.length, body }, options.id);
}
