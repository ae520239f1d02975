// `chokepoint game <scenario>`: the game a scenario declares, solved on common draws: the
// players' mean losses per profile, the equilibria, sequential play and its non-credible
// threats, and optionally where the answer turns as one objective weight or one uncertainty
// moves.
import { alignColumns } from "../report/text.js";
import { renderAnalysisReport } from "../report/analysis-report.js";
import { objectiveUnit } from "../report/game-report.js";
import { sweepGameWeight, type GameAnalysis, type GameUncertaintySweep, type GameWeightSweep } from "../game/analyze-game.js";
import { movesText, profileText } from "../game/describe-game.js";
import type { SequentialSolution } from "../game/sequential.js";
import { analyzeGame, sweepGameUncertainty } from "../parallel/game-parallel.js";
import type { CliEnvironment } from "./environment.js";
import { UsageError } from "./errors.js";
import { checkOutputFiles, givenOutputs, writeOutputFiles } from "./output-files.js";
import { loadScenarioArgument, scenarioInput, scenarioRunError } from "./scenario-argument.js";
import { terminalText } from "./terminal-text.js";

/** Options of `chokepoint game`. */
export interface GameCommandOptions {
  readonly runs: number;
  readonly seed: string;
  readonly order?: readonly string[];
  readonly workers?: number;
  /** `PLAYER:OUTCOME`: the objective weight to sweep. */
  readonly sweep?: string;
  /** An uncertainty to hold at each of `sweepValues` in turn, simulating again. */
  readonly sweepUncertainty?: string;
  readonly sweepValues?: readonly number[];
  readonly json?: string;
  readonly html?: string;
  readonly quiet?: boolean;
}

/**
 * `chokepoint game`: analyse the scenario's game, print the tables, write the JSON asked for.
 *
 * @throws UsageError for a bad command line; CommandFailure for an invalid scenario.
 */
export async function gameCommand(argument: string, options: GameCommandOptions, env: CliEnvironment): Promise<void> {
  const outputs = givenOutputs([
    ["--json", options.json],
    ["--html", options.html],
  ]);
  checkOutputFiles(outputs, scenarioInput(argument));
  if (options.sweep !== undefined && options.sweepUncertainty !== undefined) throw new UsageError("--sweep and --sweep-uncertainty: give one of them (a weight, or an uncertainty)");
  const swept = options.sweep ?? options.sweepUncertainty;
  if ((swept === undefined) !== (options.sweepValues === undefined)) {
    throw new UsageError("--sweep-values goes with --sweep or --sweep-uncertainty: --sweep PLAYER:OUTCOME --sweep-values 0,1e9,2e9, or --sweep-uncertainty NAME --sweep-values 0.2:1:0.2");
  }
  const at = options.sweep?.indexOf(":") ?? -1;
  if (options.sweep !== undefined && at < 1) throw new UsageError(`--sweep: expected PLAYER:OUTCOME (a player's country and an outcome of its objective), found ${JSON.stringify(options.sweep)}`);
  const scenario = await loadScenarioArgument(argument);
  if (scenario.game === undefined) throw new UsageError(`${argument} declares no game: add \`game\` with players, their options and objectives (docs/game.md)`);
  let game: GameAnalysis;
  let sweep: GameWeightSweep | undefined;
  let uncertaintySweep: GameUncertaintySweep | undefined;
  try {
    const analysis = {
      runs: options.runs,
      seed: options.seed,
      ...(options.order === undefined ? {} : { order: options.order }),
      ...(options.workers === undefined ? {} : { workers: options.workers }),
    };
    // the sweep over an uncertainty checks its values before it simulates: before the game itself
    if (options.sweepUncertainty !== undefined) uncertaintySweep = await sweepGameUncertainty(scenario, { ...analysis, uncertainty: options.sweepUncertainty, values: options.sweepValues! });
    game = await analyzeGame(scenario, analysis);
    if (options.sweep !== undefined) sweep = sweepGameWeight(game, { player: options.sweep.slice(0, at), outcome: options.sweep.slice(at + 1), values: options.sweepValues! });
  } catch (error) {
    throw scenarioRunError(argument, error);
  }
  env.out(terminalText(formatGame(game, sweep, uncertaintySweep)));
  const document = { ...game, ...(sweep === undefined ? {} : { sweep }), ...(uncertaintySweep === undefined ? {} : { uncertaintySweep }) };
  const title = `${scenario.title ?? scenario.name}: what each country should choose`;
  await writeOutputFiles(
    [
      ...(options.json === undefined ? [] : [{ file: options.json, text: () => `${JSON.stringify(document, null, 2)}\n` }]),
      ...(options.html === undefined ? [] : [{ file: options.html, text: () => renderAnalysisReport({ title, game: { ...document, unit: objectiveUnit(scenario) } }) }]),
    ],
    env,
  );
  if (!options.quiet) for (const { file } of outputs) env.err(`wrote ${file}\n`);
}

/** A loss in the objective's units, short: 2.47 bn, 203 k, -70.7 k, 0. */
function compact(x: number): string {
  const size = Math.abs(x);
  if (size >= 1e9) return `${(x / 1e9).toPrecision(3)} bn`;
  if (size >= 1e6) return `${(x / 1e6).toPrecision(3)} m`;
  if (size >= 1e3) return `${(x / 1e3).toPrecision(3)} k`;
  return size === 0 ? "0" : x.toPrecision(3);
}

/** Most non-credible threats listed one per line; the JSON has them all. */
const THREAT_LINES = 8;

/**
 * Per mover, what it would choose at its turns: "hold at all 8 of its turns", or each choice
 * with the moves after which it is made; and the options it chooses at none of its turns,
 * which as threats are not credible.
 */
export function formatPlans(sequential: SequentialSolution): string[] {
  const lines: string[] = [];
  for (const name of sequential.order) {
    const turns = sequential.plans.filter((move) => move.player === name);
    const options = sequential.players.find((p) => p.name === name)!.strategies;
    const chosen = options.filter((option) => turns.some((move) => move.choice === option));
    const never = options.filter((option) => !chosen.includes(option));
    let text: string;
    if (turns.length === 1) text = `${chosen[0]} (it moves first)`;
    else if (chosen.length === 1) text = `${chosen[0]} at all ${turns.length} of its turns`;
    else {
      text = chosen
        .map((option) => {
          const at = turns.filter((move) => move.choice === option);
          return at.length <= 3 ? `${option} after ${at.map((move) => `(${movesText(move.after)})`).join(" or ")}` : `${option} at ${at.length} of its ${turns.length} turns`;
        })
        .join("; ");
    }
    const threat = turns.length > 1 && never.length > 0 ? `; never ${never.join(" or ")}: as a threat, not credible` : "";
    lines.push(`  ${name}: ${text}${threat}`);
  }
  return lines;
}

/** A sweep's lines: each value with the equilibria and the path there, then where the answer changes. */
function sweepLines(
  game: GameAnalysis,
  title: string,
  what: string,
  points: readonly { readonly value: number; readonly pureEquilibria: readonly { readonly profile: readonly string[] }[]; readonly path?: Parameters<typeof movesText>[0] }[],
  changes: readonly { readonly from: number; readonly to: number }[],
): string[] {
  return [
    "",
    title,
    ...points.map((point) => {
      const path = point.path === undefined ? "" : `; in turns: ${movesText(point.path)}`;
      return `  ${compact(point.value).padStart(10)}: ${point.pureEquilibria.map((e) => profileText(game.players, e.profile)).join("; ") || "no pure equilibrium"}${path}`;
    }),
    changes.length === 0 ? `  the answer does not change over these ${what}` : `  it changes between ${changes.map((c) => `${compact(c.from)} and ${compact(c.to)}`).join(", and between ")}`,
  ];
}

/** The text `game` prints: the payoff table, the equilibria, sequential play, the sweeps. */
export function formatGame(game: GameAnalysis, sweep?: GameWeightSweep, uncertaintySweep?: GameUncertaintySweep): string {
  const players = game.players.map((p) => p.name);
  const head = [...players, ...players.map((p) => `loss ${p}`), "equilibrium in"];
  const rows = game.profiles.map((profile) => [...profile.profile, ...profile.meanLoss.map(compact), `${(100 * profile.probabilityEquilibrium).toFixed(0)}% of runs`]);
  const lines = [
    `${game.profiles.length} profiles over ${game.runs} common draws (seed ${JSON.stringify(game.seed)}); a loss is the player's objective (mean over the runs; lower is better)`,
    "",
    ...alignColumns([head, ...rows], (c) => c < players.length),
    "",
    game.pureEquilibria.length === 0
      ? "no pure equilibrium of the mean losses"
      : `equilibria of the mean losses: ${game.pureEquilibria.map((e) => `${profileText(game.players, e.profile)}${e.strict ? "" : " (weak)"}`).join("; ")}`,
  ];
  if (game.sequential !== undefined) {
    const s = game.sequential;
    lines.push(`played in turns (${s.order.join(", then ")}): ${movesText(s.path)}`);
    lines.push("what each would choose at its turns (backward induction):", ...formatPlans(s));
    if (s.nonCredible.length > 0) lines.push("equilibria of the mean losses that rest on a threat that would not be carried out:");
    for (const threat of s.nonCredible.slice(0, THREAT_LINES)) {
      lines.push(`  not credible: ${threat.player} ${threat.strategy} after ${movesText(threat.after)} (in ${profileText(game.players, threat.equilibrium)}): ${threat.best} would cost it ${compact(threat.cost)} less`);
    }
    if (s.nonCredible.length > THREAT_LINES) lines.push(`  ... and ${s.nonCredible.length - THREAT_LINES} more (--json lists them all)`);
    if (s.nonCredible.length === 0) lines.push("  every equilibrium's threats are credible");
  }
  if (sweep !== undefined) {
    const points = sweep.points.map((point) => ({ ...point, value: point.weight }));
    lines.push(...sweepLines(game, `${sweep.player}'s weight on ${sweep.outcome}:`, "weights", points, sweep.changes));
  }
  if (uncertaintySweep !== undefined) {
    const title = `${uncertaintySweep.uncertainty} held at each value (every profile simulated again on the same draws of the rest):`;
    lines.push(...sweepLines(game, title, "values", uncertaintySweep.points, uncertaintySweep.changes));
  }
  return `${lines.join("\n")}\n`;
}
