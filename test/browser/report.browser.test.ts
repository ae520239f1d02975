// The HTML report in a real browser: Debian's chromium, headless, driven by playwright-core
// (no browser download). Every chart must render (SVG present, non-empty, the expected
// number of marks), the page must log no errors and fetch nothing, fit a laptop screen
// without sideways scrolling, and print without its table of contents. A screenshot goes
// to test-output/browser/ (not committed). Skipped, saying so, only where /usr/bin/chromium
// is missing; CI (.ci/run) installs it.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderHtmlReport, runExperiment } from "../../src/index.js";
import { loadBundledScenario } from "../../src/node.js";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
const output = resolve(dirname(fileURLToPath(import.meta.url)), "../../test-output/browser");

if (!hasChromium) {
  console.warn(`test/browser: skipped, ${CHROMIUM} is not installed (apt-get install -y chromium)`);
}

/** What the page says about one chart. */
interface RenderedChart {
  readonly kind: string;
  readonly declaredMarks: number;
  readonly marks: number;
  readonly width: number;
  readonly height: number;
  readonly title: string;
  readonly description: string;
}

describe.skipIf(!hasChromium)(`HTML report in headless Chromium (${CHROMIUM})`, () => {
  let browser: Browser;
  let file = "";
  let html = "";

  beforeAll(async () => {
    const scenario = await loadBundledScenario("illustrative-standoff");
    const result = await runExperiment(scenario, { runs: 200, seed: "browser", keepRuns: true });
    html = renderHtmlReport(result, scenario);
    mkdirSync(output, { recursive: true });
    file = join(output, "report.html");
    writeFileSync(file, html);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("renders every chart with its marks, logs no errors, fetches nothing, fits a laptop screen and prints", async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    // nothing but the file itself may be loaded
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url === pathToFileURL(file).href) return route.continue();
      problems.push(`request: ${url}`);
      return route.abort();
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });

    const charts: RenderedChart[] = await page.$$eval("svg.chokepoint-chart", (svgs) =>
      svgs.map((svg) => {
        const box = svg.getBoundingClientRect();
        const labelled = svg.ownerDocument.getElementById(svg.getAttribute("aria-labelledby") ?? "");
        const described = svg.ownerDocument.getElementById(svg.getAttribute("aria-describedby") ?? "");
        return {
          kind: svg.getAttribute("data-chart") ?? "",
          declaredMarks: Number(svg.getAttribute("data-marks")),
          marks: svg.querySelectorAll(".mark").length,
          width: box.width,
          height: box.height,
          title: labelled?.textContent ?? "",
          description: described?.textContent ?? "",
        };
      }),
    );
    // every chart the HTML holds is in the page, each rendered with a size, its marks and its text alternative
    expect(charts).toHaveLength([...html.matchAll(/<svg /g)].length);
    const kinds = new Map<string, number>();
    for (const chart of charts) kinds.set(chart.kind, (kinds.get(chart.kind) ?? 0) + 1);
    expect(Object.fromEntries(kinds)).toEqual({ histogram: 20, "fan-chart": 8, comparison: 5, tornado: expect.any(Number), network: 2 });
    for (const chart of charts) {
      expect(chart.width, chart.title).toBeGreaterThan(250);
      expect(chart.height, chart.title).toBeGreaterThan(100);
      expect(chart.marks, chart.title).toBe(chart.declaredMarks);
      if (chart.kind !== "histogram") expect(chart.marks, chart.title).toBeGreaterThan(0);
      expect(chart.title.length).toBeGreaterThan(3);
      expect(chart.description.length).toBeGreaterThan(20);
    }
    // bars, bands and arrows drawn with a visible size
    const drawn = await page.$$eval("svg.chokepoint-chart .mark", (marks) => marks.filter((mark) => mark.getBoundingClientRect().width > 0 || mark.getBoundingClientRect().height > 0).length);
    expect(drawn).toBe(charts.reduce((sum, chart) => sum + chart.marks, 0));
    // laptop width: no sideways scrolling
    expect(await page.$eval("html", (root) => root.scrollWidth)).toBeLessThanOrEqual(1366);
    await page.screenshot({ path: join(output, "report.png"), fullPage: true });

    await page.emulateMedia({ media: "print" });
    expect(await page.$eval("nav.contents", (nav) => nav.ownerDocument.defaultView!.getComputedStyle(nav).display)).toBe("none");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("reads on a narrow screen: one chart per row, no sideways scrolling", async () => {
    const page = await browser.newPage({ viewport: { width: 600, height: 800 } });
    await page.goto(pathToFileURL(file).href);
    expect(await page.$eval("html", (root) => root.scrollWidth)).toBeLessThanOrEqual(600);
    const widths = await page.$$eval(".charts figure", (figures) => figures.map((figure) => figure.getBoundingClientRect().width));
    for (const width of widths) expect(width).toBeGreaterThan(500);
    await page.close();
  });
});
