// The top of the HTML report, which leads with the answer: a sentence per policy on the
// first headline outcome, a panel per headline outcome (each policy's mean, the range of
// 90% of its runs and its paired difference to the baseline), and the notes a reader needs
// to read them: what the intervals are, what a negative loss means, outcomes that are 0 in
// most runs, runs at a price cap.
import { outcomeSummarySvg } from "../charts/outcome-summary-svg.js";
import { formatCount } from "../charts/svg.js";
import { formatValue } from "../format-number.js";
import { listInWords } from "../text.js";
import { maybeRuns, shareText, someRuns } from "./outcome-facts.js";
import { isLoss } from "./outcome-words.js";
import { policyRows, type PolicyRow } from "./policy-rows.js";
import { esc, intervalCaption, type ReportContext } from "./report-context.js";

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** One sentence on a policy's value of an outcome, and its difference to the baseline in the same draws. */
function sentence(context: ReportContext, name: string, row: PolicyRow, unit: string): string {
  const { baselinePolicy: baseline } = context.result;
  const f = (v: number) => formatValue(v, unit);
  const s = row.summary;
  const gain = isLoss(context.definitionOf(name)) && s.mean < 0 ? " (a gain)" : "";
  let text = `${capitalized(context.phraseOf(name))} averages ${f(s.mean)}${gain} (90% of runs between ${f(s.p05)} and ${f(s.p95)})`;
  const d = row.difference;
  if (d !== undefined) {
    if (d.mean === 0 && d.sd === 0) text += `, the same as under ${baseline} in every run`;
    else if (d.ci95Low > 0 || d.ci95High < 0) text += `, ${f(Math.abs(d.mean))} ${d.mean > 0 ? "more" : "less"} than under ${baseline} in the same draws`;
    else text += `, no clear difference from ${baseline} in the same draws (${d.mean > 0 ? "+" : ""}${f(d.mean)} on average, within the simulation's precision)`;
  }
  text += ".";
  if (row.facts.mostlyZero) text += ` It is exactly 0 in ${shareText(row.facts.zero)} of runs.`;
  return text;
}

/** The notes under the panels: negative losses, outcomes 0 in most runs, runs at a cap, GDP losses capped. */
export function readingNotes(context: ReportContext, featured: readonly string[]): string[] {
  const { result } = context;
  const notes: string[] = [];
  const gains = featured.flatMap((name) => {
    if (!isLoss(context.definitionOf(name))) return [];
    const { rows } = policyRows(result, name);
    const negative = rows.filter((row) => someRuns(row.facts.negative));
    return negative.length === 0 ? [] : [`<code>${esc(name)}</code> (${listInWords(negative.map((row) => `${shareText(row.facts.negative)} of runs under ${esc(row.policy)}`))})`];
  });
  if (gains.length > 0) {
    notes.push(
      `<strong>A negative loss is a gain.</strong> Losses are measured against the baseline world without any restriction, in the same run: below 0, the country did better than that baseline, ` +
        `for instance because its producers sold more, or at higher prices, to buyers whose other suppliers were cut off. Below 0: ${gains.join("; ")}.`,
    );
  }
  const zeros = featured.flatMap((name) => {
    if (context.presentationOf(name) !== "distribution") return [];
    const { rows } = policyRows(result, name);
    const mostly = rows.filter((row) => row.facts.mostlyZero);
    return mostly.length === 0 ? [] : [`<code>${esc(name)}</code> (above 0 in ${listInWords(mostly.map((row) => `${shareText(row.facts.positive)} of runs under ${esc(row.policy)}`))})`];
  });
  if (zeros.length > 0) {
    notes.push(
      `<strong>Exactly 0 in most runs:</strong> ${zeros.join("; ")}. Their means and ranges are those of every run, zeros included; the distributions below show the share of runs above 0 and the shape of the others.`,
    );
  }
  const capped = featured.flatMap((name) => {
    const cap = context.capOf(name);
    if (cap === undefined) return [];
    const { rows, unit } = policyRows(result, name, cap);
    const at = rows.filter((row) => maybeRuns(row.facts.atCap));
    return at.length === 0 ? [] : [`<code>${esc(name)}</code> reaches the cap of ${formatValue(cap, unit)} in ${listInWords(at.map((row) => `${shareText(row.facts.atCap!)} of runs under ${esc(row.policy)}`))}`];
  });
  if (capped.length > 0) {
    notes.push(
      `<strong>Runs at the price cap:</strong> ${capped.join("; ")}. At the cap, buyers are rationed rather than priced out, so the price no longer grows with the shortage: a peak at the cap understates it. ` +
        `The engine does not count these runs; they are the runs whose value equals the good's price cap (from the runs' values when the result keeps them, else read off the quantiles).`,
    );
  }
  if (result.diagnostics.gdpLossCapped > 0) {
    notes.push(`<strong>GDP losses capped:</strong> in ${formatCount(result.diagnostics.gdpLossCapped)} cases (runs x policies x countries) a GDP loss was capped at the country's GDP over the horizon.`);
  }
  return notes;
}

/**
 * The summary section: sentences on the lead outcome (the first headline outcome shown as
 * a distribution), a panel per headline outcome, and the notes.
 */
export function summarySection(context: ReportContext, featured: readonly string[]): string {
  const { result, scenario } = context;
  const baseline = result.baselinePolicy;
  const shown = featured.filter((name) => context.presentationOf(name) !== "timing");
  const lead = shown.find((name) => context.presentationOf(name) === "distribution");
  const descriptions = new Map(scenario.policies.map((p) => [p.name, p.description]));
  let sentences = "";
  if (lead !== undefined) {
    const { rows, unit } = policyRows(result, lead, context.capOf(lead));
    sentences =
      `<ul class="answer">` +
      rows
        .map((row) => {
          const description = descriptions.get(row.policy);
          return (
            `<li><span class="swatch" style="background:${row.color}"></span><strong>${esc(row.policy)}</strong>${row.policy === baseline ? " (baseline)" : ""}` +
            `${description === undefined ? "" : ` <span class="muted">${esc(description)}</span>`}<br>${esc(sentence(context, lead, row, unit))}</li>`
          );
        })
        .join("") +
      `</ul>\n`;
  }
  const panels = shown.map((name) => {
    const share = context.presentationOf(name) === "probability";
    const cap = context.capOf(name);
    return `<figure>${outcomeSummarySvg(result, name, {
      id: context.chartId(),
      title: `${name}: ${context.phraseOf(name)}`,
      ...(share ? { kind: "share" as const } : {}),
      ...(cap === undefined ? {} : { cap }),
    })}</figure>`;
  });
  const notes = readingNotes(context, shown);
  const comparing = result.comparisons.length > 0;
  return (
    `<p class="lead">Every policy was simulated on the same ${formatCount(result.runs)} draws of the uncertain parameters, so each is compared with <strong>${esc(baseline)}</strong> run by run. ` +
    `${lead === undefined ? "" : `<code>${esc(lead)}</code> under each policy:`}</p>\n` +
    sentences +
    `<div class="charts two">${panels.join("")}</div>\n` +
    `<p class="note">Each panel: a policy per row; the dot is the mean over the runs, the bar the range of 90% of them (p05 to p95), the tick the median${comparing ? `; the last column the mean paired difference to ${esc(baseline)} with its 95% interval` : ""}. ` +
    (comparing ? intervalCaption(baseline, formatCount(result.runs)) : "") +
    `</p>\n` +
    (notes.length === 0 ? "" : `<ul class="notes">${notes.map((note) => `<li>${note}</li>`).join("")}</ul>\n`)
  );
}
