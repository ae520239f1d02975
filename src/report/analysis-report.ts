// The HTML report of exploratory analysis: sensitivity indices (Sobol' or Morris), PRIM's
// coverage-density trade-off and chosen box, the robustness (regret) table, lever sweeps and
// a game (src/report/game-report.ts), in one self-contained page in the style of the
// experiment and calibration reports.
import type { PrimBox, PrimLimit } from "../analysis/prim.js";
import type { RobustnessResult } from "../analysis/robustness.js";
import type { SweepOutcome, SweepResult } from "../analysis/sweep-lever.js";
import { InputError } from "../errors.js";
import { chosenBox } from "./charts/analysis-vega-lite.js";
import { indicesSvg, morrisSvg, sweepSvg, tradeoffSvg, type IndicesRow, type MorrisRow } from "./charts/analysis-svg.js";
import { differenceText, formatInterval, formatValue, plainNumber } from "./format-number.js";
import { page } from "./calibration-report.js";
import { CHOKEPOINT_VERSION } from "../version.js";
import { esc } from "./_internals/report-context.js";
import { gameSection, type AnalysisGame } from "./game-report.js";

export type { AnalysisGame } from "./game-report.js";

/** Sensitivity indices for {@link renderAnalysisReport}: `sobolIndices`'s or `morrisScreening`'s result, with optional labels. */
export interface AnalysisSensitivity {
  /** Sobol' rows `{ name, first, total }` or Morris rows `{ name, mu, muStar, sigma }`. */
  readonly parameters: readonly (IndicesRow | MorrisRow)[];
  /** The outcome analysed, the policy, and the policy it was compared with (a paired difference). */
  readonly outcome?: string;
  readonly policy?: string;
  readonly versus?: string;
  /** Model evaluations the estimates cost. */
  readonly evaluations?: number;
}

/** Scenario discovery for {@link renderAnalysisReport}: `prim`'s or `discoverScenarios`'s result, with the chosen box. */
export interface AnalysisDiscovery {
  readonly trajectory: readonly PrimBox[];
  /** Index of the chosen box; default the last (EMA Workbench's default). */
  readonly chosen?: number;
  readonly points?: number;
  readonly cases?: number;
  readonly outcome?: string;
  readonly unit?: string;
  readonly policy?: string;
  readonly above?: number;
  readonly below?: number;
}

/** The robustness table for {@link renderAnalysisReport}: `robustness`'s or `robustnessAnalysis`'s result, with the outcome and its unit if known. */
export interface AnalysisRobustness extends RobustnessResult {
  readonly outcome?: string;
  /** The outcome's unit (`USD`, ...); without it, values are written as plain numbers. */
  readonly unit?: string;
}

/** Options of {@link renderAnalysisReport}: a title and the sections to show (at least one). */
export interface AnalysisReportOptions {
  readonly title?: string;
  readonly sensitivity?: AnalysisSensitivity;
  readonly discovery?: AnalysisDiscovery;
  readonly robustness?: AnalysisRobustness;
  readonly sweep?: SweepResult;
  /** A game: `analyzeGame`'s result, with optionally `sweep` (`sweepGameWeight`'s result), `uncertaintySweep` (`sweepGameUncertainty`'s) and the losses' `unit`. */
  readonly game?: AnalysisGame;
}

const plain = (v: number) => formatValue(v, "");
const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

/** A restricted input's limits as text: `0.1 to 0.18`, or the categories kept: `{0, 2}`. */
export function limitText(limit: PrimLimit): string {
  return "values" in limit ? `{${limit.values.map((v) => plainNumber(v)).join(", ")}}` : `${plainNumber(limit.min)} to ${plainNumber(limit.max)}`;
}

/** A quasi-p-value as text: 3 significant digits, `< 0.0001` below that. */
export function pValueText(p: number): string {
  return p < 1e-4 ? "< 0.0001" : p.toPrecision(3).replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join("")}</tr></thead><tbody>\n${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("\n")}\n</tbody></table>`;
}

function sensitivitySection(s: AnalysisSensitivity): string {
  if (!Array.isArray(s.parameters) || s.parameters.length === 0) throw new InputError("options.sensitivity.parameters", "expected at least one parameter, as sobolIndices or morrisScreening returns");
  const about = [
    s.outcome === undefined ? "" : `Outcome <code>${esc(s.outcome)}</code>`,
    s.policy === undefined ? "" : `under <code>${esc(s.policy)}</code>`,
    s.versus === undefined ? "" : `minus <code>${esc(s.versus)}</code>, run by run (what drives the difference between the two policies)`,
  ].filter((t) => t !== "").join(" ");
  const evaluations = s.evaluations === undefined ? "" : ` ${s.evaluations.toLocaleString("en-US")} model evaluations.`;
  const label = s.outcome === undefined ? "" : `: ${s.outcome}${s.versus === undefined ? "" : ` (${s.policy ?? "policy"} minus ${s.versus})`}`;
  if ("first" in s.parameters[0]!) {
    const rows = s.parameters as readonly IndicesRow[];
    const cell = (e: IndicesRow["first"]) => `${esc(plain(e.estimate))} <span class="muted">(${esc(plain(e.ci95Low))} to ${esc(plain(e.ci95High))})</span>`;
    return (
      `<p>${about}${about === "" ? "" : ". "}Sobol' indices: the <strong>first-order</strong> index is the share of the outcome's variance a parameter explains alone; the <strong>total</strong> index adds its interactions with the others. A total near 0 marks a parameter that can be fixed. Whiskers are 95% bootstrap intervals.${evaluations}</p>\n` +
      `<figure class="single">${indicesSvg(rows, `Sobol' indices${label}`, "sensitivity-indices")}</figure>\n` +
      table(["parameter", "first-order (95% interval)", "total (95% interval)"], rows.map((r) => [`<code>${esc(r.name)}</code>`, cell(r.first), cell(r.total)]))
    );
  }
  const rows = s.parameters as readonly MorrisRow[];
  return (
    `<p>${about}${about === "" ? "" : ". "}Morris screening: <strong>mu*</strong>, the mean absolute elementary effect, ranks the parameters by importance; <strong>sigma</strong>, the spread of the effects, is large for parameters that interact or act non-linearly; <strong>mu</strong> far below mu* means effects of both signs.${evaluations}</p>\n` +
    `<figure class="single" style="max-width: 640px">${morrisSvg(rows, `Morris screening${label}`, "sensitivity-morris")}</figure>\n` +
    table(["parameter", "mu*", "sigma", "mu"], rows.map((r) => [`<code>${esc(r.name)}</code>`, esc(plain(r.muStar)), esc(plain(r.sigma)), esc(plain(r.mu))]))
  );
}

function discoverySection(d: AnalysisDiscovery): string {
  const chosen = chosenBox(d);
  const box = d.trajectory[chosen]!;
  const threshold = d.above ?? d.below;
  const cases =
    d.outcome === undefined || threshold === undefined
      ? ""
      : `Cases of interest: runs with <code>${esc(d.outcome)}</code>${d.policy === undefined ? "" : ` under <code>${esc(d.policy)}</code>`} ${d.above === undefined ? "below" : "above"} ${esc(formatValue(threshold, d.unit ?? ""))}${d.cases === undefined || d.points === undefined ? "" : `: ${d.cases.toLocaleString("en-US")} of ${d.points.toLocaleString("en-US")} runs`}. `;
  const how = chosen === d.trajectory.length - 1 ? "the last of the trajectory (EMA Workbench's default)" : `box ${chosen} of ${d.trajectory.length}, picked on the trade-off`;
  const names = Object.keys(box.limits);
  const limits = names.length === 0 ? "<p>The chosen box restricts no input: it is the whole space.</p>" : table(["input", "limits", "quasi-p-value"], names.map((name) => [`<code>${esc(name)}</code>`, esc(limitText(box.limits[name]!)), esc(pValueText(box.pValues[name]!))]));
  const trajectory = table(
    ["box", "coverage", "density", "mass", "restricted"],
    d.trajectory.map((b, i) => [i === chosen ? `<strong>${i}</strong>` : String(i), percent(b.coverage), percent(b.density), percent(b.mass), String(b.restricted)]),
  );
  return (
    `<p>${cases}PRIM peels the space of uncertainties into boxes where the cases are dense: each box of the trajectory trades <strong>coverage</strong> (share of all cases inside it) for <strong>density</strong> (share of its runs that are cases). The chosen box is ${how}: coverage ${percent(box.coverage)}, density ${percent(box.density)}, mass ${percent(box.mass)}. A large quasi-p-value marks a restriction that adds little.</p>\n` +
    `<figure class="single" style="max-width: 640px">${tradeoffSvg(d.trajectory, chosen, "PRIM: coverage against density", "prim-tradeoff")}</figure>\n` +
    `<h3>The chosen box</h3>\n${limits}\n<details><summary>Every box of the trajectory</summary>${trajectory}</details>`
  );
}

function robustnessSection(r: AnalysisRobustness): string {
  const unit = r.unit ?? "";
  const f = (x: number) => esc(formatValue(x, unit));
  const head = ["policy", "mean", "p90", "mean regret", "max regret", "p90 regret", "best in", ...(r.threshold === undefined ? [] : [`satisficing (&le; ${f(r.threshold)})`])];
  const rows = r.policies.map((p) => [`<code>${esc(p.policy)}</code>`, f(p.mean), f(p.p90), f(p.meanRegret), f(p.maxRegret), f(p.p90Regret), percent(p.best), ...(p.satisficing === undefined ? [] : [percent(p.satisficing)])]);
  const preferred = r.preferred;
  return (
    `<p>${r.outcome === undefined ? "" : `<code>${esc(r.outcome)}</code> as the loss, `}over ${r.runs.toLocaleString("en-US")} runs on common draws. Regret: a policy's loss minus the best policy's loss in the same run. Criteria disagree when a policy trades a better mean for a worse tail.</p>\n` +
    table(head, rows) +
    `\n<ul><li>lowest mean: <code>${esc(preferred.mean)}</code></li><li>lowest p90: <code>${esc(preferred.p90)}</code></li><li>lowest mean regret: <code>${esc(preferred.meanRegret)}</code></li><li>minimax regret: <code>${esc(preferred.maxRegret)}</code></li>${preferred.satisficing === undefined ? "" : `<li>most often satisficing: <code>${esc(preferred.satisficing)}</code></li>`}</ul>`
  );
}

function sweepSection(s: SweepResult): string {
  const asWritten = typeof s.asWritten === "number" ? plainNumber(s.asWritten) : `drawn from ${s.asWritten.param}`;
  const versus = s.versus === s.policy ? `${s.policy} as written` : s.versus;
  const blocks = s.reference.outcomes.map((reference, k) => {
    const unit = reference.unit;
    const row = (label: string, o: SweepOutcome) => {
      const t = formatInterval({ mean: o.mean, low: o.ci95Low, high: o.ci95High }, unit);
      return [label, `${esc(t.mean)} <span class="muted">(${esc(t.low)} to ${esc(t.high)})</span>`, esc(formatValue(o.p05, unit)), esc(formatValue(o.p50, unit)), esc(formatValue(o.p95, unit)), esc(differenceText(o.difference, unit))];
    };
    const rows = [...s.points.map((p) => row(esc(plainNumber(p.value)), p.outcomes[k]!)), row(`as written (${esc(asWritten)})`, reference)];
    const chart = sweepSvg(
      s.points.map((p) => ({ value: p.value, mean: p.outcomes[k]!.mean, ci95Low: p.outcomes[k]!.ci95Low, ci95High: p.outcomes[k]!.ci95High })),
      { title: `${reference.name} by ${s.field}`, field: s.field, outcome: reference.name, unit, id: `sweep-${k}` },
    );
    return `<h3><code>${esc(reference.name)}</code></h3>\n<figure class="single" style="max-width: 640px">${chart}</figure>\n${table([esc(s.field), "mean (95% interval)", "p05", "p50", "p95", `difference vs ${esc(versus)} (95% interval)`], rows)}`;
  });
  return (
    `<p>The <code>${esc(s.field)}</code> of <code>${esc(s.leverLabel)}</code> in policy <code>${esc(s.policy)}</code> (as written: ${esc(asWritten)}) set to each of ${s.points.length} values, every value simulated on the same ${s.runs.toLocaleString("en-US")} draws; differences are against ${esc(versus)}, run by run.</p>\n` +
    blocks.join("\n")
  );
}

/**
 * A self-contained HTML page of exploratory analysis: sensitivity indices with interval
 * whiskers (Sobol') or mu* against sigma (Morris), PRIM's coverage-density trade-off with
 * the chosen box's limits, the robustness (regret) table, and a lever sweep's means by grid
 * value, and a game: its payoff matrix (a bimatrix for two players, every profile for
 * more) with the equilibria marked, the game tree of play in turns with the subgame-perfect
 * path, which threats are credible, and a weight or uncertainty sweep's turning points; each section only
 * when its result is given. Charts are inline SVG: no scripts, no network. The same input
 * gives the same bytes.
 *
 * @param options - a title and at least one of `sensitivity`, `discovery`, `robustness`, `sweep`, `game` (the results of `sobolIndices` or `morrisScreening`, `discoverScenarios` or `prim`, `robustnessAnalysis` or `robustness`, `sweepLever`, `analyzeGame`).
 * @returns the HTML document as a string.
 * @throws {InputError} if no section is given or a result is empty.
 * @example
 * ```ts
 * const table = await robustnessAnalysis(scenario, { outcome: "gdpLoss:JP", runs: 2000, seed: 1 });
 * writeFileSync("robustness.html", renderAnalysisReport({ title: "Which policy holds up", robustness: table }));
 *
 * // a game, with where Japan's weight on China's chip output turns the answer
 * const game = await analyzeGame(scenario, { runs: 500, seed: 1 });
 * const sweep = sweepGameWeight(game, { player: "JP", outcome: "chipOutputLoss:CN", values: [-1e11, -5e10, 0] });
 * writeFileSync("game.html", renderAnalysisReport({ title: "The standoff as a game", game: { ...game, sweep, unit: "USD" } }));
 * ```
 */
export function renderAnalysisReport(options: AnalysisReportOptions): string {
  if (typeof options !== "object" || options === null) throw new InputError("options", "expected an object such as { robustness: table }");
  const sections: [string, string, string][] = [];
  if (options.sensitivity !== undefined) sections.push(["sensitivity", "Which inputs drive the outcome", sensitivitySection(options.sensitivity)]);
  if (options.discovery !== undefined) sections.push(["discovery", "Under which conditions the policy fails", discoverySection(options.discovery)]);
  if (options.robustness !== undefined) sections.push(["robustness", "Which policy holds up", robustnessSection(options.robustness)]);
  if (options.sweep !== undefined) sections.push(["sweep", "How much of the lever", sweepSection(options.sweep)]);
  if (options.game !== undefined) sections.push(["game", "What each country should choose", gameSection(options.game)]);
  if (sections.length === 0) throw new InputError("options", "expected at least one of sensitivity, discovery, robustness, sweep, game");
  const title = options.title ?? "Exploratory analysis";
  const given = sections.map(([id]) => id).join(", ");
  return page(title, `Exploratory analysis with chokepoint ${esc(CHOKEPOINT_VERSION)}: ${given}.`, sections, "Made with chokepoint. The same scenario, options and seed give the same report.");
}
