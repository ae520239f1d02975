// Writes scenario.schema.json, result.schema.json and observations.schema.json next to the built package, from the
// built package itself: `node scripts/write-json-schema.mjs [distDir]` (default: dist/ of
// this repository). Run by `npm run build` after tsup; shipped as
// `chokepoint/scenario.schema.json`, `chokepoint/result.schema.json` and
// `chokepoint/observations.schema.json`.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const distDir = resolve(process.argv[2] ?? fileURLToPath(new URL("../dist", import.meta.url)));
const { scenarioJsonSchema, resultJsonSchema, observationsJsonSchema } = await import(pathToFileURL(resolve(distDir, "index.js")).href);
const scenarioTarget = resolve(distDir, "scenario.schema.json");
writeFileSync(scenarioTarget, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
console.log(`wrote ${scenarioTarget}`);

const resultTarget = resolve(distDir, "result.schema.json");
writeFileSync(resultTarget, `${JSON.stringify(resultJsonSchema(), null, 2)}\n`);
console.log(`wrote ${resultTarget}`);

const observationsTarget = resolve(distDir, "observations.schema.json");
writeFileSync(observationsTarget, `${JSON.stringify(observationsJsonSchema(), null, 2)}\n`);
console.log(`wrote ${observationsTarget}`);
