// Every entry of a scenario that carries a `source` or an `assumption`, grouped as the
// scenario file groups them, with a short label and the number it qualifies.
import { describeDistribution } from "../../random/describe-distribution.js";
import type { UncertainNumber } from "../../schema/common.js";
import type { Scenario } from "../../schema/scenario.js";
import { formatValue, plainNumber } from "../format-number.js";
import { formatCount } from "../charts/svg.js";

/** A source as written in a scenario. */
export interface SourceReference {
  readonly publication: string;
  readonly table?: string | undefined;
  readonly year?: number | undefined;
  readonly url?: string | undefined;
  readonly note?: string | undefined;
}

/** One entry with its provenance. */
export interface ProvenanceEntry {
  readonly label: string;
  /** The number or setting the provenance is for, in words. */
  readonly detail: string;
  readonly sources: readonly SourceReference[];
  readonly assumption?: string | undefined;
}

/** A group of entries: countries, goods, flows, ... */
export interface ProvenanceGroup {
  readonly name: string;
  readonly entries: readonly ProvenanceEntry[];
}

interface Provenance {
  readonly source?: SourceReference | readonly SourceReference[] | undefined;
  readonly assumption?: string | undefined;
}

const sourcesOf = (entry: Provenance): SourceReference[] => (entry.source === undefined ? [] : Array.isArray(entry.source) ? [...entry.source] : [entry.source as SourceReference]);

/** A fixed or uncertain number in words. */
export function uncertainNumber(value: UncertainNumber, scenario: Scenario, text: (value: number) => string = numberText): string {
  if (typeof value === "number") return text(value);
  const uncertainty = scenario.uncertainties.find((u) => u.name === value.param);
  return uncertainty === undefined ? value.param : `${value.param} ~ ${describeDistribution(uncertainty.distribution)}`;
}

/** A plain number for prose: thousands separators for large whole numbers, else up to 4 significant digits. */
export function numberText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return formatCount(value);
  const size = Math.abs(value);
  if (size >= 1e15 || (size > 0 && size < 1e-6)) return value.toExponential(2);
  return String(Number(value.toPrecision(4)));
}

/** The entries of a scenario with a source or an assumption, by group; groups without any are left out. */
export function provenanceGroups(scenario: Scenario): ProvenanceGroup[] {
  const { world } = scenario;
  const per = scenario.period;
  const goodUnit = new Map(world.goods.map((good) => [good.id, good.unit]));
  const entry = (item: Provenance, label: string, detail: string): ProvenanceEntry[] => {
    const sources = sourcesOf(item);
    if (sources.length === 0 && item.assumption === undefined) return [];
    return [{ label, detail, sources, ...(item.assumption === undefined ? {} : { assumption: item.assumption }) }];
  };
  const groups: ProvenanceGroup[] = [
    { name: "Scenario", entries: entry(scenario, scenario.title ?? scenario.name, `${scenario.horizon} ${per}s`) },
    { name: "Countries", entries: world.countries.flatMap((c) => entry(c, c.name === undefined ? c.id : `${c.id} (${c.name})`, `GDP ${formatValue(c.gdp, "USD")} a year`)) },
    {
      name: "Goods",
      entries: world.goods.flatMap((g) => entry(g, g.name === undefined ? g.id : `${g.id} (${g.name})`, `base price ${formatValue(g.basePrice, "USD")} per ${g.unit}`)),
    },
    {
      name: "Production",
      entries: world.production.flatMap((p) => entry(p, `${p.good} in ${p.country}`, `output ${plainNumber(p.output)} ${goodUnit.get(p.good) ?? ""} per ${per}`)),
    },
    {
      name: "Trade flows",
      entries: world.flows.flatMap((f) => entry(f, `${f.good}: ${f.exporter} to ${f.importer}`, `${plainNumber(f.volume)} ${goodUnit.get(f.good) ?? ""} per ${per}`)),
    },
    {
      name: "Recipes",
      entries: world.recipes.flatMap((r) => [
        ...entry(r, `${r.output}${r.country === undefined ? "" : ` in ${r.country}`}`, r.inputs.map((i) => `${plainNumber(i.perUnit)} ${goodUnit.get(i.good) ?? ""} of ${i.good}`).join(", ") + ` per ${goodUnit.get(r.output) ?? "unit"}`),
        ...r.inputs.flatMap((i) => entry(i, `${r.output}${r.country === undefined ? "" : ` in ${r.country}`}: ${i.good}`, i.weight === undefined ? `${plainNumber(i.perUnit)} per unit` : `weight ${uncertainNumber(i.weight, scenario, plainNumber)}`)),
      ]),
    },
    { name: "Stocks", entries: world.stocks.flatMap((s) => entry(s, `${s.good} in ${s.country}`, `${uncertainNumber(s.coverMonths, scenario, plainNumber)} months of cover`)) },
    { name: "Input-output tables", entries: world.inputOutput.flatMap((t) => entry(t, `${t.country}`, `${t.sectors.length} sectors`)) },
    {
      name: "Uncertainties",
      entries: [
        ...scenario.uncertainties.flatMap((u) => entry(u, u.name, `${scenario.posterior?.parameters.includes(u.name) ? "prior " : ""}${describeDistribution(u.distribution)}`)),
        ...(scenario.posterior === undefined ? [] : entry(scenario.posterior, `posterior of ${scenario.posterior.parameters.join(", ")}`, `drawn jointly from ${plainNumber(scenario.posterior.draws.length)} weighted draws, in place of the priors`)),
      ],
    },
    {
      name: "Rules",
      entries: [...scenario.rules, ...scenario.policies.flatMap((p) => p.rules)].flatMap((r) => [
        ...entry(r, `${r.name} (${r.agent})`, r.description ?? ""),
        ...entry(r.action, `${r.name}: action`, r.action.type),
      ]),
    },
    {
      name: "Policies",
      entries: scenario.policies.flatMap((p) => [
        ...entry(p, p.name, p.description ?? ""),
        ...p.levers.flatMap((lever, i) => entry(lever, `${p.name}: lever ${i + 1}`, `${lever.type} by ${lever.actor}`)),
      ]),
    },
    { name: "Outcomes", entries: scenario.outcomes.flatMap((o) => entry(o, o.name, o.thresholds === undefined ? o.kind : `thresholds ${o.thresholds.map((t) => plainNumber(t)).join(", ")}`)) },
  ];
  return groups.filter((group) => group.entries.length > 0);
}

/** Distinct sources, in order of first citation, with how many entries cite each. */
export function distinctSources(groups: readonly ProvenanceGroup[]): { source: SourceReference; citations: number }[] {
  const seen = new Map<string, { source: SourceReference; citations: number }>();
  for (const group of groups) {
    for (const entry of group.entries) {
      for (const source of entry.sources) {
        const key = `${source.publication}\u0000${source.year ?? ""}\u0000${source.url ?? ""}`;
        const known = seen.get(key);
        if (known === undefined) seen.set(key, { source: { publication: source.publication, year: source.year, url: source.url }, citations: 1 });
        else known.citations++;
      }
    }
  }
  return [...seen.values()];
}
