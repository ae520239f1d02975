import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

/** tsx's loader (its "." export), located from this file: only used when running from source. */
function tsxLoader(): string {
  const manifest = createRequire(import.meta.url).resolve("tsx/package.json");
  return pathToFileURL(join(dirname(manifest), "dist", "loader.mjs")).href;
}

/** The worker module next to this one: built JavaScript in dist/, TypeScript under tsx or vitest. */
export function workerFile(): { filename: string; execArgv: string[] } {
  const typescript = import.meta.url.endsWith(".ts");
  const file = new URL(`${typescript ? "../" : "./"}experiment-worker.${typescript ? "ts" : "js"}`, import.meta.url);
  // Running from source (tsx, vitest): the workers load TypeScript through tsx too, found
  // from here rather than from the working directory.
  return { filename: file.href, execArgv: typescript ? ["--import", tsxLoader()] : [] };
}
