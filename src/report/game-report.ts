// The game section of the analysis report: the payoff matrix (a bimatrix for two players, a
// table of every profile for more), the game tree of play in turns, which threats are
// credible and where the mover is indifferent, and a weight or uncertainty sweep's turning points.
import type { GameAnalysis, GameUncertaintySweep, GameWeightSweep } from "../game/analyze-game.js";
import { movesText, profileText } from "../game/describe-game.js";
import type { Scenario } from "../schema/scenario.js";
import { compileScenario } from "../compile/compile-scenario.js";
import { InputError } from "../errors.js";
import { FULL_TREE_LEAVES, gameTreeSvg, lossInterval, lossText, PATH_TREE_BRANCHES } from "./charts/game-tree-svg.js";
import { formatCount } from "./charts/svg.js";
import { listInWords, percent } from "./text.js";
import { esc } from "./_internals/report-context.js";

/**
 * A game for {@link renderAnalysisReport}: what `analyzeGame` returns, with optionally a
 * weight sweep of it and the unit of the players' losses. The JSON `chokepoint game --json`
 * writes has this shape.
 */
export interface AnalysisGame extends GameAnalysis {
  /** What `sweepGameWeight` returned for this analysis: a table of weight against equilibria and path, and where they change. */
  readonly sweep?: GameWeightSweep;
  /** What `sweepGameUncertainty` returned for the same game: a table of the held value against equilibria and path, and where they change. */
  readonly uncertaintySweep?: GameUncertaintySweep;
  /** The unit of the players' losses: `USD` writes them as `$2.47 bn`; without it, as plain numbers (`2.47 bn`). */
  readonly unit?: string;
}

/** The unit of a scenario game's losses: `USD` when every player's objective counts an outcome in dollars at weight 1 (the other terms are then in dollars per unit), else none. */
export function objectiveUnit(scenario: Scenario): string {
  const players = scenario.game?.players ?? [];
  if (players.length === 0) return "";
  const units = new Map(compileScenario(scenario).outcomes.info.map((o) => [o.name, o.unit]));
  const dollars = players.every((p) => p.objective.some((term) => term.weight === 1 && units.get(term.outcome) === "USD"));
  return dollars ? "USD" : "";
}


const code = (text: string) => `<code>${esc(text)}</code>`;

/** Most threats or ties listed. */
const LISTED = 100;

/** Most profiles in the table of a game of more than two players: past it, the equilibria, the path and those most often an equilibrium. */
const TABLE_PROFILES = 64;

/** Throws unless `game` has players with options and a profile for each combination of them. */
function checkGame(game: unknown): void {
  const { players, profiles } = (game ?? {}) as { players?: unknown; profiles?: unknown };
  const total = Array.isArray(players) && players.length > 0 ? players.reduce((product: number, p: { options?: unknown }) => product * (Array.isArray(p?.options) ? p.options.length : 0), 1) : 0;
  if (total === 0 || !Array.isArray(profiles) || profiles.length !== total) {
    throw new InputError("options.game", "expected what analyzeGame returns: players with options, and a profile for each combination of their options");
  }
}

/**
 * The section's HTML.
 *
 * @throws {InputError} when `game` is not an analysis: no players, or not a profile per combination of their options.
 */
export function gameSection(game: AnalysisGame): string {
  checkGame(game);
  const unit = game.unit ?? "";
  const loss = lossText(unit);
  const players = game.players;
  const n = players.length;
  const equilibria = new Map(game.pureEquilibria.map((e) => [JSON.stringify(e.profile), e]));
  const s = game.sequential;
  const pathProfile = s === undefined ? undefined : players.map((p) => s.path.find((m) => m.player === p.name)!.strategy);
  const pathKey = pathProfile === undefined ? undefined : JSON.stringify(pathProfile);
  const tags = (profile: readonly string[]) => {
    const key = JSON.stringify(profile);
    const e = equilibria.get(key);
    return [...(e === undefined ? [] : [`equilibrium${e.strict ? "" : " (weak)"}`]), ...(key === pathKey ? ["played in turns"] : [])];
  };
  const tagHtml = (profile: readonly string[]) => tags(profile).map((t) => `<span class="tag">${t}</span>`).join(" ");
  const rowClass = (profile: readonly string[]) => {
    const key = JSON.stringify(profile);
    return [...(equilibria.has(key) ? ["equilibrium"] : []), ...(key === pathKey ? ["path"] : [])].join(" ");
  };
  const lossCell = (mean: number, ci: readonly [number, number]) => {
    const t = lossInterval(unit, mean, ci);
    return `${esc(t.mean)}${t.interval === "" ? "" : `<br><span class="muted">${esc(t.interval)}</span>`}`;
  };

  const sizes = players.map((p) => `${esc(p.name)} ${p.options.length}`).join(" &times; ");
  const intro =
    `<p>Every profile of the players' options (${formatCount(game.profiles.length)}: ${sizes}) simulated on the same ${formatCount(game.runs)} draws (seed <code>${esc(game.seed)}</code>). ` +
    `A player's loss is the mean over the runs of its objective, with its 95% interval (lower is better). An <strong>equilibrium</strong> is a profile from which no player lowers its own mean loss by changing its option alone; ` +
    `each profile's share of runs is how often it is an equilibrium of that run's game, under the scenario's uncertainties. Players are taken to minimise expected loss and to know each other's objectives (docs/game.md).</p>`;
  const answer: string[] = [];
  answer.push(
    game.pureEquilibria.length === 0
      ? "Choosing at once, the players have no pure equilibrium of the mean losses."
      : `Choosing at once: ${game.pureEquilibria.length === 1 ? "the one equilibrium is" : `${game.pureEquilibria.length} equilibria:`} ${game.pureEquilibria.map((e) => `<strong>${esc(profileText(game.players, e.profile))}</strong>${e.strict ? "" : " (weak)"}`).join("; ")}.` +
          (game.pureEquilibria.every((e) => e.strict) ? "" : " In a weak equilibrium some player loses as much by a deviation."),
  );
  if (s !== undefined) {
    answer.push(`In turns (${esc(s.order.join(", then "))}), backward induction gives <strong>${esc(movesText(s.path))}</strong>: losses ${esc(players.map((p, i) => `${p.name} ${loss(s.payoffs[i]!)}`).join(", "))}.`);
  }
  const mixed = (game.mixedEquilibria ?? []).filter((m) => m.strategies.some((probabilities) => probabilities.some((q) => q > 1e-9 && q < 1 - 1e-9)));
  for (const m of mixed) {
    const plays = m.strategies.map((probabilities, p) => `${players[p]!.name} plays ${listInWords(probabilities.flatMap((q, o) => (q > 1e-9 ? [`${players[p]!.options[o]} ${percent(q)}`] : [])))}`);
    answer.push(`Mixed equilibrium: ${esc(plays.join("; "))} of the time; expected losses ${esc(players.map((p, i) => `${p.name} ${loss(m.payoffs[i]!)}`).join(", "))}.`);
  }

  let matrix: string;
  if (n === 2) {
    const [a, b] = players as [GameAnalysis["players"][number], GameAnalysis["players"][number]];
    const head = `<tr><th>${esc(a.name)} \\ ${esc(b.name)}</th>${b.options.map((o) => `<th>${esc(b.name)} ${code(o)}</th>`).join("")}</tr>`;
    const rows = a.options.map((row, r) => {
      const cells = b.options.map((_, c) => {
        const profile = game.profiles[r * b.options.length + c]!;
        const cls = rowClass(profile.profile);
        const lines = [
          `${esc(a.name)} ${lossCell(profile.meanLoss[0]!, profile.ci95[0]!)}`,
          `${esc(b.name)} ${lossCell(profile.meanLoss[1]!, profile.ci95[1]!)}`,
          `<span class="muted">equilibrium in ${percent(profile.probabilityEquilibrium)} of runs</span>`,
          ...(tags(profile.profile).length === 0 ? [] : [tagHtml(profile.profile)]),
        ];
        return `<td${cls === "" ? "" : ` class="${cls}"`}>${lines.join("<br>")}</td>`;
      });
      return `<tr><th>${esc(a.name)} ${code(row)}</th>${cells.join("")}</tr>`;
    });
    matrix = `<div class="table-wrap"><table class="payoff"><caption>Mean losses: ${esc(a.name)} chooses the row, ${esc(b.name)} the column</caption><thead>${head}</thead><tbody>\n${rows.join("\n")}\n</tbody></table></div>`;
  } else {
    const head = `<tr>${players.map((p) => `<th>${esc(p.name)}</th>`).join("")}${players.map((p) => `<th class="num">loss ${esc(p.name)}</th>`).join("")}<th>equilibrium in<br>(share of runs)</th></tr>`;
    // a large game: the equilibria, the path's profile and those most often an equilibrium run by run
    let shown = game.profiles;
    if (shown.length > TABLE_PROFILES) {
      const often = new Set(
        game.profiles
          .map((profile, q) => ({ q, share: profile.probabilityEquilibrium, marked: tags(profile.profile).length > 0 }))
          .sort((x, y) => Number(y.marked) - Number(x.marked) || y.share - x.share || x.q - y.q)
          .slice(0, TABLE_PROFILES)
          .map((x) => x.q),
      );
      shown = game.profiles.filter((_, q) => often.has(q));
    }
    const rows = shown.map((profile) => {
      const cls = rowClass(profile.profile);
      return (
        `<tr${cls === "" ? "" : ` class="${cls}"`}>${profile.profile.map((o) => `<td>${code(o)}</td>`).join("")}` +
        `${profile.meanLoss.map((m, p) => `<td class="num">${lossCell(m, profile.ci95[p]!)}</td>`).join("")}` +
        `<td>${percent(profile.probabilityEquilibrium)}${tags(profile.profile).length === 0 ? "" : `<br>${tagHtml(profile.profile)}`}</td></tr>`
      );
    });
    const caption =
      shown.length === game.profiles.length
        ? "Every profile: each player's option and mean loss"
        : `${formatCount(shown.length)} of the ${formatCount(game.profiles.length)} profiles: the equilibria, the path played in turns, and those most often an equilibrium run by run (the JSON of the analysis holds every one)`;
    matrix = `<div class="table-wrap"><table class="payoff"><caption>${caption}</caption><thead>${head}</thead><tbody>\n${rows.join("\n")}\n</tbody></table></div>`;
  }

  const parts = [intro, `<ul class="notes">${answer.map((a) => `<li>${a}</li>`).join("")}</ul>`, `<h3>The payoff matrix</h3>`, matrix];
  if (s !== undefined) parts.push(treeBlock(game, unit), credibility(game, unit));
  if (game.sweep !== undefined) {
    const sweep = game.sweep;
    parts.push(
      sweepBlock(game, {
        title: `${esc(sweep.player)}'s weight on ${code(sweep.outcome)}`,
        text: `The weight of ${code(sweep.outcome)} in ${esc(sweep.player)}'s objective (its loss per unit of the outcome; negative: a gain) set to each value in turn, the game solved again on the same mean outcomes.`,
        column: "weight",
        points: sweep.points.map((point) => ({ value: point.weight, pureEquilibria: point.pureEquilibria, ...(point.path === undefined ? {} : { path: point.path }) })),
        changes: sweep.changes,
      }),
    );
  }
  if (game.uncertaintySweep !== undefined) {
    const sweep = game.uncertaintySweep;
    parts.push(
      sweepBlock(game, {
        title: `${code(sweep.uncertainty)} held at each value`,
        text: `The uncertainty ${code(sweep.uncertainty)} held at each value in turn, every profile simulated again on ${formatCount(sweep.runs)} runs with the other uncertainties on the same draws.`,
        column: "value",
        points: sweep.points,
        changes: sweep.changes,
      }),
    );
  }
  return parts.join("\n");
}

function treeBlock(game: AnalysisGame, unit: string): string {
  const s = game.sequential!;
  const tree = gameTreeSvg(game, { unit, title: `Game tree: ${s.order.join(", then ")} move in turn`, id: "game-tree" });
  const how = tree.pathOnly
    ? `The game has ${formatCount(tree.leaves)} profiles, more than the ${FULL_TREE_LEAVES} drawn as a whole tree: only the subgame-perfect path is drawn; at each of its nodes, an option not chosen ends in a hollow marker with the losses of play continuing from there as planned.${tree.leftOut === 0 ? "" : ` At nodes with more than ${PATH_TREE_BRANCHES} options, ${formatCount(tree.leftOut)} are left out (the planned choice and ties are always drawn).`}`
    : `Each leaf is a profile, with every player's mean loss.`;
  return (
    `<h3>Play in turns</h3>\n<p>Each mover sees the moves before it. Backward induction picks at every node the option with the mover's lowest loss, given best play after it: the thick blue line is the subgame-perfect path, and at nodes off it the dark line is the mover's planned choice (its threat or promise).</p>\n` +
    `<figure style="max-width: ${tree.width}px">${tree.svg}<figcaption>${esc(how)} Columns are the movers' turns, left to right.</figcaption></figure>`
  );
}

function credibility(game: AnalysisGame, unit: string): string {
  const s = game.sequential!;
  const loss = lossText(unit);
  const threats = s.nonCredible.map((t) => {
    const deviator = Object.entries(t.after).find(([player, option]) => t.equilibrium[game.players.findIndex((p) => p.name === player)] !== option);
    const after = movesText(t.after);
    const should = deviator === undefined ? "" : ` should ${esc(deviator[0])} play ${code(deviator[1])} instead`;
    return `<strong>${esc(profileText(game.players, t.equilibrium))}</strong> rests on ${esc(t.player)}'s threat to play ${code(t.strategy)}${should} (after ${esc(after)}); there ${code(t.best)} would cost ${esc(t.player)} ${esc(loss(t.cost))} less, so it would not carry the threat out.`;
  });
  // the first few, then the rest folded (at most LISTED in all: a large game can have thousands)
  const list = (items: readonly string[], limit: number, more: (rest: number) => string) => {
    const folded = items.slice(limit, LISTED);
    const unlisted = items.length - limit - folded.length;
    return (
      `<ul class="notes">${items.slice(0, limit).map((i) => `<li>${i}</li>`).join("")}</ul>` +
      (folded.length === 0
        ? ""
        : `<details><summary>${more(items.length - limit)}</summary><ul class="notes">${folded.map((i) => `<li>${i}</li>`).join("")}${unlisted > 0 ? `<li>... and ${formatCount(unlisted)} more (the JSON of the analysis holds every one)</li>` : ""}</ul></details>`)
    );
  };
  const threatHtml =
    game.pureEquilibria.length === 0
      ? "<p>The game chosen at once has no pure equilibrium, so there is no threat to check.</p>"
      : threats.length === 0
        ? `<p>Every equilibrium's threats are credible: after any one earlier mover's deviation, each later mover would carry out what the equilibrium has it do.</p>`
        : `<p>${threats.length === 1 ? "A threat is" : `${threats.length} threats are`} not credible: an equilibrium of the game chosen at once that rests on a move its maker would not make once the moment came.</p>\n` +
          list(threats, 10, (rest) => `${rest} more`);
  const onPath = (plan: (typeof s.plans)[number]) => s.order.slice(0, s.order.indexOf(plan.player)).every((name, d) => plan.after[name] === s.path[d]!.strategy);
  const ties = s.plans
    .filter((plan) => plan.indifferent.length > 0)
    .map((plan) => ({ plan, onPath: onPath(plan) }))
    .sort((a, b) => Number(b.onPath) - Number(a.onPath));
  const tieText = ({ plan, onPath }: (typeof ties)[number]) => {
    const after = movesText(plan.after);
    const p = game.players.findIndex((x) => x.name === plan.player);
    return `${after === "" ? "At the start" : `After ${esc(after)}`}${onPath ? " (on the path)" : ""}, ${esc(plan.player)} loses as much (${esc(loss(plan.payoffs[p]!))}) with ${listInWords([plan.choice, ...plan.indifferent].map(code), "or")}; backward induction takes ${code(plan.choice)}, listed first.`;
  };
  const tieHtml =
    ties.length === 0
      ? "<p>No mover is indifferent at any node: the subgame-perfect path is the only one.</p>"
      : `<p>Ties: where a mover loses as much with either option, the order of its options decides, and another path is as rational.</p>\n${list(ties.map(tieText), 6, (rest) => `${rest} more ties`)}`;
  return `<h3>Which threats are credible</h3>\n${threatHtml}\n${tieHtml}`;
}

/** A sweep's table: a weight or a held value against the equilibria and the path, the rows where they change marked. */
function sweepBlock(
  game: AnalysisGame,
  sweep: {
    readonly title: string;
    readonly text: string;
    readonly column: string;
    readonly points: readonly Pick<GameUncertaintySweep["points"][number], "value" | "pureEquilibria" | "path">[];
    readonly changes: readonly { readonly from: number; readonly to: number }[];
  },
): string {
  const number = lossText("");
  // rows by position: the row whose answer differs from the row above
  const changed = (k: number) => k > 0 && sweep.changes.some((c) => c.from === sweep.points[k - 1]!.value && c.to === sweep.points[k]!.value);
  const rows = sweep.points.map((point, k) => {
    const equilibria = point.pureEquilibria.length === 0 ? "none" : point.pureEquilibria.map((e) => esc(profileText(game.players, e.profile))).join("; ");
    const path = point.path === undefined ? "" : `<td>${esc(movesText(point.path))}</td>`;
    const mark = changed(k) ? `<span class="tag">changes</span>` : "";
    return `<tr${mark === "" ? "" : ` class="changed"`}><td class="num">${esc(number(point.value))}</td><td>${equilibria}</td>${path}<td>${mark}</td></tr>`;
  });
  const hasPath = sweep.points.some((p) => p.path !== undefined);
  const head = `<tr><th class="num">${sweep.column}</th><th>equilibria of the mean losses</th>${hasPath ? "<th>played in turns</th>" : ""}<th></th></tr>`;
  const where =
    sweep.changes.length === 0
      ? `The answer does not change over these ${sweep.column}s.`
      : `The answer changes between ${sweep.changes.map((c) => `${esc(number(c.from))} and ${esc(number(c.to))}`).join(", and between ")}.`;
  return (
    `<h3>Where the answer turns: ${sweep.title}</h3>\n` +
    `<p>${sweep.text} ${where}</p>\n` +
    `<div class="table-wrap"><table><thead>${head}</thead><tbody>\n${rows.join("\n")}\n</tbody></table></div>`
  );
}
