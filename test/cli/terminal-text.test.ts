// Text from a scenario reaches the terminal without its control characters: a title, a
// description or a name in a problem cannot clear the screen, set the window title or
// send anything else to the terminal. Each control character is shown as `\x..`.
import { describe, expect, it } from "vitest";
import { terminalText } from "../../src/cli/terminal-text.js";
import { runInProcess, scratchDirectory, writeScratchFile } from "./_helpers.js";
import { tinyScenario } from "./_scenarios.js";

const scratch = scratchDirectory();

/** Control characters but the newline: what must never reach the terminal from a scenario. */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

/** The tiny scenario with escape sequences in every kind of free text the commands print. */
const hostile = {
  ...tinyScenario,
  title: "Tiny \u001b]0;owned\u0007ban\u001b[2J",
  description: "Clears the screen\u001b[H\u001b[2J and rings\u0007 the bell; C1 CSI \u009b31m too.",
  policies: tinyScenario.policies.map((policy) => ({ ...policy, description: `policy \u001b[31mred\u001b[0m ${policy.name}` })),
  outcomes: tinyScenario.outcomes.map((outcome) => ({ ...outcome, description: `loss\u001b[1A\rforged line` })),
};

describe("terminalText", () => {
  it("shows every control character but the newline as an escape; with oneLine, the newline too", () => {
    expect(terminalText("a\u001b[2Jb\u0007c\u009bd\u007fe\tf\rg\nh")).toBe("a\\x1b[2Jb\\x07c\\x9bd\\x7fe\\x09f\\x0dg\nh");
    expect(terminalText("a\nb", { oneLine: true })).toBe("a\\x0ab");
    expect(terminalText("plain text, é ü 日本 →")).toBe("plain text, é ü 日本 →");
  });
});

describe("scenario text printed by the commands", () => {
  it("run, compare, explain and validate print no control character from the scenario", async () => {
    const file = writeScratchFile(scratch(), "hostile.json", JSON.stringify(hostile));
    const runs = await Promise.all([
      runInProcess(["run", file, "--runs", "20", "--workers", "1", "--all-outcomes"]),
      runInProcess(["compare", file, "--runs", "20", "--workers", "1"]),
      runInProcess(["explain", file]),
      runInProcess(["validate", file]),
    ]);
    for (const run of runs) {
      expect(run.code, run.err).toBe(0);
      expect(run.out).not.toMatch(CONTROL);
      expect(run.err).not.toMatch(CONTROL);
    }
    const [run, compare, explain] = runs;
    expect(run!.out).toContain("Tiny \\x1b]0;owned\\x07ban\\x1b[2J");
    expect(run!.out).toContain("loss\\x1b[1A\\x0dforged line");
    expect(compare!.out).toContain("Tiny \\x1b]0;owned\\x07ban");
    expect(explain!.out).toContain("\\x9b31m");
    expect(explain!.out).toContain("policy \\x1b[31mred\\x1b[0m ban");
  });

  it("problems that echo the scenario's text print no control character", async () => {
    const scenario = structuredClone(tinyScenario) as { world: { flows: { exporter: string }[] }; title: string };
    scenario.world.flows[0]!.exporter = "\u009b2J\u001b[2J";
    scenario.title = `${"x".repeat(10)}\u001b]0;owned\u0007`;
    const file = writeScratchFile(scratch(), "hostile-problems.json", JSON.stringify(scenario));
    const validate = await runInProcess(["validate", file]);
    expect(validate.code).toBe(1);
    expect(validate.err).not.toMatch(CONTROL);
    expect(validate.err).toContain("\\x9b2J");
  });
});
