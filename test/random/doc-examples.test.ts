import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as random from "../../src/random/index.js";

/**
 * The `@example` blocks of src/random run as tests, so the documentation cannot rot.
 * A line `expression; // => value (comment)` checks that the expression evaluates to
 * value (a number, exactly, or a JSON string); a line holding only `// => value` checks
 * the expression on the line before. Other lines run as they are, in order.
 */
const SOURCE = new URL("../../src/random/", import.meta.url);
const files = readdirSync(SOURCE).filter((name) => name.endsWith(".ts") && name !== "index.ts");

interface Example {
  readonly file: string;
  readonly code: string;
}

function examplesOf(file: string): Example[] {
  const text = readFileSync(new URL(file, SOURCE), "utf8");
  const examples: Example[] = [];
  for (const comment of text.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
    const lines = (comment[1] ?? "").split("\n").map((line) => line.replace(/^\s*\* ?/, ""));
    const start = lines.findIndex((line) => line.startsWith("@example"));
    if (start < 0) continue;
    const body: string[] = [];
    for (const line of lines.slice(start + 1)) {
      if (line.startsWith("@")) break;
      body.push(line);
    }
    examples.push({ file, code: body.join("\n").trim() });
  }
  return examples;
}

/** The expected value after `// => `: a JSON string or a number literal; the rest is commentary. */
function expectedValue(text: string): unknown {
  const string = /^"(?:[^"\\]|\\.)*"/.exec(text);
  if (string) return JSON.parse(string[0]) as unknown;
  const number = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?/i.exec(text);
  if (number) return Number(number[0]);
  throw new Error(`cannot read an expected value from "${text}"`);
}

/** Turn an example into a function body that throws on the first mismatch. */
function toProgram(code: string): string {
  const out: string[] = [];
  let previous = "";
  for (const line of code.split("\n")) {
    const check = /^(.*?)\s*\/\/ => (.*)$/.exec(line);
    if (!check) {
      out.push(line);
      previous = line;
      continue;
    }
    const statement = (check[1] ?? "").trim();
    const expression = (statement === "" ? previous : statement).replace(/;\s*$/, "");
    if (statement === "") out.pop();
    out.push(`__check(${expression}, ${JSON.stringify(expectedValue(check[2] ?? ""))}, ${JSON.stringify(expression)});`);
    previous = "";
  }
  return out.join("\n");
}

const all = files.flatMap(examplesOf);

describe("documentation examples", () => {
  it("every public source file documents each exported function with an example", () => {
    for (const file of files) {
      const text = readFileSync(new URL(file, SOURCE), "utf8");
      const functions = [...text.matchAll(/^export function /gm)].length;
      const examples = examplesOf(file).length;
      expect(examples, file).toBeGreaterThanOrEqual(functions);
    }
    expect(all.length).toBeGreaterThanOrEqual(13);
  });

  it.each(all.map((example) => [example.file, example.code] as const))("%s: %s", (_, code) => {
    const names = Object.keys(random);
    const checks: { got: unknown; want: unknown; expression: string }[] = [];
    const check = (got: unknown, want: unknown, expression: string): void => {
      checks.push({ got, want, expression });
    };
    const run = new Function("__check", ...names, toProgram(code)) as (...args: unknown[]) => void;
    run(check, ...names.map((name) => (random as Record<string, unknown>)[name]));
    expect(checks.length).toBeGreaterThan(0);
    for (const { got, want, expression } of checks) expect(got, expression).toBe(want);
  });
});
