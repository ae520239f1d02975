import { build } from "esbuild";
import { describe, expect, it } from "vitest";

describe("the worker-thread module", () => {
  it("loads neither zod nor mathjs nor the scenario schemas (a worker starts in about 70 ms, not 230)", async () => {
    const { metafile } = await build({
      entryPoints: ["src/experiment-worker.ts"],
      bundle: true,
      write: false,
      metafile: true,
      platform: "node",
      format: "esm",
      logLevel: "silent",
    });
    const inputs = Object.keys(metafile.inputs);
    expect(inputs.some((path) => path.includes("src/engine/simulate.ts"))).toBe(true);
    expect(inputs.filter((path) => /node_modules\/(zod|mathjs)\/|src\/schema\/scenario\.ts/.test(path))).toEqual([]);
  });
});
