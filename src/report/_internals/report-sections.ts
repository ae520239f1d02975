// The sections of the HTML report after its summary: distributions, series over time,
// paired comparisons, the timing of first responses, sensitivity, the supply network, every
// outcome in a table, and the assumptions and sources.
import type { OutcomeSummary } from "../../experiment/result.js";
import { comparisonSvg } from "../charts/comparison-svg.js";
import { policyDistributionsSvg } from "../charts/policy-distributions-svg.js";
import { timeTicks } from "../charts/fan-chart-svg.js";
import { policySeriesSvg } from "../charts/policy-series-svg.js";
import { supplyMatrixSvg } from "../charts/supply-matrix-svg.js";
import { formatCount } from "../charts/svg.js";
import { tornadoSvg } from "../charts/tornado-svg.js";
import { differenceText, formatInterval, formatValue } from "../format-number.js";
import { flowRestrictions } from "../restrictions.js";
import { listInWords, percent, plural } from "../text.js";
import { shareText, someRuns } from "./outcome-facts.js";
import { isLoss } from "./outcome-words.js";
import { periodLabel, periodTick, timingText } from "./periods.js";
import { policyRows } from "./policy-rows.js";
import { distinctSources, provenanceGroups, type SourceReference } from "./provenance.js";
import { esc, intervalCaption, outcomeHeading, summaryOf, unitInWords, type ReportContext } from "./report-context.js";
import { sensitivityBars } from "./sensitivity.js";

/** Most bars of a tornado chart drawn (the widest); the rest are counted. */
const TORNADO_BARS = 10;

/** A table a reader may open; printed open. */
function folded(summary: string, html: string): string {
  return `<details><summary>${summary}</summary>\n${html}</details>\n`;
}

/** A note under an outcome whose loss is below 0 in some runs. */
function gainNote(context: ReportContext, name: string): string {
  if (!isLoss(context.definitionOf(name))) return "";
  const { rows } = policyRows(context.result, name);
  const negative = rows.filter((row) => someRuns(row.facts.negative));
  if (negative.length === 0) return "";
  return `<p class="note">Below 0 (a gain against the baseline world without restrictions) in ${esc(listInWords(negative.map((row) => `${shareText(row.facts.negative)} of runs under ${row.policy}`)))}.</p>\n`;
}

export function distributions(context: ReportContext, featured: readonly string[]): string {
  const { result } = context;
  const parts = featured.map((name) => {
    if (context.presentationOf(name) === "probability") {
      const rows = result.policies.map((p) => `<tr><td>${esc(p.name)}</td><td class="num">${percent(summaryOf(p, name)?.mean ?? 0)}</td></tr>`).join("");
      return `<div class="outcome">${outcomeHeading(context, name)}<div class="table-wrap"><table><thead><tr><th>policy</th><th class="num">share of runs in which it happened</th></tr></thead><tbody>${rows}</tbody></table></div></div>\n`;
    }
    const cap = context.capOf(name);
    const figure = policyDistributionsSvg(result, name, { id: context.chartId(), title: `${name} by policy`, xLabel: context.unitOf(name), ...(cap === undefined ? {} : { cap }) });
    return `<div class="outcome">${outcomeHeading(context, name)}<figure>${figure}</figure>${gainNote(context, name)}</div>\n`;
  });
  return (
    `<p>How the runs spread under each policy, on one axis per outcome: the shape of the runs (each row scaled to its tallest bin), the range of 90% of them (p05 to p95), the median (tick) and the mean (dot). ` +
    `An outcome that is exactly 0 in most runs of a policy shows the shape of its other runs, and the share of runs above 0.</p>\n` +
    `<div class="charts two">${parts.join("")}</div>\n`
  );
}

export function overTime(context: ReportContext): string {
  const { result, calendar } = context;
  const names = result.outcomes.filter((o) => o.series).map((o) => o.name);
  if (names.length === 0) return "";
  const figures = names.map((name) => {
    const cap = context.capOf(name);
    return `<figure>${policySeriesSvg(result, name, {
      id: context.chartId(),
      title: `${name}: ${context.phraseOf(name)}`,
      ...(calendar.start === undefined ? {} : { start: calendar.start }),
      ...(cap === undefined ? {} : { cap }),
    })}</figure>`;
  });
  return (
    `<p>Per ${esc(calendar.period)}, ${calendar.start === undefined ? `numbered 1 to ${calendar.horizon}` : `from ${esc(periodLabel(0, calendar))}`}: each policy's median run (line) and the range of 90% of its runs (band). Policies that give the same values in every ${esc(calendar.period)} share a line.</p>\n` +
    `<div class="charts two">${figures.join("")}</div>\n`
  );
}

export function comparisons(context: ReportContext, featured: readonly string[]): string {
  const { result } = context;
  if (result.comparisons.length === 0) return "";
  const figures = featured.map((name) => `<figure>${comparisonSvg(result, name, { id: context.chartId(), width: 560 })}</figure>`);
  const rows = featured.flatMap((name) => {
    const unit = result.outcomes.find((o) => o.name === name)!.unit;
    return [
      `<tr class="group"><th colspan="6"><code>${esc(name)}</code> <span class="muted">(${esc(unit)})</span></th></tr>`,
      ...result.comparisons.map((c) => {
        const d = c.outcomes.find((o) => o.name === name)!;
        const verdict = d.mean === 0 && d.sd === 0 ? "the same in every run" : d.ci95High < 0 ? `<span class="better">lower</span>` : d.ci95Low > 0 ? `<span class="worse">higher</span>` : "no clear difference";
        const t = formatInterval({ mean: d.mean, low: d.ci95Low, high: d.ci95High }, unit);
        return `<tr><td>${esc(c.policy)}</td><td class="num">${d.mean > 0 ? "+" : ""}${esc(t.mean)}</td><td class="num">${esc(t.low)} to ${esc(t.high)}</td><td class="num">${percent(d.probabilityLower)}</td><td class="num">${percent(d.probabilityHigher)}</td><td>${verdict}</td></tr>`;
      }),
    ];
  });
  return (
    `<p>Each policy minus <strong>${esc(result.baselinePolicy)}</strong>, run by run: the dot is the mean difference, the line its 95% interval. ` +
    `Left of the baseline line the policy lowers the outcome; the right-hand column gives the share of runs in which it does.</p>\n` +
    `<p class="note">${intervalCaption(result.baselinePolicy, formatCount(result.runs))}</p>\n` +
    `<div class="charts two">${figures.join("")}</div>\n` +
    folded(
      "The same in a table, with the share of runs higher",
      `<div class="table-wrap"><table><thead><tr><th>policy</th><th class="num">mean difference</th><th class="num">95% interval</th><th class="num">P(lower)</th><th class="num">P(higher)</th><th>verdict</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>\n`,
    )
  );
}

/** Share of runs with a value below the horizon: exact from the runs or from a histogram with one bin per period. */
function withinHorizon(summary: OutcomeSummary, runs: readonly number[] | undefined, horizon: number): { share: number; approximate: boolean } | undefined {
  if (runs !== undefined && runs.length > 0) return { share: runs.filter((v) => v < horizon).length / runs.length, approximate: false };
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

export function timing(context: ReportContext): string {
  const { result, scenario, calendar } = context;
  const names = result.outcomes.filter((o) => context.presentationOf(o.name) === "timing").map((o) => o.name);
  if (names.length === 0) return "";
  const horizon = scenario.horizon;
  const when = (value: number) => (value >= horizon - 1e-9 ? "none" : periodLabel(Math.round(value), calendar));
  const parts = names.map((name) => {
    const definition = context.definitionOf(name);
    const rules = definition !== undefined && "rules" in definition ? definition.rules : [];
    const within = result.policies.map((policy) => withinHorizon(summaryOf(policy, name)!, policy.runs?.[name], horizon));
    const withinText = within.map((w) => (w === undefined ? "–" : `${w.approximate ? "about " : ""}${percent(w.share)}`));
    const rows = result.policies.map((policy, k) => {
      const s = summaryOf(policy, name)!;
      return `<tr><td>${esc(policy.name)}</td><td class="num">${withinText[k]}</td><td class="num">${esc(when(s.p05))}</td><td class="num">${esc(when(s.p50))}</td><td class="num">${esc(when(s.p95))}</td></tr>`;
    });
    const figure = policyDistributionsSvg(result, name, {
      id: context.chartId(),
      title: `${name}: first ${calendar.period}, by policy`,
      xLabel: `first ${calendar.period} in which it took effect${calendar.start === undefined ? `, numbered 1 to ${horizon}` : ""}; none: not within the horizon`,
      ticks: [...timeTicks(horizon, 5).filter((t) => t < horizon - 1), horizon],
      tickLabel: (v) => (v >= horizon - 1e-9 ? "none" : periodTick(Math.round(v), calendar)),
      valueColumn: { heading: "within horizon", cells: withinText },
      mean: false,
    });
    return (
      `<div class="outcome">${outcomeHeading(context, name)}` +
      `<p>The first ${esc(calendar.period)} in which ${esc(listInWords(rules, "or"))} took effect; runs in which none did are counted as <em>none</em>, at the right end.</p>\n` +
      `<figure class="single">${figure}</figure>` +
      `<div class="table-wrap"><table><thead><tr><th>policy</th><th class="num">took effect within the horizon</th><th class="num">p05</th><th class="num">p50</th><th class="num">p95</th></tr></thead><tbody>${rows.join("")}</tbody></table></div></div>\n`
    );
  });
  return parts.join("");
}

export function sensitivity(context: ReportContext, featured: readonly string[]): string {
  const { result } = context;
  const baseline = result.baselinePolicy;
  const figures = featured.flatMap((name) => {
    if (context.presentationOf(name) !== "distribution") return [];
    const found = sensitivityBars(result, name, baseline);
    // nothing to show when no parameter moves the outcome (it is the same in every run)
    if (found === undefined || found.bars.every((bar) => bar.low === bar.high)) return [];
    const unit = context.unitOf(name);
    const left = Math.max(0, found.bars.length - TORNADO_BARS);
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
        maxBars: TORNADO_BARS,
      })}<figcaption>Mean over the runs with the parameter's lowest and highest fifth of draws; the vertical line is the mean over all runs.${left === 0 ? "" : ` The ${plural(left, "parameter")} with smaller effects ${left === 1 ? "is" : "are"} not drawn.`}</figcaption></figure>`,
    ];
  });
  if (figures.length === 0) return "";
  return (
    `<p>For each uncertain parameter, the mean outcome under <strong>${esc(baseline)}</strong> over the fifth of runs with the lowest draws of the parameter, and over the fifth with the highest; the ${TORNADO_BARS} widest bars. ` +
    `Long bars mark the parameters the result depends on most; they move together with the others they are drawn with, so read this as a screening, not a decomposition.` +
    (context.scenario.posterior === undefined
      ? ""
      : ` ${esc(context.scenario.posterior.parameters.join(", "))} are drawn jointly from a calibrated posterior, so each of their bars carries the effect of the others it is correlated with.`) +
    `</p>\n` +
    `<div class="charts two">${figures.join("")}</div>\n`
  );
}

export function network(context: ReportContext): string {
  const { result, scenario } = context;
  const names = result.policies.map((p) => p.name);
  const price = new Map(scenario.world.goods.map((g) => [g.id, g.basePrice]));
  const restrictedValue = (policy: string) =>
    flowRestrictions(scenario, policy).reduce((sum, r, f) => (r === "policy" ? sum + scenario.world.flows[f]!.volume * price.get(scenario.world.flows[f]!.good)! : sum), 0);
  let most = result.baselinePolicy;
  for (const name of names) if (restrictedValue(name) > restrictedValue(most)) most = name;
  const shown = most === result.baselinePolicy ? [most] : [result.baselinePolicy, most];
  const figures = shown.map((policy) => `<figure class="natural">${supplyMatrixSvg(scenario, { id: context.chartId(), policy })}</figure>`);
  const rows = shown.flatMap((policy) =>
    flowRestrictions(scenario, policy).flatMap((restriction, f) => {
      const flow = scenario.world.flows[f]!;
      if (restriction === undefined) return [];
      return [`<tr><td>${esc(policy)}</td><td>${esc(flow.good)}</td><td>${esc(flow.exporter)} to ${esc(flow.importer)}</td><td>${restriction === "policy" ? "restricted by the policy" : "may be restricted by a rule"}</td></tr>`];
    }),
  );
  const lead =
    `<p>Each country's baseline use of each good per ${esc(scenario.period)} (its own output less its exports, plus its imports), split by where it comes from: ` +
    `imports on links the policy restricts (red), on links a rule may restrict when it fires (orange), other imports (grey) and own output (light). The figure in a cell is the share of the country's use on restricted links. ` +
    (shown.length === 1
      ? `Under <strong>${esc(most)}</strong>.</p>`
      : `Under the baseline, <strong>${esc(result.baselinePolicy)}</strong>, and under the policy that restricts the most trade by value at base prices, <strong>${esc(most)}</strong>.</p>`);
  return (
    `${lead}\n${figures.join("\n")}\n` +
    (rows.length === 0 ? "" : folded(`The ${plural(rows.length, "restricted link")}, one by one`, `<div class="table-wrap"><table><thead><tr><th>policy</th><th>good</th><th>flow</th><th>how</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>\n`))
  );
}

export function allOutcomes(context: ReportContext): string {
  const { result } = context;
  const rows = result.outcomes.flatMap((outcome) => {
    const timing = context.presentationOf(outcome.name) === "timing";
    const f = (v: number) => (timing ? timingText(v, context.calendar) : formatValue(v, outcome.unit));
    const { rows: policyRowsOf } = policyRows(result, outcome.name);
    return [
      `<tr class="group"><th colspan="8"><code>${esc(outcome.name)}</code> <span class="muted">${esc(outcome.description)} (${esc(unitInWords(context, outcome.name))})</span></th></tr>`,
      ...policyRowsOf.map((row) => {
        const s = row.summary;
        return `<tr><td>${esc(row.policy)}</td><td class="num">${timing ? "–" : f(s.mean)}</td><td class="num">${f(s.p05)}</td><td class="num">${f(s.p50)}</td><td class="num">${f(s.p95)}</td><td class="num">${timing ? "–" : f(s.cvar95)}</td><td class="num">${s.exceedance.map((e) => `P(&gt;${esc(f(e.threshold))}) ${percent(e.probability)}`).join("<br>") || "–"}</td><td class="num">${esc(row.difference === undefined ? "baseline" : differenceText(row.difference, outcome.unit))}</td></tr>`;
      }),
    ];
  });
  return (
    `<p>Every outcome recorded (${result.outcomes.length}). CVaR 95%: the mean of the worst 5% of runs. The last column: the paired difference to ${esc(result.baselinePolicy)} with its 95% interval. ${intervalCaption(result.baselinePolicy, formatCount(result.runs))}</p>\n` +
    folded(
      `Open the table (${plural(result.outcomes.length, "outcome")} x ${plural(result.policies.length, "policy", "policies")})`,
      `<div class="table-wrap"><table><thead><tr><th>policy</th><th class="num">mean</th><th class="num">p05</th><th class="num">p50</th><th class="num">p95</th><th class="num">CVaR 95%</th><th class="num">exceedance</th><th class="num">vs ${esc(result.baselinePolicy)} (95% CI)</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>`,
    )
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

export function assumptions(context: ReportContext): string {
  const groups = provenanceGroups(context.scenario);
  if (groups.length === 0) return "";
  const sources = distinctSources(groups);
  const tables = groups.map((group) => {
    const rows = group.entries.map(
      (entry) =>
        `<tr><td>${esc(entry.label)}</td><td>${esc(entry.detail)}</td><td>${entry.sources.map(sourceHtml).join("<br>") || "–"}</td><td>${entry.assumption === undefined ? "–" : esc(entry.assumption)}</td></tr>`,
    );
    const sourced = group.entries.filter((entry) => entry.sources.length > 0).length;
    return folded(
      `<strong>${esc(group.name)}</strong> <span class="muted">${plural(group.entries.length, "entry", "entries")}, ${sourced} with a source</span>`,
      `<div class="table-wrap"><table class="provenance"><thead><tr><th>entry</th><th>value</th><th>source</th><th>assumption</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>\n`,
    );
  });
  const count = groups.reduce((sum, g) => sum + g.entries.length, 0);
  return (
    `<p>What the numbers rest on: ${plural(count, "entry", "entries")} of the scenario carry a source or an assumption. Assumptions are the scenario author's choices, not data; uncertain ones are drawn from the distributions listed under Uncertainties. ` +
    `Open a group to read it; printed, every group is open.</p>\n` +
    (sources.length === 0
      ? ""
      : folded(
          `<strong>Sources cited</strong> <span class="muted">${plural(sources.length, "source")}</span>`,
          `<ul class="sources">${sources.map(({ source, citations }) => `<li>${sourceHtml(source)} <span class="muted">(${plural(citations, "entry", "entries")})</span></li>`).join("")}</ul>\n`,
        )) +
    tables.join("")
  );
}
