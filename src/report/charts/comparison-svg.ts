import { InputError } from "../../errors.js";
import type { ExperimentResult, OutcomeComparison } from "../../experiment/result.js";
import { differenceText, formatValue } from "../format-number.js";
import { percent, signed } from "../text.js";
import { bottomAxis, bottomAxisHeight, escapeXml, fitText, linearScale, niceTicks, num, PALETTE, RESTRICTED, sizeOf, svgDocument, textWidth, type ChartBaseOptions, type Frame } from "./svg.js";

/** What {@link comparisonSvg} reads from a result: the baseline policy and the paired comparisons. */
export type ComparisonChartData = Pick<ExperimentResult, "baselinePolicy" | "comparisons">;

/** Options of {@link comparisonSvg}. */
export interface ComparisonChartOptions extends ChartBaseOptions {
  /** The chart's title; default: `<outcome>: each policy minus <baseline>`. */
  readonly title?: string;
  /** Label of the horizontal axis; default: `difference to <baseline> (<unit>)`. */
  readonly xLabel?: string;
}

/** One row of the chart: a policy and its paired difference. */
interface Row {
  readonly policy: string;
  readonly difference: OutcomeComparison;
}

/**
 * An SVG chart of the paired difference of one outcome between each policy and the
 * baseline policy, run by run (common random numbers): one row per policy (an element of
 * class `mark`) with the mean difference as a dot and its 95% interval as a line, the
 * baseline as the zero line, and the share of runs in which the policy does better
 * (lower) written at the end of the row. Left of zero: the policy lowers the outcome
 * (a loss) compared with the baseline. With `role="img"`, `aria-labelledby` its `<title>`, `aria-describedby` a
 * `<desc>` that lists every row in words. The same input gives the same bytes.
 *
 * @param result - an experiment result (its `baselinePolicy` and `comparisons`).
 * @param outcome - the outcome's name.
 * @param options - title, axis label, size.
 * @returns the SVG document as a string.
 * @throws {InputError} if no comparison has the outcome (unknown name, or a single policy).
 * @example
 * ```ts
 * writeFileSync("policies.svg", comparisonSvg(result, "gdpLoss:JP"));
 * ```
 */
export function comparisonSvg(result: ComparisonChartData, outcome: string, options: ComparisonChartOptions = {}): string {
  const rows = comparisonRows(result, outcome);
  const unit = rows[0]!.difference.unit;
  const baseline = result.baselinePolicy;
  const width = sizeOf(options.width, 640, "width");
  const rowHeight = 30;
  const xTitle = options.xLabel ?? `difference to ${baseline} (${unit}); left: lower`;
  const bottom = bottomAxisHeight(xTitle, width);
  const height = sizeOf(options.height, Math.max(150, 66 + bottom + rows.length * rowHeight), "height");
  const title = options.title ?? `${outcome}: each policy minus ${baseline}`;
  const f = (v: number) => formatValue(v, unit);
  const labelWidth = Math.min(160, Math.max(...rows.map((row) => textWidth(row.policy, 11))) + 12);
  // the share of runs lower, right of the plot under its heading; the baseline's name above the zero line, a row below the heading
  const right = 14 + Math.max(textWidth("P(lower)", 11), ...rows.map((row) => textWidth(`${percent(row.difference.probabilityLower)} lower`, 11)));
  const frame: Frame = { width, height, left: 10 + labelWidth, right, top: 60, bottom };
  const x = niceTicks(Math.min(0, ...rows.map((r) => r.difference.ci95Low)), Math.max(0, ...rows.map((r) => r.difference.ci95High)), width < 420 ? 4 : 6);
  const xScale = linearScale(x.domain, [frame.left, width - frame.right]);
  const plotHeight = height - frame.top - frame.bottom;
  const step = plotHeight / rows.length;

  const zero = xScale(0);
  const marks = rows.map((row, i) => {
    const d = row.difference;
    const y = frame.top + step * (i + 0.5);
    const color = d.ci95High < 0 ? PALETTE[2] : d.ci95Low > 0 ? RESTRICTED : "#555";
    const lowX = xScale(d.ci95Low);
    const highX = xScale(d.ci95High);
    return (
      `<g class="mark row" data-policy="${escapeXml(row.policy)}">` +
      `<title>${escapeXml(`${row.policy} minus ${baseline}: mean ${differenceText(d, unit, " to ", "95% interval ")}; lower in ${percent(d.probabilityLower)} of runs, higher in ${percent(d.probabilityHigher)}`)}</title>` +
      `<text x="${num(frame.left - 8)}" y="${num(y + 4)}" text-anchor="end" fill="#222">${escapeXml(fitText(row.policy, labelWidth - 10, 11))}</text>` +
      `<line x1="${num(lowX)}" y1="${num(y)}" x2="${num(highX)}" y2="${num(y)}" stroke="${color}" stroke-width="2.5"/>` +
      `<line x1="${num(lowX)}" y1="${num(y - 5)}" x2="${num(lowX)}" y2="${num(y + 5)}" stroke="${color}" stroke-width="1.5"/>` +
      `<line x1="${num(highX)}" y1="${num(y - 5)}" x2="${num(highX)}" y2="${num(y + 5)}" stroke="${color}" stroke-width="1.5"/>` +
      `<circle cx="${num(xScale(d.mean))}" cy="${num(y)}" r="4.5" fill="${color}"/>` +
      `<text x="${num(width - frame.right + 8)}" y="${num(y + 4)}" fill="#333">${escapeXml(`${percent(d.probabilityLower)} lower`)}</text>` +
      `</g>`
    );
  });
  const body =
    `<g class="grid">${x.ticks.map((t) => `<line x1="${num(xScale(t))}" y1="${num(frame.top)}" x2="${num(xScale(t))}" y2="${num(height - frame.bottom)}" stroke="#ececec"/>`).join("")}</g>` +
    `<line class="baseline" x1="${num(zero)}" y1="${num(frame.top - 6)}" x2="${num(zero)}" y2="${num(height - frame.bottom)}" stroke="#222" stroke-width="1.2"/>` +
    baselineLabel(baseline, zero, frame) +
    `<text x="${num(width - frame.right + 8)}" y="${num(frame.top - 26)}" fill="#555">P(lower)</text>` +
    `<g class="marks">${marks.join("")}</g>` +
    bottomAxis(frame, x.ticks, xScale, (v) => signed(f, v), xTitle);
  const description =
    `Paired difference of ${outcome} between each policy and ${baseline} over the same runs, mean and 95% interval: ` +
    rows
      .map(({ policy, difference: d }) => `${policy} ${differenceText(d, unit, " to ", "95% interval ")}, lower in ${percent(d.probabilityLower)} of runs, higher in ${percent(d.probabilityHigher)}`)
      .join("; ") +
    ".";
  return svgDocument({ kind: "comparison", width, height, title, description, marks: rows.length, body }, options.id);
}

/** The name of the baseline above the zero line, kept inside the chart. */
function baselineLabel(baseline: string, zero: number, frame: Frame): string {
  const text = fitText(baseline, frame.width - 20, 11);
  const half = textWidth(text, 11) / 2;
  const x = Math.min(Math.max(zero, 4 + half), frame.width - 4 - half);
  return `<text x="${num(x)}" y="${num(frame.top - 10)}" text-anchor="middle" fill="#222">${escapeXml(text)}</text>`;
}

/** The rows of the chart, in the result's policy order. */
export function comparisonRows(result: ComparisonChartData, outcome: string): Row[] {
  if (result === null || typeof result !== "object" || !Array.isArray(result.comparisons as unknown)) {
    throw new InputError("result", "expected an experiment result with comparisons");
  }
  const rows = result.comparisons.flatMap((comparison) => {
    const difference = comparison.outcomes.find((o) => o.name === outcome);
    return difference === undefined ? [] : [{ policy: comparison.policy, difference }];
  });
  if (rows.length === 0) {
    throw new InputError(
      "outcome",
      result.comparisons.length === 0 ? "the result has a single policy: there is nothing to compare" : `no comparison has an outcome "${outcome}"`,
    );
  }
  return rows;
}
