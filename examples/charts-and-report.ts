// Charts and a report from code: SVG files for a slide deck, a Vega-Lite spec for a
// notebook, and the self-contained HTML report the CLI's --html writes.
//   npx tsx examples/charts-and-report.ts [folder]   (default: a new temporary folder)
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { comparisonSvg, fanChartSvg, histogramSvg, histogramVegaLite, networkSvg, renderHtmlReport, runExperiment } from "chokepoint";
import { loadBundledScenario } from "chokepoint/node";

const folder = process.argv[2] ?? mkdtempSync(join(tmpdir(), "chokepoint-report-"));
const scenario = await loadBundledScenario("illustrative-standoff");
// keepRuns: every run's values, for the report's "what drives the results" charts
const result = await runExperiment(scenario, { runs: Number(process.env.CHOKEPOINT_RUNS ?? 1_000), seed: "charts", keepRuns: true });

const aligned = result.policies.find((p) => p.name === "aligned")!;
const gdpLoss = aligned.outcomes.find((o) => o.name === "gdpLoss:JP")!;
const price = aligned.series.find((s) => s.name === "galliumPricePeak:outside")!;

const files: Record<string, string> = {
  "gdp-loss-jp.svg": histogramSvg(gdpLoss, { title: "GDP loss of Japan, US + Japan + Netherlands aligned" }),
  "gallium-price.svg": fanChartSvg(price, { period: result.scenario.period, title: "Gallium price outside China, aligned" }),
  "policies.svg": comparisonSvg(result, "gdpLoss:JP"),
  "network.svg": networkSvg(scenario, { policy: "aligned" }),
  "gdp-loss-jp.vl.json": `${JSON.stringify(histogramVegaLite(gdpLoss), null, 2)}\n`,
  "report.html": renderHtmlReport(result, scenario),
};
for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);

console.log(`${result.runs} runs of ${scenario.name}; wrote to ${folder}:`);
for (const [name, text] of Object.entries(files)) console.log(`  ${name.padEnd(20)} ${(text.length / 1024).toFixed(0).padStart(4)} KiB`);
console.log(`Japan's GDP loss when aligned: median ${(gdpLoss.p50 / 1e9).toFixed(2)} bn USD (90% of runs from ${(gdpLoss.p05 / 1e9).toFixed(2)} to ${(gdpLoss.p95 / 1e9).toFixed(2)})`);
