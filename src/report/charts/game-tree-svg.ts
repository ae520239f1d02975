// The game tree of sequential play: the first mover at the root, each node branching on its
// mover's options, the players' mean losses at the leaves; the subgame-perfect path thick,
// each node's planned choice dark. Laid out left to right, a row per leaf, so that a tree
// of 64 leaves stays readable; larger trees are drawn along the path only.
import { movesText } from "../../game/describe-game.js";
import type { GameAnalysis } from "../../game/analyze-game.js";
import { profileStrides } from "../../game/normal-form.js";
import type { SequentialMove } from "../../game/sequential.js";
import { formatInterval, formatValue } from "../format-number.js";
import { escapeXml, fitText, flowLegend, num, PALETTE, svgDocument, textWidth } from "./svg.js";

/** Most leaves drawn as a whole tree; past it only the subgame-perfect path and the alternatives at its nodes. */
export const FULL_TREE_LEAVES = 64;
/** Most branches drawn at one node of a tree drawn along its path (the planned choice and ties first). */
export const PATH_TREE_BRANCHES = 12;

const SCALES: readonly (readonly [number, string])[] = [
  [1e12, "tn"],
  [1e9, "bn"],
  [1e6, "m"],
  [1e3, "k"],
];

/** A player's loss, short: `$2.47 bn` in dollars; `2.47 bn` in any other unit (or none). */
export function lossText(unit: string): (value: number) => string {
  if (unit === "USD") return (value) => formatValue(value, "USD");
  return (value) => {
    const size = Math.abs(value);
    for (const [scale, word] of SCALES) if (Number(size.toPrecision(3)) >= scale) return `${formatValue(value / scale, "")} ${word}`;
    return formatValue(value, "");
  };
}

/** A mean loss and its 95% interval, the three with the digits that tell them apart: `$2.47 bn`, `$2.41 to $2.53 bn`. */
export function lossInterval(unit: string, mean: number, [low, high]: readonly [number, number]): { mean: string; interval: string } {
  let t: { mean: string; low: string; high: string };
  if (unit === "USD") t = formatInterval({ mean, low, high }, "USD");
  else {
    const size = Math.max(Math.abs(mean), Math.abs(low), Math.abs(high));
    const [scale, word] = SCALES.find(([s]) => Number(size.toPrecision(3)) >= s) ?? [1, ""];
    const f = formatInterval({ mean: mean / scale, low: low / scale, high: high / scale }, "");
    const w = word === "" ? "" : ` ${word}`;
    t = { mean: `${f.mean}${w}`, low: `${f.low}${w}`, high: `${f.high}${w}` };
  }
  // one scale word for both ends when they share it: $1.37 to $1.43 bn
  const word = / [a-z]+$/.exec(t.high)?.[0];
  const lowText = word !== undefined && t.low.endsWith(word) ? t.low.slice(0, -word.length) : t.low;
  return { mean: mean === 0 ? lossText(unit)(0) : t.mean, interval: low === high ? "" : `${lowText} to ${t.high}` };
}

/** How an edge is drawn: on the subgame-perfect path, a node's planned choice off it, as good as the plan (a tie), or not chosen. */
type EdgeKind = "path" | "planned" | "tie" | "other";

/** An item of the drawn tree: a decision node, a leaf (a profile) or a stub (an option whose subtree is not drawn). */
interface Item {
  readonly depth: number;
  /** The options chosen before it, by the movers in the order of play. */
  readonly history: readonly string[];
  readonly kind: "node" | "leaf" | "stub";
  /** Losses (players' order) at a leaf, or of play continuing as planned from a stub. */
  readonly losses?: readonly number[];
  readonly children: { readonly option: string; readonly edge: EdgeKind; readonly item: Item }[];
  /** On the subgame-perfect path. */
  readonly onPath: boolean;
  y: number;
}

const EDGE_STYLE: Readonly<Record<EdgeKind, string>> = {
  path: `stroke="${PALETTE[0]}" stroke-width="3"`,
  planned: `stroke="#333" stroke-width="1.6"`,
  tie: `stroke="#333" stroke-width="1.6" stroke-dasharray="4 3"`,
  other: `stroke="#b8b8b8" stroke-width="1"`,
};

/** What {@link gameTreeSvg} draws, for the caption around it. */
export interface GameTree {
  readonly svg: string;
  /** True when the tree is drawn along the subgame-perfect path only. */
  readonly pathOnly: boolean;
  /** Options left out at nodes with more than {@link PATH_TREE_BRANCHES} (path-only trees). */
  readonly leftOut: number;
  readonly leaves: number;
  /** Width of the view box, in pixels. */
  readonly width: number;
}

const ROW = 20;
const ELBOW = 8;
const LABEL_FONT = 11;
const MAX_LABEL = 150;

/**
 * The game tree of an analysis's sequential play as an SVG: columns are the movers' turns
 * (first mover at the root, on the left), each node branches on its mover's options (the
 * option named above the branch), and each leaf row gives every player's mean loss. The
 * subgame-perfect path is thick and blue; at every other node the mover's planned choice
 * is dark, an option as good for it (a tie) dashed, the others light. A tree of more than
 * {@link FULL_TREE_LEAVES} leaves is drawn along the path only: at each of its nodes the
 * options not chosen end in a hollow marker, with the losses of play continuing as planned
 * from there. Marks (class `mark`) are the edges.
 */
export function gameTreeSvg(analysis: GameAnalysis, options: { readonly unit: string; readonly title: string; readonly id?: string }): GameTree {
  const sequential = analysis.sequential!;
  const players = analysis.players;
  const n = players.length;
  const order = sequential.order;
  const movers = order.map((name) => players.findIndex((p) => p.name === name));
  const counts = players.map((p) => p.options.length);
  const strides = profileStrides(counts);
  const leaves = counts.reduce((a, b) => a * b, 1);
  const pathOnly = leaves > FULL_TREE_LEAVES;
  const loss = lossText(options.unit);
  const plans = new Map<string, SequentialMove>();
  const historyKey = (history: readonly string[]) => JSON.stringify(history);
  for (const plan of sequential.plans) plans.set(historyKey(order.slice(0, order.indexOf(plan.player)).map((name) => plan.after[name]!)), plan);
  const leafLosses = (history: readonly string[]) => {
    let index = 0;
    history.forEach((option, d) => (index += players[movers[d]!]!.options.indexOf(option) * strides[movers[d]!]!));
    return analysis.profiles[index]!.meanLoss;
  };
  const path = sequential.path.map((m) => m.strategy);
  let leftOut = 0;

  const build = (depth: number, history: readonly string[], onPath: boolean): Item => {
    if (depth === n) return { depth, history, kind: "leaf", losses: leafLosses(history), children: [], onPath, y: 0 };
    const plan = plans.get(historyKey(history))!;
    const expand = !pathOnly || onPath;
    if (!expand) return { depth, history, kind: "stub", losses: plan.payoffs, children: [], onPath, y: 0 };
    let shown = players[movers[depth]!]!.options;
    if (pathOnly && shown.length > PATH_TREE_BRANCHES) {
      const first = [plan.choice, ...plan.indifferent, ...shown.filter((o) => o !== plan.choice && !plan.indifferent.includes(o))].slice(0, PATH_TREE_BRANCHES);
      leftOut += shown.length - first.length;
      shown = shown.filter((o) => first.includes(o));
    }
    const children = shown.map((option) => {
      const childOnPath = onPath && option === path[depth];
      const edge: EdgeKind = childOnPath ? "path" : option === plan.choice ? "planned" : plan.indifferent.includes(option) ? "tie" : "other";
      return { option, edge, item: build(depth + 1, [...history, option], childOnPath) };
    });
    return { depth, history, kind: "node", children, onPath, y: 0 };
  };
  const root = build(0, [], true);

  // columns: the movers' turns, each as wide as its widest option label (or its heading)
  const labels = movers.map((p) => players[p]!.options.map((o) => fitText(o, MAX_LABEL, LABEL_FONT, true)));
  const headings = order.map((name) => fitText(`${name} moves`, MAX_LABEL, LABEL_FONT));
  const x: number[] = [14];
  for (let d = 0; d < n; d++) {
    const widest = Math.max(...labels[d]!.map((l) => textWidth(l, LABEL_FONT, true)));
    x.push(x[d]! + Math.max(ELBOW + 4 + widest + 12, textWidth(headings[d]!, LABEL_FONT) + 14));
  }
  // the losses at the leaves: a column per player, right-aligned
  const terminals: Item[] = [];
  const collect = (item: Item) => (item.kind === "node" ? item.children.forEach((c) => collect(c.item)) : terminals.push(item));
  collect(root);
  const lossHeadings = players.map((p) => fitText(`${p.name} loss`, MAX_LABEL, LABEL_FONT));
  const lossCells = terminals.map((t) => t.losses!.map(loss));
  const lossWidths = players.map((_, p) => Math.max(textWidth(lossHeadings[p]!, LABEL_FONT), ...lossCells.map((cells) => textWidth(cells[p]!, LABEL_FONT))));
  const lossLeft = x[n]! + 14;
  const lossRight: number[] = [];
  lossWidths.forEach((w, p) => lossRight.push((p === 0 ? lossLeft : lossRight[p - 1]! + 14) + w));
  const width = Math.ceil(lossRight[n - 1]! + 12);

  // the legend names the kinds of edge drawn
  const kinds = new Set<EdgeKind>();
  const kindsOf = (item: Item): void => {
    for (const child of item.children) {
      kinds.add(child.edge);
      kindsOf(child.item);
    }
  };
  kindsOf(root);
  const legendWords: Readonly<Record<EdgeKind, string>> = { path: "subgame-perfect path", planned: "planned choice off the path", tie: "as good for the mover (a tie)", other: "not chosen" };
  const legend = flowLegend(
    (["path", "planned", "tie", "other"] as const).filter((k) => kinds.has(k)).map((k) => ({ label: legendWords[k], swatch: `<line x1="0" y1="0" x2="22" y2="0" ${EDGE_STYLE[k]}/>` })),
    10,
    34,
    width - 20,
  );
  const headingY = 34 + legend.height + 14;
  const top = headingY + 10;
  terminals.forEach((t, row) => (t.y = top + row * ROW + ROW / 2));
  const place = (item: Item): number => {
    if (item.kind !== "node") return item.y;
    const ys = item.children.map((c) => place(c.item));
    item.y = (ys[0]! + ys[ys.length - 1]!) / 2;
    return item.y;
  };
  place(root);
  const height = top + terminals.length * ROW + 10;

  const said = (history: readonly string[]) => (history.length === 0 ? "at the start" : `after ${history.map((o, d) => `${order[d]} ${o}`).join(", ")}`);
  const edgeWords: Readonly<Record<EdgeKind, string>> = { path: "on the subgame-perfect path", planned: "the planned choice", tie: "as good as the planned choice", other: "not chosen" };
  const edges: string[] = [];
  const nodes: string[] = [];
  const texts: string[] = [];
  const draw = (item: Item) => {
    const at = x[item.depth]!;
    if (item.kind === "node") {
      nodes.push(`<circle cx="${num(at)}" cy="${num(item.y)}" r="3.5" fill="${item.onPath ? PALETTE[0] : "#333"}"/>`);
      for (const child of item.children) {
        const bend = at + ELBOW;
        const to = x[item.depth + 1]!;
        const d = `M${num(at)} ${num(item.y)}H${num(bend)}V${num(child.item.y)}H${num(to)}`;
        const mover = order[item.depth]!;
        edges.push(`<g class="mark edge ${child.edge}"><title>${escapeXml(`${mover} ${child.option} ${said(item.history)}: ${edgeWords[child.edge]}`)}</title><path d="${d}" fill="none" ${EDGE_STYLE[child.edge]}/></g>`);
        const label = labels[item.depth]![players[movers[item.depth]!]!.options.indexOf(child.option)]!;
        const bold = child.edge === "path" ? ` font-weight="600" fill="${PALETTE[0]}"` : ` fill="${child.edge === "other" ? "#777" : "#222"}"`;
        texts.push(`<text x="${num(bend + 4)}" y="${num(child.item.y - 4)}"${bold}>${escapeXml(label)}</text>`);
        draw(child.item);
      }
      return;
    }
    if (item.kind === "stub") {
      nodes.push(`<circle cx="${num(at)}" cy="${num(item.y)}" r="3.5" fill="#fff" stroke="#777"/>`);
      nodes.push(`<line x1="${num(at + 6)}" y1="${num(item.y)}" x2="${num(lossLeft - 4)}" y2="${num(item.y)}" stroke="#bbb" stroke-dasharray="1 3"/>`);
    } else {
      nodes.push(`<circle cx="${num(at)}" cy="${num(item.y)}" r="2.5" fill="${item.onPath ? PALETTE[0] : "#777"}"/>`);
    }
  };
  draw(root);
  const rows = terminals.map((t, k) => {
    const band = t.onPath ? `<rect class="path-leaf" x="${num(lossLeft - 6)}" y="${num(t.y - ROW / 2 + 1)}" width="${num(width - lossLeft)}" height="${ROW - 2}" fill="#e3eef7"/>` : "";
    const fill = t.kind === "stub" ? "#666" : "#222";
    return band + lossCells[k]!.map((cell, p) => `<text x="${num(lossRight[p]!)}" y="${num(t.y + 4)}" text-anchor="end" fill="${fill}">${escapeXml(cell)}</text>`).join("");
  });
  const headingTexts = [
    ...headings.map((h, d) => `<text x="${num(x[d]! - 4)}" y="${num(headingY)}" fill="#555">${escapeXml(h)}</text>`),
    ...lossHeadings.map((h, p) => `<text x="${num(lossRight[p]!)}" y="${num(headingY)}" text-anchor="end" fill="#555">${escapeXml(h)}</text>`),
  ];
  const body =
    legend.svg +
    `<g class="headings">${headingTexts.join("")}</g>` +
    `<g class="leaves">${rows.join("")}</g>` +
    `<g class="marks">${edges.join("")}</g>` +
    `<g class="nodes">${nodes.join("")}</g>` +
    `<g class="labels">${texts.join("")}</g>`;
  const lossesSaid = (losses: readonly number[]) => players.map((p, i) => `${p.name} ${loss(losses[i]!)}`).join(", ");
  const description =
    `Game tree of ${leaves.toLocaleString("en-US")} profiles, played in turns: ${order.join(", then ")}. ` +
    `Subgame-perfect path: ${movesText(sequential.path)}; mean losses there: ${lossesSaid(sequential.payoffs)}.` +
    (pathOnly ? ` Drawn along the path only: at each of its nodes the options not chosen end with the losses of play continuing as planned.` : "");
  const svg = svgDocument({ kind: "game-tree", width, height, title: options.title, description, marks: edges.length, body }, options.id);
  return { svg, pathOnly, leftOut, leaves, width };
}
