// What every section of the HTML report reads: the result and its scenario, how each
// outcome is shown, its definition, cap and phrase, the calendar, and ids for charts.
import { outcomeDefinitions } from "../../compile/compile.js";
import type { ExperimentResult, OutcomeSummary, PolicyResult } from "../../experiment/result.js";
import { outcomeKind } from "../../outcomes/index.js";
import type { OutcomeDefinition } from "../../schema/outcomes.js";
import type { Scenario } from "../../schema/scenario.js";
import { escapeXml } from "../charts/svg.js";
import type { Calendar } from "./periods.js";
import { capOf, outcomePhrase } from "./outcome-words.js";

export interface ReportContext {
  readonly result: ExperimentResult;
  readonly scenario: Scenario;
  readonly calendar: Calendar;
  /** How an outcome is shown (its kind's `presentation`). */
  presentationOf(name: string): "distribution" | "probability" | "timing";
  definitionOf(name: string): OutcomeDefinition | undefined;
  /** The cap of a price outcome, in its unit. */
  capOf(name: string): number | undefined;
  /** The outcome in words, countries by name. */
  phraseOf(name: string): string;
  unitOf(name: string): string;
  /** A new id for the next chart: unique on the page, the same from one rendering to the next. */
  chartId(): string;
}

export function reportContext(result: ExperimentResult, scenario: Scenario, calendar: Calendar): ReportContext {
  const definitions = new Map(outcomeDefinitions(scenario).map((d) => [d.name, d]));
  const info = new Map(result.outcomes.map((o) => [o.name, o]));
  let charts = 0;
  return {
    result,
    scenario,
    calendar,
    presentationOf: (name) => {
      const definition = definitions.get(name);
      return definition === undefined ? "distribution" : outcomeKind(definition.kind).presentation;
    },
    definitionOf: (name) => definitions.get(name),
    capOf: (name) => capOf(definitions.get(name), scenario),
    phraseOf: (name) => outcomePhrase(info.get(name)?.description ?? name, scenario),
    unitOf: (name) => info.get(name)?.unit ?? "",
    chartId: () => `chart-${++charts}`,
  };
}

export function summaryOf(policy: PolicyResult, outcome: string): OutcomeSummary | undefined {
  return policy.outcomes.find((o) => o.name === outcome);
}

export const esc = escapeXml;

/** An outcome's name as a page anchor. */
export function anchor(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]/g, "-");
}

/** An outcome's heading: its name, description and unit. */
export function outcomeHeading(context: ReportContext, name: string): string {
  const info = context.result.outcomes.find((o) => o.name === name)!;
  return `<h3 id="outcome-${esc(anchor(name))}"><code>${esc(name)}</code></h3>\n<p>${esc(info.description)} <span class="muted">Unit: ${esc(unitInWords(context, name))}.</span></p>\n`;
}

/** A unit as a reader names it: for the period of a first event, in periods from 1 (or by the calendar), never counted from 0. */
export function unitInWords(context: ReportContext, name: string): string {
  if (context.presentationOf(name) === "timing") return `${context.calendar.period} of the horizon, the first being 1; not within the horizon: none`;
  return context.unitOf(name);
}

/** The common caption of paired intervals. */
export function intervalCaption(baseline: string, runs: string): string {
  return (
    `The 95% intervals of differences to ${esc(baseline)} are the Monte Carlo precision of the mean difference over these ${runs} runs: they narrow as runs are added, and say nothing about how uncertain the model is. ` +
    `That uncertainty is the spread across runs (90% of runs between p05 and p95), which more runs do not narrow.`
  );
}
