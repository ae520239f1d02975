// `run --html --csv`, `merge --html`, `compare`, `explain`, progress and --quiet, run
// in-process (main with a recording environment, one thread) so they stay fast; the
// child-process tests cover the real process (exit codes, signals).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { formatDuration, progressReporter, progressText } from "../../src/cli/progress.js";
import { recordingEnvironment, runInProcess, scratchDirectory, writeScratchFile } from "./_helpers.js";
import { tinyScenario } from "./_scenarios.js";

const scratch = scratchDirectory();
let tiny = "";

beforeAll(() => {
  tiny = writeScratchFile(scratch(), "tiny.json", JSON.stringify(tinyScenario, null, 2));
});

describe("chokepoint run --html --csv", () => {
  it("writes the report, every run as CSV and the result file, quietly with -q; the JSON is the same as without them", async () => {
    const dir = scratch();
    const files = { json: join(dir, "r.json"), csv: join(dir, "r.csv"), html: join(dir, "r.html"), plain: join(dir, "plain.json") };
    const run = await runInProcess(["run", tiny, "--runs", "30", "--seed", "4", "--workers", "1", "--json", files.json, "--csv", files.csv, "--html", files.html, "-q"]);
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    expect(run.out).toContain("gdpLoss:B [USD]");
    const plain = await runInProcess(["run", tiny, "--runs", "30", "--seed", "4", "--workers", "1", "--json", files.plain]);
    expect(plain.err).toBe(`wrote ${files.plain}\n`);
    expect(readFileSync(files.json, "utf8")).toBe(readFileSync(files.plain, "utf8"));

    const csv = readFileSync(files.csv, "utf8").split("\r\n");
    expect(csv[0]).toBe("run,policy,severity,gdpLoss:A,gdpLoss:B,price:x");
    expect(csv).toHaveLength(1 + 30 * 3 + 1);
    expect(csv.at(-1)).toBe("");
    expect(csv[1]).toMatch(/^0,none,0\.\d+,/);

    const html = readFileSync(files.html, "utf8");
    expect(html).toContain("<title>Tiny ban</title>");
    expect(html).not.toMatch(/<script|NaN/);
    // a summary panel and a distribution chart (every policy on one) per outcome, a chart per series
    expect([...html.matchAll(/data-chart="outcome-summary"/g)]).toHaveLength(3);
    expect([...html.matchAll(/data-chart="distributions"/g)]).toHaveLength(3);
    expect([...html.matchAll(/data-chart="series"/g)]).toHaveLength(1);
    expect(readdirSync(dir).filter((f) => f.includes(".tmp-"))).toEqual([]);
  });

  it("says which files it wrote; --outcome picks the report's featured outcomes", async () => {
    const html = join(scratch(), "one.html");
    const run = await runInProcess(["run", tiny, "--runs", "10", "--workers", "1", "--outcome", "gdpLoss:B", "--html", html]);
    expect(run.code).toBe(0);
    expect(run.err).toBe(`wrote ${html}\n`);
    expect([...readFileSync(html, "utf8").matchAll(/data-chart="comparison"/g)]).toHaveLength(1);
  });

  it("refuses --csv with streaming summaries, and an output folder that does not exist, before running", async () => {
    const streaming = await runInProcess(["run", tiny, "--runs", "10", "--csv", join(scratch(), "x.csv"), "--summaries", "streaming"]);
    expect(streaming.code).toBe(2);
    expect(streaming.err).toMatch(/^error: --csv: writing every run needs every run's values/);
    const missing = await runInProcess(["run", tiny, "--runs", "10", "--html", join(scratch(), "no", "r.html")]);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe(`error: --html: folder ${join(scratch(), "no")} does not exist\n`);
  });
});

describe("progress and Ctrl-C", () => {
  it("formats runs done, rate and time left", () => {
    expect(progressText(0, 1000, 0)).toBe("0% (0 of 1000 runs)");
    expect(progressText(250, 1000, 100)).toBe("25% (250 of 1000 runs)");
    expect(progressText(2500, 10000, 2000)).toBe("25% (2500 of 10000 runs, 1,250 runs/s, about 6 s left)");
    expect(progressText(10000, 10000, 4000)).toBe("100% (10000 of 10000 runs, 2,500 runs/s)");
    expect([formatDuration(7.4), formatDuration(184), formatDuration(7500)]).toEqual(["7 s", "3 min 04 s", "2 h 05 min"]);
  });

  it("redraws one line on a terminal (percent changes, or a second passed) and clears it; shows nothing elsewhere unless asked", () => {
    let time = 0;
    const terminal = recordingEnvironment(true);
    const reporter = progressReporter(terminal, undefined, () => time);
    reporter.update(10, 100);
    reporter.update(10, 100);
    time = 1500;
    reporter.update(10, 100);
    reporter.update(11, 100);
    reporter.clear();
    expect(terminal.written.err).toBe(
      "\r\x1b[K10% (10 of 100 runs)" + "\r\x1b[K10% (10 of 100 runs, 7 runs/s, about 14 s left)" + "\r\x1b[K11% (11 of 100 runs, 7 runs/s, about 12 s left)" + "\r\x1b[K",
    );
    const pipe = recordingEnvironment(false);
    progressReporter(pipe, undefined).update(5, 10);
    expect(pipe.written.err).toBe("");
    const quiet = recordingEnvironment(true);
    progressReporter(quiet, false).update(5, 10);
    expect(quiet.written.err).toBe("");
    const logged = recordingEnvironment(false);
    progressReporter(logged, true, () => 0).update(5, 10);
    expect(logged.written.err).toBe("progress 50% (5 of 10 runs)\n");
  });

  it("shows progress on a terminal, and on Ctrl-C stops, says how many runs were done, writes none of the files, exits 130", async () => {
    const dir = scratch();
    const env = recordingEnvironment(true);
    const files = ["i.json", "i.csv", "i.html"].map((f) => join(dir, f));
    const running = main(["run", tiny, "--runs", "200000", "--workers", "1", "--json", files[0]!, "--csv", files[1]!, "--html", files[2]!], env);
    await expect.poll(() => env.written.err, { timeout: 20_000, interval: 5 }).toMatch(/\d+% \(\d+ of 200000 runs/);
    env.interrupt();
    expect(await running).toBe(130);
    expect(env.written.out).toBe("");
    const last = env.written.err.split("\r\x1b[K").at(-1)!;
    const [, done] = /^interrupted after (\d+) of 200000 runs; (.+) not written\n$/.exec(last) ?? [];
    expect(Number(done)).toBeGreaterThan(0);
    expect(last).toContain(`; ${files.join(", ")} not written`);
    for (const file of files) expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith("i."))).toEqual([]);
  });
});

describe("chokepoint compare", () => {
  it("prints each policy minus the first, run by run: mean difference, 95% interval, P(lower), P(higher)", async () => {
    const run = await runInProcess(["compare", tiny, "--policies", "none,ban,half-ban", "--runs", "50", "--seed", "2", "--workers", "1", "--outcome", "gdpLoss:B"]);
    expect(run.code).toBe(0);
    const lines = run.out.split("\n");
    expect(lines[0]).toBe("Tiny ban");
    expect(lines[1]).toBe('50 runs, seed "2", monte-carlo, 3 months; every policy on the same draws, compared run by run');
    expect(lines[3]).toBe("gdpLoss:B [USD]: GDP loss of B over the horizon (direct value added; no input-output table, so no indirect losses); each policy minus none");
    expect(lines[4]).toMatch(/^ {2}policy +mean difference +95% interval +P\(lower\) +P\(higher\) +verdict$/);
    expect(lines[5]).toMatch(/^ {2}ban +\+\$[\d.]+( k)? +\$[\d.]+( k)? \.\. \$[\d.]+( k)? +0% +100% +higher$/);
    expect(lines[6]).toMatch(/^ {2}half-ban +\+/);
    expect(run.out).toContain("P(lower), P(higher): share of runs");
  });

  it("defaults to the baseline first and the headline outcomes; a second run gives the same table", async () => {
    const [a, b] = await Promise.all([runInProcess(["compare", tiny, "--runs", "20", "--workers", "1"]), runInProcess(["compare", tiny, "--runs", "20", "--workers", "1"])]);
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    expect([...a.out.matchAll(/^(\S+) \[/gm)].map((m) => m[1])).toEqual(["gdpLoss:A", "gdpLoss:B", "price:x"]);
    expect(a.out).toContain("each policy minus none");
  });

  it("needs two known policies", async () => {
    const one = await runInProcess(["compare", tiny, "--policies", "ban"]);
    expect(one.code).toBe(2);
    expect(one.err).toBe("error: --policies: give at least two policies to compare, separated by commas\n");
    const unknown = await runInProcess(["compare", tiny, "--policies", "none,bann"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toBe('error: --policies: the scenario has no policy "bann"; did you mean "ban"? (policies: none, ban, half-ban)\n');
    const empty = await runInProcess(["compare", tiny, "--policies", "none,,ban"]);
    expect(empty.code).toBe(2);
  });
});

describe("chokepoint explain", () => {
  it("describes a bundled scenario: countries, goods, chain, supply at risk, HHI, rules, policies", async () => {
    const run = await runInProcess(["explain", "illustrative-standoff"]);
    expect(run.code).toBe(0);
    expect(run.err).toBe("");
    for (const heading of ["Countries", "Goods", "Dependency chain", "Who may restrict exports", "Importers' supply", "Supply concentration", "Rules", "Policies", "Uncertain parameters", "Outcomes recorded"]) {
      expect(run.out).toMatch(new RegExp(`^${heading.replace(/[()]/g, "\\$&")}`, "m"));
    }
    expect(run.out).toContain("gallium -> chips -> vehicles");
  });

  it("reports a scenario that does not exist as a bad command line", async () => {
    const run = await runInProcess(["explain", "no-such-scenario"]);
    expect(run.code).toBe(2);
  });
});

describe("chokepoint merge --html", () => {
  it("writes the report of the merged shards", async () => {
    const dir = scratch();
    const common = [tiny, "--runs", "40", "--seed", "m", "--of", "2", "--workers", "1", "-q"];
    for (const index of [0, 1]) expect((await runInProcess(["shard", ...common, "--index", String(index), "--out", join(dir, `s${index}.json`)])).code).toBe(0);
    const html = join(dir, "merged.html");
    const merged = await runInProcess(["merge", join(dir, "s0.json"), join(dir, "s1.json"), "--html", html]);
    expect(merged.code).toBe(0);
    expect(merged.err).toBe(`wrote ${html}\n`);
    const page = readFileSync(html, "utf8");
    expect(page).toContain("streaming summaries");
    expect([...page.matchAll(/data-chart="distributions"/g)]).toHaveLength(3);
    expect(page).not.toMatch(/NaN|<script/);
  });
});
