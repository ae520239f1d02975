// Global setup: bundle the `chokepoint` command (and the worker module it starts) from the
// sources once per test run, dependencies included, so the CLI tests start plain `node` on
// a few files rather than compiling TypeScript and resolving hundreds of modules in every
// child process (a quarter of the start-up time, on every spawn). piscina stays outside:
// it finds its own worker file next to itself.
// The bundle sits in a folder of the repository root, so that it finds `../scenarios/`
// exactly as dist/cli.js does; one folder per test process, so parallel runs do not meet.
import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleCommand } from "../../scripts/bundle-command.mjs";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** Path of the bundled `chokepoint` command, for test/cli/_helpers.ts. */
    cliBundle: string;
  }
}

const repo = resolve(fileURLToPath(new URL("../..", import.meta.url)));

export default async function setup(project: TestProject): Promise<() => void> {
  const outdir = join(repo, `.cli-test-${process.pid}`);
  await bundleCommand(outdir);
  project.provide("cliBundle", join(outdir, "cli.js"));
  return () => rmSync(outdir, { recursive: true, force: true });
}
