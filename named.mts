// the named worlds and golden worlds of agreement.test.ts, with the copies (variant as in agr3), and the "can fail" check
import { readdirSync, readFileSync } from "node:fs";
import { MarketWorkspace } from "../../main/src/engine/market.ts";
const parts = new Set((process.argv[2] ?? "main").split(","));
if (parts.has("market")) {
  const fixed = await import(`./w/market.ts`);
  for (const name of Object.getOwnPropertyNames(fixed.MarketWorkspace.prototype)) if (name !== "constructor") (MarketWorkspace.prototype as any)[name] = fixed.MarketWorkspace.prototype[name];
}
if (!parts.has("tol")) (globalThis as any).NO_CONDITIONED = true;
if (parts.has("sim")) (globalThis as any).USE_ENG_COPY = true;
const { validateWorld, validationWorlds } = parts.has("ref") ? await import("./w/agreement.ts") : await import("./w/agreement-origref.ts");
let bad = 0;
for (const world of validationWorlds(true)) {
  const t0 = Date.now();
  const a = validateWorld(world);
  if (a.firstDisagreement !== undefined || a.values === 0) bad++;
  console.log(`${world.label}: ${a.values} values, ${a.disagreements} disagreements, max rel ${a.maxRelative.toExponential(1)}, nearZero ${a.nearZero}, ${Date.now() - t0} ms ${a.firstDisagreement ?? ""}`);
}
const folder = "/work/main/test/golden/worlds/";
for (const file of readdirSync(folder).filter((name) => name.startsWith("generated-"))) {
  const scenario = JSON.parse(readFileSync(folder + file, "utf8"));
  const a = validateWorld({ label: file, scenario, runs: 4 });
  if (a.firstDisagreement !== undefined) bad++;
  console.log(`${file}: ${a.values} values ${a.firstDisagreement ?? "ok"}`);
}
const world = { label: "two-country", scenario: validationWorlds(true)[0]!.scenario, runs: 1 };
console.log("can fail 1:", validateWorld(world, "agreement", (run: any) => { run.outcomes["gdpLoss:B"] = run.outcomes["gdpLoss:B"]! * (1 + 1e-8); }).firstDisagreement);
console.log("can fail 2:", validateWorld(world, "agreement", (run: any) => { run.series["price:x"]![1] = run.series["price:x"]![1]! + 1e-6; }).firstDisagreement);
console.log(bad ? `${bad} FAILED` : "all agree");
