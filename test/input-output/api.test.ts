import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as inputOutput from "../../src/input-output/index.js";

describe("public API of src/input-output", () => {
  it("exports exactly the documented functions", () => {
    expect(Object.keys(inputOutput).sort()).toEqual([
      "allocationCoefficients",
      "dynamicInoperability",
      "ghoshInverse",
      "inoperability",
      "interdependencyMatrix",
      "leontiefInverse",
      "outputMultipliers",
      "resilienceCoefficient",
      "spectralRadius",
      "technicalCoefficients",
      "totalOutput",
      "valueAddedMultipliers",
    ]);
  });

  it("can be called end to end with the declared types", () => {
    const Z: number[][] = [
      [150, 500],
      [200, 100],
    ];
    const x: number[] = [1000, 2000];
    const A: number[][] = inputOutput.technicalCoefficients(Z, x);
    const L: number[][] = inputOutput.leontiefInverse(A);
    const output: number[] = inputOutput.totalOutput(A, [600, 1500]);
    const multipliers: number[] = inputOutput.outputMultipliers(A);
    const vaMultipliers: number[] = inputOutput.valueAddedMultipliers(A, [0.65, 0.7]);
    const G: number[][] = inputOutput.ghoshInverse(inputOutput.allocationCoefficients(Z, x));
    const Astar: number[][] = inputOutput.interdependencyMatrix(A, x);
    const q: number[] = inputOutput.inoperability(Astar, [0, 0.1]);
    const input: inputOutput.DynamicInoperabilityInput = { Astar, K: [0.2, 0.2], cstar: [0, 0.1], q0: [0, 0], steps: 3 };
    const path: number[][] = inputOutput.dynamicInoperability(input);
    const recovery: inputOutput.ResilienceCoefficientInput = { recoveryTime: 30, selfDependence: Astar[0]![0]! };
    const k: number = inputOutput.resilienceCoefficient(recovery);
    const rho: number = inputOutput.spectralRadius(A);
    for (const value of [L, output, multipliers, vaMultipliers, G, q, path, k, rho].flat(2)) expect(Number.isFinite(value)).toBe(true);
  });
});

// Every @example in the doc comments of src/input-output runs here: the expression before
// "// =>" must return the value after it, to the number of decimals written.
describe("documentation examples", () => {
  const sourceDirectory = new URL("../../src/input-output/", import.meta.url);
  const files = readdirSync(sourceDirectory).filter((name) => name.endsWith(".ts") && name !== "index.ts");
  const examples = files.flatMap((file) => {
    const text = readFileSync(new URL(file, sourceDirectory), "utf8");
    return [...text.matchAll(/@example\n((?:\s*\*.*\n)+?)\s*\*\//g)].map((match) => {
      const lines = match[1]!.split("\n").map((line) => line.replace(/^\s*\* ?/, "")).filter((line) => line.trim() !== "");
      const resultLine = lines.findIndex((line) => line.startsWith("// =>"));
      return { file, code: lines.slice(0, resultLine).join("\n"), expected: lines[resultLine]!.slice("// =>".length).trim() };
    });
  });

  it("has one example per public function", () => {
    expect(examples.map((example) => example.file).sort()).toEqual(files.sort());
  });

  it.each(examples)("$file: $code", ({ code, expected }) => {
    const run = new Function(...Object.keys(inputOutput), `return (${code.replace(/;\s*$/, "")});`) as (...fns: unknown[]) => unknown;
    const actual = run(...Object.values(inputOutput));
    const decimals = Math.max(0, ...[...expected.matchAll(/\.(\d+)/g)].map((m) => m[1]!.length));
    const tolerance = 0.5 * 10 ** -decimals + 1e-12;
    const compare = (a: unknown, e: unknown): void => {
      if (Array.isArray(e)) {
        expect(Array.isArray(a) && a.length === e.length, `${JSON.stringify(a)} vs ${expected}`).toBe(true);
        e.forEach((item, i) => compare((a as unknown[])[i], item));
      } else {
        expect(Math.abs((a as number) - (e as number)), `${JSON.stringify(actual)} vs ${expected}`).toBeLessThanOrEqual(tolerance);
      }
    };
    compare(actual, JSON.parse(expected));
  });
});
