// How the documentation tests read Markdown (test/docs/snippets.ts).
import { describe, expect, it } from "vitest";
import { capRuns, parseSnippets, typescriptPrograms } from "./snippets.js";

const markdown = [
  "# Guide",
  "```sh",
  "npx chokepoint list",
  "```",
  "<!-- doc-test: skip (needs the network) -->",
  "```sh",
  "git clone x",
  "```",
  "```ts",
  'import { runExperiment } from "chokepoint";',
  "const a = 1;",
  "```",
  "<!-- doc-test: continue -->",
  "```ts",
  "console.log(a);",
  "```",
  "```yaml file=examples/x.yaml",
  "name: x",
  "```",
  "<!-- doc-test: exit 1 -->",
  "```sh",
  "npx chokepoint validate broken.yaml",
  "```",
  "```text",
  "output",
  "```",
].join("\n");

describe("parseSnippets", () => {
  const snippets = parseSnippets(markdown, "guide.md");

  it("reads each block's kind, line, directives and file", () => {
    expect(snippets.map((s) => [s.kind, s.line, s.skip, s.exitCode, s.continues, s.path])).toEqual([
      ["shell", 2, undefined, 0, false, undefined],
      ["shell", 6, "needs the network", 0, false, undefined],
      ["typescript", 9, undefined, 0, false, undefined],
      ["typescript", 14, undefined, 0, true, undefined],
      ["file", 17, undefined, 0, false, "examples/x.yaml"],
      ["shell", 21, undefined, 1, false, undefined],
      ["other", 24, undefined, 0, false, undefined],
    ]);
    expect(snippets[4]!.code).toBe("name: x\n");
  });

  it("joins a block that continues to the program before it", () => {
    const programs = typescriptPrograms(snippets);
    expect(programs).toHaveLength(1);
    expect(programs[0]!.where).toBe("guide.md:9, 14");
    expect(programs[0]!.code).toContain("const a = 1;\n\nconsole.log(a);");
  });

  it("refuses an unknown directive, an unclosed block and a continuation of nothing", () => {
    expect(() => parseSnippets("<!-- doc-test: skp -->\n```sh\nx\n```", "a.md")).toThrow(/unknown doc-test directive "skp"/);
    expect(() => parseSnippets("```sh\nx\n", "a.md")).toThrow(/a.md:1: a code block is not closed/);
    expect(() => typescriptPrograms(parseSnippets("<!-- doc-test: continue -->\n```ts\nx\n```", "a.md"))).toThrow(/no TypeScript block before it/);
  });
});

describe("capRuns", () => {
  it("caps run counts written with separators, and leaves smaller ones", () => {
    expect(capRuns("run x --runs 20000 --seed 1; shard --runs=2,000,000; run --runs 50", 100)).toBe("run x --runs 100 --seed 1; shard --runs=100; run --runs 50");
    expect(capRuns("runExperiment(s, { runs: 200_000, seed: 1 })", 100)).toBe("runExperiment(s, { runs: 100, seed: 1 })");
  });
});
