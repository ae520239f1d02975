// Writes the golden suite's fixed worlds into test/golden/worlds/ as JSON: worlds from the
// benchmark generators and worlds from the testing kit's scenarioArbitrary at fixed seeds.
// The golden suite reads the JSON files, never the generators, so a change to a generator
// (a new lever kind, another shape of world) does not move the committed results. It writes
// only worlds that have no file yet, or those named (their results then move deliberately):
//
//   npx tsx test/golden/make-worlds.ts                 # the worlds that have no file yet
//   npx tsx test/golden/make-worlds.ts escalation      # rewrite this one from its generator
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import fc from "fast-check";
import { featureRichWorld, syntheticWithRestrictAll } from "../../bench/worlds.js";
import { mrioScenario } from "../../bench/mrio-scenario.js";
import { parseScenario, type ScenarioInput } from "../../src/index.js";
import { scenarioArbitrary } from "../../src/testing/index.js";
import { escalationWorld, formulaWorld, twoCountryWorld } from "../_helpers/worlds.js";

const folder = new URL("./worlds/", import.meta.url);

/** Seeds of the generated worlds: one world each, with rules, uncertainties, stocks and input-output tables. */
const GENERATED_SEEDS = [101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112];

const requested = process.argv.slice(2);

function write(name: string, scenario: ScenarioInput): void {
  const file = new URL(`${name}.json`, folder);
  if (requested.length > 0 ? !requested.includes(name) : existsSync(file)) return;
  parseScenario(scenario); // a world that does not validate is a bug of its generator
  const named = { ...scenario, name };
  // indented to be read, unless that makes a large world twice as large
  const text = JSON.stringify(named).length > 50_000 ? JSON.stringify(named) : JSON.stringify(named, null, 1);
  writeFileSync(file, `${text}\n`);
  console.log(`wrote test/golden/worlds/${name}.json`);
}

mkdirSync(folder, { recursive: true });
write("two-country", twoCountryWorld({ horizon: 6 }));
write("escalation", escalationWorld());
write("formulas", formulaWorld());
write("feature-rich-8x10", featureRichWorld());
write("synthetic-20x20", syntheticWithRestrictAll(20, 20));
write("mrio-12x30", mrioScenario(12, 30));
const generated = scenarioArbitrary({ maxCountries: 4, maxGoods: 3, maxPolicies: 3, maxRules: 2, maxPolicyRules: 1, maxHorizon: 12 });
for (const seed of GENERATED_SEEDS) {
  const [scenario] = fc.sample(generated, { seed, numRuns: 1 });
  write(`generated-${seed}`, scenario!);
}
