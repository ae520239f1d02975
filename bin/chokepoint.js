#!/usr/bin/env node
// The `chokepoint` command. Installed from the registry or a tarball, it runs the built
// dist/cli.js. In a clone of the repository (src/ is not in the package) it runs the
// sources as they are, bundled on the fly when they change (scripts/command-from-sources.mjs),
// so `npx chokepoint ...` works after `npm install` with no build step: `npm install` links
// this package into its own node_modules (the devDependency "chokepoint": "file:.").
import { existsSync } from "node:fs";

if (existsSync(new URL("../src/cli.ts", import.meta.url))) {
  const { commandFromSources } = await import("../scripts/command-from-sources.mjs");
  const { pathToFileURL } = await import("node:url");
  await import(pathToFileURL(await commandFromSources()).href);
} else {
  await import("../dist/cli.js");
}
