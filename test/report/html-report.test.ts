// The HTML report: self-contained (no scripts, fonts or anything fetched), every chart with
// its text alternative and a unique id, the sections the issue asks for, deterministic.
import { beforeAll, describe, expect, it } from "vitest";
import { InputError, renderHtmlReport, runExperiment, type ExperimentResult, type Scenario } from "../../src/index.js";
import { loadBundledScenario } from "../../src/node.js";
import { outside, overlapping, textBoxes } from "../_helpers/svg-text.js";

let scenario: Scenario;
let result: ExperimentResult;
let html: string;

beforeAll(async () => {
  scenario = await loadBundledScenario("illustrative-standoff");
  result = await runExperiment(scenario, { runs: 300, seed: "report", keepRuns: true });
  html = renderHtmlReport(result, scenario);
});

/** Every `<svg>` of the page with its kind and declared number of marks. */
function charts(page: string): { kind: string; marks: number; svg: string }[] {
  return [...page.matchAll(/<svg [^>]*data-chart="([a-z-]+)" data-marks="(\d+)"[\s\S]*?<\/svg>/g)].map((m) => ({ kind: m[1]!, marks: Number(m[2]), svg: m[0] }));
}

describe("renderHtmlReport", () => {
  it("is one self-contained document: no scripts, no external resources, fonts or imports; print styles", () => {
    expect(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">")).toBe(true);
    expect(html.endsWith("</html>\n")).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|@font-face|url\(|src=/i);
    // links to sources are plain links, not fetched
    for (const [, href] of html.matchAll(/href="([^"]+)"/g)) expect(href!.startsWith("#") || /^https?:\/\//.test(href!)).toBe(true);
    expect(html).toContain("@media print");
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).not.toMatch(/NaN|Infinity|undefined|\[object/);
  });

  it("is the same, byte for byte, for the same result and scenario (no timestamps)", async () => {
    expect(renderHtmlReport(result, scenario)).toBe(html);
    const again = await runExperiment(scenario, { runs: 300, seed: "report", keepRuns: true });
    expect(renderHtmlReport(again, scenario)).toBe(html);
  });

  it("leads with the summary, then the sections: the run, distributions, over time, comparison, first retaliation, sensitivity, network, every outcome, assumptions and sources", () => {
    const sections = [...html.matchAll(/<section id="([a-z-]+)">/g)].map((m) => m[1]);
    expect(sections).toEqual(["summary", "about", "distributions", "over-time", "comparison", "timing", "sensitivity", "network", "all-outcomes", "assumptions"]);
    // the summary comes before anything else but the title
    expect(html.indexOf('<section id="summary">')).toBeLessThan(html.indexOf('<nav class="contents"'));
    expect(html).toContain("<h2>Assumptions and sources</h2>");
    expect(html).toContain("<strong>Sources cited</strong>");
  });

  it("says in the summary, for every policy, the lead outcome's mean, its 90% range and its difference to the baseline in the same draws, and what the intervals are", () => {
    const summary = /<section id="summary">[\s\S]*?<\/section>/.exec(html)![0];
    const sentences = [...summary.matchAll(/<li><span class="swatch"[\s\S]*?<\/li>/g)].map((m) => m[0].replace(/<[^>]+>/g, ""));
    expect(sentences).toHaveLength(result.policies.length);
    for (const sentence of sentences) expect(sentence).toMatch(/averages .+ \(90% of runs between .+ and .+\)/);
    for (const sentence of sentences.slice(1)) expect(sentence).toMatch(/than under us-alone in the same draws|the same as under us-alone in every run|no clear difference from us-alone/);
    expect(summary).toContain("Monte Carlo precision of the mean difference");
    expect(summary).toContain("say nothing about how uncertain the model is");
  });

  it("draws a summary panel per headline outcome, every policy on one distribution chart per outcome, a chart per series, a comparison per headline outcome, the supply matrices", () => {
    const found = charts(html);
    const count = (kind: string) => found.filter((c) => c.kind === kind).length;
    const headline = scenario.headlineOutcomes!;
    // `retaliation` (rule fired: 0 or 1) is a table of shares; `retaliationMonth` (first firing) gets its distribution under timing
    expect(count("outcome-summary")).toBe(headline.length);
    expect(count("distributions")).toBe(headline.filter((name) => name !== "retaliation").length + 1);
    expect(count("histogram")).toBe(0);
    expect(count("series")).toBe(result.outcomes.filter((o) => o.series).length);
    expect(count("comparison")).toBe(headline.length);
    expect(count("supply-matrix")).toBe(2);
    expect(count("tornado")).toBeGreaterThan(0);
    for (const chart of found) {
      expect([...chart.svg.matchAll(/class="mark[ "]/g)]).toHaveLength(chart.marks);
      expect(chart.marks).toBeGreaterThan(0);
    }
  });

  it("keeps every chart's texts inside its view box and apart (estimated at DejaVu Sans widths); never counts periods from 0; no scientific notation", () => {
    for (const { svg } of charts(html)) {
      const id = /^<svg [^>]* id="([^"]+)"/.exec(svg)![1]!;
      expect(outside(svg).map((b) => `${id}: ${b.text}`)).toEqual([]);
      expect(overlapping(textBoxes(svg)).map(([a, b]) => `${id}: ${a.text} | ${b.text}`)).toEqual([]);
    }
    expect(html).not.toContain("0-based");
    const text = html.replace(/<style>[\s\S]*?<\/style>/, "").replace(/<[^>]+>/g, " ");
    expect(text).not.toMatch(/\d(\.\d+)?e[-+]\d/);
    expect(text).toContain("month of the horizon (1 to 24)");
  });

  it("names periods by the calendar given a start date, and refuses one that is not a date", () => {
    const page = renderHtmlReport(result, scenario, { start: "2024-09" });
    expect(page).toContain("from Sep 2024");
    expect(page).toContain(">Sep 2024</text>");
    expect(page).toContain("(Sep 2024 to Aug 2026)");
    expect(() => renderHtmlReport(result, scenario, { start: "September" })).toThrow(InputError);
  });

  it("gives every chart a unique id, a title and a description that its aria attributes point at", () => {
    const ids = charts(html).map((c) => /^<svg [^>]* id="([^"]+)"/.exec(c.svg)![1]!);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { svg } of charts(html)) {
      const id = /^<svg [^>]* id="([^"]+)"/.exec(svg)![1]!;
      expect(svg).toContain(`role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc"`);
      expect(svg).toMatch(new RegExp(`<title id="${id}-title">[^<]+</title><desc id="${id}-desc">[^<]{20,}</desc>`));
    }
  });

  it("shows the featured outcomes asked for, and checks them", () => {
    const page = renderHtmlReport(result, scenario, { outcomes: ["gdpLoss:US"], title: "Only the US" });
    expect(page).toContain("<title>Only the US</title>");
    expect(charts(page).filter((c) => c.kind === "comparison")).toHaveLength(1);
    expect(() => renderHtmlReport(result, scenario, { outcomes: ["gdpLoss:XX"] })).toThrow(InputError);
    expect(() => renderHtmlReport({ ...result, scenario: { ...result.scenario, name: "other" } }, scenario)).toThrow(/not "illustrative-standoff"/);
  });

  it("works without per-run values (no sensitivity section) and with streaming summaries", async () => {
    const streaming = await runExperiment(scenario, { runs: 300, seed: "report", summaries: "streaming" });
    const page = renderHtmlReport(streaming, scenario);
    expect(page).not.toContain('<section id="sensitivity">');
    expect(page).toContain("streaming summaries");
    expect(charts(page).filter((c) => c.kind === "distributions").length).toBeGreaterThan(0);
    expect(page).not.toMatch(/NaN|Infinity/);
  });

  it("escapes the scenario's text", async () => {
    const odd = { ...scenario, title: `<b>"A" & 'B'</b>`, description: "x < y" };
    const page = renderHtmlReport(await runExperiment(odd, { runs: 20, seed: 1 }), odd);
    expect(page).toContain("<title>&lt;b&gt;&quot;A&quot; &amp; &#39;B&#39;&lt;/b&gt;</title>");
    expect(page).toContain("x &lt; y");
    expect(page).not.toContain("<b>");
  });

  it("links only http, https and mailto sources; any other URL is shown as text, and a Content-Security-Policy forbids scripts", async () => {
    const urls = [
      "javascript:alert(document.domain)",
      "JavaScript:alert(1)",
      " javascript:alert(1)",
      "java\tscript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "file:///etc/passwd",
      "https://example.org/report.pdf",
      "HTTP://example.org/upper",
      "mailto:someone@example.org",
    ];
    const sourced = { ...scenario, source: urls.map((url, i) => ({ publication: `Source ${i}`, url })) };
    const page = renderHtmlReport(await runExperiment(sourced, { runs: 20, seed: 1 }), sourced);
    const hrefs = [...page.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!).filter((href) => !href.startsWith("#"));
    expect([...new Set(hrefs)]).toEqual([
      "https://example.org/report.pdf",
      "HTTP://example.org/upper",
      "mailto:someone@example.org",
    ]);
    // the others are there, as text
    expect(page).toContain('<span class="url">javascript:alert(document.domain)</span>');
    expect(page).toContain('<span class="url">data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;</span>');
    expect(page).not.toMatch(/href="\s*(java|vb)script:/i);
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1];
    expect(policy).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'");
    expect(page.indexOf("Content-Security-Policy")).toBeLessThan(page.indexOf("<style>"));
  });
});
