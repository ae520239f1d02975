import type { Scenario } from "../../schema/scenario.js";
import { formatValue } from "../format-number.js";
import { chartGoods, flowRestrictions, type FlowRestriction } from "../restrictions.js";
import { listInWords } from "../text.js";
import { escapeXml, formatCount, num, PALETTE, RESTRICTED, sizeOf, svgDocument, textWidth, type ChartBaseOptions } from "./svg.js";

/** Options of {@link networkSvg}. */
export interface NetworkChartOptions extends ChartBaseOptions {
  /** Goods whose flows are drawn, by id; default: every good. */
  readonly goods?: readonly string[];
  /** Mark the flows this policy restricts (red, dashed), and those its rules may restrict (dotted); default: rules only. */
  readonly policy?: string;
  /** The chart's title; default: `Who supplies <goods> to whom[, under <policy>]`. */
  readonly title?: string;
}

interface Point {
  readonly x: number;
  readonly y: number;
}

/** Point and tangent of the quadratic Bezier curve p0 -> (c) -> p2 at t. */
function bezier(p0: Point, c: Point, p2: Point, t: number): { point: Point; tangent: Point } {
  const u = 1 - t;
  return {
    point: { x: u * u * p0.x + 2 * u * t * c.x + t * t * p2.x, y: u * u * p0.y + 2 * u * t * c.y + t * t * p2.y },
    tangent: { x: 2 * u * (c.x - p0.x) + 2 * t * (p2.x - c.x), y: 2 * u * (c.y - p0.y) + 2 * t * (p2.y - c.y) },
  };
}

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

/**
 * An SVG map of who supplies which good to whom: the countries on a circle (in the
 * scenario's order, starting at the top, sized by GDP), one curved arrow per flow of the
 * chosen goods (an element of class `mark`; colour by good, width by value at base
 * price), the flows a policy restricts in red and dashed, and those a rule may restrict
 * when it fires (retaliation, say) dotted. A deterministic layout: the same scenario and
 * options give the same bytes. With `role="img"`, `aria-labelledby` its `<title>`, `aria-describedby` a `<desc>`
 * that lists the restricted links.
 *
 * @param scenario - a parsed scenario (`parseScenario`).
 * @param options - goods, policy, title, size.
 * @returns the SVG document as a string.
 * @throws {InputError} for an unknown good or policy.
 * @example
 * ```ts
 * networkSvg(scenario, { goods: ["gallium", "equipment"], policy: "aligned" });
 * ```
 */
export function networkSvg(scenario: Scenario, options: NetworkChartOptions = {}): string {
  const { world } = scenario;
  const goods = chartGoods(scenario, options);
  const width = sizeOf(options.width, 640, "width");
  const colorOf = (good: string) => PALETTE[goods.indexOf(good) % PALETTE.length]!;
  // Legend: goods by colour, then the restriction styles, in columns under the network
  const entries = [
    ...goods.map((good) => ({ label: good, swatch: `<line x1="0" y1="0" x2="22" y2="0" stroke="${colorOf(good)}" stroke-width="3"/>` })),
    { label: `restricted${options.policy === undefined ? "" : ` by ${options.policy}`}`, swatch: `<line x1="0" y1="0" x2="22" y2="0" stroke="${RESTRICTED}" stroke-width="3" stroke-dasharray="7 4"/>` },
    { label: "may be restricted by a rule", swatch: `<line x1="0" y1="0" x2="22" y2="0" stroke="#555" stroke-width="3" stroke-dasharray="2 3"/>` },
    { label: `width: value per ${scenario.period} at base price`, swatch: `<line x1="0" y1="0" x2="22" y2="0" stroke="#555" stroke-width="1.2"/><line x1="0" y1="0" x2="22" y2="0" stroke="#555" stroke-width="5" stroke-opacity="0.35"/>` },
  ];
  const columnWidth = Math.max(...entries.map((e) => 40 + textWidth(e.label, 11)));
  const columns = Math.max(1, Math.floor((width - 20) / columnWidth));
  const legendRows = Math.ceil(entries.length / columns);
  const height = sizeOf(options.height, 470 + legendRows * 18, "height");
  const title = options.title ?? `Who supplies ${listInWords(goods)} to whom${options.policy === undefined ? "" : `, under ${options.policy}`}`;
  const restrictions = flowRestrictions(scenario, options.policy);

  // Countries on a circle, clockwise from the top
  const countries = world.countries;
  const plotTop = 34;
  const plotBottom = height - 16 - legendRows * 18;
  const center: Point = { x: width / 2, y: (plotTop + plotBottom) / 2 };
  const ring = Math.max(20, Math.min(width / 2 - 90, (plotBottom - plotTop) / 2 - 34));
  const maxGdp = Math.max(...countries.map((c) => c.gdp));
  const nodes = countries.map((country, k) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * k) / countries.length;
    const at = countries.length === 1 ? center : { x: center.x + ring * Math.cos(angle), y: center.y + ring * Math.sin(angle) };
    return { country, angle, at, radius: 7 + 13 * Math.sqrt(country.gdp / maxGdp) };
  });
  const nodeOf = new Map(nodes.map((node) => [node.country.id, node]));

  // Flows of the chosen goods, valued at base price
  const price = new Map(world.goods.map((good) => [good.id, good]));
  const drawn = world.flows
    .map((flow, f) => ({ flow, restriction: restrictions[f], value: flow.volume * price.get(flow.good)!.basePrice }))
    .filter(({ flow }) => goods.includes(flow.good) && flow.volume > 0 && flow.exporter !== flow.importer);
  const maxValue = Math.max(1e-300, ...drawn.map((d) => d.value));
  const perPair = new Map<string, number>();
  const unitOf = (good: string) => price.get(good)!.unit;

  const flowMarks = drawn.map(({ flow, restriction, value }) => {
    const from = nodeOf.get(flow.exporter)!;
    const to = nodeOf.get(flow.importer)!;
    // each flow between the same two countries, in the same direction, bends a little further
    const pair = `${flow.exporter}>${flow.importer}`;
    const index = perPair.get(pair) ?? 0;
    perPair.set(pair, index + 1);
    const dx = to.at.x - from.at.x;
    const dy = to.at.y - from.at.y;
    const length = Math.hypot(dx, dy) || 1;
    const bend = 16 + 14 * index;
    const control = { x: (from.at.x + to.at.x) / 2 - (dy / length) * bend, y: (from.at.y + to.at.y) / 2 + (dx / length) * bend };
    // trim the curve at the two circles; the arrowhead's tip touches the importer's
    let t0 = 0;
    while (t0 < 0.5 && distance(bezier(from.at, control, to.at, t0).point, from.at) < from.radius + 2) t0 += 0.005;
    let t1 = 1;
    while (t1 > 0.5 && distance(bezier(from.at, control, to.at, t1).point, to.at) < to.radius + 2) t1 -= 0.005;
    const start = bezier(from.at, control, to.at, t0);
    const end = bezier(from.at, control, to.at, t1);
    // the control point of the trimmed piece (a quadratic's sub-curve is a quadratic)
    const mid = { x: start.point.x + ((t1 - t0) / 2) * start.tangent.x, y: start.point.y + ((t1 - t0) / 2) * start.tangent.y };
    const strokeWidth = 1.2 + 4.5 * Math.sqrt(value / maxValue);
    const color = restriction === "policy" ? RESTRICTED : colorOf(flow.good);
    const dash = restriction === "policy" ? ` stroke-dasharray="7 4"` : restriction === "rule" ? ` stroke-dasharray="2 3"` : "";
    const tangentLength = Math.hypot(end.tangent.x, end.tangent.y) || 1;
    const ux = end.tangent.x / tangentLength;
    const uy = end.tangent.y / tangentLength;
    const arrow = 7 + strokeWidth;
    const tip = end.point;
    const baseX = tip.x - ux * arrow;
    const baseY = tip.y - uy * arrow;
    const half = arrow * 0.45;
    const head = `${num(tip.x)},${num(tip.y)} ${num(baseX - uy * half)},${num(baseY + ux * half)} ${num(baseX + uy * half)},${num(baseY - ux * half)}`;
    const state = restriction === "policy" ? `restricted under ${options.policy}` : restriction === "rule" ? "may be restricted by a rule" : "not restricted";
    return (
      `<g class="mark flow" data-good="${escapeXml(flow.good)}" data-restricted="${restriction ?? "none"}">` +
      `<title>${escapeXml(`${flow.exporter} to ${flow.importer}: ${flow.good}, ${formatCount(flow.volume)} ${unitOf(flow.good)} per ${scenario.period} (${formatValue(value, "USD")}); ${state}`)}</title>` +
      `<path d="M${num(start.point.x)},${num(start.point.y)}Q${num(mid.x)},${num(mid.y)} ${num(baseX)},${num(baseY)}" fill="none" stroke="${color}" stroke-width="${num(strokeWidth)}" stroke-opacity="0.85"${dash}/>` +
      `<polygon points="${head}" fill="${color}"/></g>`
    );
  });

  const nodeMarks = nodes.map(({ country, angle, at, radius }) => {
    const cos = Math.cos(angle);
    const labelAt = countries.length === 1 ? { x: at.x, y: at.y + radius + 14 } : { x: at.x + (radius + 10) * cos, y: at.y + (radius + 10) * Math.sin(angle) + 4 };
    const anchor = countries.length === 1 || Math.abs(cos) < 0.3 ? "middle" : cos > 0 ? "start" : "end";
    const name = country.name === undefined ? country.id : `${country.id} ${country.name}`;
    return (
      `<g class="node" data-country="${escapeXml(country.id)}"><title>${escapeXml(`${name}: GDP ${formatValue(country.gdp, "USD")}`)}</title>` +
      `<circle cx="${num(at.x)}" cy="${num(at.y)}" r="${num(radius)}" fill="#f3f3f3" stroke="#333" stroke-width="1.2"/>` +
      `<text x="${num(labelAt.x)}" y="${num(labelAt.y + (Math.abs(cos) < 0.3 && Math.sin(angle) < 0 ? -6 : Math.abs(cos) < 0.3 ? 6 : 0))}" text-anchor="${anchor}" font-weight="600" fill="#111">${escapeXml(country.id)}</text></g>`
    );
  });

  const legend = entries
    .map((entry, i) => {
      const x = 10 + (i % columns) * ((width - 20) / columns);
      const y = plotBottom + 16 + Math.floor(i / columns) * 18;
      return `<g transform="translate(${num(x)} ${num(y)})">${entry.swatch}<text x="28" y="4" fill="#333">${escapeXml(entry.label)}</text></g>`;
    })
    .join("");

  const body =
    `<g class="marks">${flowMarks.join("")}</g>` +
    `<g class="nodes">${nodeMarks.join("")}</g>` +
    `<g class="legend">${legend}</g>`;
  return svgDocument({ kind: "network", width, height, title, description: describe(scenario, goods, drawn, options.policy), marks: flowMarks.length, body }, options.id);
}

function describe(scenario: Scenario, goods: readonly string[], drawn: readonly { flow: { exporter: string; importer: string; good: string }; restriction: FlowRestriction | undefined }[], policy: string | undefined): string {
  const link = ({ flow }: (typeof drawn)[number]) => `${flow.good} from ${flow.exporter} to ${flow.importer}`;
  const list = (items: readonly (typeof drawn)[number][]) => (items.length <= 20 ? listInWords(items.map(link)) : `${items.slice(0, 20).map(link).join(", ")} and ${items.length - 20} more`);
  const restricted = drawn.filter((d) => d.restriction === "policy");
  const byRule = drawn.filter((d) => d.restriction === "rule");
  const parts = [`Supply network of ${listInWords([...goods])}: ${scenario.world.countries.length} countries, ${drawn.length} ${drawn.length === 1 ? "flow" : "flows"}.`];
  if (policy !== undefined) parts.push(restricted.length === 0 ? `${policy} restricts none of them.` : `Restricted under ${policy}: ${list(restricted)}.`);
  if (byRule.length > 0) parts.push(`May be restricted by a rule: ${list(byRule)}.`);
  return parts.join(" ");
}
