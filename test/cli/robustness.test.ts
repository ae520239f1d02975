// `chokepoint robustness`: the table, the preferred policies, bad input.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runInProcess, scratchDirectory } from "./_helpers.js";

const scratch = scratchDirectory();

describe("chokepoint robustness", () => {
  it("prints a row per policy and which policy each criterion prefers", async () => {
    const { code, out, err } = await runInProcess(["robustness", "illustrative-standoff", "--outcome", "gdpLoss:JP", "--runs", "200", "--threshold", "2e9"]);
    expect(err).toBe("");
    expect(code).toBe(0);
    const lines = out.split("\n");
    expect(lines[0]).toBe("gdpLoss:JP over 200 runs on common draws (regret: a policy's loss minus the best policy's in the same run)");
    expect(lines[2]).toMatch(/^policy +mean +p90 +mean regret +max regret +p90 regret +best in +<= \$2 bn$/);
    expect(lines.slice(3, 7).map((line) => line.split(/ +/)[0])).toEqual(["us-alone", "us-nl", "aligned", "aligned-stockpile"]);
    expect(lines[8]).toMatch(/^lowest mean: [\w-]+; lowest p90: [\w-]+; lowest mean regret: [\w-]+; minimax regret: [\w-]+; most often satisficing: [\w-]+$/);
  });

  it("writes the regret table as an HTML report", async () => {
    const html = join(scratch(), "robustness.html");
    const { code, err } = await runInProcess(["robustness", "illustrative-standoff", "--outcome", "gdpLoss:JP", "--runs", "50", "--html", html]);
    expect(code).toBe(0);
    expect(err).toBe(`wrote ${html}\n`);
    const page = readFileSync(html, "utf8");
    expect(page).toContain('<section id="robustness">');
    expect(page).toMatch(/<tr><td><code>us-alone<\/code><\/td><td>-?\$[\d.]+ (bn|m|k)<\/td>/);
    expect(page).toContain("<li>minimax regret: <code>");
  });

  it("refuses an unknown outcome and a threshold that is not a number (exit 2)", async () => {
    const outcome = await runInProcess(["robustness", "illustrative-standoff", "--outcome", "gdpLoss:XX", "--runs", "10"]);
    expect(outcome.code).toBe(2);
    expect(outcome.err).toMatch(/^error: .*gdpLoss:XX/);
    const threshold = await runInProcess(["robustness", "illustrative-standoff", "--threshold", "two"]);
    expect(threshold).toMatchObject({ code: 2, err: 'error: --threshold: expected a number (such as 5e9 or 5,000,000,000), found "two"\n' });
  });
});
