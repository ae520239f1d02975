// Section 2 (time per run as the world grows) and section 5 (the bare typed-array floor),
// measured on the same prepared worlds.
import { bareRun, createBareState, workUnits } from "../bare-loop.js";
import { fmt, heading, sig, table, timePerCall } from "../lib.js";
import { engineMicros, policyIndex, prepare, samplingMicros, type PreparedWorld } from "../prepared.js";
import { SEED, bundled, scalingWorlds } from "../worlds.js";

export interface ScalingRow {
  readonly label: string;
  readonly C: number;
  readonly G: number;
  readonly T: number;
  readonly flows: number;
  readonly recipeEntries: number;
  readonly producerCells: number;
  readonly userCells: number;
  readonly samplingUs: number;
  /** Engine microseconds per run, by policy name. */
  readonly engineUs: Record<string, number>;
  readonly bareUs: number;
  readonly bareRecipesUs: number;
}

export interface FloorRow {
  readonly world: string;
  readonly policy: string;
  readonly engineUs: number;
  readonly bareUs: number;
  readonly bareRecipesUs: number;
}

export interface ScalingResult {
  readonly rows: ScalingRow[];
  readonly floor: FloorRow[];
  readonly slopeWork: number;
  readonly slopeDense: number;
}

/** Least-squares slope of log y against log x. */
function logSlope(points: readonly [number, number][]): number {
  const xs = points.map(([x]) => Math.log(x));
  const ys = points.map(([, y]) => Math.log(y));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let k = 0; k < xs.length; k++) {
    num += (xs[k]! - mx) * (ys[k]! - my);
    den += (xs[k]! - mx) ** 2;
  }
  return num / den;
}

function measureWorld(label: string, world: PreparedWorld, policies: readonly string[], quick: boolean): ScalingRow {
  const timing = quick ? { warmupMs: 150, batchMs: 100, batches: 4 } : { warmupMs: 300, batchMs: 200, batches: 7 };
  const { model } = world;
  const units = workUnits(model);
  const engineUs: Record<string, number> = {};
  for (const name of policies) engineUs[name] = engineMicros(world, policyIndex(world, name), timing);
  const bare = createBareState(model);
  let checksum = 0;
  const bareUs = timePerCall(() => (checksum += bareRun(model, bare, false)), timing).us;
  const bareRecipesUs = timePerCall(() => (checksum += bareRun(model, bare, true)), timing).us;
  if (Number.isNaN(checksum)) console.log("(checksum NaN)");
  return {
    label,
    C: model.C,
    G: model.G,
    T: model.T,
    flows: units.flows,
    recipeEntries: units.recipeEntries,
    producerCells: units.producerCells,
    userCells: units.userCells,
    samplingUs: samplingMicros(world, timing),
    engineUs,
    bareUs,
    bareRecipesUs,
  };
}

export function scaling(quick: boolean): ScalingResult {
  heading("2. Time per run as the world grows (engine alone, one policy, one thread)");
  const rows: ScalingRow[] = [];
  const seed = prepare(bundled(SEED));
  const seedRow = measureWorld(`${SEED} (seed)`, seed, seed.model.policies.names, quick);
  console.log(`  ${seedRow.label}: done`);
  for (const w of scalingWorlds()) {
    const started = performance.now();
    const world = prepare(w.scenario());
    const row = measureWorld(w.label, world, ["none", "restrict", "restrict-all"], quick);
    rows.push(row);
    console.log(`  ${w.label}: ${sig(row.engineUs["restrict-all"]!)} µs/run restrict-all (${fmt((performance.now() - started) / 1000, 1)} s)`);
  }
  console.log("");
  table(
    ["world (C x G, 24 periods)", "flows F", "recipe entries E", "producer + user cells", "C²G²", "µs/run none", "µs/run restrict", "µs/run restrict-all", "ns per (F+E) x T", "ns per (F+E+cells) x T"],
    rows.map((r) => {
      const all = r.engineUs["restrict-all"]!;
      return [
        r.label,
        fmt(r.flows),
        fmt(r.recipeEntries),
        fmt(r.producerCells + r.userCells),
        fmt(r.C * r.C * r.G * r.G),
        sig(r.engineUs["none"]!),
        sig(r.engineUs["restrict"]!),
        sig(all),
        sig((all * 1000) / ((r.flows + r.recipeEntries) * r.T)),
        sig((all * 1000) / ((r.flows + r.recipeEntries + r.producerCells + r.userCells) * r.T)),
      ];
    }),
  );
  const slopeWork = logSlope(rows.map((r) => [r.flows + r.recipeEntries, r.engineUs["restrict-all"]!]));
  const slopeDense = logSlope(rows.map((r) => [r.C * r.C * r.G * r.G, r.engineUs["restrict-all"]!]));
  const slopeRestrict = logSlope(rows.map((r) => [r.flows + r.recipeEntries, r.engineUs["restrict"]!]));
  console.log(
    `\nFit of log(µs per run, restrict-all) against log(size) over the ${rows.length} worlds: slope ${slopeWork.toFixed(2)} against flows + recipe entries, ` +
      `${slopeDense.toFixed(2)} against C²G² (a cost growing with dense cubes would show slope 1 against C²G²). ` +
      `restrict: slope ${slopeRestrict.toFixed(2)} against flows + recipe entries.`,
  );
  console.log(
    "none = no lever (every good calm: the engine skips goods that clear at baseline two periods running); restrict = the world's own restriction (C0 or R0 bans its raw goods to one country); restrict-all = C0/R0 cuts every export to everyone (severity drawn), so every good is disturbed in every period.",
  );
  console.log(`Engine times: simulateRun alone on prepared draws (bench/prepared.ts), the fastest of ${quick ? 4 : 7} batches of at least ${quick ? 100 : 200} ms after a ${quick ? 150 : 300} ms warm-up.`);
  console.log(`Sampling one run's draws (8 or 6 uncertainties): ${rows.map((r) => sig(r.samplingUs)).join(", ")} µs; seed scenario (32 uncertainties, 3 rules): ${sig(seedRow.samplingUs)} µs; not included above.`);

  heading("5. The engine against a bare typed-array loop (the floor)");
  const floor: FloorRow[] = [];
  for (const name of seed.model.policies.names) floor.push({ world: `${SEED} (seed)`, policy: name, engineUs: seedRow.engineUs[name]!, bareUs: seedRow.bareUs, bareRecipesUs: seedRow.bareRecipesUs });
  for (const r of rows) for (const policy of ["restrict", "restrict-all"]) floor.push({ world: r.label, policy, engineUs: r.engineUs[policy]!, bareUs: r.bareUs, bareRecipesUs: r.bareRecipesUs });
  table(
    ["world", "policy", "engine µs/run", "floor µs/run", "engine / floor", "floor with recipes µs/run", "engine / floor with recipes"],
    floor.map((f) => [f.world, f.policy, sig(f.engineUs), sig(f.bareUs), `${sig(f.engineUs / f.bareUs)}x`, sig(f.bareRecipesUs), `${sig(f.engineUs / f.bareRecipesUs)}x`]),
  );
  console.log("\nThe floor (bench/bare-loop.ts) does, per period and good, one update per flow and two per producer and user cell; 'with recipes' adds one per recipe entry. It has no calm-good shortcut, so on lightly disturbed worlds the engine can come close to it or beat it.");
  return { rows, floor, slopeWork, slopeDense };
}
