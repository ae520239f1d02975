import { differenceText, formatValue } from "../format-number.js";
import { factColumns, policyRows, type PoliciesChartData } from "../_internals/policy-rows.js";
import { bottomAxis, bottomAxisHeight, escapeXml, fitText, linearScale, niceTicks, num, RESTRICTED, sizeOf, svgDocument, textColumns, textWidth, type ChartBaseOptions, type Frame, type TextColumn } from "./svg.js";

export type { PoliciesChartData };

/** What {@link outcomeSummarySvg} reads from a result: policies, outcomes, comparisons (and runs' values, when kept). */
export type OutcomeSummaryChartData = PoliciesChartData;

/** Options of {@link outcomeSummarySvg}. */
export interface OutcomeSummaryChartOptions extends ChartBaseOptions {
  /** The chart's title; default: the outcome's name. */
  readonly title?: string;
  /** Label of the horizontal axis; default: the unit. */
  readonly xLabel?: string;
  /** `range` (default): each policy's mean and p05-p95; `share`: a 0/1 outcome, the share of runs with 1 as a bar. */
  readonly kind?: "range" | "share";
  /** A cap in the outcome's unit (a good's price cap): marked, with the share of runs at it. */
  readonly cap?: number;
}

const ROW = 22;

/**
 * An SVG summary of one outcome under every policy, one row per policy (an element of
 * class `mark`): the range of 90% of the runs (p05 to p95) as a line, the mean as a dot, the
 * mean written out, and the paired difference to the baseline policy with its 95%
 * interval (run by run on the same draws). The difference's interval is Monte Carlo
 * precision, which narrows with more runs; the p05-p95 range is the spread of outcomes
 * over the uncertain parameters. When more than half of some policy's runs are exactly 0
 * a column gives the share of runs above 0; with a cap, the share of runs at it. For a
 * 0/1 outcome (`kind: "share"`), a bar to the share of runs with 1. With `role="img"`,
 * `aria-labelledby` its `<title>`, `aria-describedby` a `<desc>` that says every row in
 * words. The same input gives the same bytes.
 *
 * @param result - an experiment result (`runExperiment`).
 * @param outcome - the outcome's name.
 * @param options - title, axis label, kind, cap, size.
 * @returns the SVG document as a string.
 * @throws {InputError} for an unknown outcome.
 * @example
 * ```ts
 * writeFileSync("gdp-loss-jp.svg", outcomeSummarySvg(result, "gdpLoss:JP", { title: "GDP loss of Japan" }));
 * ```
 */
export function outcomeSummarySvg(result: OutcomeSummaryChartData, outcome: string, options: OutcomeSummaryChartOptions = {}): string {
  const { unit, rows } = policyRows(result, outcome, options.cap);
  const share = options.kind === "share";
  const f = (v: number) => formatValue(v, unit);
  const baseline = result.baselinePolicy;
  // the columns right of the strip: mean, difference, and where they apply runs above 0 and runs at the cap
  const columns: TextColumn[] = [
    { heading: share ? "share" : "mean", cells: rows.map((row) => f(row.summary.mean)) },
    ...(rows.some((row) => row.difference !== undefined) ? [{ heading: `vs ${baseline} (95% CI)`, cells: rows.map((row) => (row.difference === undefined ? "baseline" : differenceText(row.difference, unit))) }] : []),
    ...factColumns(rows, !share),
  ];
  const texts = textColumns(columns);
  const textsWidth = texts.width;
  const labelWidth = Math.min(150, Math.max(...rows.map((row) => textWidth(row.policy, 11))));
  const minimumStrip = 130;
  const width = Math.max(sizeOf(options.width, 560, "width"), Math.ceil(20 + labelWidth + 10 + minimumStrip + 12 + textsWidth));
  const xTitle = options.xLabel ?? (share ? "share of runs" : `${unit}: mean (dot) and 90% of runs (p05 to p95)`);
  const bottom = bottomAxisHeight(xTitle, width);
  const top = options.cap !== undefined && !share ? 62 : 48;
  const height = sizeOf(options.height, top + rows.length * ROW + bottom + 4, "height");
  const frame: Frame = { width, height, left: 10 + labelWidth + 10, right: textsWidth + 12, top, bottom };

  const values = share ? [0, 1] : rows.flatMap((row) => [row.summary.p05, row.summary.p95, row.summary.mean]);
  if (options.cap !== undefined && !share) values.push(options.cap);
  const x = niceTicks(Math.min(...values), Math.max(...values), width < 480 ? 3 : 4);
  const xScale = linearScale(x.domain, [frame.left, width - frame.right]);
  const columnsAt = width - frame.right + 12;

  const marks = rows.map((row, i) => {
    const y = top + ROW * (i + 0.5);
    const s = row.summary;
    const shape = share
      ? `<rect x="${num(xScale(0))}" y="${num(y - 6)}" width="${num(Math.max(0.8, xScale(s.mean) - xScale(0)))}" height="12" fill="${row.color}"/>`
      : `<line x1="${num(xScale(s.p05))}" y1="${num(y)}" x2="${num(Math.max(xScale(s.p95), xScale(s.p05) + 0.8))}" y2="${num(y)}" stroke="${row.color}" stroke-width="4" stroke-linecap="butt" stroke-opacity="0.55"/>` +
        `<line x1="${num(xScale(s.p50))}" y1="${num(y - 5)}" x2="${num(xScale(s.p50))}" y2="${num(y + 5)}" stroke="#222" stroke-width="1"/>` +
        `<circle cx="${num(xScale(s.mean))}" cy="${num(y)}" r="4" fill="${row.color}" stroke="#111" stroke-width="0.8"/>`;
    const words = share
      ? `${row.policy}: ${f(s.mean)} of runs`
      : `${row.policy}: mean ${f(s.mean)}, 90% of runs between ${f(s.p05)} and ${f(s.p95)}, median ${f(s.p50)}`;
    return (
      `<g class="mark row" data-policy="${escapeXml(row.policy)}"><title>${escapeXml(`${words}; ${columns.slice(1).map((c) => `${c.heading}: ${c.cells[i]}`).join("; ")}`)}</title>` +
      `<text x="${num(frame.left - 10)}" y="${num(y + 4)}" text-anchor="end" fill="#222">${escapeXml(fitText(row.policy, labelWidth, 11))}</text>` +
      shape +
      texts.cells(i, columnsAt, y + 4) +
      `</g>`
    );
  });
  const cap = options.cap !== undefined && !share ? capMarker(options.cap, xScale(options.cap), frame, f) : "";
  const body =
    `<g class="grid">${x.ticks.map((t) => `<line x1="${num(xScale(t))}" y1="${num(top - 4)}" x2="${num(xScale(t))}" y2="${num(height - bottom)}" stroke="#ececec"/>`).join("")}</g>` +
    cap +
    texts.headings(columnsAt, top - 8) +
    `<g class="marks">${marks.join("")}</g>` +
    bottomAxis(frame, x.ticks, xScale, f, xTitle);
  const description =
    `${share ? "Share of runs" : "Mean and 90% range (p05 to p95)"} of ${outcome} under each policy` +
    `${rows.some((row) => row.difference !== undefined) ? `, and the paired difference to ${baseline} with its 95% interval (Monte Carlo precision of the mean)` : ""}: ` +
    rows
      .map((row, i) => {
        const level = share ? `${f(row.summary.mean)} of runs` : `mean ${f(row.summary.mean)} (p05 ${f(row.summary.p05)}, p95 ${f(row.summary.p95)})`;
        const extra = columns.slice(1).map((c) => `${c.heading} ${c.cells[i]}`);
        return `${row.policy} ${[level, ...extra].join(", ")}`;
      })
      .join("; ") +
    ".";
  return svgDocument({ kind: "outcome-summary", width, height, title: options.title ?? outcome, description, marks: rows.length, body }, options.id);
}

/** A cap as a dashed vertical line across the rows, labelled above them (kept inside the plot). */
export function capMarker(cap: number, at: number, frame: Frame, f: (v: number) => string): string {
  const text = `cap ${f(cap)}`;
  const w = textWidth(text, 11);
  const x = Math.min(Math.max(at, frame.left + w / 2), frame.width - frame.right - w / 2);
  return (
    `<g class="cap"><line x1="${num(at)}" y1="${num(frame.top - 2)}" x2="${num(at)}" y2="${num(frame.height - frame.bottom)}" stroke="${RESTRICTED}" stroke-width="1.2" stroke-dasharray="3 3"/>` +
    `<text x="${num(x)}" y="${num(frame.top - 24)}" text-anchor="middle" fill="${RESTRICTED}">${escapeXml(text)}</text></g>`
  );
}
