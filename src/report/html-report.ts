import { outcomeDefinitions } from "../compile/compile.js";
import { outcomeKind } from "../outcomes/index.js";
import { InputError } from "../errors.js";
import type { ExperimentResult, OutcomeSummary, PolicyResult } from "../experiment/result.js";
import type { OutcomeDefinition } from "../schema/outcomes.js";
import type { Scenario } from "../schema/scenario.js";
import { comparisonSvg } from "./charts/comparison-svg.js";
import { fanChartSvg } from "./charts/fan-chart-svg.js";
import { histogramSvg } from "./charts/histogram-svg.js";
import { networkSvg } from "./charts/network-svg.js";
import { tornadoSvg } from "./charts/tornado-svg.js";
import { escapeXml as esc, formatCount, PALETTE } from "./charts/svg.js";
import { formatValue } from "./format-number.js";
import { distinctSources, provenanceGroups, type SourceReference } from "./_internals/provenance.js";
import { flowRestrictions } from "./restrictions.js";
import { sensitivityBars } from "./_internals/sensitivity.js";
import { listInWords, percent, plural, signed } from "./text.js";

/** Options of {@link renderHtmlReport}. */
export interface HtmlReportOptions {
  /** Outcomes shown with histograms and comparisons, by name; default: the scenario's headline outcomes, else all. */
  readonly outcomes?: readonly string[];
  /** The page's title; default: the scenario's title. */
  readonly title?: string;
}

const STYLE = `
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
.charts.wide { grid-template-columns: repeat(auto-fill, minmax(480px, 1fr)); }
figure { margin: 0; break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; width: 100%; height: auto; max-width: 100%; }
figure.single svg { max-width: 820px; }
figcaption { font-size: .85rem; color: var(--muted); margin-top: .2rem; }
.table-wrap { overflow-x: auto; margin: .5rem 0 1rem; }
table { border-collapse: collapse; font-size: .86rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
th, td { padding: .28rem .6rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { text-align: left; background: #f6f7f9; font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr.group th { background: #eceff3; }
.better { color: #00704a; }
.worse { color: var(--warn); }
ul.sources { padding-left: 1.2rem; font-size: .9rem; }
.provenance td:first-child { white-space: nowrap; }
footer { margin-top: 3rem; padding-top: .8rem; border-top: 1px solid var(--rule); font-size: .85rem; color: var(--muted); }
@media (max-width: 720px) { main { padding: 16px; } .charts, .charts.wide { grid-template-columns: 1fr; } dl.facts { grid-template-columns: 1fr; } }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  nav.contents { display: none; }
  h2 { break-after: avoid; page-break-after: avoid; margin-top: 1.4rem; }
  h3 { break-after: avoid; page-break-after: avoid; }
  .charts, .charts.wide { grid-template-columns: repeat(2, 1fr); gap: 8px 12px; }
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
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

interface Section {
  readonly id: string;
  readonly title: string;
  readonly html: string;
}

/**
 * A self-contained HTML report of an experiment: one file with inline CSS and inline SVG
 * charts, no scripts, fonts or network access, readable at laptop width and printable.
 * It shows the distribution of each headline outcome per policy (histograms with p05,
 * p50, p95), fan charts of the outcomes recorded per period, the paired comparison of
 * each policy with the baseline, the timing of the first firing of rules (outcomes of
 * kind `firstFiring`), the effect of each uncertain parameter (when the result holds
 * per-run values: `keepRuns`), the supply network with the restricted links marked (for
 * the baseline and the most restrictive policy), the summary table, and every
 * assumption and source the scenario carries. Every chart has a title, labelled axes
 * with units and a text alternative. The same result and scenario give the same bytes.
 *
 * @param result - the experiment's result (`runExperiment`, or a result file).
 * @param scenario - the scenario it was run on, parsed (`parseScenario`).
 * @param options - the outcomes to feature, the page title.
 * @returns the HTML document as a string.
 * @throws {InputError} if the result is not of this scenario (another name), or an outcome asked for is unknown.
 * @example
 * ```ts
 * const result = await runExperiment(scenario, { runs: 5000, seed: 1 });
 * writeFileSync("report.html", renderHtmlReport(result, scenario));
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
  const definitions = new Map(outcomeDefinitions(scenario).map((d) => [d.name, d]));
  // how each outcome is shown is its kind's (src/outcomes: `presentation`)
  const presentationOf = (name: string) => {
    const definition = definitions.get(name);
    return definition === undefined ? "distribution" : outcomeKind(definition.kind).presentation;
  };
  const featured = wanted.filter((name) => presentationOf(name) !== "timing");
  const title = options.title ?? scenario.title ?? scenario.name;
  let charts = 0;
  const context: Context = {
    result,
    scenario,
    presentationOf,
    color: (policy: string) => PALETTE[Math.max(0, result.policies.findIndex((p) => p.name === policy)) % PALETTE.length]!,
    chartId: () => `chart-${++charts}`,
  };

  const sections: Section[] = [
    { id: "distributions", title: "Distributions of the headline outcomes", html: distributions(context, featured) },
    ...optional({ id: "over-time", title: "Over time", html: overTime(context) }),
    ...optional({ id: "comparison", title: `Policies compared with ${result.baselinePolicy}`, html: comparisons(context, featured) }),
    ...optional({ id: "timing", title: "Timing of the first response", html: timing(context) }),
    ...optional({ id: "sensitivity", title: "What drives the results", html: sensitivity(context, featured) }),
    { id: "network", title: "Supply network", html: network(context) },
    { id: "summary", title: "Summary table", html: summaryTable(result) },
    ...optional({ id: "assumptions", title: "Assumptions and sources", html: assumptions(scenario) }),
  ];

  const facts: [string, string][] = [
    ["scenario", `<code>${esc(scenario.name)}</code>`],
    ["horizon", `${plural(scenario.horizon, scenario.period)}`],
    ["runs", `${formatCount(result.runs)} (seed <code>${esc(result.seed)}</code>, ${esc(result.sampler)} sampling, ${result.summaries === "exact" ? "exact quantiles" : "streaming summaries: quantiles within 0.5%"})`],
    ["policies", result.policies.map((p) => `<code>${esc(p.name)}</code>${p.name === result.baselinePolicy ? " (baseline)" : ""}`).join(", ")],
    ["outcomes", `${result.outcomes.length} recorded; ${featured.length} featured below`],
  ];
  const policyList = result.policies
    .map((p) => `<li><strong>${esc(p.name)}</strong>${p.name === result.baselinePolicy ? " (baseline)" : ""}${p.description === undefined ? "" : `: ${esc(p.description)}`}</li>`)
    .join("");

  return (
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<title>${esc(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n<main>\n` +
    `<header>\n<h1>${esc(title)}</h1>\n` +
    (scenario.description === undefined ? "" : `<p class="lead">${esc(scenario.description)}</p>\n`) +
    `<dl class="facts">${facts.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join("")}</dl>\n` +
    `<ul>${policyList}</ul>\n` +
    `<p class="note">Losses are positive: larger is worse. Every policy is simulated on the same ${formatCount(result.runs)} draws of the uncertainties, so differences between policies are measured run by run. ` +
    `The model and its limits: docs/model.md of the chokepoint package.</p>\n</header>\n` +
    `<nav class="contents" aria-label="Contents"><strong>Contents</strong><ol>${sections.map((s) => `<li><a href="#${s.id}">${esc(s.title)}</a></li>`).join("")}</ol></nav>\n` +
    sections.map((s) => `<section id="${s.id}">\n<h2>${esc(s.title)}</h2>\n${s.html}\n</section>\n`).join("") +
    `<footer>Made with chokepoint from scenario <code>${esc(scenario.name)}</code>, ${formatCount(result.runs)} runs, seed <code>${esc(result.seed)}</code>. ` +
    `The same scenario, runs and seed give the same report.</footer>\n</main>\n</body>\n</html>\n`
  );
}

interface Context {
  readonly result: ExperimentResult;
  readonly scenario: Scenario;
  /** How an outcome is shown (its kind's `presentation`). */
  readonly presentationOf: (name: string) => "distribution" | "probability" | "timing";
  readonly color: (policy: string) => string;
  /** A new id for the next chart: unique on the page, the same from one rendering to the next. */
  readonly chartId: () => string;
}

function optional(section: Section): Section[] {
  return section.html === "" ? [] : [section];
}

function summaryOf(policy: PolicyResult, outcome: string): OutcomeSummary | undefined {
  return policy.outcomes.find((o) => o.name === outcome);
}

function outcomeHeading(result: ExperimentResult, name: string): string {
  const info = result.outcomes.find((o) => o.name === name)!;
  return `<h3 id="outcome-${esc(anchor(name))}"><code>${esc(name)}</code></h3>\n<p>${esc(info.description)} <span class="muted">Unit: ${esc(info.unit)}.</span></p>\n`;
}

function anchor(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]/g, "-");
}

/** Histograms of one outcome, one per policy, on shared axes. */
function histogramGrid(context: Context, name: string): string {
  const { result } = context;
  const summaries = result.policies.flatMap((policy) => {
    const summary = summaryOf(policy, name);
    return summary?.histogram === undefined ? [] : [{ policy, summary, histogram: summary.histogram }];
  });
  if (summaries.length === 0) return `<p class="note">This result has no histograms (it was written before they were recorded).</p>\n`;
  const low = Math.min(...summaries.map((s) => s.histogram.edges[0]!));
  const high = Math.max(...summaries.map((s) => s.histogram.edges[s.histogram.edges.length - 1]!));
  const maxCount = Math.max(...summaries.map((s) => Math.max(...s.histogram.counts)));
  const figures = summaries.map(
    ({ policy, summary }) =>
      `<figure>${histogramSvg(summary, { id: context.chartId(), title: `${name}: ${policy.name}`, domain: [low, high], maxCount, width: 420, height: 240, color: context.color(policy.name) })}</figure>`,
  );
  return `<div class="charts">${figures.join("")}</div>\n`;
}

function distributions(context: Context, featured: readonly string[]): string {
  const { result } = context;
  const parts = featured.map((name) => {
    if (context.presentationOf(name) === "probability") {
      const rows = result.policies.map((p) => `<tr><td>${esc(p.name)}</td><td class="num">${percent(summaryOf(p, name)?.mean ?? 0)}</td></tr>`).join("");
      return `${outcomeHeading(result, name)}<div class="table-wrap"><table><thead><tr><th>policy</th><th class="num">share of runs in which it fired</th></tr></thead><tbody>${rows}</tbody></table></div>\n`;
    }
    return outcomeHeading(result, name) + histogramGrid(context, name);
  });
  return (
    `<p>How often each value came up over the runs, per policy, on the same axes. Dashed lines mark the 5th and 95th percentiles (90% of runs lie between them), the solid line the median.</p>\n` +
    parts.join("")
  );
}

function overTime(context: Context): string {
  const { result, scenario } = context;
  const names = result.outcomes.filter((o) => o.series).map((o) => o.name);
  if (names.length === 0) return "";
  const parts = names.map((name) => {
    const series = result.policies.flatMap((policy) => {
      const s = policy.series.find((x) => x.name === name);
      return s === undefined ? [] : [{ policy, s }];
    });
    const values = series.flatMap(({ s }) => [...s.p05, ...s.p95]);
    const domain: [number, number] = [Math.min(...values), Math.max(...values)];
    const figures = series.map(
      ({ policy, s }) => `<figure>${fanChartSvg(s, { id: context.chartId(), title: `${name}: ${policy.name}`, period: scenario.period, domain, width: 420, height: 250, color: context.color(policy.name) })}</figure>`,
    );
    return `${outcomeHeading(result, name)}<div class="charts">${figures.join("")}</div>\n`;
  });
  return `<p>Per ${esc(scenario.period)}: the median run (line), the middle half of the runs (dark band) and 90% of them (light band).</p>\n${parts.join("")}`;
}

function comparisons(context: Context, featured: readonly string[]): string {
  const { result } = context;
  if (result.comparisons.length === 0) return "";
  const figures = featured.map((name) => `<figure>${comparisonSvg(result, name, { id: context.chartId(), width: 560 })}</figure>`);
  const rows = featured.flatMap((name) => {
    const unit = result.outcomes.find((o) => o.name === name)!.unit;
    const f = (v: number) => formatValue(v, unit);
    return [
      `<tr class="group"><th colspan="6"><code>${esc(name)}</code> <span class="muted">(${esc(unit)})</span></th></tr>`,
      ...result.comparisons.map((c) => {
        const d = c.outcomes.find((o) => o.name === name)!;
        const verdict = d.ci95High < 0 ? `<span class="better">lower</span>` : d.ci95Low > 0 ? `<span class="worse">higher</span>` : "no clear difference";
        return `<tr><td>${esc(c.policy)}</td><td class="num">${signed(f, d.mean)}</td><td class="num">${f(d.ci95Low)} to ${f(d.ci95High)}</td><td class="num">${percent(d.probabilityLower)}</td><td class="num">${percent(d.probabilityHigher)}</td><td>${verdict}</td></tr>`;
      }),
    ];
  });
  return (
    `<p>Each policy minus <strong>${esc(result.baselinePolicy)}</strong>, run by run: the dot is the mean difference, the line its 95% interval. ` +
    `Left of the baseline line the policy lowers the outcome; the right-hand column gives the share of runs in which it does.</p>\n` +
    `<div class="charts wide">${figures.join("")}</div>\n` +
    `<div class="table-wrap"><table><thead><tr><th>policy</th><th class="num">mean difference</th><th class="num">95% interval</th><th class="num">P(lower)</th><th class="num">P(higher)</th><th>verdict</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>\n`
  );
}

function timing(context: Context): string {
  const { result, scenario } = context;
  const names = result.outcomes.filter((o) => context.presentationOf(o.name) === "timing").map((o) => o.name);
  if (names.length === 0) return "";
  const horizon = scenario.horizon;
  const parts = names.map((name) => {
    const definition = outcomeDefinitionOf(scenario, name);
    const rules = definition !== undefined && "rules" in definition ? definition.rules : [];
    const rows = result.policies.map((policy) => {
      const s = summaryOf(policy, name)!;
      const within = withinHorizon(s, horizon);
      return `<tr><td>${esc(policy.name)}</td><td class="num">${within === undefined ? "–" : `${within.approximate ? "about " : ""}${percent(within.share)}`}</td><td class="num">${s.p05}</td><td class="num">${s.p50}</td><td class="num">${s.p95}</td></tr>`;
    });
    return (
      outcomeHeading(result, name) +
      `<p>The first ${esc(scenario.period)} in which ${esc(listInWords(rules, "or"))} took effect; runs in which none did count as ${esc(scenario.period)} ${horizon}, the bar at the right end.</p>\n` +
      histogramGrid(context, name) +
      `<div class="table-wrap"><table><thead><tr><th>policy</th><th class="num">took effect within the horizon</th><th class="num">p05</th><th class="num">p50</th><th class="num">p95</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>\n`
    );
  });
  return parts.join("");
}

function outcomeDefinitionOf(scenario: Scenario, name: string): OutcomeDefinition | undefined {
  return outcomeDefinitions(scenario).find((d) => d.name === name);
}

/** Share of runs with a value below the horizon, from the histogram (exact with one bin per period). */
function withinHorizon(summary: OutcomeSummary, horizon: number): { share: number; approximate: boolean } | undefined {
  const histogram = summary.histogram;
  if (histogram === undefined || summary.count === 0) return undefined;
  const { edges, counts } = histogram;
  const wholeBins = edges.every((edge, k) => k === 0 || edge - edges[k - 1]! === 1);
  let below = 0;
  counts.forEach((count, k) => {
    if (edges[k + 1]! <= horizon - (wholeBins ? 0.5 : 0) || (k === counts.length - 1 && summary.max < horizon)) below += count;
  });
  return { share: below / summary.count, approximate: !wholeBins && summary.max >= horizon };
}

function sensitivity(context: Context, featured: readonly string[]): string {
  const { result } = context;
  const baseline = result.baselinePolicy;
  const figures = featured.flatMap((name) => {
    if (context.presentationOf(name) === "probability") return [];
    const found = sensitivityBars(result, name, baseline);
    // nothing to show when no parameter moves the outcome (it is the same in every run)
    if (found === undefined || found.bars.every((bar) => bar.low === bar.high)) return [];
    const unit = result.outcomes.find((o) => o.name === name)!.unit;
    return [
      `<figure>${tornadoSvg(found.bars, {
        id: context.chartId(),
        title: `${name} under ${baseline}, by parameter`,
        unit,
        base: found.mean,
        lowLabel: "lowest fifth of draws",
        highLabel: "highest fifth of draws",
        xLabel: `mean ${name} (${unit})`,
        width: 560,
      })}<figcaption>Mean over the runs with the parameter's lowest and highest fifth of draws; the vertical line is the mean over all runs.</figcaption></figure>`,
    ];
  });
  if (figures.length === 0) return "";
  return (
    `<p>For each uncertain parameter, the mean outcome under <strong>${esc(baseline)}</strong> over the fifth of runs with the lowest draws of the parameter, and over the fifth with the highest. ` +
    `Long bars mark the parameters the result depends on most; they move together with the others they are drawn with, so read this as a screening, not a decomposition.</p>\n` +
    `<div class="charts wide">${figures.join("")}</div>\n`
  );
}

function network(context: Context): string {
  const { result, scenario } = context;
  const names = result.policies.map((p) => p.name);
  // goods any policy's levers or any rule restricts; all goods when none does
  const touched = new Set<string>();
  for (const name of names) {
    flowRestrictions(scenario, name).forEach((restriction, f) => {
      if (restriction !== undefined) touched.add(scenario.world.flows[f]!.good);
    });
  }
  const goods = scenario.world.goods.map((g) => g.id).filter((g) => touched.size === 0 || touched.has(g));
  const price = new Map(scenario.world.goods.map((g) => [g.id, g.basePrice]));
  const restrictedValue = (policy: string) =>
    flowRestrictions(scenario, policy).reduce((sum, r, f) => (r === "policy" ? sum + scenario.world.flows[f]!.volume * price.get(scenario.world.flows[f]!.good)! : sum), 0);
  let most = result.baselinePolicy;
  for (const name of names) if (restrictedValue(name) > restrictedValue(most)) most = name;
  const shown = most === result.baselinePolicy ? [most] : [result.baselinePolicy, most];
  const figures = shown.map((policy) => `<figure>${networkSvg(scenario, { id: context.chartId(), goods, policy, width: 600 })}</figure>`);
  const rows = shown.flatMap((policy) =>
    flowRestrictions(scenario, policy).flatMap((restriction, f) => {
      const flow = scenario.world.flows[f]!;
      if (restriction === undefined || !goods.includes(flow.good)) return [];
      return [`<tr><td>${esc(policy)}</td><td>${esc(flow.good)}</td><td>${esc(flow.exporter)} to ${esc(flow.importer)}</td><td>${restriction === "policy" ? "restricted by the policy" : "may be restricted by a rule"}</td></tr>`];
    }),
  );
  const lead =
    shown.length === 1
      ? `<p>Flows of ${esc(listInWords(goods))} between the countries under <strong>${esc(most)}</strong>.</p>`
      : `<p>Flows of ${esc(listInWords(goods))} under the baseline, <strong>${esc(result.baselinePolicy)}</strong>, and under the policy that restricts the most trade by value at base prices, <strong>${esc(most)}</strong>. Red dashed arrows: restricted by the policy; dotted: may be restricted when a rule fires (a response).</p>`;
  return (
    `${lead}\n<div class="charts wide">${figures.join("")}</div>\n` +
    (rows.length === 0 ? "" : `<div class="table-wrap"><table><caption>Restricted links</caption><thead><tr><th>policy</th><th>good</th><th>flow</th><th>how</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>\n`)
  );
}

function summaryTable(result: ExperimentResult): string {
  const rows = result.outcomes.flatMap((outcome) => {
    const f = (v: number) => formatValue(v, outcome.unit);
    return [
      `<tr class="group"><th colspan="8"><code>${esc(outcome.name)}</code> <span class="muted">${esc(outcome.description)} (${esc(outcome.unit)})</span></th></tr>`,
      ...result.policies.map((policy) => {
        const s = summaryOf(policy, outcome.name)!;
        const c = result.comparisons.find((x) => x.policy === policy.name)?.outcomes.find((o) => o.name === outcome.name);
        const versus = c === undefined ? "baseline" : `${signed(f, c.mean)} (${f(c.ci95Low)} to ${f(c.ci95High)})`;
        return `<tr><td>${esc(policy.name)}</td><td class="num">${f(s.mean)}</td><td class="num">${f(s.p05)}</td><td class="num">${f(s.p50)}</td><td class="num">${f(s.p95)}</td><td class="num">${f(s.cvar95)}</td><td class="num">${s.exceedance.map((e) => `P(&gt;${esc(f(e.threshold))}) ${percent(e.probability)}`).join("<br>") || "–"}</td><td class="num">${versus}</td></tr>`;
      }),
    ];
  });
  return (
    `<p>Every outcome recorded. CVaR 95%: the mean of the worst 5% of runs. The last column: the paired difference to ${esc(result.baselinePolicy)} with its 95% interval.</p>\n` +
    `<div class="table-wrap"><table><thead><tr><th>policy</th><th class="num">mean</th><th class="num">p05</th><th class="num">p50</th><th class="num">p95</th><th class="num">CVaR 95%</th><th class="num">exceedance</th><th class="num">vs ${esc(result.baselinePolicy)} (95% CI)</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>`
  );
}

/**
 * True when a source's URL may be a link: http, https or mailto, with no spaces or control
 * characters (which browsers strip, so that `java\tscript:` would run as `javascript:`).
 * Anything else (`javascript:`, `data:`, `file:`, relative paths) is shown as text.
 */
function isLinkable(url: string): boolean {
  return /^(?:https?:\/\/|mailto:)/i.test(url) && !/[\u0000-\u0020\u007f-\u009f]/.test(url);
}

function sourceHtml(source: SourceReference): string {
  const parts = [esc(source.publication)];
  if (source.table !== undefined) parts.push(esc(source.table));
  if (source.year !== undefined) parts.push(String(source.year));
  let html = parts.join(", ");
  if (source.url !== undefined) html += isLinkable(source.url) ? ` <a href="${esc(source.url)}">${esc(source.url)}</a>` : ` <span class="url">${esc(source.url)}</span>`;
  if (source.note !== undefined) html += ` <span class="muted">(${esc(source.note)})</span>`;
  return html;
}

function assumptions(scenario: Scenario): string {
  const groups = provenanceGroups(scenario);
  if (groups.length === 0) return "";
  const sources = distinctSources(groups);
  const tables = groups.map((group) => {
    const rows = group.entries.map(
      (entry) =>
        `<tr><td>${esc(entry.label)}</td><td>${esc(entry.detail)}</td><td>${entry.sources.map(sourceHtml).join("<br>") || "–"}</td><td>${entry.assumption === undefined ? "–" : esc(entry.assumption)}</td></tr>`,
    );
    return `<h3>${esc(group.name)}</h3>\n<div class="table-wrap"><table class="provenance"><thead><tr><th>entry</th><th>value</th><th>source</th><th>assumption</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>\n`;
  });
  const count = groups.reduce((sum, g) => sum + g.entries.length, 0);
  return (
    `<p>What the numbers rest on: ${plural(count, "entry", "entries")} of the scenario carry a source or an assumption. Assumptions are the scenario author's choices, not data; uncertain ones are drawn from the distributions listed under Uncertainties.</p>\n` +
    (sources.length === 0
      ? ""
      : `<h3>Sources cited</h3>\n<ul class="sources">${sources.map(({ source, citations }) => `<li>${sourceHtml(source)} <span class="muted">(${plural(citations, "entry", "entries")})</span></li>`).join("")}</ul>\n`) +
    tables.join("")
  );
}
