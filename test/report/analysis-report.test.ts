// The analysis report and its Vega-Lite specs: what each section says, the charts' marks and
// layout (estimated without a browser), the specs' data rows, bad input.
import { describe, expect, it } from "vitest";
import { morrisScreening } from "../../src/analysis/morris.js";
import { prim } from "../../src/analysis/prim.js";
import { robustness } from "../../src/analysis/robustness.js";
import { sobolIndices } from "../../src/analysis/sobol-indices.js";
import type { SweepResult } from "../../src/analysis/sweep-lever.js";
import { InputError } from "../../src/errors.js";
import { renderAnalysisReport } from "../../src/report/analysis-report.js";
import { indicesVegaLite, morrisVegaLite, primTradeoffVegaLite, sweepVegaLite } from "../../src/report/charts/analysis-vega-lite.js";
import { fourPlayerGame } from "../_helpers/game-analysis.js";
import { chartsOf as charts, outside, overlapping, textBoxes } from "../_helpers/svg-text.js";

const ishigami = (u: Float64Array) => {
  const [a, b, c] = Array.from(u, (v) => Math.PI * (2 * v - 1));
  return Math.sin(a!) + 7 * Math.sin(b!) ** 2 + 0.1 * c! ** 4 * Math.sin(a!);
};
const sobol = sobolIndices(ishigami, { dimensions: 3, samples: 512, seed: 1, names: ["x1", "x2", "x3"] });
const morris = morrisScreening(ishigami, { dimensions: 3, trajectories: 10, seed: 1, names: ["x1", "x2", "x3"] });
// a planted box: cases where x > 0.7 and y < 0.3, on a grid of 20 x 20 points (6 x 6 = 36 cases)
const grid = Array.from({ length: 400 }, (_, i) => ({ x: (i % 20) / 19, y: Math.floor(i / 20) / 19 }));
const planted = prim({ x: grid.map((p) => p.x), y: grid.map((p) => p.y) }, grid.map((p) => p.x > 0.7 && p.y < 0.3));
const table = robustness({ "us-alone": [1, 5, 2], aligned: [2, 2, 3] }, { threshold: 2 });
const outcome = (mean: number, d: number) => ({ name: "gdpLoss:JP", unit: "USD", mean, ci95Low: mean - 1e8, ci95High: mean + 1e8, p05: mean - 5e8, p50: mean, p95: mean + 5e8, difference: { count: 100, mean: d, sd: d === 0 ? 0 : 1e8, se: 1e7, ci95Low: d - 2e7, ci95High: d + 2e7, probabilityLower: d < 0 ? 1 : 0, probabilityHigher: 0 } });
const sweep: SweepResult = {
  policy: "aligned",
  lever: 2,
  leverLabel: "exportRestriction:JP:equipment",
  field: "severity",
  versus: "aligned",
  runs: 100,
  seed: "1",
  asWritten: 1,
  reference: { outcomes: [outcome(3.4e9, 0)] },
  points: [
    { value: 0, outcomes: [outcome(2e7, -3.38e9)] },
    { value: 0.5, outcomes: [outcome(1.7e9, -1.7e9)] },
    { value: 1, outcomes: [outcome(3.4e9, 0)] },
  ],
};

function expectLaidOut(html: string): void {
  for (const chart of charts(html)) {
    expect(chart.drawn, chart.kind).toBe(chart.marks);
    expect(outside(chart.svg).map((b) => b.text), chart.kind).toEqual([]);
    expect(overlapping(textBoxes(chart.svg)).map(([a, b]) => `${a.text} | ${b.text}`), chart.kind).toEqual([]);
  }
}

describe("renderAnalysisReport", () => {
  it("shows Sobol' indices with their intervals, the labels, and a whisker chart with two marks per parameter", () => {
    const html = renderAnalysisReport({ title: "Ishigami", sensitivity: { ...sobol, outcome: "gdpLoss:JP", policy: "aligned", versus: "us-alone" } });
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain("<title>Ishigami</title>");
    expect(html).toContain('<section id="sensitivity">');
    expect(html).toContain("Outcome <code>gdpLoss:JP</code> under <code>aligned</code> minus <code>us-alone</code>, run by run");
    const x2 = sobol.parameters[1]!;
    expect(x2.first.estimate).toBeGreaterThan(0.3); // the Ishigami function's S2 is 0.44
    const f = (v: number) => new Intl.NumberFormat("en-US", { maximumSignificantDigits: 3 }).format(v);
    expect(html).toContain(`<td><code>x2</code></td><td>${f(x2.first.estimate)} <span class="muted">(${f(x2.first.ci95Low)} to ${f(x2.first.ci95High)})</span></td>`);
    expect(charts(html).map((c) => [c.kind, c.marks])).toEqual([["sensitivity-indices", 6]]);
    expect(html).toContain("Sobol&#39; indices: gdpLoss:JP (aligned minus us-alone)");
    expectLaidOut(html);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
  });

  it("shows Morris's mu*, sigma and mu, and a scatter of mu* against sigma", () => {
    const html = renderAnalysisReport({ sensitivity: morris });
    expect(html).toContain("<title>Exploratory analysis</title>");
    for (const p of morris.parameters) expect(html).toContain(`<td><code>${p.name}</code></td>`);
    expect(charts(html).map((c) => [c.kind, c.marks])).toEqual([["morris", 3]]);
    expectLaidOut(html);
  });

  it("leaves out a Morris label that would fall on another (points at the same place)", () => {
    const html = renderAnalysisReport({ sensitivity: { parameters: [{ name: "a", mu: 0, muStar: 1, sigma: 1 }, { name: "b", mu: 0, muStar: 1, sigma: 1 }, { name: "c", mu: 0, muStar: 0, sigma: 0 }] } });
    const [chart] = charts(html);
    expect(chart!.marks).toBe(3);
    expect(textBoxes(chart!.svg).map((b) => b.text)).toEqual(expect.arrayContaining(["a", "c"]));
    expect(textBoxes(chart!.svg).map((b) => b.text)).not.toContain("b");
    expectLaidOut(html);
  });

  it("shows PRIM's trade-off with the chosen box ringed, and the chosen box's limits and quasi-p-values", () => {
    const last = planted.trajectory.length - 1;
    const box = planted.trajectory[last]!;
    expect(Object.keys(box.limits).sort()).toEqual(["x", "y"]);
    const html = renderAnalysisReport({ discovery: { ...planted, outcome: "gdpLoss:JP", policy: "aligned", above: 4e9, unit: "USD" } });
    expect(html).toContain("Cases of interest: runs with <code>gdpLoss:JP</code> under <code>aligned</code> above $4 bn: 36 of 400 runs.");
    expect(html).toContain(`The chosen box is the last of the trajectory (EMA Workbench's default): coverage ${(100 * box.coverage).toFixed(1)}%, density ${(100 * box.density).toFixed(1)}%`);
    expect(html).toMatch(/<td><code>x<\/code><\/td><td>0\.7368 to 1<\/td><td>&lt; 0\.0001<\/td>/);
    expect(html).toMatch(/<td><code>y<\/code><\/td><td>0 to 0\.2632<\/td>/);
    const [chart] = charts(html);
    expect(chart!.kind).toBe("prim-tradeoff");
    expect(chart!.marks).toBe(planted.trajectory.length);
    expect([...chart!.svg.matchAll(/class="mark chosen"/g)]).toHaveLength(1);
    expectLaidOut(html);
    const second = renderAnalysisReport({ discovery: { ...planted, chosen: 2 } });
    expect(second).toContain(`box 2 of ${planted.trajectory.length}, picked on the trade-off`);
    expect(second).toContain("<td><strong>2</strong></td>");
  });

  it("shows the regret table with each criterion's policy", () => {
    const html = renderAnalysisReport({ robustness: { ...table, outcome: "loss" } });
    // us-alone: mean 2.67, p90 4.4, regret [0, 3, 0] -> mean 1, max 3; best in 2 of 3 runs; satisficing 2 of 3
    expect(html).toContain("<tr><td><code>us-alone</code></td><td>2.67</td><td>4.4</td><td>1</td><td>3</td><td>2.4</td><td>66.7%</td><td>66.7%</td></tr>");
    expect(html).toContain("<tr><td><code>aligned</code></td><td>2.33</td><td>2.8</td><td>0.667</td><td>1</td><td>1</td><td>33.3%</td><td>66.7%</td></tr>");
    expect(html).toContain("<li>minimax regret: <code>aligned</code></li>");
    expect(html).toContain("<th>satisficing (&le; 2)</th>");
    expect(charts(html)).toEqual([]);
  });

  it("shows a sweep's means and paired differences per grid value, and its chart", () => {
    const html = renderAnalysisReport({ sweep });
    expect(html).toContain("The <code>severity</code> of <code>exportRestriction:JP:equipment</code> in policy <code>aligned</code> (as written: 1) set to each of 3 values");
    expect(html).toContain("<tr><td>0</td><td>$20 m <span class=\"muted\">(-$80 m to $120 m)</span></td>");
    expect(html).toContain("<td>-$3.38 bn (-$3.4 bn to -$3.36 bn)</td></tr>");
    expect(html).toContain("<tr><td>as written (1)</td>");
    expect(html).toContain("same in every run");
    expect(charts(html).map((c) => [c.kind, c.marks])).toEqual([["lever-sweep", 3]]);
    expectLaidOut(html);
  });

  it("puts every section given on one page, the same bytes for the same input", () => {
    const options = { sensitivity: sobol, discovery: planted, robustness: table, sweep, game: fourPlayerGame() };
    const html = renderAnalysisReport(options);
    expect([...html.matchAll(/<section id="(\w+)">/g)].map((m) => m[1])).toEqual(["sensitivity", "discovery", "robustness", "sweep", "game"]);
    expect(charts(html).map((c) => c.kind)).toEqual(["sensitivity-indices", "prim-tradeoff", "lever-sweep", "game-tree"]);
    expect(renderAnalysisReport(options)).toBe(html);
  });

  it("refuses a page with no section, no parameters, or a chosen box outside the trajectory", () => {
    expect(() => renderAnalysisReport({})).toThrow(new InputError("options", "expected at least one of sensitivity, discovery, robustness, sweep, game"));
    expect(() => renderAnalysisReport({ sensitivity: { parameters: [] } })).toThrow(InputError);
    expect(() => renderAnalysisReport({ discovery: { ...planted, chosen: 999 } })).toThrow(/discovery\.chosen: expected a box of the trajectory, from 0 to \d+, found 999/);
  });
});

describe("analysis Vega-Lite specs", () => {
  const SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";
  const roundTrip = (spec: object) => JSON.parse(JSON.stringify(spec));

  it("indices: a row per parameter and index, with the interval", () => {
    const spec = indicesVegaLite(sobol, { title: "Ishigami" });
    expect(roundTrip(spec)).toEqual(spec);
    expect(spec).toMatchObject({ $schema: SCHEMA, title: "Ishigami" });
    const rows = (spec.data as { values: object[] }).values;
    expect(rows).toHaveLength(6);
    expect(rows[2]).toEqual({ parameter: "x2", index: "first-order", estimate: sobol.parameters[1]!.first.estimate, ci95Low: sobol.parameters[1]!.first.ci95Low, ci95High: sobol.parameters[1]!.first.ci95High });
    expect(rows[3]).toMatchObject({ parameter: "x2", index: "total", estimate: sobol.parameters[1]!.total.estimate });
  });

  it("Morris: a row per parameter", () => {
    const spec = morrisVegaLite(morris);
    expect(spec.$schema).toBe(SCHEMA);
    expect((spec.data as { values: object[] }).values).toEqual(morris.parameters.map((p) => ({ parameter: p.name, mu: p.mu, muStar: p.muStar, sigma: p.sigma })));
  });

  it("PRIM: a row per box, the chosen one flagged", () => {
    const spec = primTradeoffVegaLite({ ...planted, chosen: 1 });
    expect(roundTrip(spec)).toEqual(spec);
    const rows = (spec.data as { values: { box: number; chosen: boolean; coverage: number }[] }).values;
    expect(rows).toHaveLength(planted.trajectory.length);
    expect(rows.filter((r) => r.chosen).map((r) => r.box)).toEqual([1]);
    expect(rows[0]).toEqual({ box: 0, coverage: 1, density: 0.09, mass: 1, restricted: 0, chosen: false });
    expect((primTradeoffVegaLite(planted).data as { values: { chosen: boolean }[] }).values.at(-1)!.chosen).toBe(true);
  });

  it("sweep: a row per grid value and outcome, with the paired difference", () => {
    const spec = sweepVegaLite(sweep);
    expect(spec).toMatchObject({ $schema: SCHEMA, title: "Sweep of severity", facet: { row: { field: "outcome" } } });
    const rows = (spec.data as { values: object[] }).values;
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual({ value: 0.5, outcome: "gdpLoss:JP", unit: "USD", mean: 1.7e9, ci95Low: 1.6e9, ci95High: 1.8e9, difference: -1.7e9, differenceLow: -1.7e9 - 2e7, differenceHigh: -1.7e9 + 2e7 });
    expect(() => sweepVegaLite({ ...sweep, points: [] })).toThrow(InputError);
  });
});
