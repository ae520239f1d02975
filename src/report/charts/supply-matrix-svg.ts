import type { Scenario } from "../../schema/scenario.js";
import { chartGoods, flowRestrictions } from "../restrictions.js";
import { listInWords, percent } from "../text.js";
import { escapeXml, fitText, flowLegend, num, RESTRICTED, sizeOf, svgDocument, textWidth, type ChartBaseOptions } from "./svg.js";

/** Options of {@link supplyMatrixSvg}. */
export interface SupplyMatrixChartOptions extends ChartBaseOptions {
  /** Goods, one row each, by id; default: every good. */
  readonly goods?: readonly string[];
  /** Mark the imports this policy restricts, and those its rules may restrict; default: rules only. */
  readonly policy?: string;
  /** The chart's title; default: `Who depends on restricted supply[, under <policy>]`. */
  readonly title?: string;
}

/** One cell: a country's baseline use of a good and where it comes from. */
interface Cell {
  readonly use: number;
  /** Imports on flows the policy restricts, on flows a rule may restrict, other imports (shares of use). */
  readonly restricted: number;
  readonly byRule: number;
  readonly imported: number;
  readonly restrictedFrom: string[];
  readonly ruleFrom: string[];
}

const SEGMENTS = { restricted: RESTRICTED, byRule: "#E69F00", imported: "#8a8a8a", own: "#dcdcdc" } as const;

/**
 * An SVG matrix of who depends on whom for what, readable at any size of world: a row per
 * good, a column per country, and in each cell a bar of the country's baseline use of the
 * good per period (its own output less its exports, plus its imports) split by origin:
 * imports on links the policy restricts (red), imports on links a rule may restrict when it
 * fires (orange), other imports (grey) and its own output (light). The cell's figure is the
 * share of its use on restricted links (the policy's and the rules'). The last column names
 * each good's largest exporter and its share of exports. Each cell with a use is an element
 * of class `mark` with a tooltip saying from whom. With `role="img"`, `aria-labelledby` its
 * `<title>`, `aria-describedby` a `<desc>` that lists the exposed cells. The same scenario and
 * options give the same bytes.
 *
 * @param scenario - a parsed scenario (`parseScenario`).
 * @param options - goods, policy, title, size.
 * @returns the SVG document as a string.
 * @throws {InputError} for an unknown good or policy.
 * @example
 * ```ts
 * writeFileSync("exposure.svg", supplyMatrixSvg(scenario, { policy: "aligned" }));
 * ```
 */
export function supplyMatrixSvg(scenario: Scenario, options: SupplyMatrixChartOptions = {}): string {
  const { world } = scenario;
  const goods = chartGoods(scenario, options);
  const countries = world.countries.map((c) => c.id);
  const restrictions = flowRestrictions(scenario, options.policy);
  const cells = new Map<string, Cell>();
  const key = (good: string, country: string) => `${good}|${country}`;
  const output = new Map<string, number>();
  const exported = new Map<string, number>();
  const add = (map: Map<string, number>, k: string, v: number) => map.set(k, (map.get(k) ?? 0) + v);
  for (const p of world.production) add(output, key(p.good, p.country), p.output);
  const imports = new Map<string, { total: number; restricted: number; byRule: number; restrictedFrom: Set<string>; ruleFrom: Set<string> }>();
  world.flows.forEach((flow, f) => {
    if (flow.exporter === flow.importer || !(flow.volume > 0)) return;
    add(exported, key(flow.good, flow.exporter), flow.volume);
    const k = key(flow.good, flow.importer);
    const entry = imports.get(k) ?? { total: 0, restricted: 0, byRule: 0, restrictedFrom: new Set<string>(), ruleFrom: new Set<string>() };
    entry.total += flow.volume;
    if (restrictions[f] === "policy") {
      entry.restricted += flow.volume;
      entry.restrictedFrom.add(flow.exporter);
    } else if (restrictions[f] === "rule") {
      entry.byRule += flow.volume;
      entry.ruleFrom.add(flow.exporter);
    }
    imports.set(k, entry);
  });
  for (const good of goods) {
    for (const country of countries) {
      const k = key(good, country);
      const i = imports.get(k);
      const own = Math.max(0, (output.get(k) ?? 0) - (exported.get(k) ?? 0));
      const use = own + (i?.total ?? 0);
      if (!(use > 0)) continue;
      cells.set(k, {
        use,
        restricted: (i?.restricted ?? 0) / use,
        byRule: (i?.byRule ?? 0) / use,
        imported: ((i?.total ?? 0) - (i?.restricted ?? 0) - (i?.byRule ?? 0)) / use,
        restrictedFrom: [...(i?.restrictedFrom ?? [])],
        ruleFrom: [...(i?.ruleFrom ?? [])],
      });
    }
  }
  // each good's largest exporter
  const topExporter = goods.map((good) => {
    let best = "";
    let most = 0;
    let total = 0;
    for (const country of countries) {
      const v = exported.get(key(good, country)) ?? 0;
      total += v;
      if (v > most) [best, most] = [country, v];
    }
    return total > 0 ? `${best} ${percent(most / total)}` : "–";
  });

  const cellWidth = Math.max(54, 12 + Math.max(...countries.map((c) => textWidth(c, 11, true))));
  const cellHeight = 30;
  const labelWidth = Math.min(170, Math.max(...goods.map((g) => textWidth(g, 11))));
  const lastWidth = Math.max(textWidth("largest exporter", 11), ...topExporter.map((t) => textWidth(t, 11)));
  const width = Math.max(sizeOf(options.width, 640, "width"), Math.ceil(10 + labelWidth + 12 + countries.length * cellWidth + 14 + lastWidth + 10));
  const left = 10 + labelWidth + 12;
  const header = 44;
  const legend = flowLegend(
    [
      { swatch: `<rect x="0" y="-5" width="22" height="10" fill="${SEGMENTS.restricted}"/>`, label: options.policy === undefined ? "restricted" : `restricted by ${options.policy}` },
      { swatch: `<rect x="0" y="-5" width="22" height="10" fill="${SEGMENTS.byRule}"/>`, label: "may be restricted by a rule" },
      { swatch: `<rect x="0" y="-5" width="22" height="10" fill="${SEGMENTS.imported}"/>`, label: "other imports" },
      { swatch: `<rect x="0" y="-5" width="22" height="10" fill="${SEGMENTS.own}"/>`, label: "own output" },
      { swatch: `<text x="11" y="4" text-anchor="middle" font-weight="600" fill="#111">%</text>`, label: `share of the country's use on restricted links; – no use` },
    ],
    10,
    0,
    width - 20,
  );
  const gridBottom = header + goods.length * cellHeight;
  const height = sizeOf(options.height, gridBottom + 14 + legend.height + 6, "height");
  const columnHeads = countries.map(
    (c, j) => `<text x="${num(left + cellWidth * (j + 0.5))}" y="${header - 8}" text-anchor="middle" font-weight="600" fill="#111">${escapeXml(c)}</text>`,
  );
  const lastX = left + countries.length * cellWidth + 14 + lastWidth;
  const marks: string[] = [];
  const rows = goods.map((good, r) => {
    const y = header + r * cellHeight;
    const parts = [
      `<text x="${num(left - 12)}" y="${num(y + 19)}" text-anchor="end" fill="#222">${escapeXml(fitText(good, labelWidth, 11))}</text>`,
      `<text x="${num(lastX)}" y="${num(y + 19)}" text-anchor="end" fill="#333">${escapeXml(topExporter[r]!)}</text>`,
    ];
    countries.forEach((country, j) => {
      const x = left + j * cellWidth;
      const cell = cells.get(key(good, country));
      if (cell === undefined) {
        parts.push(`<text x="${num(x + cellWidth / 2)}" y="${num(y + 19)}" text-anchor="middle" fill="#aaa">–</text>`);
        return;
      }
      const barWidth = cellWidth - 10;
      let at = x + 5;
      const segments = (
        [
          [cell.restricted, SEGMENTS.restricted],
          [cell.byRule, SEGMENTS.byRule],
          [cell.imported, SEGMENTS.imported],
          [Math.max(0, 1 - cell.restricted - cell.byRule - cell.imported), SEGMENTS.own],
        ] as const
      ).map(([share, color]) => {
        const w = share * barWidth;
        const rect = w > 0 ? `<rect x="${num(at)}" y="${num(y + 22)}" width="${num(w)}" height="5" fill="${color}"/>` : "";
        at += w;
        return rect;
      });
      const exposed = cell.restricted + cell.byRule;
      const from = [
        ...(cell.restrictedFrom.length === 0 ? [] : [`${percent(cell.restricted)} from ${listInWords(cell.restrictedFrom)} on links restricted${options.policy === undefined ? "" : ` by ${options.policy}`}`]),
        ...(cell.ruleFrom.length === 0 ? [] : [`${percent(cell.byRule)} from ${listInWords(cell.ruleFrom)} on links a rule may restrict`]),
      ];
      marks.push(
        `<g class="mark cell" data-good="${escapeXml(good)}" data-country="${escapeXml(country)}"><title>${escapeXml(
          `${country}, ${good}: ${percent(1 - cell.restricted - cell.byRule - cell.imported)} own output, ${percent(cell.restricted + cell.byRule + cell.imported)} imported${from.length === 0 ? "" : `; ${from.join("; ")}`}`,
        )}</title>` +
          `<rect x="${num(x + 2)}" y="${num(y + 2)}" width="${num(cellWidth - 4)}" height="${cellHeight - 4}" fill="${exposed > 0 ? (cell.restricted > 0 ? "#fbe9e7" : "#fff4e0") : "#f7f7f7"}"/>` +
          (exposed > 0 ? `<text x="${num(x + cellWidth / 2)}" y="${num(y + 16)}" text-anchor="middle" font-weight="600" fill="${cell.restricted > 0 ? RESTRICTED : "#8a5a00"}">${percent(exposed)}</text>` : "") +
          segments.join("") +
          `</g>`,
      );
    });
    return parts.join("");
  });
  const body =
    `<g class="heads">${columnHeads.join("")}<text x="${num(lastX)}" y="${header - 8}" text-anchor="end" fill="#555">largest exporter</text></g>` +
    `<g class="labels">${rows.join("")}</g>` +
    `<g class="marks">${marks.join("")}</g>` +
    `<g transform="translate(0 ${num(gridBottom + 14)})">${legend.svg}</g>`;
  const exposedCells = goods.flatMap((good) =>
    countries.flatMap((country) => {
      const cell = cells.get(key(good, country));
      return cell === undefined || cell.restricted + cell.byRule === 0 ? [] : [`${country} ${good} ${percent(cell.restricted + cell.byRule)}${cell.restricted > 0 ? "" : " (by a rule)"}`];
    }),
  );
  const description =
    `Baseline use of ${goods.length} ${goods.length === 1 ? "good" : "goods"} by ${countries.length} ${countries.length === 1 ? "country" : "countries"}, by origin${options.policy === undefined ? "" : `, under ${options.policy}`}. ` +
    (exposedCells.length === 0 ? "No country's use comes on restricted links." : `Share of use on restricted links: ${exposedCells.length <= 40 ? exposedCells.join(", ") : `${exposedCells.slice(0, 40).join(", ")} and ${exposedCells.length - 40} more`}.`);
  const title = options.title ?? `Who depends on restricted supply${options.policy === undefined ? "" : `, under ${options.policy}`}`;
  return svgDocument({ kind: "supply-matrix", width, height, title, description, marks: marks.length, body }, options.id);
}
