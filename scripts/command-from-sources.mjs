// The `chokepoint` command built from the sources of this repository, for `npx chokepoint`
// in a clone (bin/chokepoint.js) and `npm run demo`. esbuild bundles src/cli.ts and the
// worker module into .demo/ (under a second) when a source file has changed since the last
// bundle, so the command always runs the sources as they are, with no `npm run build`.
// .demo/ sits at the repository root, so the bundle finds ../scenarios/ as dist/cli.js does.
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleCommand } from "./bundle-command.mjs";

const repo = fileURLToPath(new URL("..", import.meta.url));
const outdir = join(repo, ".demo");

/** The newest modification time and the count of the files the bundle is made from. */
function sourcesKey() {
  let newest = 0;
  let count = 0;
  const visit = (path) => {
    const stats = statSync(path);
    if (stats.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry));
      return;
    }
    newest = Math.max(newest, stats.mtimeMs);
    count++;
  };
  visit(join(repo, "src"));
  visit(join(repo, "scripts", "bundle-command.mjs"));
  const installed = join(repo, "node_modules", ".package-lock.json"); // dependencies bundled in
  if (existsSync(installed)) visit(installed);
  return `${newest} ${count}`;
}

/**
 * Path of `.demo/cli.js`, bundled afresh if any source changed since it was made. A new
 * bundle is built beside .demo/ and then swapped in, so that two commands started at once
 * never run a half-written bundle.
 * @returns {Promise<string>}
 */
export async function commandFromSources() {
  const key = sourcesKey();
  const stamp = join(outdir, "sources-key.txt");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === key) return join(outdir, "cli.js");
  const fresh = `${outdir}-${process.pid}-new`;
  const stale = `${outdir}-${process.pid}-old`;
  rmSync(fresh, { recursive: true, force: true });
  await bundleCommand(fresh);
  writeFileSync(join(fresh, "sources-key.txt"), key);
  try {
    if (existsSync(outdir)) renameSync(outdir, stale);
    renameSync(fresh, outdir);
  } catch {
    // another command swapped its bundle in first: that one is as fresh, use it
    if (!existsSync(outdir)) renameSync(fresh, outdir);
  } finally {
    rmSync(fresh, { recursive: true, force: true });
    rmSync(stale, { recursive: true, force: true });
  }
  return join(outdir, "cli.js");
}
