// A scenario's game: every profile of the players' options simulated as a policy on common
// draws, each player's loss per run from its objective, and the equilibria of the expected
// losses, with how often each profile is an equilibrium run by run. docs/game.md.
import { InputError } from "../errors.js";
import type { ExperimentResult } from "../experiment/result.js";
import { runExperiment } from "../experiment/run-experiment.js";
import { parseScenario } from "../schema/parse.js";
import { createDistribution, describeDistribution } from "../random/index.js";
import { LIMITS } from "../schema/limits.js";
import type { Rule } from "../schema/rules.js";
import type { Policy, Scenario, ScenarioInput, Uncertainty } from "../schema/scenario.js";
import { didYouMean } from "../schema/suggest.js";
import { studentTQuantile } from "../stats/student-t.js";
import { solveSequential, type SequentialSolution } from "./sequential.js";
import { profileIndices, profileStrides } from "./normal-form.js";
import { equilibriumAt, solveGame, type MixedEquilibrium } from "./solve-game.js";

/** Options of {@link analyzeGame}. */
export interface AnalyzeGameOptions {
  readonly runs: number;
  readonly seed: string | number;
  /** The order of play for sequential play, by country; the scenario's `game.order` by default; none: no sequential analysis. */
  readonly order?: readonly string[];
  /**
   * Uncertainties held at one value in every run, by name (the scenario's or the game's);
   * the others are drawn as usual, on the same draws whatever is held. What
   * {@link sweepGameUncertainty} varies.
   */
  readonly fixed?: Readonly<Record<string, number>>;
  readonly signal?: AbortSignal;
}

/** One profile of the game: a choice per player, with the players' losses. */
export interface GameProfile {
  /** The option each player chooses, in the players' order. */
  readonly profile: readonly string[];
  /** Each player's mean loss over the runs (its objective, in its outcomes' units). */
  readonly meanLoss: readonly number[];
  /** The 95% t interval of each mean loss, as [low, high]. */
  readonly ci95: readonly (readonly [number, number])[];
  /** Share of runs in which this profile is a (weak) Nash equilibrium of that run's game. */
  readonly probabilityEquilibrium: number;
}

/** An equilibrium of the expected-loss game. */
export interface GameEquilibrium {
  readonly profile: readonly string[];
  readonly meanLoss: readonly number[];
  /** True when every player would lose by any deviation; false when one is indifferent to one. */
  readonly strict: boolean;
}

/** What {@link analyzeGame} finds. */
export interface GameAnalysis {
  /** The players (countries) and their options, in the scenario's order. */
  readonly players: readonly { readonly name: string; readonly options: readonly string[] }[];
  readonly runs: number;
  readonly seed: string;
  /** Every profile, in mixed-radix order (the last player's option changing fastest). */
  readonly profiles: readonly GameProfile[];
  /** Pure Nash equilibria of the game of mean losses. */
  readonly pureEquilibria: readonly GameEquilibrium[];
  /** Two players: the extreme mixed equilibria of the game of mean losses (payoffs as losses). */
  readonly mixedEquilibria?: readonly MixedEquilibrium[];
  /** Sequential play in `order`: the subgame-perfect path, plans and non-credible threats, payoffs as losses. */
  readonly sequential?: SequentialSolution;
  /**
   * Per profile, player and objective term: the mean of weight x outcome, and the mean of the
   * outcome alone; what {@link sweepGameWeight} re-weights without simulating again.
   */
  readonly terms: readonly (readonly (readonly { readonly outcome: string; readonly weighted: number; readonly mean: number }[])[])[];
}

/**
 * Analyse the game a scenario declares (`game`): simulate every profile of the players'
 * options, each as a policy made of the base policy and the chosen options' levers and
 * rules, on the same draws (common random numbers: each rule has one draw per run, whatever
 * the profile); compute each player's loss in each run from its
 * objective (weights drawn per run when uncertain); and solve the game of mean losses:
 * its pure equilibria (and for two players the mixed ones), and with an order of play its
 * subgame-perfect path and the threats that are not credible. Each profile also gets the
 * share of runs in which it is an equilibrium of that run's game: how sure the equilibrium
 * is under the uncertainties.
 *
 * Limits: players minimise expected loss (risk-neutral, no discounting beyond what the
 * outcomes hold); "rational" means each knows the others' objectives and the distributions.
 *
 * @param scenario - a scenario with a `game`.
 * @param options - runs and seed; optionally the order of play, uncertainties held at a value (`fixed`) and a signal.
 * @returns profiles with losses and equilibrium shares, equilibria of the expected-loss game, sequential play.
 * @throws ScenarioError for an invalid scenario; InputError when it has no game, or for bad options.
 * @example
 * ```ts
 * const scenario = await loadBundledScenario("us-japan-chip-controls-2024"); // chokepoint/node
 * const game = await analyzeGame(scenario, { runs: 300, seed: 1 });
 * game.sequential?.path;          // e.g. US chips-only, NL join, JP join, CN hold
 * game.sequential?.nonCredible;   // threats the game's equilibria rest on that would not be carried out
 * ```
 */
export async function analyzeGame(scenario: ScenarioInput | Scenario, options: AnalyzeGameOptions): Promise<GameAnalysis> {
  return analyseGameWith(scenario, options, (derived, experiment) => runExperiment(derived, experiment));
}

/** Runs the experiment of every profile: on this thread, or over workers (chokepoint/node). */
export type ProfileRunner = (
  scenario: Scenario,
  options: { runs: number; seed: string | number; keepRuns: true; policies: string[]; design?: Record<string, number[]>; signal?: AbortSignal },
) => Promise<ExperimentResult>;

/** {@link analyzeGame} with the experiment run by `run`. */
export async function analyseGameWith(scenario: ScenarioInput | Scenario, options: AnalyzeGameOptions, run: ProfileRunner): Promise<GameAnalysis> {
  if (options === null || typeof options !== "object") throw new InputError("options", "expected an object such as { runs: 1000, seed: 1 }");
  const parsed = parseScenario(scenario);
  const game = parsed.game;
  if (game === undefined) throw new InputError("scenario.game", "the scenario declares no game: add `game` with players, their options and objectives (docs/authoring.md)");
  const players = game.players.map((p) => ({ name: p.country, options: p.options.map((o) => o.name) }));
  const counts = players.map((p) => p.options.length);
  const strides = profileStrides(counts);
  const total = counts.reduce((a, b) => a * b, 1);
  const profiles = Array.from({ length: total }, (_, index) => profileIndices(counts, strides, index));
  const derived = profileScenario(parsed, game, profiles);
  const policies = derived.policies;
  const design = fixedDesign(derived, options.fixed, options.runs);
  const result = await run(derived, {
    runs: options.runs,
    seed: options.seed,
    keepRuns: true,
    policies: policies.map((p) => p.name),
    ...(design === undefined ? {} : { design }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  const runs = result.runs;
  const P = profiles.length;
  const n = players.length;
  // loss[(profile * n + player) * runs + run], and the terms' means
  const loss = new Float64Array(P * n * runs);
  const terms = profiles.map((_, q) =>
    game.players.map((player, p) =>
      player.objective.map((term) => {
        const values = result.policies[q]!.runs![term.outcome]!;
        const weights = typeof term.weight === "number" ? undefined : result.parameters![term.weight.param]!;
        let weighted = 0;
        let sum = 0;
        for (let r = 0; r < runs; r++) {
          const w = weights === undefined ? (term.weight as number) : weights[r]!;
          loss[(q * n + p) * runs + r]! += w * values[r]!;
          weighted += w * values[r]!;
          sum += values[r]!;
        }
        return { outcome: term.outcome, weighted: weighted / runs, mean: sum / runs };
      }),
    ),
  );
  const t = runs > 1 ? studentTQuantile(0.975, runs - 1) : 0;
  const tolerance = (r: number) => {
    let largest = 0;
    for (let q = 0; q < P; q++) for (let p = 0; p < n; p++) largest = Math.max(largest, Math.abs(loss[(q * n + p) * runs + r]!));
    return Math.max(1e-12, 1e-9 * largest);
  };
  const equilibriumRuns = new Int32Array(P);
  let r = 0; // the run whose game `utility` reads
  const utility = (q: number, p: number) => -loss[(q * n + p) * runs + r]!;
  for (r = 0; r < runs; r++) {
    const eps = tolerance(r);
    for (let q = 0; q < P; q++) if (equilibriumAt(q, counts, strides, utility, eps) !== "none") equilibriumRuns[q]!++;
  }
  const summaries: GameProfile[] = profiles.map((profile, q) => {
    const meanLoss: number[] = [];
    const ci95: [number, number][] = [];
    for (let p = 0; p < n; p++) {
      let sum = 0;
      for (let r = 0; r < runs; r++) sum += loss[(q * n + p) * runs + r]!;
      const mean = sum / runs;
      let squares = 0;
      for (let r = 0; r < runs; r++) squares += (loss[(q * n + p) * runs + r]! - mean) ** 2;
      const half = runs > 1 ? (t * Math.sqrt(squares / (runs - 1))) / Math.sqrt(runs) : 0;
      meanLoss.push(mean);
      ci95.push([mean - half, mean + half]);
    }
    return { profile: profile.map((o, p) => players[p]!.options[o]!), meanLoss, ci95, probabilityEquilibrium: equilibriumRuns[q]! / runs };
  });
  const order = options.order ?? game.order;
  return {
    players,
    runs,
    seed: result.seed,
    profiles: summaries,
    ...solveMeanGame(players, summaries.map((s) => s.meanLoss), order),
    terms,
  };
}

/**
 * The scenario whose policies are the game's profiles. Every rule a profile may use (the
 * scenario's, the base policy's, every option's) is written once, scenario-wide, and each
 * profile switches off the options' rules it did not choose: so one rule has one draw per
 * run, whatever the profile (common random numbers), and an outcome naming it counts it
 * under every profile. Rules of the scenario's other policies that outcomes name are
 * there too, switched off everywhere, so that those outcomes still resolve (to "never").
 * The game's uncertainties join the scenario's, drawn after them.
 */
function profileScenario(parsed: Scenario, game: NonNullable<Scenario["game"]>, profiles: readonly (readonly number[])[]): Scenario {
  const base = game.base === undefined ? undefined : parsed.policies.find((policy) => policy.name === game.base)!;
  const optionRules = game.players.flatMap((player) => player.options.flatMap((option) => option.rules));
  const written = new Set([...parsed.rules, ...(base?.rules ?? []), ...optionRules].map((rule) => rule.name));
  const named = new Set(parsed.outcomes.flatMap((outcome) => ("rules" in outcome && Array.isArray(outcome.rules) ? (outcome.rules as string[]) : [])));
  const elsewhere: Rule[] = [];
  for (const policy of parsed.policies) {
    for (const rule of policy.rules) {
      if (named.has(rule.name) && !written.has(rule.name)) {
        written.add(rule.name);
        elsewhere.push(rule);
      }
    }
  }
  const policies: Policy[] = profiles.map((profile, index) => {
    const chosen = profile.map((o, p) => game.players[p]!.options[o]!);
    const notChosen = game.players.flatMap((player, p) => player.options.filter((_, o) => o !== profile[p]).flatMap((option) => option.rules.map((rule) => rule.name)));
    return {
      name: `game-profile-${index}`,
      description: chosen.map((option, p) => `${game.players[p]!.country}: ${option.name}`).join(", "),
      levers: [...(base?.levers ?? []), ...chosen.flatMap((option) => option.levers)],
      rules: [],
      disableRules: [...new Set([...(base?.disableRules ?? []), ...chosen.flatMap((option) => option.disableRules), ...notChosen, ...elsewhere.map((rule) => rule.name)])],
    };
  });
  const { game: _game, baselinePolicy: _baseline, ...rest } = parsed;
  return parseScenario({
    ...rest,
    uncertainties: [...rest.uncertainties, ...game.uncertainties],
    rules: [...rest.rules, ...(base?.rules ?? []), ...optionRules, ...elsewhere],
    policies,
  });
}

/** The uncertainty of the game's scenario that `name` holds: a known one, not one of the posterior's joint draws. */
function heldUncertainty(scenario: Scenario, name: string, path: string): Uncertainty {
  const uncertainty = scenario.uncertainties.find((u) => u.name === name);
  if (uncertainty === undefined) {
    const names = scenario.uncertainties.map((u) => u.name);
    throw new InputError(path, `unknown uncertainty "${name}"${didYouMean(name, names)} (the scenario's and the game's: ${names.slice(0, 12).join(", ")}${names.length > 12 ? ", ..." : ""})`);
  }
  if (scenario.posterior?.parameters.includes(name)) {
    throw new InputError(path, `"${name}" is drawn jointly with ${scenario.posterior.parameters.filter((p) => p !== name).join(", ")} from the posterior; it cannot be held alone`);
  }
  return uncertainty;
}

/** Check a value an uncertainty is held at: a finite number it can take. */
function checkHeldValue(uncertainty: Uncertainty, value: unknown, path: string): void {
  if (typeof value !== "number" || !Number.isFinite(value)) throw new InputError(path, `expected a finite number, found ${String(value)}`);
  const distribution = createDistribution(uncertainty.distribution);
  if (!(value >= distribution.min && value <= distribution.max)) {
    throw new InputError(path, `${value} is outside what "${uncertainty.name}" can take (${describeDistribution(uncertainty.distribution)})`);
  }
}

/** `fixed` as a design: each held uncertainty's value in every run. */
function fixedDesign(scenario: Scenario, fixed: Readonly<Record<string, number>> | undefined, runs: number): Record<string, number[]> | undefined {
  if (fixed === undefined) return undefined;
  if (fixed === null || typeof fixed !== "object" || Array.isArray(fixed)) throw new InputError("options.fixed", 'expected an object of values by uncertainty name, such as { "retaliationSeverity": 0.5 }');
  const design: Record<string, number[]> = {};
  for (const [name, value] of Object.entries(fixed)) {
    checkHeldValue(heldUncertainty(scenario, name, `options.fixed.${name}`), value, `options.fixed.${name}`);
    design[name] = Number.isSafeInteger(runs) && runs > 0 && runs <= LIMITS.runs ? new Array<number>(runs).fill(value) : [];
  }
  return Object.keys(design).length === 0 ? undefined : design;
}

/** A sweep's values: a non-empty list of distinct finite numbers. */
function checkSweepValues(values: readonly number[]): void {
  if (!Array.isArray(values) || values.length === 0) throw new InputError("options.values", "expected a non-empty list of values");
  const seen = new Set<number>();
  values.forEach((v, i) => {
    if (typeof v !== "number" || !Number.isFinite(v)) throw new InputError(`options.values[${i}]`, `expected a finite number, found ${String(v)}`);
    if (seen.has(v)) throw new InputError(`options.values[${i}]`, `${v} is given twice`);
    seen.add(v);
  });
}

/** Consecutive points between which the pure equilibria or the path differ, by their values. */
function changesBetween<P extends { readonly pureEquilibria: readonly GameEquilibrium[]; readonly path?: readonly unknown[] }>(
  points: readonly P[],
  valueOf: (point: P) => number,
): { from: number; to: number }[] {
  const key = (point: P) => JSON.stringify([point.pureEquilibria.map((e) => e.profile), point.path]);
  return points.slice(1).flatMap((point, i) => (key(point) === key(points[i]!) ? [] : [{ from: valueOf(points[i]!), to: valueOf(point) }]));
}

/** Equilibria (and with an order, sequential play) of the game whose payoffs are minus the given mean losses. */
function solveMeanGame(
  players: readonly { readonly name: string; readonly options: readonly string[] }[],
  meanLoss: readonly (readonly number[])[],
  order: readonly string[] | undefined,
): Pick<GameAnalysis, "pureEquilibria" | "mixedEquilibria" | "sequential"> {
  const counts = players.map((p) => p.options.length);
  const strides = profileStrides(counts);
  const index = (profile: readonly number[]) => profile.reduce((sum, o, p) => sum + o * strides[p]!, 0);
  const asGame = {
    players: players.map((p) => ({ name: p.name, strategies: p.options })),
    payoffs: (profile: readonly number[]) => meanLoss[index(profile)]!.map((l) => -l),
  };
  const solution = solveGame(asGame);
  const sequential = order === undefined ? undefined : solveSequential({ ...asGame, order });
  const negate = (values: readonly number[]) => values.map((v) => (v === 0 ? 0 : -v));
  return {
    pureEquilibria: solution.pureEquilibria.map((e) => ({ profile: e.profile, meanLoss: negate(e.payoffs), strict: e.strict })),
    ...(solution.mixedSolved ? { mixedEquilibria: solution.mixedEquilibria.map((e) => ({ strategies: e.strategies, payoffs: negate(e.payoffs) })) } : {}),
    ...(sequential === undefined
      ? {}
      : {
          sequential: {
            ...sequential,
            payoffs: negate(sequential.payoffs),
            plans: sequential.plans.map((plan) => ({ ...plan, payoffs: negate(plan.payoffs) })),
            nonCredible: sequential.nonCredible,
          },
        }),
  };
}

/** One value of a swept weight, and what the game's solution is there. */
export interface GameWeightPoint {
  readonly weight: number;
  readonly pureEquilibria: readonly GameEquilibrium[];
  /** The subgame-perfect path, when the analysis had an order of play. */
  readonly path?: readonly { readonly player: string; readonly strategy: string }[];
  /** Each mover's choice at every node where it moves, with this weight (losses as payoffs). */
  readonly plans?: SequentialSolution["plans"];
}

/** What {@link sweepGameWeight} finds. */
export interface GameWeightSweep {
  readonly player: string;
  readonly outcome: string;
  readonly points: readonly GameWeightPoint[];
  /** Consecutive weights between which the equilibria or the sequential path differ. */
  readonly changes: readonly { readonly from: number; readonly to: number }[];
}

/**
 * The threshold question: how large must a weight of a player's objective be before the
 * game's solution changes (before Japan joins, before China's retaliation stops paying)?
 * Sets the weight of `outcome` in `player`'s objective to each value in turn (in place of
 * its number or uncertainty) and solves the expected-loss game again; no simulation is
 * needed, since the mean loss is linear in the weights. `changes` lists the consecutive
 * values between which the equilibria or the sequential path differ.
 *
 * @param analysis - an {@link analyzeGame} result.
 * @param options - the player (country), the outcome of its objective, and the weights to try (ascending is easiest to read).
 * @returns per value the pure equilibria and path; where they change.
 * @throws InputError for an unknown player or an outcome not in its objective.
 * @example
 * ```ts
 * const sweep = sweepGameWeight(game, { player: "JP", outcome: "advancedChipOutputLoss:CN", values: [0, -1e10, -2e10, -5e10] });
 * sweep.changes; // e.g. [{ from: -1e10, to: -2e10 }]: Japan joins once a 1% cut in China's advanced chips is worth $0.1-0.2 bn to it
 * ```
 */
export function sweepGameWeight(
  analysis: GameAnalysis,
  options: { readonly player: string; readonly outcome: string; readonly values: readonly number[]; readonly order?: readonly string[] },
): GameWeightSweep {
  const p = analysis.players.findIndex((player) => player.name === options.player);
  if (p < 0) throw new InputError("options.player", `unknown player "${options.player}" (players: ${analysis.players.map((x) => x.name).join(", ")})`);
  const terms = analysis.terms[0]![p]!;
  const t = terms.findIndex((term) => term.outcome === options.outcome);
  if (t < 0) throw new InputError("options.outcome", `"${options.outcome}" is not in ${options.player}'s objective (its outcomes: ${terms.map((x) => x.outcome).join(", ")})`);
  checkSweepValues(options.values);
  const order = options.order ?? analysis.sequential?.order;
  const points = options.values.map((weight): GameWeightPoint => {
    const meanLoss = analysis.profiles.map((profile, q) => profile.meanLoss.map((l, player) => (player === p ? l - analysis.terms[q]![p]![t]!.weighted + weight * analysis.terms[q]![p]![t]!.mean : l)));
    const solved = solveMeanGame(analysis.players, meanLoss, order);
    return { weight, pureEquilibria: solved.pureEquilibria, ...(solved.sequential === undefined ? {} : { path: solved.sequential.path, plans: solved.sequential.plans }) };
  });
  return { player: options.player, outcome: options.outcome, points, changes: changesBetween(points, (point) => point.weight) };
}

/** One value of a swept uncertainty, and what the game's solution is there. */
export interface GameUncertaintyPoint {
  readonly value: number;
  /** Every profile's mean losses with the uncertainty held at `value`. */
  readonly profiles: readonly GameProfile[];
  readonly pureEquilibria: readonly GameEquilibrium[];
  /** The subgame-perfect path, when the game has an order of play. */
  readonly path?: readonly { readonly player: string; readonly strategy: string }[];
  /** Each mover's choice at every node where it moves, at this value (losses as payoffs). */
  readonly plans?: SequentialSolution["plans"];
  /** Threats of the game's equilibria that would not be carried out, at this value. */
  readonly nonCredible?: SequentialSolution["nonCredible"];
}

/** What {@link sweepGameUncertainty} finds. */
export interface GameUncertaintySweep {
  readonly uncertainty: string;
  readonly runs: number;
  readonly seed: string;
  readonly points: readonly GameUncertaintyPoint[];
  /** Consecutive values between which the equilibria or the sequential path differ. */
  readonly changes: readonly { readonly from: number; readonly to: number }[];
}

/**
 * The threshold question for an input of the world rather than a weight: how severe must
 * China's retaliation be (or how leaky the controls) before the game's solution changes?
 * Holds the uncertainty at each value in turn, every other uncertainty drawn on the same
 * draws (common random numbers), simulates every profile again, and solves the game of
 * mean losses at each value. Costs values x profiles x runs simulations.
 *
 * @param scenario - a scenario with a `game`.
 * @param options - the uncertainty (the scenario's or the game's), the values to hold it at, and {@link analyzeGame}'s options.
 * @returns per value the profiles' mean losses, the pure equilibria, the path and non-credible threats; where they change.
 * @throws InputError for an unknown uncertainty, a value outside what it can take, or bad options; ScenarioError for an invalid scenario.
 * @example
 * ```ts
 * const sweep = await sweepGameUncertainty(scenario, { uncertainty: "retaliationSeverity", values: [0.5, 0.75, 1], runs: 200, seed: 1 });
 * sweep.changes; // [] on the seed scenario: even a complete cut-off does not change the answer
 * ```
 */
export async function sweepGameUncertainty(
  scenario: ScenarioInput | Scenario,
  options: AnalyzeGameOptions & { readonly uncertainty: string; readonly values: readonly number[] },
): Promise<GameUncertaintySweep> {
  return sweepGameUncertaintyWith(scenario, options, analyzeGame);
}

/** {@link sweepGameUncertainty} with each value's game analysed by `analyse` (on this thread, or over workers). */
export async function sweepGameUncertaintyWith<O extends AnalyzeGameOptions>(
  scenario: ScenarioInput | Scenario,
  options: O & { readonly uncertainty: string; readonly values: readonly number[] },
  analyse: (scenario: Scenario, options: O) => Promise<GameAnalysis>,
): Promise<GameUncertaintySweep> {
  if (options === null || typeof options !== "object") throw new InputError("options", 'expected an object such as { uncertainty: "retaliationSeverity", values: [0.2, 0.8], runs: 200, seed: 1 }');
  const parsed = parseScenario(scenario);
  const { uncertainty, values, ...rest } = options;
  if (parsed.game === undefined) throw new InputError("scenario.game", "the scenario declares no game: add `game` with players, their options and objectives (docs/authoring.md)");
  // every value is checked before anything is simulated
  const drawn = { ...parsed, uncertainties: [...parsed.uncertainties, ...parsed.game.uncertainties] };
  if (typeof uncertainty !== "string") throw new InputError("options.uncertainty", `expected the name of an uncertainty, found ${String(uncertainty)}`);
  const held = heldUncertainty(drawn, uncertainty, "options.uncertainty");
  checkSweepValues(values);
  values.forEach((value, i) => checkHeldValue(held, value, `options.values[${i}]`));
  const points: GameUncertaintyPoint[] = [];
  let runs = 0;
  let seed = "";
  for (const value of values) {
    const game = await analyse(parsed, { ...(rest as unknown as O), fixed: { ...(options.fixed ?? {}), [uncertainty]: value } });
    runs = game.runs;
    seed = game.seed;
    points.push({
      value,
      profiles: game.profiles,
      pureEquilibria: game.pureEquilibria,
      ...(game.sequential === undefined ? {} : { path: game.sequential.path, plans: game.sequential.plans, nonCredible: game.sequential.nonCredible }),
    });
  }
  return { uncertainty, runs, seed, points, changes: changesBetween(points, (point) => point.value) };
}
