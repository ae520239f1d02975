import { describe, expect, it } from "vitest";
import { InputError, parseDesignCsv } from "../../src/index.js";

const problem = (text: string) => {
  try {
    parseDesignCsv(text);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error("expected a problem");
};

describe("parseDesignCsv", () => {
  it("reads columns by name from comma, tab or space separated text", () => {
    const expected = { a: [1, 3], b: [0.5, 1e-3] };
    expect(parseDesignCsv("a,b\n1,0.5\n3,1e-3\n")).toEqual(expected);
    expect(parseDesignCsv("a\tb\r\n1\t0.5\r\n\r\n3\t1e-3")).toEqual(expected);
    expect(parseDesignCsv("# a b\n1 0.5\n3  1e-3\n")).toEqual(expected); // numpy.savetxt(..., header="a b")
    expect(parseDesignCsv('"a","b"\n1,0.5\n3,1e-3\n')).toEqual(expected);
  });

  it("names the line and column of the first problem", () => {
    expect(problem("")).toMatch(/^line 1: .*header/);
    expect(problem("a,a\n1,2\n")).toMatch(/^line 1, column 2: .*"a" is repeated/);
    expect(problem("a,\n1,2\n")).toMatch(/^line 1, column 2: .*empty cell/);
    expect(problem("a,b\n1,2\n3\n")).toMatch(/^line 3: expected 2 values/);
    expect(problem("a,b\n1,2\n\n3,NaN\n")).toMatch(/^line 4, column 2 \(b\): expected a finite number, found "NaN"/);
    expect(problem("a,b\n1,\n")).toMatch(/^line 2, column 2 \(b\): expected a finite number, found ""/);
    expect(problem("a,b\n")).toMatch(/at least one row/);
  });
});
