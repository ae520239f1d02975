// Setup file: experiments over worker threads load the worker module bundled by
// test/_setup/cli-bundle.ts, rather than TypeScript through tsx in every new thread (which
// costs seconds per pool). The bundle is built from the same sources; the tsx path itself
// runs in CI through the examples (npx tsx examples/*.ts).
import { vi } from "vitest";

vi.mock("../../src/parallel/worker-file.js", async () => {
  const { inject } = await import("vitest");
  const { dirname, join } = await import("node:path");
  const { pathToFileURL } = await import("node:url");
  const worker = pathToFileURL(join(dirname(inject("cliBundle")), "experiment-worker.js")).href;
  return { workerFile: () => ({ filename: worker, execArgv: [] as string[] }) };
});
