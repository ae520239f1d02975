import { compileScenario } from "../compile/compile-scenario.js";
import { InputError } from "../errors.js";
import type { Lever, RuleAction } from "../schema/levers.js";
import type { Condition, Rule } from "../schema/rules.js";
import type { Scenario } from "../schema/scenario.js";
import { formatValue } from "./format-number.js";
import { describeDistribution } from "../random/describe-distribution.js";
import { numberText, uncertainNumber } from "./_internals/provenance.js";
import { exportRestrictable, exportRestrictors, rulesUnder } from "./restrictions.js";
import { alignColumns, listInWords, plural } from "./text.js";
import { describeContext } from "./describe-context.js";
import { conditionKind } from "../conditions/index.js";
import { leverKind } from "../levers/index.js";

/** Most chains from a primary input to a final good listed (the rest are counted). */
const MAX_CHAINS = 40;

/** Left-aligned columns, two spaces apart, each line indented by `indent`. */
function columns(allRows: readonly (readonly string[])[], indent = "  ", rightAlignedColumns: readonly number[] = []): string[] {
  if (allRows.length === 0) return [];
  // columns empty in every row (countries without names) are left out
  const kept = allRows[0]!.map((_, c) => c).filter((c) => allRows.some((row) => (row[c] ?? "") !== ""));
  const rows = allRows.map((row) => kept.map((c) => row[c] ?? ""));
  const rightAligned = kept.flatMap((c, k) => (rightAlignedColumns.includes(c) ? [k] : []));
  return alignColumns(rows, (c) => !rightAligned.includes(c)).map((line) => indent + line);
}

/** `12.3%` of a share in [0, 1]. */
function share(value: number): string {
  return formatValue(value, "share");
}

/** Herfindahl-Hirschman index of shares (0 to 10,000), and the largest share's holder. */
function concentration(amounts: ReadonlyMap<string, number>): { hhi: number; top: string; topShare: number } | undefined {
  const total = [...amounts.values()].reduce((sum, v) => sum + v, 0);
  if (!(total > 0)) return undefined;
  let hhi = 0;
  let top = "";
  let topShare = -1;
  for (const [who, amount] of amounts) {
    const s = amount / total;
    hhi += (100 * s) ** 2;
    if (s > topShare) [top, topShare] = [who, s];
  }
  return { hhi, top, topShare };
}

function add(map: Map<string, number>, key: string, amount: number): void {
  map.set(key, (map.get(key) ?? 0) + amount);
}

/**
 * A readable, plain-text description of a scenario, for a reader who wants to know what
 * the world and the moves in it are before running anything: the countries and goods; the
 * dependency chain from raw materials to final goods (goods in the order production
 * processes them, the recipes and every chain from a primary input to a final good); which
 * countries may restrict the exports of each good (by a policy's lever or by a rule);
 * each importer's share of its baseline use of a good that comes from countries that may
 * restrict it; supply concentration per good (Herfindahl-Hirschman index of production and
 * of exports, 0 to 10,000; above 2,500 is highly concentrated); the rules, the policies,
 * the uncertainties and the outcomes. Deterministic: the same scenario gives the same text.
 *
 * @param scenario - a parsed scenario (`parseScenario`).
 * @returns the description, lines ending with `\n`.
 * @throws {InputError} if `scenario` is not a parsed scenario.
 * @example
 * ```ts
 * console.log(explainScenario(parseScenario(json)));
 * // Illustrative chip-control standoff (small example, not calibrated)
 * // scenario illustrative-standoff: 24 months, 5 countries, 4 goods, 12 flows, ...
 * ```
 */
export function explainScenario(scenario: Scenario): string {
  if (scenario === null || typeof scenario !== "object" || typeof scenario.world !== "object" || !Array.isArray(scenario.policies)) {
    throw new InputError("scenario", "expected a parsed scenario (parseScenario)");
  }
  const { world } = scenario;
  const model = compileScenario(scenario);
  const per = scenario.period;
  const goodsById = new Map(world.goods.map((good) => [good.id, good]));
  const unitOf = (good: string) => goodsById.get(good)?.unit ?? "";
  const lines: string[] = [];
  const section = (title: string) => lines.push("", title);

  // Header
  lines.push(scenario.title ?? scenario.name);
  lines.push(
    `scenario ${scenario.name}: ${plural(scenario.horizon, per)}, ${plural(world.countries.length, "country", "countries")}, ${plural(world.goods.length, "good")}, ` +
      `${plural(world.flows.length, "flow")}, ${plural(world.recipes.length, "recipe")}, ${plural(scenario.rules.length + scenario.policies.reduce((n, p) => n + p.rules.length, 0), "rule")}, ` +
      `${plural(scenario.policies.length, "policy", "policies")}, ${plural(scenario.uncertainties.length, "uncertain parameter")}`,
  );
  if (scenario.description !== undefined) lines.push("", scenario.description);

  // Countries
  section("Countries");
  lines.push(...columns(world.countries.map((c) => [c.id, c.name ?? "", `GDP ${formatValue(c.gdp, "USD")} a year`])));

  // Goods, in the order production processes them
  const inputsOf = new Map<string, Set<string>>();
  const usedAsInput = new Set<string>();
  for (const recipe of world.recipes) {
    const inputs = inputsOf.get(recipe.output) ?? new Set<string>();
    for (const input of recipe.inputs) {
      inputs.add(input.good);
      usedAsInput.add(input.good);
    }
    inputsOf.set(recipe.output, inputs);
  }
  const order = Array.from(model.goodOrder, (g) => world.goods[g]!.id);
  const role = (good: string) => (!inputsOf.has(good) ? (usedAsInput.has(good) ? "primary input" : "stand-alone") : usedAsInput.has(good) ? "intermediate" : "final good");
  section("Goods (in the order production processes them: primary inputs first)");
  lines.push(
    ...columns(
      order.map((id) => {
        const good = goodsById.get(id)!;
        return [id, good.name ?? "", role(id), `${formatValue(good.basePrice, "USD")} per ${good.unit}`, `demand elasticity ${uncertainNumber(good.demandElasticity, scenario)}`];
      }),
    ),
  );

  // Dependency chain
  if (world.recipes.length > 0) {
    section(`Dependency chain (inputs per unit of output; * = critical: output stops without it)`);
    for (const id of order) {
      for (const recipe of world.recipes.filter((r) => r.output === id)) {
        const inputs = recipe.inputs.map((input) => `${numberText(input.perUnit)} ${unitOf(input.good)} ${input.good}${input.critical ? "*" : ""}`);
        lines.push(`  ${id}${recipe.country === undefined ? "" : ` (in ${recipe.country})`} <- ${inputs.join(", ")}`);
      }
    }
    const chains: string[][] = [];
    let more = 0;
    const walk = (path: string[]) => {
      const last = path[path.length - 1]!;
      const consumers = order.filter((g) => inputsOf.get(g)?.has(last) === true);
      if (consumers.length === 0) {
        if (chains.length < MAX_CHAINS) chains.push(path);
        else more++;
        return;
      }
      for (const next of consumers) walk([...path, next]);
    };
    for (const id of order) if (!inputsOf.has(id) && usedAsInput.has(id)) walk([id]);
    lines.push("  chains from primary inputs to final goods:");
    lines.push(...chains.map((chain) => `    ${chain.join(" -> ")}`));
    if (more > 0) lines.push(`    and ${plural(more, "more chain")}`);
  }

  // Who may restrict
  const restrictors = exportRestrictors(scenario);
  const restrictable = exportRestrictable(scenario);
  section("Who may restrict exports (by a policy's lever or by a rule)");
  const restrictorRows = order.flatMap((good) => {
    const countries = [...(restrictors.get(good) ?? [])];
    return countries.length === 0 ? [] : [[good, listInWords(countries)]];
  });
  lines.push(...(restrictorRows.length === 0 ? ["  nobody: no policy or rule restricts exports"] : columns(restrictorRows)));

  // Each importer's supply from countries that may restrict
  const output = new Map<string, number>();
  for (const p of world.production) add(output, `${p.country}|${p.good}`, p.output);
  const exportsOf = new Map<string, number>();
  const importsOf = new Map<string, number>();
  const atRisk = new Map<string, number>();
  const atRiskFrom = new Map<string, Set<string>>();
  world.flows.forEach((flow, f) => {
    if (flow.exporter === flow.importer) return;
    add(exportsOf, `${flow.exporter}|${flow.good}`, flow.volume);
    add(importsOf, `${flow.importer}|${flow.good}`, flow.volume);
    if (restrictable[f]) {
      add(atRisk, `${flow.importer}|${flow.good}`, flow.volume);
      const from = atRiskFrom.get(`${flow.importer}|${flow.good}`) ?? new Set<string>();
      from.add(flow.exporter);
      atRiskFrom.set(`${flow.importer}|${flow.good}`, from);
    }
  });
  section(`Importers' supply from countries that may restrict it (share of baseline use per ${per}: own output less exports, plus imports)`);
  const supplyRows: string[][] = [["good", "importer", "use", "imported", "from countries that may restrict"]];
  for (const good of order) {
    for (const country of world.countries) {
      const key = `${country.id}|${good}`;
      const imported = importsOf.get(key) ?? 0;
      if (!(imported > 0)) continue;
      const use = Math.max(0, (output.get(key) ?? 0) - (exportsOf.get(key) ?? 0)) + imported;
      const risky = atRisk.get(key) ?? 0;
      const from = [...(atRiskFrom.get(key) ?? [])];
      supplyRows.push([
        good,
        country.id,
        `${numberText(use)} ${unitOf(good)}`,
        share(imported / use),
        risky > 0 ? `${share(risky / use)} (${listInWords(from)})` : "0%",
      ]);
    }
  }
  lines.push(...(supplyRows.length === 1 ? ["  no country imports anything"] : columns(supplyRows)));

  // Use of inputs that no recipe needs: where a shortage falls first and, without an
  // input-output table, costs nothing
  const G = world.goods.length;
  const inputGoods = new Set(world.recipes.flatMap((recipe) => recipe.inputs.map((input) => input.good)));
  const unneededRows: string[][] = [["good", "countries (share of their baseline use)"]];
  for (const g of model.goodOrder) {
    const good = world.goods[g]!.id;
    if (!inputGoods.has(good)) continue;
    const shares: [string, number][] = [];
    world.countries.forEach((country, c) => {
      const cell = c * G + g;
      const use = model.U0[cell]!;
      if (!(use > 0)) return;
      let needed = 0;
      for (let k = model.useStart[cell]!; k < model.useStart[cell + 1]!; k++) needed += model.usePerUnit[k]! * model.Q0[model.useCell[k]!]!;
      const unneeded = 1 - needed / use;
      if (unneeded >= 0.05) shares.push([country.id, unneeded]);
    });
    shares.sort((a, b) => b[1] - a[1]);
    if (shares.length > 0) unneededRows.push([good, shares.map(([country, x]) => `${country} ${share(x)}`).join(", ")]);
  }
  if (unneededRows.length > 1) {
    const tables = world.inputOutput.map((t) => t.country);
    section(
      `Use of an input that no recipe needs (final or unmodelled use, where 5% or more of a country's baseline use): a shortage falls there first, once critical inputs are served, and costs output only through an input-output table (${tables.length === 0 ? "none here" : `here: ${listInWords(tables)}`})`,
    );
    lines.push(...columns(unneededRows));
  }

  // Concentration
  section("Supply concentration per good (Herfindahl-Hirschman index, 0 to 10,000; above 2,500: highly concentrated)");
  const concentrationRows: string[][] = [["good", "production HHI", "largest producer", "exports HHI", "largest exporter"]];
  for (const good of order) {
    const producers = new Map<string, number>();
    const exporters = new Map<string, number>();
    for (const p of world.production) if (p.good === good && p.output > 0) add(producers, p.country, p.output);
    for (const f of world.flows) if (f.good === good && f.exporter !== f.importer && f.volume > 0) add(exporters, f.exporter, f.volume);
    const produced = concentration(producers);
    const exported = concentration(exporters);
    concentrationRows.push([
      good,
      produced === undefined ? "–" : numberText(Math.round(produced.hhi)),
      produced === undefined ? "–" : `${produced.top} ${share(produced.topShare)}`,
      exported === undefined ? "–" : numberText(Math.round(exported.hhi)),
      exported === undefined ? "–" : `${exported.top} ${share(exported.topShare)}`,
    ]);
  }
  lines.push(...columns(concentrationRows, "  ", [1, 3]));

  // Rules
  const allRules = rulesUnder(scenario, undefined);
  section("Rules (agents' responses; scenario-wide unless a policy is named)");
  if (allRules.length === 0) lines.push("  none");
  const ownerOf = new Map<string, string>(scenario.policies.flatMap((p) => p.rules.map((r) => [r.name, p.name] as [string, string])));
  for (const rule of allRules) {
    const owner = ownerOf.get(rule.name);
    lines.push(`  ${rule.name}${owner === undefined ? "" : ` (policy ${owner} only)`}: ${ruleText(rule, scenario)}`);
    if (rule.description !== undefined) lines.push(`    ${rule.description}`);
  }

  // Policies
  section("Policies");
  for (const policy of scenario.policies) {
    const baseline = policy.name === (scenario.baselinePolicy ?? scenario.policies[0]!.name);
    lines.push(`  ${policy.name}${baseline ? " (baseline)" : ""}${policy.description === undefined ? "" : `: ${policy.description}`}`);
    if (policy.levers.length === 0 && policy.rules.length === 0 && policy.disableRules.length === 0) lines.push("    no levers");
    for (const lever of policy.levers) lines.push(`    - ${leverText(lever, scenario)}`);
    if (policy.rules.length > 0) lines.push(`    - adds ${plural(policy.rules.length, "rule")}: ${policy.rules.map((r) => r.name).join(", ")}`);
    if (policy.disableRules.length > 0) lines.push(`    - switches off ${policy.disableRules.join(", ")}`);
  }

  // Game
  const game = scenario.game;
  if (game !== undefined) {
    section(`Game (countries that choose; \`chokepoint game\` solves it)${game.order === undefined ? "" : `: in turns, ${game.order.join(", then ")}`}`);
    if (game.base !== undefined) lines.push(`  under every profile: policy ${game.base}`);
    // the game's uncertainties are described where objectives name them
    const withWeights = { ...scenario, uncertainties: [...scenario.uncertainties, ...game.uncertainties] };
    for (const player of game.players) {
      const loss = player.objective
        .map((term) => (term.weight === 1 ? term.outcome : `${typeof term.weight === "number" ? numberText(term.weight) : term.weight.param} x ${term.outcome}`))
        .join(" + ");
      lines.push(`  ${player.country}, whose loss is ${loss}, chooses one of:`);
      for (const option of player.options) {
        lines.push(`    ${option.name}${option.description === undefined ? "" : `: ${option.description}`}`);
        for (const lever of option.levers) lines.push(`      - ${leverText(lever, scenario)}`);
        for (const rule of option.rules) lines.push(`      - ${rule.name}: ${ruleText(rule, scenario)}`);
        if (option.disableRules.length > 0) lines.push(`      - switches off ${option.disableRules.join(", ")}`);
      }
    }
    for (const term of game.players.flatMap((player) => player.objective)) {
      if (typeof term.weight !== "number" && game.uncertainties.some((u) => u.name === (term.weight as { param: string }).param)) {
        lines.push(`  ${uncertainNumber(term.weight, withWeights)} (the game's, drawn when it is analysed)`);
      }
    }
  }

  // Uncertainties
  if (scenario.uncertainties.length > 0) {
    section("Uncertain parameters (drawn once per run, the same draws under every policy)");
    const posterior = scenario.posterior;
    lines.push(
      ...columns(
        scenario.uncertainties.map((u) => [
          u.name,
          posterior?.parameters.includes(u.name) ? `from the posterior (${posterior.draws.length} draws, jointly); prior ${describeDistribution(u.distribution)}` : describeDistribution(u.distribution),
        ]),
      ),
    );
    if (posterior !== undefined) {
      const source = Array.isArray(posterior.source) ? posterior.source[0] : posterior.source;
      lines.push(`  (posterior: ${posterior.parameters.join(", ")} drawn together from one of ${posterior.draws.length} weighted draws per run${source === undefined ? "" : `; ${source.publication}`})`);
    }
  }

  // Outcomes
  section("Outcomes recorded");
  const headline = new Set(scenario.headlineOutcomes ?? []);
  lines.push(
    ...columns(
      model.outcomes.info.map((o) => [headline.size === 0 ? o.name : `${headline.has(o.name) ? "*" : " "} ${o.name}`, `[${o.unit}]`, `${o.description}${o.series ? `; per ${per} too` : ""}`]),
    ),
  );
  if (headline.size > 0) lines.push("  (* headline outcome)");
  return `${lines.join("\n")}\n`;
}

/** What a lever or a rule's action does, in words (its kind's module says it). */
function actionText(action: RuleAction | Lever, scenario: Scenario): string {
  return leverKind(action.type).describe(action, describeContext(scenario));
}

function leverText(lever: Lever, scenario: Scenario): string {
  const start = lever.start === 0 ? "" : `, from ${scenario.period} ${uncertainNumber(lever.start, scenario)}`;
  return `${lever.actor} ${actionText(lever, scenario)}${start}`;
}

/** When a condition holds, in words (its kind's module says it). */
function conditionText(condition: Condition, rule: Rule, scenario: Scenario): string {
  return conditionKind(condition.kind).describe(condition, rule.agent, describeContext(scenario));
}

function ruleText(rule: Rule, scenario: Scenario): string {
  const when = rule.when.map((condition) => conditionText(condition, rule, scenario)).join(" and ");
  const probability = rule.probability === 1 ? "" : `, with probability ${uncertainNumber(rule.probability, scenario)}`;
  const delay = rule.delay === 0 ? "" : `, after ${uncertainNumber(rule.delay, scenario)} ${scenario.period}s`;
  return `when ${when}${probability}${delay}, ${rule.agent} ${actionText(rule.action, scenario)}`;
}
