/// <reference types="vite/client" />
/**
 * Every `@example` in src/stats runs as a test, so the documentation never rots.
 * An example is code lines (the last one is the expression shown) followed by
 * `// => value` (continued on further `//` lines), the value written as a JS literal.
 */
import { describe, expect, it } from "vitest";
import { BandsAccumulator } from "../../src/stats/bands-accumulator.js";
import * as stats from "../../src/stats/index.js";
import { OutcomeAccumulator } from "../../src/stats/outcome-accumulator.js";
import { PairedAccumulator } from "../../src/stats/paired-accumulator.js";

const sources = import.meta.glob("../../src/stats/*.ts", { query: "?raw", import: "default", eager: true }) as Record<
  string,
  string
>;

interface Example {
  file: string;
  code: string[];
  expected: string;
}

function examplesOf(file: string, source: string): Example[] {
  const examples: Example[] = [];
  const blocks = source.split("@example").slice(1);
  for (const block of blocks) {
    const lines = block
      .split("\n")
      .slice(1)
      .map((line) => line.replace(/^\s*\*\s?/, ""));
    const end = lines.findIndex((line) => line.trim() === "/" || line.startsWith("@") || line.trim() === "");
    const body = lines.slice(0, end === -1 ? lines.length : end);
    const arrow = body.findIndex((line) => line.startsWith("// =>"));
    if (arrow === -1) throw new Error(`${file}: an @example without "// =>"`);
    const expected = [body[arrow]!.slice("// =>".length), ...body.slice(arrow + 1).map((line) => line.replace(/^\/\/\s?/, ""))].join(" ");
    examples.push({ file, code: body.slice(0, arrow), expected });
  }
  return examples;
}

const examples = Object.entries(sources).flatMap(([file, source]) => examplesOf(file, source));
const names = Object.keys(stats);
// the examples of the modules experiments use (not exported by the package) run too
const modules: Record<string, unknown> = { ...stats, BandsAccumulator, OutcomeAccumulator, PairedAccumulator };

describe("documentation examples", () => {
  it("finds an example for every public function", () => {
    const documented = new Set(examples.flatMap((e) => names.filter((name) => e.code.join("\n").includes(`${name}(`))));
    expect([...documented].sort()).toEqual([...names].sort());
  });

  for (const example of examples) {
    it(`${example.file.replace(/^.*\//, "")}: ${example.code.join(" ")}`, () => {
      const setup = example.code.slice(0, -1).join("\n");
      const expression = example.code[example.code.length - 1]!.replace(/;\s*$/, "");
      const actual = new Function(...Object.keys(modules), `${setup}\nreturn (${expression});`)(...Object.values(modules));
      const expected = new Function(`return (${example.expected});`)();
      expect(actual).toEqual(expected);
    });
  }
});
