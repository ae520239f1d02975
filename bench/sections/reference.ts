// Section 4: the reference implementation (test/reference/): agreement with the engine,
// then both timed on the same worlds and the same draws.
import type { ScenarioInput } from "../../src/index.js";
import { fmt, heading, sig, table, timePerCall } from "../lib.js";
import { engineMicros, policyIndex, prepare } from "../prepared.js";
import { ReferenceModel } from "../../test/reference/reference.js";
import { RELATIVE_TOLERANCE, validateWorld, validationWorlds, type WorldAgreement } from "../../test/reference/agreement.js";
import { mrioScenario } from "../mrio-scenario.js";
import { twoCountryWorld } from "../../test/_helpers/worlds.js";
import { BUNDLED, bundled, syntheticWithRestrictAll, withoutRules } from "../worlds.js";

export interface ReferenceTiming {
  readonly world: string;
  readonly policy: string;
  readonly referenceUs: number;
  readonly referenceRuns: number;
  readonly engineUs: number;
}

/** A bundled scenario's experiment (every policy, rules left out): per-run times summed over its policies. */
export interface ReferenceExperiment {
  readonly world: string;
  readonly policies: number;
  readonly referenceUs: number;
  readonly engineUs: number;
}

export interface ReferenceResult {
  readonly agreement: WorldAgreement[];
  readonly agreed: boolean;
  readonly timings: ReferenceTiming[];
  readonly experiments: ReferenceExperiment[];
}

function timingWorlds(quick: boolean): { label: string; scenario: () => ScenarioInput; policies: string[]; experiment?: boolean }[] {
  return [
    { label: "two-country", scenario: () => twoCountryWorld(), policies: ["ban"] },
    ...BUNDLED.map((name) => ({
      label: name === "china-gallium-germanium-ban" ? name : `${name} without rules`,
      scenario: () => withoutRules(bundled(name)),
      // the whole experiment: every policy
      policies: withoutRules(bundled(name)).policies.map((p) => p.name),
      experiment: true,
    })),
    { label: "synthetic 5 x 5", scenario: () => withoutRules(syntheticWithRestrictAll(5, 5)), policies: ["restrict", "restrict-all"] },
    { label: "synthetic 20 x 20", scenario: () => withoutRules(syntheticWithRestrictAll(20, 20)), policies: ["restrict", "restrict-all"] },
    { label: "synthetic 20 x 50", scenario: () => withoutRules(syntheticWithRestrictAll(20, 50)), policies: ["restrict", "restrict-all"] },
    ...(quick ? [] : [{ label: "MRIO-shaped 49 x 200", scenario: () => mrioScenario(49, 200), policies: ["restrict"] }]),
  ];
}

export function reference(quick: boolean): ReferenceResult {
  heading("4. Reference implementation (test/reference/): agreement, then speed");
  const agreement: WorldAgreement[] = [];
  for (const world of validationWorlds(quick)) agreement.push(validateWorld(world));
  table(
    ["world", "runs x policies", "values compared", "disagreements", "largest relative difference", "near-zero allowances used"],
    agreement.map((a) => [a.label, `${a.runs} x ${a.policies}`, fmt(a.values), a.disagreements === 0 ? "0" : `**${a.disagreements}**`, a.maxRelative === 0 ? "0" : a.maxRelative.toExponential(1), String(a.nearZero)]),
  );
  const agreed = agreement.every((a) => a.disagreements === 0);
  if (agreed) {
    console.log(`\nAGREEMENT: every outcome and series value of every run agrees with simulateOnce to a relative ${RELATIVE_TOLERANCE}.`);
  } else {
    console.log("\n*** AGREEMENT CHECK FAILED: the reference and the engine disagree ***");
    for (const a of agreement) if (a.firstDisagreement !== undefined) console.log(`  ${a.label}: ${a.disagreements} values, first: ${a.firstDisagreement}`);
  }

  console.log("");
  const timings: ReferenceTiming[] = [];
  const experiments: ReferenceExperiment[] = [];
  const engineTiming = quick ? { warmupMs: 150, batchMs: 100, batches: 4 } : { warmupMs: 300, batchMs: 200, batches: 7 };
  for (const w of timingWorlds(quick)) {
    const world = prepare(w.scenario(), { samples: 64 });
    const model = new ReferenceModel(world.scenario);
    const parameters = world.draws.map((d) => new Map(world.scenario.uncertainties.map((u, k) => [u.name, d[k]!] as [string, number])));
    for (const policy of w.policies) {
      const engineUs = engineMicros(world, policyIndex(world, policy), engineTiming);
      const big = w.label.startsWith("MRIO");
      const measured = timePerCall((i) => model.simulate(policy, parameters[i % parameters.length]!), {
        warmupMs: big ? 0 : quick ? 300 : 1000,
        batchMs: big ? 0 : quick ? 200 : 400,
        batches: big ? 2 : quick ? 3 : 5,
        minCalls: 1,
      });
      timings.push({ world: w.label, policy, referenceUs: measured.us, referenceRuns: measured.calls, engineUs });
      console.log(`  ${w.label}, ${policy}: reference ${sig(measured.us / 1000)} ms/run, engine ${sig(engineUs)} µs/run`);
    }
    if (w.experiment === true) {
      const mine = timings.filter((t) => t.world === w.label);
      experiments.push({ world: w.label, policies: mine.length, referenceUs: mine.reduce((a, t) => a + t.referenceUs, 0), engineUs: mine.reduce((a, t) => a + t.engineUs, 0) });
    }
  }
  console.log("");
  table(
    ["world", "policy", "reference ms/run", "engine µs/run", "engine speed-up over the reference"],
    timings.map((t) => [t.world, t.policy, sig(t.referenceUs / 1000), sig(t.engineUs), `${fmt(t.referenceUs / t.engineUs)}x`]),
  );
  console.log("\nWhole experiments (a run simulated under every policy of the bundled scenario, rules left out):\n");
  table(
    ["experiment", "policies", "reference ms/run", "engine µs/run", "engine speed-up over the reference"],
    experiments.map((e) => [e.world, String(e.policies), sig(e.referenceUs / 1000), sig(e.engineUs), `${fmt(e.referenceUs / e.engineUs)}x`]),
  );
  console.log("\nBoth simulate the same runs: the same draws (sampleRun, seed \"bench\"), the reference reading them by uncertainty name; both after a JIT warm-up, sampling excluded, the fastest of several timed batches.");
  return { agreement, agreed, timings, experiments };
}
