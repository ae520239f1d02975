// The HTML report of a calibration: the posterior beside the priors, the predictive check
// per observed series, and the sampler's diagnostics, in one self-contained page.
import type { CalibrationResult } from "../calibrate/calibrate.js";
import type { PredictionResult } from "../calibrate/predict.js";
import type { PredictiveCheck } from "../calibrate/predictive.js";
import { InputError } from "../errors.js";
import { createDistribution } from "../random/distribution.js";
import type { Scenario } from "../schema/scenario.js";
import { predictiveSvg } from "./charts/predictive-svg.js";
import { priorPosteriorSvg } from "./charts/prior-posterior-svg.js";
import { formatCount } from "./charts/svg.js";
import { formatValue } from "./format-number.js";
import { CONTENT_SECURITY_POLICY, STYLE } from "./html-report.js";
import { esc } from "./_internals/report-context.js";

const BINS = 24;
const n = (x: number) => (x === Infinity ? "none" : formatValue(x, "", { digits: 3 }));

/**
 * A self-contained HTML report of a calibration: in brief, the posterior of each fitted
 * parameter beside its prior (table and chart), their correlations, the predictive check
 * of every observed series (the prior's and the posterior's 90% bands, the observations on
 * their predictive intervals, coverage), and the sampler's diagnostics (tolerances, acceptance
 * rates, effective sample sizes). The same result and scenario give the same bytes.
 *
 * @param result - what `calibrate` returned.
 * @param scenario - the scenario it was fitted on (for the priors and the calendar).
 * @returns the HTML document as a string.
 * @throws {InputError} if the result is not of this scenario.
 * @example
 * ```ts
 * const fit = await calibrate(scenario, observations, { seed: 1 });
 * writeFileSync("calibration.html", renderCalibrationReport(fit, scenario));
 * ```
 */
export function renderCalibrationReport(result: CalibrationResult, scenario: Scenario): string {
  if (result?.scenario?.name !== scenario?.name) {
    throw new InputError("scenario", `the calibration is of scenario "${String(result?.scenario?.name)}", not "${String(scenario?.name)}"`);
  }
  const { posterior, predictive } = result;
  const title = `Calibration of ${scenario.title ?? scenario.name} to ${result.observations.name}`;
  const points = result.observations.points;
  const covered = Math.round(predictive.coverage * points);
  const priorCovered = Math.round(predictive.priorCoverage * points);
  const brief = [
    `${points} observed points in ${result.observations.series} series, simulated under the policy <code>${esc(result.policy)}</code>.`,
    `<strong>${covered} of ${points}</strong> points lie inside their 90% predictive intervals under the posterior (${Math.round(100 * predictive.coverage)}%; 90% or more is expected of a model that fits, in sample); under the prior, ${priorCovered}.`,
    ...posterior.summary.map(
      (p) =>
        `<code>${esc(p.name)}</code>: ${n(p.mean)}, 90% interval ${n(p.p05)} to ${n(p.p95)} (prior ${n(p.prior.p05)} to ${n(p.prior.p95)}; ${p.intervalRatio < 0.5 ? "the observations narrow it" : p.intervalRatio < 0.9 ? "the observations narrow it somewhat" : "the observations say little about it"}).`,
    ),
    `${posterior.generations.length} populations of ${formatCount(posterior.draws.length)} particles, ${formatCount(posterior.simulations)} simulations, effective sample size ${formatCount(Math.round(posterior.effectiveSampleSize))}; stopped because ${stopText(posterior.stopReason)}.`,
  ];
  const summaryRows = posterior.summary
    .map((p) => `<tr><td><code>${esc(p.name)}</code></td><td>${n(p.prior.p05)} to ${n(p.prior.p95)}</td><td>${n(p.mean)}</td><td>${n(p.sd)}</td><td>${n(p.median)}</td><td>${n(p.p05)} to ${n(p.p95)}</td><td>${n(p.intervalRatio)}</td></tr>`)
    .join("\n");
  const correlationRows = posterior.parameters
    .map((name, a) => `<tr><td><code>${esc(name)}</code></td>${posterior.correlations[a]!.map((r) => `<td>${r.toFixed(2)}</td>`).join("")}</tr>`)
    .join("\n");
  const priors = posterior.parameters.map((name) => {
    const uncertainty = scenario.uncertainties.find((u) => u.name === name);
    return uncertainty === undefined ? undefined : createDistribution(uncertainty.distribution);
  });
  const parameterCharts = posterior.parameters
    .map((name, k) => {
      const prior = priors[k];
      if (prior === undefined) return "";
      const column = posterior.draws.map((row) => row[k]!);
      const low = Math.min(prior.quantile(0.005), ...column);
      const high = Math.max(prior.quantile(0.995), ...column);
      if (!(high > low)) return "";
      const edges = Array.from({ length: BINS + 1 }, (_, i) => low + ((high - low) * i) / BINS);
      // the prior's share of each bin; the first and last bins take its tails too
      const priorShares = edges.slice(1).map((edge, i) => (i === BINS - 1 ? 1 : prior.cdf(edge)) - (i === 0 ? 0 : prior.cdf(edges[i]!)));
      const posteriorShares = new Array<number>(BINS).fill(0);
      column.forEach((value, i) => {
        const bin = Math.min(BINS - 1, Math.max(0, Math.floor(((value - low) / (high - low)) * BINS)));
        posteriorShares[bin]! += posterior.weights[i]!;
      });
      const summary = posterior.summary[k]!;
      return `<figure>${priorPosteriorSvg({ name, edges, prior: priorShares, posterior: posteriorShares, interval: [summary.p05, summary.p95] }, { id: `parameter-${k}` })}</figure>`;
    })
    .join("\n");
  const seriesCharts = predictiveSection(predictive, scenario);
  const generationRows = posterior.generations
    .map((g, t) => `<tr><td>${t}</td><td>${n(g.tolerance)}</td><td>${formatCount(g.simulations)}</td><td>${(100 * g.acceptanceRate).toFixed(1)}%</td><td>${formatCount(Math.round(g.effectiveSampleSize))}</td></tr>`)
    .join("\n");
  const sections = [
    ["summary", "In brief", `<ul>${brief.map((line) => `<li>${line}</li>`).join("\n")}</ul>`],
    [
      "posterior",
      "The posterior",
      `<p>Weighted draws of the last population. The width ratio is the posterior's 90% interval over the prior's: near 1, the observations say little about the parameter.</p>\n<table><thead><tr><th>parameter</th><th>prior 90%</th><th>mean</th><th>sd</th><th>median</th><th>90% interval</th><th>width vs prior</th></tr></thead><tbody>\n${summaryRows}\n</tbody></table>\n` +
        `<h3>Correlations</h3>\n<p>Weighted correlations of the posterior draws. Strong ones mean the observations pin down a combination of parameters rather than each: <code>applyPosterior</code> keeps them, by drawing the parameters jointly.</p>\n<table><thead><tr><th></th>${posterior.parameters.map((p) => `<th><code>${esc(p)}</code></th>`).join("")}</tr></thead><tbody>\n${correlationRows}\n</tbody></table>\n` +
        `<div class="charts">${parameterCharts}</div>`,
    ],
    [
      "predictive",
      "Predictive check",
      `<p>Each observed series beside the series simulated ${predictive.runs} times from the prior and from the posterior (the scenario's other uncertainties drawn from their distributions). The bands are the model's; each observation is drawn on its 90% predictive interval, the model's value plus a draw of the observation's own error, and is covered when it lies inside. The fit used these points, so a fit that is right covers 90% of them or more (the tolerance of the fit widens the intervals); far fewer means the model cannot reproduce what was observed, whatever the parameters. The predictive quantile is the share of replicated observations below the observed value: values near 0 or 1 mark points the model misses. Only observations the fit did not see test a prediction (<code>chokepoint predict</code>).</p>\n${seriesCharts}`,
    ],
    [
      "diagnostics",
      "How the sampler got there",
      `<p>ABC-SMC: each population's tolerance is a quantile of the previous population's distances (root mean square of errors standardised by each point's uncertainty); proposals farther than it are rejected. A tolerance that stops falling, or a collapsing effective sample size, limit what the posterior can say. Seed <code>${esc(String(posterior.seed))}</code>.</p>\n<table><thead><tr><th>population</th><th>tolerance</th><th>simulations</th><th>accepted</th><th>effective sample size</th></tr></thead><tbody>\n${generationRows}\n</tbody></table>`,
    ],
  ] as const;
  return page(title, `Scenario <code>${esc(scenario.name)}</code> (sha256 ${esc(result.scenario.sha256.slice(0, 12))}), observations <code>${esc(result.observations.name)}</code>, chokepoint ${esc(result.chokepointVersion)}.`, sections, "Made with chokepoint calibrate. The same scenario, observations and seed give the same report.");
}

/** A self-contained page of sections: a title, a line under it, the sections (id, heading, HTML) and a footer. */
export function page(title: string, meta: string, sections: readonly (readonly [string, string, string])[], footer: string): string {
  return (
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${esc(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n<main>\n` +
    `<header>\n<h1>${esc(title)}</h1>\n<p class="meta">${meta}</p>\n</header>\n` +
    sections.map(([id, heading, html]) => `<section id="${id}">\n<h2>${esc(heading)}</h2>\n${html}\n</section>\n`).join("") +
    `<footer>${footer}</footer>\n</main>\n</body>\n</html>\n`
  );
}


/** Per observed series: its chart and a folded table of its points. */
function predictiveSection(predictive: PredictiveCheck, scenario: Scenario): string {
  const calendar = { period: scenario.period, ...(scenario.start === undefined ? {} : { start: scenario.start }) };
  return predictive.series
    .map((series, s) => {
      const rows = series.points
        .map((p) => `<tr><td>${p.period}</td><td>${esc(formatValue(p.value, series.unit))}</td><td>${esc(formatValue(p.sd, series.unit))}</td><td>${esc(formatValue(p.low, series.unit))} to ${esc(formatValue(p.high, series.unit))}</td><td>${p.quantile.toFixed(2)}</td><td>${p.covered ? "yes" : "<strong>no</strong>"}</td></tr>`)
        .join("\n");
      return (
        `<h3><code>${esc(series.name)}</code></h3>\n<p>${esc(series.description)} <span class="muted">Unit: ${esc(series.unit)}. ${series.points.filter((p) => p.covered).length} of ${series.points.length} points inside their 90% predictive intervals.</span></p>\n` +
        `<figure style="max-width: 640px">${predictiveSvg(series, { ...calendar, id: `series-${s}` })}</figure>\n` +
        `<details><summary>The points</summary><table><thead><tr><th>period (from 0)</th><th>observed</th><th>sd</th><th>90% predictive interval</th><th>predictive quantile</th><th>covered</th></tr></thead><tbody>\n${rows}\n</tbody></table></details>`
      );
    })
    .join("\n");
}

function stopText(reason: CalibrationResult["posterior"]["stopReason"]): string {
  return {
    tolerance: "the tolerance reached its target",
    acceptance: "the acceptance rate fell below its minimum",
    generations: "the most populations were run",
    simulations: "the simulation budget ran out (the last population was not completed)",
    converged: "the tolerance stopped falling",
  }[reason];
}

/**
 * A self-contained HTML report of a prediction (`predict`): each observed series beside the
 * bands the scenario simulates, with and without its posterior, and the coverage.
 *
 * @param result - what `predict` returned.
 * @param scenario - the scenario it was run on.
 * @returns the HTML document as a string.
 * @throws {InputError} if the result is not of this scenario.
 * @example
 * ```ts
 * writeFileSync("prediction.html", renderPredictionReport(predict(calibrated, observations, { seed: 1 }), calibrated));
 * ```
 */
export function renderPredictionReport(result: PredictionResult, scenario: Scenario): string {
  if (result?.scenario?.name !== scenario?.name) {
    throw new InputError("scenario", `the prediction is of scenario "${String(result?.scenario?.name)}", not "${String(scenario?.name)}"`);
  }
  const { predictive } = result;
  const points = result.observations.points;
  const share = (x: number) => `${Math.round(x * points)} of ${points} points (${Math.round(100 * x)}%)`;
  const brief = result.calibrated
    ? `With its posterior, the scenario covers ${share(predictive.coverage)}; with its priors alone, ${share(predictive.priorCoverage)}. In the charts, the grey band is the priors' and the blue band the posterior's.`
    : `The scenario covers ${share(predictive.coverage)}. It has no posterior: both bands are the same.`;
  const sections = [
    ["summary", "In brief", `<p>${brief} About 90% is expected of a model that predicts well.</p>`],
    ["predictive", "The observations beside the simulations", predictiveSection(predictive, scenario)],
  ] as const;
  return page(
    `Prediction of ${result.observations.name} by ${scenario.title ?? scenario.name}`,
    `Scenario <code>${esc(scenario.name)}</code> (sha256 ${esc(result.scenario.sha256.slice(0, 12))}), ${predictive.runs} runs, policy <code>${esc(result.policy)}</code>, chokepoint ${esc(result.chokepointVersion)}.`,
    sections,
    "Made with chokepoint predict. The same scenario, observations and seed give the same report.",
  );
}
