// `npm run golden`: recompute every golden case (test/golden/golden.ts), print what moved
// against the committed records, and write the new records to test/golden/expected/.
// Review the printed lines and `git diff test/golden/expected` before committing them,
// and say in the commit what moved and why.
//
//   npm run golden                 # recompute, print what moved, write the files
//   npm run golden -- --check      # print what moved, write nothing; exit 1 if anything did
//   npm run golden -- generated-101 two-country   # only these cases
import { writeFileSync } from "node:fs";
import { computeGolden, formatGolden, GOLDEN_CASES, goldenDifferences, goldenFile, readGolden } from "../test/golden/golden.js";

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
console.log(`\n${moved} of ${cases.length} cases moved${moved > 0 && !check ? "; their records in test/golden/expected/ are rewritten: review them with git diff" : ""}`);
if (check && moved > 0) process.exit(1);
