// Reading a large scenario takes memory proportional to its text. The text used to go
// through the yaml package's document model even when it was JSON (about 470 times the
// text: a 10 MB file aborted the process with "heap out of memory", uncatchable), and zod
// kept every issue of a file of junk. Each case runs in a child process with a small heap:
// it must end with a result, never a heap abort.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleScript } from "../_helpers/bundle-script.js";

// The inputs are made in the child, so that only the parse is measured.
const SCRIPT = `
import { safeParseScenario } from "./src/index.ts";
const [kind, size] = process.argv.slice(2);
const countries = (n) => Array.from({ length: n }, (_, i) => ({ id: "C" + i, gdp: 1e12 }));
const goods = (n) => Array.from({ length: n }, (_, i) => ({ id: "g" + i, unit: "t", basePrice: 1, demandElasticity: 0.5 }));
function text() {
  if (kind === "world") {
    // a valid world of about size MB: production and flows between 300 countries of 1,000 goods
    const production = [];
    const flows = [];
    for (let k = 0; k < Number(size) * 9700; k++) {
      const c = k % 300, g = Math.floor(k / 300);
      production.push({ country: "C" + c, good: "g" + g, output: 1000 });
      flows.push({ exporter: "C" + c, importer: "C" + ((c + 1) % 300), good: "g" + g, volume: 1 });
    }
    return JSON.stringify({ name: "large", horizon: 12, world: { countries: countries(300), goods: goods(1000), production, flows }, policies: [{ name: "p" }] });
  }
  if (kind === "junk") {
    // 500,000 empty flows and millions of numbers where names belong: millions of problems
    const head = JSON.stringify({ name: "junk", horizon: 12, world: { countries: countries(1), goods: goods(1), flows: Array(500000).fill({}) }, policies: [{ name: "p" }] });
    return head.slice(0, -1) + ',"headlineOutcomes":[' + "0,".repeat(Number(size) * 500000) + "0]}";
  }
  // input-output tables of 1,000 sectors
  const sectors = Array.from({ length: 1000 }, (_, i) => "s" + i);
  const row = "[" + "0,".repeat(999) + "0]";
  const table = (c) => '{"country":"C' + c + '","sectors":' + JSON.stringify(sectors) + ',"Z":[' + Array(1000).fill(row).join(",") + '],"x":[' + "1,".repeat(999) + '1],"valueAdded":[' + "1,".repeat(999) + '1],"goodSectors":{"g0":"s0"}}';
  const head = JSON.stringify({ name: "tables", horizon: 12, world: { countries: countries(Number(size)), goods: goods(1) }, policies: [{ name: "p" }] });
  return head.replace('"goods":', '"inputOutput":[' + Array.from({ length: Number(size) }, (_, c) => table(c)).join(",") + '],"goods":');
}
const input = text();
const result = safeParseScenario(input);
console.log(JSON.stringify({
  megabytes: input.length / 2 ** 20,
  success: result.success,
  total: result.success ? 0 : result.error.total,
  first: result.success ? undefined : result.error.problems[0],
  last: result.success ? undefined : result.error.problems.at(-1).message,
}));
`;

describe("reading a large scenario text", () => {
  const dir = mkdtempSync(join(tmpdir(), "chokepoint-parse-memory-"));
  const outfile = join(dir, "parse.mjs");
  beforeAll(async () => {
    await bundleScript(SCRIPT, outfile);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Parse in a child process whose heap may not grow past `heapMegabytes`. */
  const parseInChild = (kind: string, size: number, heapMegabytes: number) => {
    const child = spawnSync(process.execPath, [`--max-old-space-size=${heapMegabytes}`, outfile, kind, String(size)], { encoding: "utf8" });
    if (child.status !== 0) throw new Error(`exit ${child.status ?? child.signal}: ${child.stderr.split("\n").find((line) => /heap|Error/.test(line)) ?? child.stderr.slice(-300)}`);
    return JSON.parse(child.stdout) as { megabytes: number; success: boolean; total: number; first?: { path: string; message: string; line?: number }; last?: string };
  };

  it("takes a small multiple of the text: a valid 10 MB JSON world in a 200 MB heap", () => {
    const result = parseInChild("world", 10, 200); // about 4.7 GB before
    expect(result.megabytes).toBeGreaterThan(9);
    expect(result.success).toBe(true);
  });

  it("refuses 60 MB of junk in a 1 GB heap, listing the first problems with their places", () => {
    const result = parseInChild("junk", 60, 1024);
    expect(result.megabytes).toBeGreaterThan(55);
    expect(result.first).toEqual({ path: "world.flows[0].exporter", message: "missing (expected a string)", line: 1, column: 163 });
    expect(result.total).toBeGreaterThanOrEqual(100_000);
    expect(result.last).toMatch(/^and at least [\d,]+ more problems \(only the first 1,000 are listed; the checks stopped there\)$/);
  });

  it("refuses input-output tables of more cells than the limit, naming it", () => {
    const result = parseInChild("tables", 6, 512);
    expect(result.first).toEqual({ path: "world.inputOutput", message: "the input-output tables have 6,000,000 cells in Z together; at most 5,000,000 (a limit of chokepoint)", line: 1, column: 246 });
    expect(result.total).toBe(1);
  });
});
