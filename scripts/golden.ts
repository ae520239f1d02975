// `npm run golden`: recompute every golden case (test/golden/golden.ts), print what moved
// against the committed records, and write the new records to test/golden/expected/.
// Review the printed lines and `git diff test/golden/expected` before committing them,
// and say in the commit what moved and why.
//
//   npm run golden                 # recompute, print what moved, write the files
//   npm run golden -- --check      # print what moved, write nothing; exit 1 if anything did
//   npm run golden -- generated-101 two-country   # only these cases
import { mkdirSync, writeFileSync } from "node:fs";
import { computeGolden, formatGolden, GOLDEN_CASES, GOLDEN_TEXTS, goldenDifferences, goldenFile, goldenTextFile, readGolden, readGoldenText, withLf } from "../test/golden/golden.js";

const args = process.argv.slice(2);
const check = args.includes("--check");
const names = args.filter((arg) => !arg.startsWith("--"));
const unknown = names.filter((name) => !GOLDEN_CASES.some((golden) => golden.name === name));
if (unknown.length > 0) {
  console.error(`unknown case${unknown.length === 1 ? "" : "s"}: ${unknown.join(", ")} (cases: ${GOLDEN_CASES.map((golden) => golden.name).join(", ")})`);
  process.exit(2);
}
const cases = names.length === 0 ? GOLDEN_CASES : GOLDEN_CASES.filter((golden) => names.includes(golden.name));

let moved = 0;
for (const golden of cases) {
  const record = await computeGolden(golden);
  const differences = goldenDifferences(readGolden(golden), record);
  moved += differences.length === 0 ? 0 : 1;
  console.log(differences.length === 0 ? `${golden.name}: unchanged` : differences.join("\n"));
  if (!check && differences.length > 0) writeFileSync(goldenFile(golden), formatGolden(record));
}
// the golden texts (explain, JSON Schemas, a runs CSV): only when no case was named
let textsMoved = 0;
if (names.length === 0) {
  mkdirSync(goldenTextFile("x").pathname.replace(/\/x$/, ""), { recursive: true });
  for (const text of GOLDEN_TEXTS) {
    const made = withLf(await text.make());
    const before = readGoldenText(text.name);
    if (before === made) continue;
    textsMoved += 1;
    console.log(`text ${text.name}: ${before === undefined ? "new" : "changed"}`);
    if (!check) writeFileSync(goldenTextFile(text.name), made);
  }
}
console.log(
  `\n${moved} of ${cases.length} cases moved, ${textsMoved} of ${names.length === 0 ? GOLDEN_TEXTS.length : 0} texts changed${moved + textsMoved > 0 && !check ? "; the files in test/golden/expected/ are rewritten: review them with git diff" : ""}`,
);
if (check && moved + textsMoved > 0) process.exit(1);
