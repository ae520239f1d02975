import { InputError } from "../errors.js";
import type { ExperimentResult } from "../experiment/result.js";
import type { Scenario } from "../schema/scenario.js";
import { formatCount } from "./charts/svg.js";
import { parseStart, periodLabel } from "./_internals/periods.js";
import { esc, reportContext, type ReportContext } from "./_internals/report-context.js";
import { allOutcomes, assumptions, comparisons, distributions, network, overTime, sensitivity, timing } from "./_internals/report-sections.js";
import { summarySection } from "./_internals/report-summary.js";
import { plural } from "./text.js";

/** Options of {@link renderHtmlReport}. */
export interface HtmlReportOptions {
  /** Outcomes shown with charts and comparisons, by name; default: the scenario's headline outcomes, else all. */
  readonly outcomes?: readonly string[];
  /** The page's title; default: the scenario's title. */
  readonly title?: string;
  /**
   * The calendar month the scenario's first period starts in, `YYYY-MM` (e.g. `2024-09`):
   * time axes and dates then read `Sep 2024`; without it, periods are numbered from 1
   * (`month 1` to `month 24`). Default: the scenario's `start`.
   */
  readonly start?: string;
}

export const STYLE = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #5b5b5b; --rule: #dedede; --accent: #0072B2; --warn: #C62828; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 0 0 .4rem; }
h2 { font-size: 1.3rem; margin: 2.4rem 0 .6rem; padding-top: .6rem; border-top: 2px solid var(--ink); }
h3 { font-size: 1.05rem; margin: 1.6rem 0 .3rem; }
h3 code { font-size: .95em; }
p { margin: .4rem 0 .8rem; max-width: 78ch; }
.lead { font-size: 1.02rem; color: #333; }
.muted, .note { color: var(--muted); }
.note { font-size: .88rem; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; background: #f4f4f4; padding: 0 .25em; border-radius: 3px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .8rem 0 1rem; font-size: .92rem; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
nav.contents { margin: 1rem 0; padding: .6rem 1rem; background: #f6f7f9; border-radius: 6px; font-size: .92rem; }
nav.contents ol { margin: .2rem 0; padding-left: 1.3rem; columns: 2 18rem; }
a { color: var(--accent); }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 14px 18px; margin: .6rem 0 1rem; }
.charts.wide, .charts.two { grid-template-columns: repeat(auto-fill, minmax(480px, 1fr)); }
.charts .outcome h3 { margin-top: .4rem; }
figure { margin: 0; break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; width: 100%; height: auto; max-width: 100%; }
figure.natural svg { width: auto; margin: .4rem 0 1rem; }
figure.single svg { max-width: 820px; }
header .meta { color: var(--muted); font-size: .92rem; margin: 0 0 .4rem; }
#summary h2 { margin-top: 1rem; }
ul.answer { list-style: none; padding: 0; margin: .4rem 0 1rem; display: grid; grid-template-columns: repeat(auto-fill, minmax(480px, 1fr)); gap: .35rem 1.6rem; }
ul.answer li { font-size: .93rem; line-height: 1.4; }
ul.answer .muted { font-size: .86rem; }
.swatch { display: inline-block; width: .8em; height: .8em; border-radius: 2px; margin-right: .35em; vertical-align: -.05em; }
ul.notes { font-size: .9rem; padding-left: 1.2rem; max-width: 110ch; }
ul.notes li { margin: .3rem 0; }
details { margin: .3rem 0; }
details > summary { cursor: pointer; padding: .2rem 0; }
figcaption { font-size: .85rem; color: var(--muted); margin-top: .2rem; }
.table-wrap { overflow-x: auto; margin: .5rem 0 1rem; }
table { border-collapse: collapse; font-size: .86rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
th, td { padding: .28rem .6rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { text-align: left; background: #f6f7f9; font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr.group th { background: #eceff3; }
.tag { display: inline-block; font-size: .78rem; font-weight: 600; color: var(--accent); border: 1px solid currentColor; border-radius: 3px; padding: 0 .3em; white-space: nowrap; }
table.payoff th, table.payoff td { white-space: nowrap; padding: .28rem .45rem; }
table.payoff .muted { font-size: .78rem; }
table.payoff tr.equilibrium td, table.payoff td.equilibrium, tr.changed td { background: #e3eef7; }
table.payoff td.path, table.payoff tr.path td:first-child { box-shadow: inset 3px 0 0 var(--accent); }
.better { color: #00704a; }
.worse { color: var(--warn); }
ul.sources { padding-left: 1.2rem; font-size: .9rem; }
.provenance td:first-child { white-space: nowrap; }
footer { margin-top: 3rem; padding-top: .8rem; border-top: 1px solid var(--rule); font-size: .85rem; color: var(--muted); }
@media (max-width: 720px) { main { padding: 16px; } .charts, .charts.wide, .charts.two, ul.answer { grid-template-columns: 1fr; } dl.facts { grid-template-columns: 1fr; } }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  nav.contents { display: none; }
  h2 { break-after: avoid; page-break-after: avoid; margin-top: 1.4rem; }
  h3 { break-after: avoid; page-break-after: avoid; }
  .charts, .charts.wide, .charts.two { grid-template-columns: repeat(2, 1fr); gap: 8px 12px; }
  ul.answer { grid-template-columns: 1fr 1fr; }
  details::details-content { content-visibility: visible; display: contents; }
  details > summary { list-style: none; font-weight: 600; }
  .table-wrap { overflow: visible; }
  table { font-size: 8.5pt; }
  tr, figure { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  ul.sources a[href]::after { content: " <" attr(href) ">"; font-size: .85em; color: var(--muted); word-break: break-all; }
}
`;

/**
 * The page runs no scripts and loads nothing: its Content-Security-Policy allows only the
 * inline styles (the <style> element and SVG style attributes) and data: images, so that
 * even text a scenario smuggled into the page could not run or fetch anything.
 */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

interface Section {
  readonly id: string;
  readonly title: string;
  readonly html: string;
}

/**
 * A self-contained HTML report of an experiment: one file with inline CSS and inline SVG
 * charts, no scripts, fonts or network access, readable at laptop width and printable.
 * It leads with the answer: for each headline outcome, each policy's mean and the range of
 * 90% of its runs, with its paired difference to the baseline (run by run on the same
 * draws), a sentence per policy on the first headline outcome, and what a reader needs to
 * read them (the intervals are Monte Carlo precision, not model uncertainty; a negative
 * loss is a gain; outcomes that are 0 in most runs; runs at a price cap). Then the
 * distribution of each headline outcome under every policy on one chart, the outcomes
 * recorded per period with every policy on one chart, the paired comparisons, the timing of
 * the first firing of rules (outcomes of kind `firstFiring`), the effect of each uncertain
 * parameter (when the result holds per-run values: `keepRuns`), who depends on restricted
 * supply (a goods by countries matrix, for the baseline and the most restrictive policy),
 * every outcome in a table, and every assumption and source the scenario carries (long
 * tables folded, and printed open). Every chart has a title, labelled axes with units and a
 * text alternative; no label is cut or overlaps another. The same result and scenario give
 * the same bytes.
 *
 * @param result - the experiment's result (`runExperiment`, or a result file).
 * @param scenario - the scenario it was run on, parsed (`parseScenario`).
 * @param options - the outcomes to feature, the page title, the start date of the first period.
 * @returns the HTML document as a string.
 * @throws {InputError} if the result is not of this scenario (another name), an outcome asked for is unknown, or `start` is not a date.
 * @example
 * ```ts
 * const result = await runExperiment(scenario, { runs: 5000, seed: 1, keepRuns: true });
 * writeFileSync("report.html", renderHtmlReport(result, scenario, { start: "2024-09" }));
 * ```
 */
export function renderHtmlReport(result: ExperimentResult, scenario: Scenario, options: HtmlReportOptions = {}): string {
  if (result?.scenario?.name !== scenario?.name) {
    throw new InputError("scenario", `the result is of scenario "${String(result?.scenario?.name)}", not "${String(scenario?.name)}"`);
  }
  const known = result.outcomes.map((o) => o.name);
  const wanted = options.outcomes ?? scenario.headlineOutcomes ?? known;
  wanted.forEach((name, i) => {
    if (!known.includes(name)) throw new InputError(`options.outcomes[${i}]`, `the result has no outcome "${name}" (outcomes: ${known.join(", ")})`);
  });
  const start = options.start ?? scenario.start;
  if (start !== undefined) parseStart(start, options.start === undefined ? "scenario.start" : "options.start");
  const context = reportContext(result, scenario, { period: scenario.period, horizon: scenario.horizon, start });
  const featured = wanted.filter((name) => context.presentationOf(name) !== "timing");
  const title = options.title ?? scenario.title ?? scenario.name;

  const summary: Section = { id: "summary", title: "In brief", html: summarySection(context, wanted) };
  const sections: Section[] = [
    { id: "about", title: "The scenario and the run", html: about(context, featured.length) },
    { id: "distributions", title: "Distributions of the headline outcomes", html: distributions(context, featured) },
    ...optional({ id: "over-time", title: "Over time", html: overTime(context) }),
    ...optional({ id: "comparison", title: `Policies compared with ${result.baselinePolicy}`, html: comparisons(context, featured) }),
    ...optional({ id: "timing", title: "Timing of the first response", html: timing(context) }),
    ...optional({ id: "sensitivity", title: "What drives the results", html: sensitivity(context, featured) }),
    { id: "network", title: "Who depends on restricted supply", html: network(context) },
    { id: "all-outcomes", title: "Every outcome", html: allOutcomes(context) },
    ...optional({ id: "assumptions", title: "Assumptions and sources", html: assumptions(context) }),
  ];
  const section = (s: Section) => `<section id="${s.id}">\n<h2>${esc(s.title)}</h2>\n${s.html}\n</section>\n`;
  const meta = `${formatCount(result.runs)} runs of ${plural(result.policies.length, "policy", "policies")} on the same draws, over ${plural(scenario.horizon, scenario.period)}${start === undefined ? "" : ` from ${esc(periodLabel(0, context.calendar))}`}; scenario <code>${esc(scenario.name)}</code>, seed <code>${esc(result.seed)}</code>.`;

  return (
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<title>${esc(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n<main>\n` +
    `<header>\n<h1>${esc(title)}</h1>\n<p class="meta">${meta}</p>\n</header>\n` +
    section(summary) +
    `<nav class="contents" aria-label="Contents"><strong>Contents</strong><ol>${[summary, ...sections].map((s) => `<li><a href="#${s.id}">${esc(s.title)}</a></li>`).join("")}</ol></nav>\n` +
    sections.map(section).join("") +
    `<footer>Made with chokepoint from scenario <code>${esc(scenario.name)}</code>, ${formatCount(result.runs)} runs, seed <code>${esc(result.seed)}</code>. ` +
    `The same scenario, runs and seed give the same report.</footer>\n</main>\n</body>\n</html>\n`
  );
}

function optional(section: Section): Section[] {
  return section.html === "" ? [] : [section];
}

/** What the scenario is, the run's settings, the policies. */
function about(context: ReportContext, featured: number): string {
  const { result, scenario } = context;
  const facts: [string, string][] = [
    ["scenario", `<code>${esc(scenario.name)}</code>`],
    ["horizon", `${plural(scenario.horizon, scenario.period)}${context.calendar.start === undefined ? ` (numbered 1 to ${scenario.horizon})` : ` (${esc(periodLabel(0, context.calendar))} to ${esc(periodLabel(scenario.horizon - 1, context.calendar))})`}`],
    ["runs", `${formatCount(result.runs)} (seed <code>${esc(result.seed)}</code>, ${esc(result.sampler)} sampling, ${result.summaries === "exact" ? "exact quantiles" : "streaming summaries: quantiles within 0.5%"})`],
    ["policies", result.policies.map((p) => `<code>${esc(p.name)}</code>${p.name === result.baselinePolicy ? " (baseline)" : ""}`).join(", ")],
    ["outcomes", `${result.outcomes.length} recorded; ${featured} featured`],
  ];
  const policyList = result.policies
    .map((p) => `<li><strong>${esc(p.name)}</strong>${p.name === result.baselinePolicy ? " (baseline)" : ""}${p.description === undefined ? "" : `: ${esc(p.description)}`}</li>`)
    .join("");
  return (
    (scenario.description === undefined ? "" : `<p class="lead">${esc(scenario.description)}</p>\n`) +
    `<dl class="facts">${facts.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join("")}</dl>\n` +
    `<ul>${policyList}</ul>\n` +
    `<p class="note">Losses are positive: larger is worse, and below 0 a gain against the baseline world without restrictions. Every policy is simulated on the same ${formatCount(result.runs)} draws of the uncertainties, so differences between policies are measured run by run. ` +
    `The model and its limits: docs/model.md of the chokepoint package.</p>\n`
  );
}
