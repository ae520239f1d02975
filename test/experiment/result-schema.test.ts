// The result file's zod schema (src/experiment/result-schema.ts) against the result type
// (src/experiment/result.ts): the same type, checked by `tsc` (npm test type-checks
// tests), and a real result passes it.
import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import { experimentResultSchema, RESULT_FORMAT, resultDocumentSchema, resultJsonSchema } from "../../src/experiment/result-schema.js";
import type { ExperimentResult } from "../../src/experiment/result.js";
import { runExperiment } from "../../src/index.js";
import { tinyScenario } from "../cli/_scenarios.js";

/**
 * `readonly` on every property and array, all the way down: the one thing zod's inferred
 * types cannot mirror (ExperimentResult mixes readonly and mutable fields). Note that
 * expect-type treats `a?: T` and `a?: T | undefined` as equal.
 */
type DeepReadonly<T> = T extends readonly (infer E)[] ? readonly DeepReadonly<E>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

describe("result schema", () => {
  it("infers ExperimentResult: same fields, types and optional fields (readonly aside)", () => {
    expectTypeOf<DeepReadonly<z.infer<typeof experimentResultSchema>>>().toEqualTypeOf<DeepReadonly<ExperimentResult>>();
    type Document = z.infer<typeof resultDocumentSchema>;
    expectTypeOf<DeepReadonly<Omit<Document, "format" | "version">>>().toEqualTypeOf<DeepReadonly<ExperimentResult>>();
    expectTypeOf<Document["format"]>().toEqualTypeOf<"chokepoint-result">();
    expectTypeOf<Document["version"]>().toEqualTypeOf<1>();
  });

  it("accepts real results, with and without per-run values", async () => {
    for (const keepRuns of [false, true]) {
      const result = await runExperiment(tinyScenario, { runs: 20, seed: "schema", keepRuns });
      expect(experimentResultSchema.parse(result)).toEqual(result);
      const document = { ...RESULT_FORMAT, ...result };
      expect(resultDocumentSchema.parse(JSON.parse(JSON.stringify(document)))).toEqual(document);
    }
  });

  it("rejects a result with a field it does not know, or without one it requires", async () => {
    const result = await runExperiment(tinyScenario, { runs: 5, seed: "schema" });
    expect(experimentResultSchema.safeParse({ ...result, elapsedMs: 12 }).success).toBe(false);
    const { comparisons: _, ...withoutComparisons } = result;
    expect(experimentResultSchema.safeParse(withoutComparisons).success).toBe(false);
  });

  it("has a JSON Schema that requires the format and version first", () => {
    const schema = resultJsonSchema();
    expect(schema.title).toBe("chokepoint result");
    expect(schema.$schema).toContain("json-schema.org");
    expect((schema.required as string[]).slice(0, 5)).toEqual(["format", "version", "chokepointVersion", "scenario", "seed"]);
    expect(schema.additionalProperties).toBe(false);
    expect(JSON.stringify(schema)).toBe(JSON.stringify(resultJsonSchema()));
  });
});
