import { formatValue } from "../format-number.js";
import { shareText } from "../_internals/outcome-facts.js";
import { factColumns, policyRows, type PoliciesChartData, type PolicyRow } from "../_internals/policy-rows.js";
import { capMarker } from "./outcome-summary-svg.js";
import { bottomAxis, bottomAxisHeight, escapeXml, fitText, flowLegend, linearScale, niceTicks, num, sizeOf, svgDocument, textColumns, textWidth, widenDomain, type ChartBaseOptions, type Frame, type TextColumn } from "./svg.js";

/** What {@link policyDistributionsSvg} reads from a result: policies (with their histograms, and runs' values when kept) and outcomes. */
export type PolicyDistributionsChartData = PoliciesChartData;

/** Options of {@link policyDistributionsSvg}. */
export interface PolicyDistributionsChartOptions extends ChartBaseOptions {
  /** The chart's title; default: `Distribution of <outcome> by policy`. */
  readonly title?: string;
  /** Label of the horizontal axis; default: the unit. */
  readonly xLabel?: string;
  /** A cap in the outcome's unit (a good's price cap): marked, with the share of runs at it per policy. */
  readonly cap?: number;
  /** How a value is written on the horizontal axis; default: in the outcome's unit. */
  readonly tickLabel?: (value: number) => string;
  /** Values to put ticks at on the horizontal axis (inside the values' range); default: round values. */
  readonly ticks?: readonly number[];
  /** The column written after each row, one cell per policy in the result's order; default: the mean. */
  readonly valueColumn?: { readonly heading: string; readonly cells: readonly string[] };
  /** Mark the mean with a dot (default), or not (when a mean means little, as for the period of a first event). */
  readonly mean?: boolean;
}

const ROW = 34;
/** Equal-width bins when the runs' values are re-binned on a common scale. */
const BINS = 40;

/** A row's shape: bins (from, to, count) on the value axis. */
interface Shape {
  readonly bins: readonly (readonly [number, number, number])[];
  /** The bins hold only the runs that are not 0 (the outcome is 0 in most runs). */
  readonly nonZero: boolean;
}

/**
 * Bins for every policy on the same scale when the runs' values are kept (one bin per
 * whole number for whole values spanning at most 61, else 40 equal bins); else each
 * policy's own histogram. When the outcome is 0 in most runs of a policy, its shape is
 * that of its runs other than 0.
 */
function shapes(rows: readonly PolicyRow[]): Shape[] {
  const allRuns = rows.every((row) => row.runs !== undefined && row.runs.length > 0);
  if (!allRuns) {
    return rows.map((row) => {
      const h = row.summary.histogram;
      return { bins: h === undefined ? [] : h.counts.map((count, k) => [h.edges[k]!, h.edges[k + 1]!, count] as const), nonZero: false };
    });
  }
  const shown = rows.map((row) => (row.facts.mostlyZero ? row.runs!.filter((v) => v !== 0) : row.runs!));
  const values = shown.flat();
  if (values.length === 0) return rows.map((row) => ({ bins: [], nonZero: row.facts.mostlyZero }));
  let low = Infinity;
  let high = -Infinity;
  for (const v of values) {
    if (v < low) low = v;
    if (v > high) high = v;
  }
  const whole = values.every((v) => Number.isInteger(v)) && high - low <= 60;
  const [from, to] = whole ? [low - 0.5, high + 0.5] : widenDomain(low, high);
  const count = whole ? high - low + 1 : BINS;
  const step = (to - from) / count;
  return rows.map((row, r) => {
    const counts = new Array<number>(count).fill(0);
    for (const v of shown[r]!) counts[Math.min(count - 1, Math.max(0, Math.floor((v - from) / step)))]!++;
    return { bins: counts.map((c, k) => [from + k * step, from + (k + 1) * step, c] as const), nonZero: row.facts.mostlyZero };
  });
}

/**
 * An SVG of one outcome's distribution under every policy on one value axis: a row per
 * policy (an element of class `mark`) with the shape of its runs (a histogram, each row
 * scaled to its tallest bin), the range of 90% of the runs (p05 to p95) under it, the
 * median as a tick and the mean as a dot, and the mean written at the end of the row. When
 * the outcome is exactly 0 in more than half of a policy's runs, the row shows the shape
 * of the runs other than 0 and a column gives the share of runs above 0 (P(>0)); with a
 * cap, a column gives the share of runs at it. Policies keep their colour on every chart.
 * With the runs' values (`keepRuns`) every policy is binned on the same scale; without,
 * each row shows its own histogram. With `role="img"`, `aria-labelledby` its `<title>`,
 * `aria-describedby` a `<desc>` that says every row in words. The same input gives the
 * same bytes.
 *
 * @param result - an experiment result (`runExperiment`).
 * @param outcome - the outcome's name.
 * @param options - title, axis label and tick labels, cap, size.
 * @returns the SVG document as a string.
 * @throws {InputError} for an unknown outcome.
 * @example
 * ```ts
 * writeFileSync("gdp-loss-jp.svg", policyDistributionsSvg(result, "gdpLoss:JP"));
 * ```
 */
export function policyDistributionsSvg(result: PolicyDistributionsChartData, outcome: string, options: PolicyDistributionsChartOptions = {}): string {
  const { unit, rows } = policyRows(result, outcome, options.cap);
  const f = (v: number) => formatValue(v, unit);
  const tick = options.tickLabel ?? f;
  const rowShapes = shapes(rows);
  const columns: TextColumn[] = [
    options.valueColumn === undefined ? { heading: "mean", cells: rows.map((row) => f(row.summary.mean)) } : { heading: options.valueColumn.heading, cells: rows.map((_, i) => options.valueColumn!.cells[i] ?? "") },
    ...factColumns(rows),
  ];
  const texts = textColumns(columns);
  const textsWidth = texts.width;
  const labelWidth = Math.min(150, Math.max(...rows.map((row) => textWidth(row.policy, 11))));
  const width = Math.max(sizeOf(options.width, 560, "width"), Math.ceil(20 + labelWidth + 10 + 150 + 12 + textsWidth));
  const xTitle = options.xLabel ?? unit;
  const bottom = bottomAxisHeight(xTitle, width);

  // legend under the title
  const legend = flowLegend(
    [
      { swatch: `<rect x="0" y="-5" width="22" height="10" fill="#777" fill-opacity="0.35" stroke="#777"/>`, label: "runs per bin (each row to its tallest bin)" },
      { swatch: `<line x1="0" y1="0" x2="22" y2="0" stroke="#333" stroke-width="2"/>`, label: "p05 to p95" },
      { swatch: `<line x1="11" y1="-5" x2="11" y2="5" stroke="#111" stroke-width="1.5"/>`, label: "median" },
      ...(options.mean === false ? [] : [{ swatch: `<circle cx="11" cy="0" r="3.5" fill="#fff" stroke="#111" stroke-width="1.5"/>`, label: "mean" }]),
      ...(rowShapes.some((s) => s.nonZero) ? [{ swatch: `<line x1="11" y1="-5" x2="11" y2="5" stroke="#111" stroke-width="3"/>`, label: "0 in most runs: shape of the others" }] : []),
    ],
    10,
    36,
    width - 20,
  );
  const top = 36 + legend.height + (options.cap !== undefined ? 26 : 14);
  const height = sizeOf(options.height, top + rows.length * ROW + bottom + 2, "height");
  const frame: Frame = { width, height, left: 10 + labelWidth + 10, right: textsWidth + 12, top, bottom };

  const values = rows.flatMap((row, r) => [row.summary.min, row.summary.max, ...rowShapes[r]!.bins.filter((b) => b[2] > 0).flatMap((b) => [b[0], b[1]])]);
  if (options.cap !== undefined) values.push(options.cap);
  const nice = niceTicks(Math.min(...values), Math.max(...values), width < 480 ? 4 : 6);
  const x = options.ticks === undefined ? nice : { ticks: options.ticks.filter((t) => t >= Math.min(...values) && t <= Math.max(...values)), domain: widenDomain(Math.min(...values), Math.max(...values)) };
  const xScale = linearScale(x.domain, [frame.left, width - frame.right]);
  const columnsAt = width - frame.right + 12;

  const marks = rows.map((row, i) => {
    const base = top + ROW * i + ROW - 9;
    const shape = rowShapes[i]!;
    const tallest = Math.max(1, ...shape.bins.map((b) => b[2]));
    const s = row.summary;
    // the histogram as one outline: up and down the bins, back along the base
    let path = "";
    for (const [from, to, count] of shape.bins) {
      if (count === 0) continue;
      const h = ((ROW - 13) * count) / tallest;
      const x0 = xScale(from);
      const x1 = Math.max(xScale(to), x0 + 1);
      path += `M${num(x0)},${num(base)}V${num(base - h)}H${num(x1)}V${num(base)}Z`;
    }
    const zeroSpike = shape.nonZero ? `<line x1="${num(xScale(0))}" y1="${num(base)}" x2="${num(xScale(0))}" y2="${num(base - ROW + 13)}" stroke="#111" stroke-width="3"><title>0 in ${shareText(row.facts.zero)} of runs</title></line>` : "";
    return (
      `<g class="mark ridge" data-policy="${escapeXml(row.policy)}"><title>${escapeXml(rowWords(row, f, columns, i))}</title>` +
      `<text x="${num(frame.left - 10)}" y="${num(base - 2)}" text-anchor="end" fill="#222">${escapeXml(fitText(row.policy, labelWidth, 11))}</text>` +
      (path === "" ? "" : `<path d="${path}" fill="${row.color}" fill-opacity="0.45" stroke="${row.color}" stroke-width="0.8"/>`) +
      zeroSpike +
      `<line x1="${num(xScale(s.p05))}" y1="${num(base + 4)}" x2="${num(Math.max(xScale(s.p95), xScale(s.p05) + 0.8))}" y2="${num(base + 4)}" stroke="#333" stroke-width="2"/>` +
      `<line x1="${num(xScale(s.p50))}" y1="${num(base)}" x2="${num(xScale(s.p50))}" y2="${num(base + 8)}" stroke="#111" stroke-width="1.5"/>` +
      (options.mean === false ? "" : `<circle cx="${num(xScale(s.mean))}" cy="${num(base + 4)}" r="3.5" fill="#fff" stroke="#111" stroke-width="1.5"/>`) +
      texts.cells(i, columnsAt, base - 2) +
      `</g>`
    );
  });
  const body =
    legend.svg +
    `<g class="grid">${x.ticks.map((t) => `<line x1="${num(xScale(t))}" y1="${num(top)}" x2="${num(xScale(t))}" y2="${num(height - bottom)}" stroke="#ececec"/>`).join("")}</g>` +
    (options.cap === undefined ? "" : capMarker(options.cap, xScale(options.cap), { ...frame, top: frame.top + 10 }, f)) +
    texts.headings(columnsAt, top - 4) +
    `<g class="marks">${marks.join("")}</g>` +
    bottomAxis(frame, x.ticks, xScale, tick, xTitle);
  const description =
    `Distribution of ${outcome} over the runs under each policy, on one axis: ` + rows.map((row, i) => rowWords(row, f, columns, i)).join("; ") + ".";
  return svgDocument({ kind: "distributions", width, height, title: options.title ?? `Distribution of ${outcome} by policy`, description, marks: rows.length, body }, options.id);
}

function rowWords(row: PolicyRow, f: (v: number) => string, columns: readonly TextColumn[], i: number): string {
  const s = row.summary;
  const extra = columns.slice(1).map((c) => `${c.heading} ${c.cells[i]}`);
  return `${row.policy}: mean ${f(s.mean)}, median ${f(s.p50)}, 90% of runs between ${f(s.p05)} and ${f(s.p95)}${extra.length === 0 ? "" : `, ${extra.join(", ")}`}`;
}
