// `chokepoint run --precision`: runs until the intervals are on target, says how many runs
// it took and why it stopped; the result file holds the precision block.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resultDocumentSchema } from "../../src/experiment/result-schema.js";
import { runCli, scratchDirectory, writeScratchFile, type CliRun } from "./_helpers.js";
import { tinyScenario } from "./_scenarios.js";

const scratch = scratchDirectory();

async function runAll(commandLines: readonly (readonly string[])[]): Promise<CliRun[]> {
  writeScratchFile(scratch(), "tiny.json", JSON.stringify(tinyScenario));
  return Promise.all(commandLines.map((args) => runCli(args, scratch())));
}

describe("chokepoint run with a precision target", () => {
  it("runs to the target, prints the runs it took and why it stopped, and writes the precision block", async () => {
    const [reached, capped] = await runAll([
      ["run", "tiny.json", "--precision", "0.03", "--precision-outcome", "gdpLoss:B", "--workers", "2", "--json", "reached.json"],
      ["run", "tiny.json", "--precision", "1e-6", "--precision-statistics", "differences", "--runs", "300", "--max-runs", "1,000", "--seed", "2"],
    ]);
    expect(reached!.stderr).toBe("wrote reached.json\n");
    expect(reached!.code).toBe(0);
    expect(reached!.stdout).toMatch(/^1024 runs, seed "1"/m);
    expect(reached!.stdout).toMatch(/^precision: reached after 1,024 runs: every 95% interval half-width of the means and paired differences of gdpLoss:B within 3% of \|mean\|$/m);
    expect(reached!.stdout).toMatch(/^ {2}checkpoints: 256 \(\d+ above\), 512 \(\d+ above\), 1,024 \(0 above\)$/m);
    const document = JSON.parse(readFileSync(join(scratch(), "reached.json"), "utf8")) as { runs: number; precision: { runs: number; stoppedBecause: string } };
    expect(resultDocumentSchema.parse(document)).toEqual(document);
    expect(document.precision).toMatchObject({ runs: 1024, stoppedBecause: "reached", target: { outcomes: ["gdpLoss:B"], relative: 0.03 } });

    expect(capped!.code).toBe(0);
    // tiny has 3 outcomes and 2 policies besides the baseline: 6 paired differences
    expect(capped!.stdout).toMatch(/^precision: not reached by the last checkpoint, 1,000 runs \(--max-runs\): \d of 6 intervals \(paired differences of 3 outcomes\) still wider than 0.0001% of \|mean\|$/m);
    expect(capped!.stdout).toMatch(/^ {2}checkpoints: 300 \(\d above\), 600 \(\d above\), 1,000 \(\d above\)$/m);
    expect(capped!.stdout).toMatch(/^ {2}widest relative to target: ban - none on /m);
  });

  it("rejects bad precision options in one line, exit code 2", async () => {
    const runs = await runAll([
      ["run", "tiny.json", "--precision", "0"],
      ["run", "tiny.json", "--precision", "-0.01"],
      ["run", "tiny.json", "--precision", "one percent"],
      ["run", "tiny.json", "--precision-absolute", "0"],
      ["run", "tiny.json", "--max-runs", "1000"],
      ["run", "tiny.json", "--precision-outcome", "gdpLoss:B"],
      ["run", "tiny.json", "--precision", "0.01", "--precision-outcome", "gdpLoss:b"],
      ["run", "tiny.json", "--precision", "0.01", "--sampler", "latin-hypercube"],
      ["run", "tiny.json", "--precision", "0.01", "--runs", "1000", "--max-runs", "500"],
    ]);
    const expected = [
      /^error: --precision: expected a number greater than 0/,
      /^error: --precision: expected a number greater than 0/,
      /^error: --precision: expected a number/,
      /^error: --precision-absolute: expected a number greater than 0/,
      /^error: --max-runs: only with a precision target/,
      /^error: --precision-outcome: only with a precision target/,
      /options.precision.outcome: unknown outcome "gdpLoss:b"; did you mean "gdpLoss:B"\?/,
      /options.sampler: a Latin hypercube's draws depend on the total number of runs/,
      /options.maxRuns: expected a whole number from 1000 \(the first checkpoint\)/,
    ];
    runs.forEach((run, i) => {
      expect(run.code, String(i)).toBe(2);
      expect(run.stdout, String(i)).toBe("");
      expect(run.stderr.trimEnd().split("\n"), String(i)).toHaveLength(1);
      expect(run.stderr, String(i)).toMatch(expected[i]!);
    });
  });
});
