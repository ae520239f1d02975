import type { InputProblem } from "../errors.js";
import { formatPath } from "../errors.js";
import { createDistribution, describeDistribution, distributionProblems } from "../random/index.js";
import { leontiefInverse, technicalCoefficients } from "../input-output/index.js";
import { ValidationContext } from "./_internals/validation-context.js";
import { BALANCE_TOLERANCE, exceedsWithTolerance } from "./balance.js";
import { LIMITS } from "./limits.js";
import { compileFormula } from "../formula/compile-formula.js";
import { conditionKind, triggeringCountries } from "../conditions/index.js";
import { aimsAtTriggering, leverKind } from "../levers/index.js";
import { outcomeKind, type OutcomeCheckContext } from "../outcomes/index.js";
import { RANGES, type CheckContext, type NumberRange, type Path } from "./check-context.js";
import type { UncertainNumber } from "./common.js";
import type { Rule } from "./rules.js";
import { PERIODS_PER_YEAR } from "./periods.js";
import { recipeLookup } from "./recipe-lookup.js";
import { sectorValueAdded } from "./sector-value-added.js";
import { runSize } from "./run-size.js";
import type { Scenario, Uncertainty } from "./scenario.js";

const SHARE = RANGES.share;
const NON_NEGATIVE = RANGES.nonNegative;
const ANY_NUMBER = RANGES.any;
const POSITIVE = RANGES.positive;

const fmt = (x: number) => (Math.abs(x) >= 1e6 || (Math.abs(x) < 1e-3 && x !== 0) ? x.toExponential(3) : String(+x.toPrecision(6)));

/**
 * Check everything a schema cannot: names are unique and every reference resolves,
 * numbers drawn from uncertainties stay in range, the world balances (exports within
 * output, inputs enough for recipes), recipes have no cycles, input-output tables are
 * well formed and productive. Returns the problems found, each with its path (the first
 * 1,000, then how many more); with a `context`, reports them to it instead, which bounds
 * the "did you mean" suggestions and looks at its abort signal as the checks go.
 */
export function scenarioProblems(scenario: Scenario, context = new ValidationContext()): InputProblem[] {
  for (const _ of scenarioChecks(scenario, context)) context.checkAbort();
  return context.listed();
}

/**
 * The checks of {@link scenarioProblems}, reporting to `context`, in steps: yields between
 * parts of the scenario (before each input-output table, whose inverse is the costly
 * part), so that a caller can stop or let other work run.
 */
export function* scenarioChecks(scenario: Scenario, context: ValidationContext): Generator<void, void, void> {
  const found = context.total;
  const report = (path: Path, message: string) => {
    if (context.full) context.count(1);
    else context.report({ path: formatPath(path), message });
  };
  const didYouMean = (name: string, known: Iterable<string>) => context.didYouMean(name, known);
  const { world } = scenario;

  // --- names -------------------------------------------------------------------------
  const uniqueNames = (entries: readonly { readonly id?: string | undefined; readonly name?: string | undefined }[], key: "id" | "name", at: Path, what: string) => {
    const seen = new Map<string, number>();
    entries.forEach((entry, index) => {
      context.tick();
      const name = entry[key];
      if (name === undefined) return;
      const first = seen.get(name);
      if (first !== undefined) report([...at, index, key], `duplicate ${what} "${name}" (first defined at ${formatPath([...at, first])})`);
      else seen.set(name, index);
    });
    return new Set(seen.keys());
  };
  const countries = uniqueNames(world.countries, "id", ["world", "countries"], "country");
  const goods = uniqueNames(world.goods, "id", ["world", "goods"], "good");
  const params = uniqueNames(scenario.uncertainties, "name", ["uncertainties"], "uncertainty");
  const policies = uniqueNames(scenario.policies, "name", ["policies"], "policy");
  uniqueNames(scenario.outcomes, "name", ["outcomes"], "outcome");
  const globalRules = uniqueNames(scenario.rules, "name", ["rules"], "rule");
  const allRuleNames = new Set(globalRules);
  scenario.policies.forEach((policy, p) => {
    policy.rules.forEach((rule, r) => {
      if (globalRules.has(rule.name)) report(["policies", p, "rules", r, "name"], `rule "${rule.name}" is already a scenario-wide rule; give it another name`);
    });
    for (const name of uniqueNames(policy.rules, "name", ["policies", p, "rules"], "rule")) allRuleNames.add(name);
  });
  // a game's options' rules are written scenario-wide when the game is analysed (one draw per
  // rule whatever the profile): distinct across the game and from every other rule
  const policyRuleOwner = new Map(scenario.policies.flatMap((policy) => policy.rules.map((rule) => [rule.name, policy.name] as const)));
  const gameRules = new Map<string, Path>();
  scenario.game?.players.forEach((player, p) =>
    player.options.forEach((option, o) =>
      option.rules.forEach((rule, r) => {
        const at: Path = ["game", "players", p, "options", o, "rules", r, "name"];
        const first = gameRules.get(rule.name);
        const owner = policyRuleOwner.get(rule.name);
        if (globalRules.has(rule.name)) report(at, `rule "${rule.name}" is already a scenario-wide rule; give it another name`);
        else if (owner !== undefined) report(at, `rule "${rule.name}" is already a rule of policy "${owner}"; give it another name`);
        else if (first !== undefined) report(at, `duplicate rule "${rule.name}" (first defined at ${formatPath(first.slice(0, -1))}): the options' rules must be distinct across the game`);
        else gameRules.set(rule.name, at);
        allRuleNames.add(rule.name);
      }),
    ),
  );

  const checkName = (path: Path, name: string, known: Set<string>, what: string) => {
    context.tick();
    if (!known.has(name)) report(path, `unknown ${what} "${name}"${didYouMean(name, known)}`);
  };
  // a string stands for all, self or triggering, checked by the schema
  const checkNames = (path: Path, names: readonly string[] | string | undefined, known: Set<string>, what: string) => {
    if (names === undefined || typeof names === "string") return;
    names.forEach((name, i) => checkName([...path, i], name, known, what));
  };
  const country = (path: Path, name: string) => checkName(path, name, countries, "country");
  const good = (path: Path, name: string) => checkName(path, name, goods, "good");

  // --- uncertain numbers -------------------------------------------------------------
  const supports = new Map<string, { min: number; max: number; text: string }>();
  const checkDistributions = (at: Path, uncertainties: readonly Uncertainty[]) =>
    uncertainties.forEach((uncertainty, u) => {
      const found = distributionProblems(uncertainty.distribution);
      for (const problem of found) {
        report([...at, u, "distribution", ...(problem.path === "" ? [] : [problem.path])], problem.message);
      }
      if (found.length === 0) {
        const distribution = createDistribution(uncertainty.distribution);
        supports.set(uncertainty.name, { min: distribution.min, max: distribution.max, text: describeDistribution(uncertainty.distribution) });
      }
    });
  checkDistributions(["uncertainties"], scenario.uncertainties);
  // the game's own uncertainties: objective weights only, named apart from the scenario's
  const gameParams = uniqueNames(scenario.game?.uncertainties ?? [], "name", ["game", "uncertainties"], "uncertainty");
  scenario.game?.uncertainties.forEach((uncertainty, u) => {
    if (params.has(uncertainty.name)) report(["game", "uncertainties", u, "name"], `"${uncertainty.name}" is already an uncertainty of the scenario; give the game's its own name`);
  });
  checkDistributions(["game", "uncertainties"], scenario.game?.uncertainties ?? []);
  // joint draws: known, distinct uncertainties; rectangular rows; values each uncertainty can take
  const posterior = scenario.posterior;
  if (posterior !== undefined) {
    const listed = new Set<string>();
    posterior.parameters.forEach((name, k) => {
      if (!params.has(name)) report(["posterior", "parameters", k], `unknown uncertainty "${name}"${didYouMean(name, params)}`);
      else if (listed.has(name)) report(["posterior", "parameters", k], `"${name}" is listed twice`);
      listed.add(name);
    });
    const K = posterior.parameters.length;
    posterior.draws.forEach((row, r) => {
      context.tick();
      if (row.length !== K) {
        report(["posterior", "draws", r], `expected ${K} values, one per listed uncertainty, found ${row.length}`);
        return;
      }
      row.forEach((value, k) => {
        const support = supports.get(posterior.parameters[k]!);
        if (support !== undefined && !(value >= support.min && value <= support.max)) {
          report(["posterior", "draws", r, k], `${fmt(value)} is outside what uncertainty "${posterior.parameters[k]}" can take (${support.text})`);
        }
      });
    });
    const weights = posterior.weights;
    if (weights !== undefined) {
      if (weights.length !== posterior.draws.length) report(["posterior", "weights"], `expected one weight per draw (${posterior.draws.length}), found ${weights.length}`);
      else {
        const sum = weights.reduce((total, w) => total + w, 0);
        if (!(sum > 0)) report(["posterior", "weights"], "expected weights with a positive sum");
        else if (sum === Infinity) report(["posterior", "weights"], "expected weights with a finite sum, found a sum of Infinity");
      }
    }
  }
  const inRange = (x: number, range: NumberRange) => (range.minExclusive ? x > range.min : x >= range.min) && x <= range.max;
  const checkNumber = (path: Path, value: UncertainNumber | undefined, range: NumberRange) => {
    if (value === undefined) return;
    if (typeof value === "number") {
      if (!inRange(value, range)) report(path, `expected ${range.what}, found ${fmt(value)}`);
      return;
    }
    if (!params.has(value.param)) {
      report([...path, "param"], `unknown uncertainty "${value.param}"${didYouMean(value.param, params)}`);
      return;
    }
    const support = supports.get(value.param);
    if (support === undefined) return; // its own problem is reported at the uncertainty
    if (!inRange(support.min, range) || !inRange(support.max, range)) {
      report(
        [...path, "param"],
        `uncertainty "${value.param}" is ${support.text}, which can take values outside ${range.interval}; truncate it or choose another distribution`,
      );
    }
  };

  // --- world ---------------------------------------------------------------------------
  yield;
  world.goods.forEach((g, i) => {
    checkNumber(["world", "goods", i, "demandElasticity"], g.demandElasticity, POSITIVE);
    checkNumber(["world", "goods", i, "substitutionElasticity"], g.substitutionElasticity, POSITIVE);
    checkNumber(["world", "goods", i, "supplyElasticity"], g.supplyElasticity, NON_NEGATIVE);
    if (g.newSuppliers !== undefined) {
      checkNumber(["world", "goods", i, "newSuppliers", "weight"], g.newSuppliers.weight, NON_NEGATIVE);
      checkNumber(["world", "goods", i, "newSuppliers", "premium"], g.newSuppliers.premium, NON_NEGATIVE);
    }
  });
  world.goods.forEach((g, i) => {
    if (g.priceFloor > g.priceCap) report(["world", "goods", i, "priceFloor"], `expected priceFloor <= priceCap (${fmt(g.priceCap)}), found ${fmt(g.priceFloor)}`);
  });

  const key = (c: string, g: string) => `${c}\u0000${g}`;
  const output = new Map<string, number>();
  const productionSeen = new Map<string, number>();
  world.production.forEach((entry, i) => {
    context.tick();
    const at: Path = ["world", "production", i];
    country([...at, "country"], entry.country);
    good([...at, "good"], entry.good);
    const k = key(entry.country, entry.good);
    const first = productionSeen.get(k);
    if (first !== undefined) report(at, `duplicate production of "${entry.good}" in "${entry.country}" (first at world.production[${first}]); merge them`);
    productionSeen.set(k, i);
    output.set(k, (output.get(k) ?? 0) + entry.output);
    if (entry.capacity !== undefined && entry.capacity < entry.output) {
      report([...at, "capacity"], `expected capacity >= output (${fmt(entry.output)}), found ${fmt(entry.capacity)}`);
    }
    checkNumber([...at, "valueAddedPerUnit"], entry.valueAddedPerUnit, NON_NEGATIVE);
    checkNumber([...at, "surgeCapacity"], entry.surgeCapacity, NON_NEGATIVE);
    checkNumber([...at, "rampPeriods"], entry.rampPeriods, NON_NEGATIVE);
    checkNumber([...at, "restartLag"], entry.restartLag, NON_NEGATIVE);
    checkNumber([...at, "supplyElasticity"], entry.supplyElasticity, NON_NEGATIVE);
    checkNumber([...at, "domesticPriceRatio"], entry.domesticPriceRatio, POSITIVE);
  });

  const exports = new Map<string, number>();
  const imports = new Map<string, number>();
  const flowSeen = new Map<string, number>();
  world.flows.forEach((flow, i) => {
    context.tick();
    const at: Path = ["world", "flows", i];
    country([...at, "exporter"], flow.exporter);
    country([...at, "importer"], flow.importer);
    good([...at, "good"], flow.good);
    if (flow.exporter === flow.importer) report([...at, "importer"], `a flow needs two different countries, found "${flow.exporter}" twice; domestic use is output minus exports`);
    const k = `${flow.exporter}\u0000${flow.importer}\u0000${flow.good}`;
    const first = flowSeen.get(k);
    if (first !== undefined) report(at, `duplicate flow of "${flow.good}" from "${flow.exporter}" to "${flow.importer}" (first at world.flows[${first}]); merge them`);
    flowSeen.set(k, i);
    exports.set(key(flow.exporter, flow.good), (exports.get(key(flow.exporter, flow.good)) ?? 0) + flow.volume);
    imports.set(key(flow.importer, flow.good), (imports.get(key(flow.importer, flow.good)) ?? 0) + flow.volume);
  });
  const firstFlowFrom = new Map<string, number>();
  world.flows.forEach((flow, i) => {
    if (!firstFlowFrom.has(key(flow.exporter, flow.good))) firstFlowFrom.set(key(flow.exporter, flow.good), i);
  });
  for (const [k, exported] of exports) {
    const [exporter, exportedGood] = k.split("\u0000") as [string, string];
    if (!countries.has(exporter) || !goods.has(exportedGood)) continue; // reported as an unknown name already
    const produced = output.get(k) ?? 0;
    if (exceedsWithTolerance(exported, produced)) {
      report(
        ["world", "flows", firstFlowFrom.get(k)!],
        `"${exporter}" exports ${fmt(exported)} of "${exportedGood}" per period but produces ${fmt(produced)}; exports come from own output (model re-exports as production or leakage)`,
      );
    }
  }

  // recipes: references, duplicates, cycles, and enough input for baseline output
  const recipeSeen = new Map<string, number>();
  world.recipes.forEach((recipe, i) => {
    context.tick();
    const at: Path = ["world", "recipes", i];
    good([...at, "output"], recipe.output);
    if (recipe.country !== undefined) country([...at, "country"], recipe.country);
    const k = `${recipe.output}\u0000${recipe.country ?? "*"}`;
    const first = recipeSeen.get(k);
    if (first !== undefined) report(at, `duplicate recipe for "${recipe.output}"${recipe.country === undefined ? "" : ` in "${recipe.country}"`} (first at world.recipes[${first}])`);
    recipeSeen.set(k, i);
    const inputSeen = new Set<string>();
    recipe.inputs.forEach((input, j) => {
      good([...at, "inputs", j, "good"], input.good);
      if (input.good === recipe.output) report([...at, "inputs", j, "good"], `"${recipe.output}" cannot be an input to itself`);
      if (inputSeen.has(input.good)) report([...at, "inputs", j, "good"], `input "${input.good}" listed twice`);
      inputSeen.add(input.good);
      if (input.critical && input.weight !== undefined) report([...at, "inputs", j, "weight"], "a weight applies only to non-critical inputs (critical: false)");
      checkNumber([...at, "inputs", j, "weight"], input.weight, SHARE);
    });
  });
  const cycle = findRecipeCycle(world.recipes.map((r) => ({ output: r.output, inputs: r.inputs.map((x) => x.good) })));
  if (cycle !== undefined) {
    report(["world", "recipes"], `recipes form a cycle: ${cycle.join(" -> ")}; the model needs inputs to come before outputs`);
  }
  if (context.total === found) {
    // Inputs needed for baseline output must not exceed what the country uses.
    context.checkAbort();
    const recipeFor = recipeLookup(world.recipes);
    const need = new Map<string, number>();
    for (const entry of world.production) {
      context.tick();
      if (entry.output === 0) continue;
      const recipe = recipeFor(entry.good, entry.country);
      if (recipe === undefined) continue;
      for (const input of recipe.inputs) {
        const k = key(entry.country, input.good);
        need.set(k, (need.get(k) ?? 0) + input.perUnit * entry.output);
      }
    }
    for (const [k, needed] of need) {
      const use = (output.get(k) ?? 0) - (exports.get(k) ?? 0) + (imports.get(k) ?? 0);
      if (needed > use * (1 + 1e-6) + BALANCE_TOLERANCE) {
        const [c, g] = k.split("\u0000") as [string, string];
        report(
          ["world", "recipes"],
          `"${c}" uses ${fmt(use)} of "${g}" per period (output - exports + imports) but its recipes need ${fmt(needed)} for baseline output`,
        );
      }
    }
  }

  const stockSeen = new Set<string>();
  world.stocks.forEach((stock, i) => {
    context.tick();
    const at: Path = ["world", "stocks", i];
    country([...at, "country"], stock.country);
    good([...at, "good"], stock.good);
    if (stockSeen.has(key(stock.country, stock.good))) report(at, `duplicate stock of "${stock.good}" in "${stock.country}"`);
    stockSeen.add(key(stock.country, stock.good));
    checkNumber([...at, "coverMonths"], stock.coverMonths, NON_NEGATIVE);
    checkNumber([...at, "targetMonths"], stock.targetMonths, NON_NEGATIVE);
    checkNumber([...at, "restockMonths"], stock.restockMonths, POSITIVE);
    checkNumber([...at, "precautionMonths"], stock.precautionMonths, NON_NEGATIVE);
  });

  const demandSeen = new Map<string, number>();
  world.demand.forEach((entry, i) => {
    context.tick();
    const at: Path = ["world", "demand", i];
    country([...at, "country"], entry.country);
    good([...at, "good"], entry.good);
    const first = demandSeen.get(key(entry.country, entry.good));
    if (first !== undefined) report(at, `duplicate demand of "${entry.good}" in "${entry.country}" (first at world.demand[${first}]); merge them`);
    demandSeen.set(key(entry.country, entry.good), i);
    checkNumber([...at, "demandElasticity"], entry.demandElasticity, POSITIVE);
  });

  // value added of modelled production cannot exceed GDP (at the largest value an uncertainty can take)
  const largest = (value: UncertainNumber) => (typeof value === "number" ? value : (supports.get(value.param)?.max ?? 0));
  const periodsPerYear = PERIODS_PER_YEAR[scenario.period];
  const annualValueAdded = new Map<string, number>();
  for (const entry of world.production) {
    annualValueAdded.set(entry.country, (annualValueAdded.get(entry.country) ?? 0) + largest(entry.valueAddedPerUnit) * entry.output * periodsPerYear);
  }
  world.countries.forEach((c, i) => {
    const va = annualValueAdded.get(c.id) ?? 0;
    if (va > c.gdp) {
      const drawn = world.production.some((entry) => entry.country === c.id && typeof entry.valueAddedPerUnit !== "number");
      report(["world", "countries", i, "gdp"], `GDP ${fmt(c.gdp)} is less than the annual value added of its modelled production (${fmt(va)}${drawn ? " at the highest values drawn" : ""})`);
    }
  });

  // Tables are inverted here and again when compiled (O(sectors^3) each): bound their cells.
  const ioCells = world.inputOutput.reduce((sum, table) => sum + table.Z.reduce((cells, row) => cells + row.length, 0), 0);
  if (ioCells > LIMITS.inputOutputCells) {
    report(
      ["world", "inputOutput"],
      `the input-output tables have ${ioCells.toLocaleString("en-US")} cells in Z together; at most ${LIMITS.inputOutputCells.toLocaleString("en-US")} (a limit of chokepoint)`,
    );
  }
  const ioSeen = new Set<string>();
  for (const [i, table] of world.inputOutput.entries()) {
    yield;
    const at: Path = ["world", "inputOutput", i];
    country([...at, "country"], table.country);
    if (ioSeen.has(table.country)) report([...at, "country"], `a second input-output table for "${table.country}"`);
    ioSeen.add(table.country);
    const sectors = uniqueNames(table.sectors.map((name) => ({ name })), "name", [...at, "sectors"], "sector");
    const n = table.sectors.length;
    if (table.x.length !== n) report([...at, "x"], `expected ${n} entries (one per sector), found ${table.x.length}`);
    if (table.Z.length !== n) report([...at, "Z"], `expected ${n} rows (one per sector), found ${table.Z.length}`);
    table.Z.forEach((row, r) => {
      if (row.length !== n) report([...at, "Z", r], `expected ${n} columns, found ${row.length}`);
    });
    if (table.valueAdded !== undefined && table.valueAdded.length !== n) report([...at, "valueAdded"], `expected ${n} entries, found ${table.valueAdded.length}`);
    if (table.imports !== undefined && table.imports.length !== n) report([...at, "imports"], `expected ${n} entries, found ${table.imports.length}`);
    if (table.exports !== undefined && table.exports.length !== n) report([...at, "exports"], `expected ${n} entries, found ${table.exports.length}`);
    if (table.valueAdded === undefined && table.imports === undefined) {
      report(
        [...at, "valueAdded"],
        "expected value added per sector (or `imports`, the imported inputs per sector): x minus the column sums of a domestic Z would count imported inputs as value added",
      );
    }
    for (const [g, sector] of Object.entries(table.goodSectors)) {
      good([...at, "goodSectors", g], g);
      checkName([...at, "goodSectors", g], sector, sectors, "sector");
    }
    const shapesOk = table.x.length === n && table.Z.length === n && table.Z.every((row) => row.length === n);
    if (shapesOk && ioCells <= LIMITS.inputOutputCells) {
      // a sector sells no more of its domestic output to other sectors than it makes, and its
      // value added (given, or x - 1'Z - imports) is not negative
      const exportsOk = table.exports === undefined || table.exports.length === n;
      table.Z.forEach((row, r) => {
        const sold = row.reduce((sum, z) => sum + z, 0) + (exportsOk ? (table.exports?.[r] ?? 0) : 0);
        if (exceedsWithTolerance(sold, table.x[r]!)) {
          report([...at, "Z", r], `sector "${table.sectors[r]}" sells ${fmt(sold)} to other sectors${table.exports ? " and abroad" : ""} but makes ${fmt(table.x[r]!)} (x); Z holds flows of domestic output`);
        }
      });
      const valueAddedOk = table.valueAdded === undefined || table.valueAdded.length === n;
      const importsOk = table.imports === undefined || table.imports.length === n;
      for (let j = 0; valueAddedOk && importsOk && j < n; j++) {
        const given = table.valueAdded?.[j];
        const va = sectorValueAdded(table, j);
        if (va < -1e-9 * Math.max(1, table.x[j]!)) {
          report(
            given === undefined ? [...at, "imports", j] : [...at, "valueAdded", j],
            given === undefined
              ? `sector "${table.sectors[j]}": x less its inputs from Z less imports leaves value added ${fmt(va)}; expected >= 0`
              : `expected value added >= 0, found ${fmt(va)}`,
          );
        }
      }
      try {
        leontiefInverse(technicalCoefficients(table.Z, table.x));
      } catch (error) {
        report(at, error instanceof Error ? error.message : String(error));
      }
    }
  }

  // --- levers, rules, policies ---------------------------------------------------------
  yield;
  // what the kinds' modules check their entries with (src/levers, src/conditions, src/outcomes)
  const checks: CheckContext = {
    report,
    country,
    good,
    countries: (path, ids) => checkNames(path, ids, countries, "country"),
    goods: (path, ids) => checkNames(path, ids, goods, "good"),
    uncertainty: (path, name) => checkName(path, name, params, "uncertainty"),
    rule: (path, name) => checkName(path, name, allRuleNames, "rule"),
    number: checkNumber,
  };
  const checkRule = (at: Path, rule: Rule) => {
    country([...at, "agent"], rule.agent);
    rule.when.forEach((condition, c) => conditionKind(condition.kind).check(condition, [...at, "when", c], checks));
    checkNumber([...at, "probability"], rule.probability, SHARE);
    checkNumber([...at, "delay"], rule.delay, NON_NEGATIVE);
    leverKind(rule.action.type).check(rule.action, [...at, "action"], rule.agent, checks);
    if (aimsAtTriggering(rule.action) && !rule.when.some((c) => c.kind === "restriction")) {
      report([...at, "action", leverKind(rule.action.type).trade!.partnersField], `"triggering" needs a condition of kind "restriction" in "when"`);
    }
  };
  scenario.rules.forEach((rule, r) => checkRule(["rules", r], rule));
  // Rules targeting `triggering` run once per country that can trigger them: bound the total.
  const countryIds = world.countries.map((c) => c.id);
  const gameOptionRules = (scenario.game?.players ?? []).flatMap((player) => player.options.flatMap((option) => option.rules));
  const instances = [...scenario.rules, ...scenario.policies.flatMap((p) => p.rules), ...gameOptionRules].reduce(
    (sum, rule) => sum + (aimsAtTriggering(rule.action) ? triggeringCountries(rule, countryIds).length : 1),
    0,
  );
  if (instances > LIMITS.ruleInstances) {
    report(["rules"], `the rules expand to ${instances} rule instances (one per country that can trigger a "triggering" rule); at most ${LIMITS.ruleInstances} (a limit of chokepoint)`);
  }
  scenario.policies.forEach((policy, p) => {
    policy.levers.forEach((lever, l) => {
      context.tick();
      const at: Path = ["policies", p, "levers", l];
      country([...at, "actor"], lever.actor);
      checkNumber([...at, "start"], lever.start, NON_NEGATIVE);
      leverKind(lever.type).check(lever, at, lever.actor, checks);
    });
    policy.rules.forEach((rule, r) => checkRule(["policies", p, "rules", r], rule));
    policy.disableRules.forEach((name, d) => checkName(["policies", p, "disableRules", d], name, globalRules, "scenario-wide rule"));
  });
  if (scenario.baselinePolicy !== undefined) checkName(["baselinePolicy"], scenario.baselinePolicy, policies, "policy");
  const game = scenario.game;
  if (game !== undefined) {
    if (game.base !== undefined) checkName(["game", "base"], game.base, policies, "policy");
    const players = new Set<string>();
    game.players.forEach((player, p) => {
      if (players.has(player.country)) report(["game", "players", p, "country"], `duplicate player "${player.country}": a country plays once`);
      players.add(player.country);
    });
    game.players.forEach((player, p) => {
      const at: Path = ["game", "players", p];
      country([...at, "country"], player.country);
      uniqueNames(player.options, "name", [...at, "options"], "option");
      player.options.forEach((option, o) => {
        option.levers.forEach((lever, l) => {
          context.tick();
          const leverAt: Path = [...at, "options", o, "levers", l];
          country([...leverAt, "actor"], lever.actor);
          checkNumber([...leverAt, "start"], lever.start, NON_NEGATIVE);
          leverKind(lever.type).check(lever, leverAt, lever.actor, checks);
        });
        option.rules.forEach((rule, r) => checkRule([...at, "options", o, "rules", r], rule));
        option.disableRules.forEach((name, d) => checkName([...at, "options", o, "disableRules", d], name, globalRules, "scenario-wide rule"));
      });
      const inObjective = new Map<string, number>();
      player.objective.forEach((term, t) => {
        const first = inObjective.get(term.outcome);
        if (first !== undefined) report([...at, "objective", t, "outcome"], `"${term.outcome}" is already in the objective (at ${formatPath([...at, "objective", first])}): give it one term, with the weights added`);
        else inObjective.set(term.outcome, t);
        const weight = term.weight;
        if (typeof weight !== "number" && !params.has(weight.param)) {
          // a game's uncertainty may take any value; a name neither has is unknown
          if (!gameParams.has(weight.param)) report([...at, "objective", t, "weight", "param"], `unknown uncertainty "${weight.param}"${didYouMean(weight.param, new Set([...params, ...gameParams]))}`);
          return;
        }
        checkNumber([...at, "objective", t, "weight"], weight, ANY_NUMBER);
      });
    });
    const base = scenario.policies.find((policy) => policy.name === game.base);
    const written = scenario.rules.length + (base?.rules.length ?? 0) + gameRules.size;
    if (written > LIMITS.rules) {
      report(["game", "players"], `the scenario's rules, the base policy's and the options' make ${written} rules, all written scenario-wide when the game is analysed; at most ${LIMITS.rules} (a limit of chokepoint)`);
    }
    const profiles = game.players.reduce((product, player) => product * player.options.length, 1);
    if (profiles > LIMITS.policies) {
      report(["game", "players"], `the players' options make ${profiles} profiles, each simulated as a policy; at most ${LIMITS.policies} (a limit of chokepoint)`);
    }
    if (game.order !== undefined) {
      const listed = new Set<string>();
      game.order.forEach((name, i) => {
        if (!players.has(name)) report(["game", "order", i], `"${name}" is not a player's country${didYouMean(name, players)}`);
        else if (listed.has(name)) report(["game", "order", i], `"${name}" is listed twice`);
        listed.add(name);
      });
      const missing = [...players].filter((name) => !listed.has(name));
      if (missing.length > 0) report(["game", "order"], `expected every player once; missing: ${missing.join(", ")}`);
    }
  }

  // --- outcomes ------------------------------------------------------------------------
  yield;
  const size = runSize(scenario);
  if (size.seriesValues > LIMITS.seriesValuesPerRun) {
    report(
      ["outcomes"],
      `each run would record ${size.seriesValues.toLocaleString("en-US")} values per period (${size.policies} policies x ${size.seriesOutcomes} series outcomes x ${size.periods.toLocaleString("en-US")} periods); at most ${LIMITS.seriesValuesPerRun.toLocaleString("en-US")} (a limit of chokepoint): mark fewer outcomes as series, shorten the horizon or split the policies`,
    );
  }
  // each outcome by its kind's module (src/outcomes); formulas may name only outcomes listed before them
  const outcomeNames = new Set(scenario.outcomes.map((o) => o.name));
  const earlier = new Set<string>();
  const outcomeContext: OutcomeCheckContext = {
    ...checks,
    periodsPerYear: PERIODS_PER_YEAR[scenario.period],
    outcomeBefore(path, name) {
      if (earlier.has(name)) return;
      report(path, outcomeNames.has(name) ? `outcome "${name}" must be listed before this formula` : `unknown outcome "${name}"${didYouMean(name, earlier)}`);
    },
    formulaProblems(expression, variables) {
      const compiled = compileFormula(expression, variables);
      return "problems" in compiled ? compiled.problems : [];
    },
  };
  scenario.outcomes.forEach((outcome, o) => {
    context.tick();
    outcomeKind(outcome.kind).check(outcome, ["outcomes", o], outcomeContext);
    earlier.add(outcome.name);
  });
  scenario.headlineOutcomes?.forEach((name, i) => {
    if (scenario.outcomes.length > 0) checkName(["headlineOutcomes", i], name, outcomeNames, "outcome");
  });
  // without outcomes, the scenario records each country's GDP loss (src/compile/compile.ts, outcomeDefinitions)
  const recorded = scenario.outcomes.length > 0 ? outcomeNames : new Set(world.countries.flatMap((c) => [`gdpLoss:${c.id}`, `gdpLossPercent:${c.id}`]));
  scenario.game?.players.forEach((player, p) => {
    player.objective.forEach((term, t) => checkName(["game", "players", p, "objective", t, "outcome"], term.outcome, recorded, "outcome"));
  });
}

/** A cycle in the recipe graph as a list of goods (first repeated at the end), or undefined. */
export function findRecipeCycle(recipes: readonly { output: string; inputs: readonly string[] }[]): string[] | undefined {
  const inputsOf = new Map<string, Set<string>>();
  for (const recipe of recipes) {
    const set = inputsOf.get(recipe.output) ?? new Set<string>();
    for (const input of recipe.inputs) set.add(input);
    inputsOf.set(recipe.output, set);
  }
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const visit = (good: string): string[] | undefined => {
    const s = state.get(good);
    if (s === "done") return undefined;
    if (s === "visiting") return [...stack.slice(stack.indexOf(good)), good];
    state.set(good, "visiting");
    stack.push(good);
    for (const input of inputsOf.get(good) ?? []) {
      const cycle = visit(input);
      if (cycle !== undefined) return cycle;
    }
    stack.pop();
    state.set(good, "done");
    return undefined;
  };
  for (const good of [...inputsOf.keys()].sort()) {
    const cycle = visit(good);
    if (cycle !== undefined) return cycle.reverse();
  }
  return undefined;
}
