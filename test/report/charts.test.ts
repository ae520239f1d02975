// The chart functions: SVG output pinned by file snapshots (open them in a browser to see
// what changed), byte-stable, names escaped, degenerate data drawn without NaN, and the
// Vega-Lite specs plain JSON.
import { describe, expect, it } from "vitest";
import {
  predictiveSvg,
  priorPosteriorSvg,
  comparisonSvg,
  comparisonVegaLite,
  fanChartSvg,
  fanChartVegaLite,
  histogramSvg,
  histogramVegaLite,
  InputError,
  networkSvg,
  outcomeSummarySvg,
  parseScenario,
  policyDistributionsSvg,
  policySeriesSvg,
  supplyMatrixSvg,
  tornadoSvg,
  tornadoVegaLite,
  type ComparisonChartData,
  type FanChartData,
  type HistogramChartData,
  type TornadoBar,
} from "../../src/index.js";
import { resultFixture } from "../_helpers/result-fixture.js";
import { outside, overlapping, textBoxes } from "../_helpers/svg-text.js";
import { twoCountryWorld } from "../_helpers/worlds.js";

const histogram: HistogramChartData = {
  name: "gdpLoss:JP",
  unit: "USD",
  histogram: { edges: [0, 1e9, 2e9, 3e9, 4e9, 5e9], counts: [120, 410, 280, 0, 40] },
  p05: 3.1e8,
  p50: 1.6e9,
  p95: 3.9e9,
};

const fan: FanChartData = {
  name: "galliumPrice:outside",
  unit: "x base price",
  p05: [1, 1, 1.1, 1.2, 1.1, 1],
  p25: [1, 1.1, 1.4, 1.6, 1.3, 1.1],
  p50: [1, 1.2, 1.8, 2.1, 1.6, 1.2],
  p75: [1, 1.4, 2.3, 2.8, 2, 1.4],
  p95: [1, 1.9, 3.2, 4, 2.9, 1.8],
};

const comparison: ComparisonChartData = {
  baselinePolicy: "us-alone",
  comparisons: [
    {
      policy: "aligned",
      baseline: "us-alone",
      outcomes: [{ name: "gdpLoss:JP", unit: "USD", count: 1000, mean: 4.6e9, sd: 1e9, se: 3.2e7, ci95Low: 4.54e9, ci95High: 4.67e9, probabilityLower: 0.02, probabilityHigher: 0.97 }],
    },
    {
      policy: "aligned-stockpile",
      baseline: "us-alone",
      outcomes: [{ name: "gdpLoss:JP", unit: "USD", count: 1000, mean: -2e8, sd: 1e9, se: 3.2e7, ci95Low: -2.6e8, ci95High: -1.4e8, probabilityLower: 0.6, probabilityHigher: 0.3 }],
    },
    {
      policy: "us-nl",
      baseline: "us-alone",
      outcomes: [{ name: "gdpLoss:JP", unit: "USD", count: 1000, mean: 1e7, sd: 1e9, se: 3.2e7, ci95Low: -5e7, ci95High: 7e7, probabilityLower: 0.45, probabilityHigher: 0.5 }],
    },
  ],
};

const bars: TornadoBar[] = [
  { label: "retaliationProbability", low: 1.1e9, high: 3.9e9 },
  { label: "stock cover", low: 2.6e9, high: 1.9e9 },
  { label: "elasticity", low: 2.2e9, high: 2.45e9 },
];

const scenario = parseScenario(twoCountryWorld());
const fixture = resultFixture();

/** Every chart, as the snapshot files name them. */
/** A predictive check: exports that fall when licensing starts, observed with 10% error; the last point missed. */
const predictive = {
  name: "china-exports",
  unit: "t",
  prior: { p05: [400, 400, 400, 0, 20, 40, 50, 60], p50: [400, 400, 400, 10, 60, 110, 140, 160], p95: [400, 400, 400, 30, 150, 250, 320, 380] },
  posterior: { p05: [400, 400, 400, 5, 40, 80, 100, 120], p50: [400, 400, 400, 10, 60, 110, 140, 160], p95: [400, 400, 400, 20, 90, 150, 190, 220] },
  points: [
    { period: 1, value: 390, low: 335, high: 465, covered: true },
    { period: 4, value: 70, low: 35, high: 100, covered: true },
    { period: 7, value: 300, low: 90, high: 250, covered: false },
  ],
};

const charts: Record<string, () => string> = {
  histogram: () => histogramSvg(histogram),
  "fan-chart": () => fanChartSvg(fan, { period: "month" }),
  comparison: () => comparisonSvg(comparison, "gdpLoss:JP"),
  tornado: () => tornadoSvg(bars, { title: "GDP loss of JP by parameter", unit: "USD", base: 2.3e9, lowLabel: "lowest fifth", highLabel: "highest fifth" }),
  network: () => networkSvg(scenario, { policy: "ban" }),
  "outcome-summary": () => outcomeSummarySvg(fixture, "gdpLoss:JP", { title: "gdpLoss:JP: GDP loss of Japan over the horizon" }),
  "outcome-summary-zeros": () => outcomeSummarySvg(fixture, "vehicleOutputLoss:JP"),
  "outcome-summary-cap": () => outcomeSummarySvg(fixture, "anodePricePeak:outside", { cap: 6 }),
  "outcome-summary-share": () => outcomeSummarySvg(fixture, "retaliation", { kind: "share" }),
  "policy-distributions": () => policyDistributionsSvg(fixture, "gdpLoss:JP"),
  "policy-distributions-zeros": () => policyDistributionsSvg(resultFixture(false), "vehicleOutputLoss:JP"),
  "policy-distributions-cap": () => policyDistributionsSvg(fixture, "anodePricePeak:outside", { cap: 6 }),
  "policy-series": () => policySeriesSvg(fixture, "anodePricePeak:outside", { cap: 6, start: "2024-09" }),
  "supply-matrix": () => supplyMatrixSvg(scenario, { policy: "ban" }),
  predictive: () => predictiveSvg(predictive, { start: "2024-06" }),
  "prior-posterior": () =>
    priorPosteriorSvg({ name: "finalApproval", edges: [0, 0.25, 0.5, 0.75, 1], prior: [0.25, 0.25, 0.25, 0.25], posterior: [0.05, 0.6, 0.3, 0.05], interval: [0.2, 0.7] }, { width: 300 }),
};

/** The data marks of a chart (elements of class `mark`). */
const marks = (svg: string) => [...svg.matchAll(/class="mark[ "]/g)].length;

describe("SVG charts", () => {
  it.each(Object.keys(charts))("%s: matches its snapshot file", async (name) => {
    await expect(charts[name]!()).toMatchFileSnapshot(`__snapshots__/charts/${name}.svg`);
  });

  it.each(Object.keys(charts))("%s: the same input gives the same bytes; an <svg> with role, title, desc and aria ids; no NaN", (name) => {
    const svg = charts[name]!();
    expect(charts[name]!()).toBe(svg);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ')).toBe(true);
    expect(svg.endsWith("</svg>")).toBe(true);
    const id = /^<svg [^>]* id="([^"]+)"/.exec(svg)?.[1];
    expect(id).toBeDefined();
    expect(svg).toContain(`role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc"`);
    expect(svg).toMatch(new RegExp(`<title id="${id}-title">[^<]+</title><desc id="${id}-desc">[^<]+</desc>`));
    expect(svg).not.toMatch(/NaN|Infinity|undefined|\[object/);
    expect(Number(/data-marks="(\d+)"/.exec(svg)?.[1])).toBe(marks(svg));
  });

  it("draws the expected marks: one bar per non-empty bin, three fan-chart marks, a row per policy, a bar per entry, an arrow per flow, a line per distinct series, a cell per use", () => {
    expect(marks(charts["outcome-summary"]!())).toBe(4);
    expect(marks(charts["policy-distributions"]!())).toBe(4);
    // aligned and aligned-stockpile give the same values: one line, named for both
    expect(marks(charts["policy-series"]!())).toBe(3);
    expect(charts["policy-series"]!()).toContain(">aligned and aligned-stockpile</text>");
    // A uses x (its own output), B uses x (imported, restricted by ban) and y (its own)
    expect(marks(charts["supply-matrix"]!())).toBe(3);
    expect(marks(charts.histogram!())).toBe(4);
    expect(marks(charts["fan-chart"]!())).toBe(3);
    expect(marks(charts.comparison!())).toBe(3);
    expect(marks(charts.tornado!())).toBe(3);
    expect(marks(charts.network!())).toBe(1);
    expect(charts.network!()).toContain('data-restricted="policy"');
  });

  it("tells what the quantiles hide: runs above 0 when most are 0, runs at the cap, policies the same in every run", () => {
    expect(charts["outcome-summary-zeros"]!()).toContain(">runs &gt; 0</text>");
    expect(charts["policy-distributions-zeros"]!()).toContain(">runs &gt; 0</text>");
    // from the runs' values: exact shares; from the quantiles alone: bounds
    expect(policyDistributionsSvg(fixture, "vehicleOutputLoss:JP")).toMatch(/>\d+(\.\d+)?%<\/text>/);
    expect(charts["policy-distributions-zeros"]!()).toMatch(/>\d+% to \d+%<\/text>/);
    for (const name of ["outcome-summary-cap", "policy-distributions-cap"]) {
      expect(charts[name]!()).toContain(">at cap</text>");
      expect(charts[name]!()).toContain(">cap 6.00x</text>");
    }
    expect(charts["outcome-summary"]!()).toContain(">baseline</text>");
    expect(outcomeSummarySvg({ ...fixture, comparisons: fixture.comparisons.map((c) => ({ ...c, outcomes: c.outcomes.map((o) => ({ ...o, mean: 0, sd: 0, ci95Low: 0, ci95High: 0 })) })) }, "gdpLoss:JP")).toContain(">same in every run</text>");
  });

  it("labels axes with units and marks p05, p50 and p95 on histograms", () => {
    const svg = charts.histogram!();
    expect(svg).toContain(">gdpLoss:JP (USD)</text>");
    expect(svg).toContain(">runs</text>");
    for (const q of ["p05 $310 m", "p50 $1.6 bn", "p95 $3.9 bn"]) expect(svg).toContain(`>${q}</text>`);
    expect(charts["fan-chart"]!()).toContain(">month of the horizon (1 to 6)</text>");
    expect(charts["fan-chart"]!()).not.toContain("0-based");
    expect(fanChartSvg(fan, { period: "month", start: "2024-09" })).toContain(">month (Sep 2024 to Feb 2025)</text>");
    expect(fanChartSvg(fan, { period: "quarter", start: "2024-09" })).toContain(">Q3 2024</text>");
    expect(charts["fan-chart"]!()).toContain(">x base price</text>");
    expect(charts.comparison!()).toContain("difference to us-alone (USD)");
  });

  it("takes an id for the <svg> and its title and desc, and rejects one that is not a name", () => {
    expect(histogramSvg(histogram, { id: "chart-7" })).toContain('id="chart-7" class="chokepoint-chart"');
    expect(histogramSvg(histogram, { id: "chart-7" })).toContain('<title id="chart-7-title">');
    expect(() => histogramSvg(histogram, { id: 'x" onload="alert(1)' })).toThrow(InputError);
  });

  it("escapes names with <, &, \" and ' in text and attributes", () => {
    const name = `loss <of> "A" & 'B'`;
    const svgs = [
      histogramSvg({ ...histogram, name }),
      fanChartSvg({ ...fan, name }),
      comparisonSvg({ baselinePolicy: name, comparisons: [{ ...comparison.comparisons[0]!, policy: `${name}2`, outcomes: [{ ...comparison.comparisons[0]!.outcomes[0]!, name }] }] }, name),
      tornadoSvg([{ label: name, low: 1, high: 2 }], { title: name, unit: name }),
    ];
    for (const svg of svgs) {
      expect(svg).toContain("loss &lt;of&gt; &quot;A&quot; &amp; &#39;B&#39;");
      expect(svg).not.toContain("<of>");
      expect(svg).not.toContain('"A"');
    }
  });

  it("draws degenerate data without NaN: every run equal, empty bins, one bin, one period, flat bands, zero differences", () => {
    const svgs = [
      histogramSvg({ name: "x", unit: "USD", histogram: { edges: [5, 5], counts: [1000] }, p05: 5, p50: 5, p95: 5 }),
      histogramSvg({ name: "x", unit: "USD", histogram: { edges: [0, 0], counts: [10] } }),
      histogramSvg({ name: "x", unit: "share", histogram: { edges: [0, 1, 2, 3], counts: [0, 0, 0] } }),
      histogramSvg({ name: "x", unit: "USD", histogram: { edges: [-2e9, -1e9, 0], counts: [3, 0] }, p50: -1.5e9 }),
      fanChartSvg({ name: "x", unit: "USD", p05: [0], p25: [0], p50: [0], p75: [0], p95: [0] }),
      fanChartSvg({ name: "x", unit: "USD", p05: [3, 3, 3], p25: [3, 3, 3], p50: [3, 3, 3], p75: [3, 3, 3], p95: [3, 3, 3] }),
      comparisonSvg(
        { baselinePolicy: "a", comparisons: [{ policy: "b", baseline: "a", outcomes: [{ name: "x", unit: "USD", count: 5, mean: 0, sd: 0, se: 0, ci95Low: 0, ci95High: 0, probabilityLower: 0, probabilityHigher: 0 }] }] },
        "x",
      ),
      tornadoSvg([{ label: "p", low: 7, high: 7 }], { title: "flat", unit: "USD", base: 7 }),
      networkSvg(parseScenario({ ...twoCountryWorld(), world: { ...twoCountryWorld().world, flows: [], recipes: [] } })),
    ];
    for (const svg of svgs) {
      expect(svg).not.toMatch(/NaN|Infinity|undefined/);
      expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);
    }
    // all-zero bins: no bars, but a chart
    expect(marks(svgs[2]!)).toBe(0);
    // every run equal: one visible bar
    expect(marks(svgs[0]!)).toBe(1);
    expect(/<rect class="mark bar" x="[\d.]+" y="[\d.]+" width="([\d.]+)"/.exec(svgs[0]!)?.[1]).not.toBe("0");
  });

  it("rejects bad input with InputError naming the field", () => {
    expect(() => histogramSvg({ name: "x", unit: "USD" })).toThrow(/data\.histogram/);
    expect(() => histogramSvg({ name: "x", unit: "USD", histogram: { edges: [0, 1], counts: [1, 2] } })).toThrow(InputError);
    expect(() => histogramSvg({ name: "x", unit: "USD", histogram: { edges: [0, Number.NaN], counts: [1] } })).toThrow(/edges\[1\]/);
    expect(() => fanChartSvg({ ...fan, p95: [1] })).toThrow(/data\.p95/);
    expect(() => fanChartSvg({ ...fan, p50: [] })).toThrow(InputError);
    expect(() => comparisonSvg(comparison, "nope")).toThrow(/no comparison has an outcome "nope"/);
    expect(() => comparisonSvg({ baselinePolicy: "a", comparisons: [] }, "x")).toThrow(/single policy/);
    expect(() => tornadoSvg([], { title: "t", unit: "USD" })).toThrow(/at least one bar/);
    expect(() => tornadoSvg([{ label: "a", low: Number.NaN, high: 1 }], { title: "t", unit: "USD" })).toThrow(/bars\[0\]\.low/);
    expect(() => networkSvg(scenario, { goods: ["z"] })).toThrow(/no good "z"/);
    expect(() => networkSvg(scenario, { policy: "nope" })).toThrow(/no policy "nope"/);
    expect(() => histogramSvg(histogram, { width: 10 })).toThrow(/options\.width/);
    expect(() => outcomeSummarySvg(fixture, "nope")).toThrow(/no outcome "nope"/);
    expect(() => policyDistributionsSvg(fixture, "nope")).toThrow(InputError);
    expect(() => outcomeSummarySvg(fixture, "gdpLoss:JP", { cap: Number.NaN })).toThrow(/options\.cap/);
    expect(() => policySeriesSvg(fixture, "gdpLoss:JP")).toThrow(/recorded per period/);
    expect(() => policySeriesSvg(fixture, "anodePricePeak:outside", { start: "Sep 2024" })).toThrow(/YYYY-MM/);
    expect(() => fanChartSvg(fan, { start: "2024-13" })).toThrow(/options\.start/);
    expect(() => supplyMatrixSvg(scenario, { goods: ["z"] })).toThrow(/no good "z"/);
    expect(() => supplyMatrixSvg(scenario, { policy: "nope" })).toThrow(/no policy "nope"/);
  });
});

describe("Vega-Lite specs", () => {
  const specs: Record<string, () => unknown> = {
    histogram: () => histogramVegaLite(histogram),
    "fan-chart": () => fanChartVegaLite(fan, { period: "quarter" }),
    comparison: () => comparisonVegaLite(comparison, "gdpLoss:JP"),
    tornado: () => tornadoVegaLite(bars, { title: "GDP loss of JP by parameter", unit: "USD", base: 2.3e9 }),
  };

  it.each(Object.keys(specs))("%s: plain JSON (survives a JSON round trip unchanged), the same for the same input, v5 schema", (name) => {
    const spec = specs[name]!() as Record<string, unknown>;
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    expect(JSON.stringify(specs[name]!())).toBe(JSON.stringify(spec));
    expect(spec.$schema).toBe("https://vega.github.io/schema/vega-lite/v5.json");
    expect(typeof spec.title).toBe("string");
    // every number finite; null only where Vega-Lite means "none" (no sort, no title)
    const visit = (value: unknown, key: string): void => {
      if (value === null) expect(["sort", "title"]).toContain(key);
      else if (typeof value === "number") expect(Number.isFinite(value)).toBe(true);
      else if (typeof value === "object") for (const [k, v] of Object.entries(value)) visit(v, Array.isArray(value) ? key : k);
    };
    visit(spec, "");
  });

  it("puts the data inline with units in the axis titles", () => {
    const spec = histogramVegaLite(histogram) as unknown as { layer: { data: { values: unknown[] }; encoding: { x?: { title?: string } } }[] };
    expect(spec.layer[0]!.data.values).toEqual([
      { from: 0, to: 1e9, runs: 120 },
      { from: 1e9, to: 2e9, runs: 410 },
      { from: 2e9, to: 3e9, runs: 280 },
      { from: 3e9, to: 4e9, runs: 0 },
      { from: 4e9, to: 5e9, runs: 40 },
    ]);
    expect(spec.layer[0]!.encoding.x?.title).toBe("gdpLoss:JP (USD)");
    const fanSpec = fanChartVegaLite(fan) as unknown as { data: { values: { period: number }[] } };
    expect(fanSpec.data.values.map((v) => v.period)).toEqual([0, 1, 2, 3, 4, 5]);
    const tornadoSpec = tornadoVegaLite(bars, { title: "t", unit: "USD" }) as unknown as { data: { values: { label: string; order: number }[] } };
    expect(tornadoSpec.data.values.map((v) => `${v.order}:${v.label}`)).toEqual([
      "0:retaliationProbability",
      "0:retaliationProbability",
      "1:stock cover",
      "1:stock cover",
      "2:elasticity",
      "2:elasticity",
    ]);
  });

  it("rejects data it cannot chart", () => {
    expect(() => histogramVegaLite({ name: "x", unit: "USD" })).toThrow(InputError);
    expect(() => fanChartVegaLite({ ...fan, p05: [] })).toThrow(InputError);
    expect(() => comparisonVegaLite(comparison, "nope")).toThrow(InputError);
    expect(() => tornadoVegaLite([], { title: "t", unit: "USD" })).toThrow(InputError);
  });
});

describe("chart labels", () => {
  const long = "a-policy-with-a-name-far-longer-than-any-chart-would-like-to-show-in-full";
  const stress: Record<string, () => string> = {
    ...charts,
    "long title": () => histogramSvg(histogram, { title: `Distribution of ${"a long outcome name ".repeat(6)}`, width: 320, xLabel: "month (0-based; 24 = not within the horizon, and more words that need a second line)" }),
    "long names": () =>
      comparisonSvg({ baselinePolicy: long, comparisons: comparison.comparisons.map((c) => ({ ...c, baseline: long, policy: `${c.policy}-${long}` })) }, "gdpLoss:JP", { width: 420 }),
    "baseline at the right edge": () =>
      comparisonSvg({ baselinePolicy: "us-alone", comparisons: comparison.comparisons.map((c) => ({ ...c, outcomes: c.outcomes.map((o) => ({ ...o, mean: -Math.abs(o.mean) - 1e9, ci95Low: -Math.abs(o.mean) - 2e9, ci95High: -1e8 })) })) }, "gdpLoss:JP"),
    "narrow fan chart": () => fanChartSvg(fan, { width: 200, yLabel: "price outside the countries that restrict, as a multiple of the base price", start: "2024-09" }),
    "tornado, long labels": () => tornadoSvg([{ label: long, low: 1, high: 3 }, ...bars], { title: long, unit: "USD", width: 300, lowLabel: "lowest fifth of draws", highLabel: "highest fifth of draws" }),
    "wide money ticks": () => histogramSvg({ ...histogram, histogram: { edges: [-1.7e7, 2e7, 5e7, 8e7], counts: [3, 4, 5] } }, { width: 240 }),
  };

  it.each(Object.keys(stress))("%s: every text inside the view box, none over another (estimated at DejaVu Sans widths)", (name) => {
    const svg = stress[name]!();
    expect(outside(svg).map((b) => b.text)).toEqual([]);
    expect(overlapping(textBoxes(svg)).map(([a, b]) => `${a.text} | ${b.text}`)).toEqual([]);
  });

  it("wraps a long title and a long axis title instead of cutting them", () => {
    const svg = stress["long title"]!();
    expect(svg).toContain("<tspan");
    expect(textBoxes(svg).map((b) => b.text).join(" ")).toContain("more words that need a second line");
  });
});
