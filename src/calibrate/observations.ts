// Reading observation files: validation with path-precise problems (like scenarios), and
// the checks against the scenario they belong to. docs/calibration.md, "Observation files".
import { formatPath, InputError, ScenarioError, type InputProblem } from "../errors.js";
import { parseScenario } from "../schema/parse.js";
import type { Scenario, ScenarioInput } from "../schema/scenario.js";
import { readDocument } from "../schema/read-document.js";
import { closestName } from "../schema/suggest.js";
import { observationsSchema } from "./observations-schema.js";
import type { Measure, ObservationError, Observations, ObservationsInput } from "./observations-types.js";

/** Largest observation file text accepted, in characters. */
const MAX_TEXT_LENGTH = 50_000_000;

/** An observation file that failed validation: every problem, each with its path. */
export class ObservationsError extends ScenarioError {
  override readonly name: string = "ObservationsError";
  constructor(problems: readonly InputProblem[], total = problems.length, heading = "invalid observations") {
    super(problems, heading, total);
  }
}

/** One observed point, ready to compare: the period, the value, and its standard deviation. */
export interface ResolvedPoint {
  readonly period: number;
  readonly value: number;
  readonly sd: number;
}

/** One series, resolved against its scenario. */
export interface ResolvedSeries {
  readonly name: string;
  readonly measure: Measure;
  readonly weight: number;
  readonly points: readonly ResolvedPoint[];
  readonly description: string;
}

/** Observations checked against a scenario: the policy simulated, what is fitted, the points. */
export interface ResolvedObservations {
  readonly observations: Observations;
  readonly policy: string;
  readonly free: readonly string[];
  readonly series: readonly ResolvedSeries[];
  /** The scenario to simulate: the original, recording one series outcome per observed series. */
  readonly scenario: Scenario;
}

/** 2 x 1.6449: a 90% interval spans this many standard deviations of a normal. */
const NINETY_PERCENT_WIDTH = 2 * 1.6448536269514722;

/**
 * Validate an observation file (an object, or JSON or YAML text) and fill in defaults;
 * with a scenario, also check it against that scenario (names, periods, free parameters).
 *
 * @param input - an observations object, or the text of a JSON or YAML observation file
 *   (problems in text carry line and column).
 * @param scenario - the scenario the observations belong to, to check them against.
 * @returns the observations, as parsed.
 * @throws ObservationsError (a ScenarioError) listing every problem with its path.
 * @example
 * ```ts
 * const observations = parseObservations(readFileSync("observations/antimony-export-controls-2024.json", "utf8"));
 * observations.series.map((s) => s.name); // ["china-exports", "price-rotterdam"]
 * ```
 */
export function parseObservations(input: unknown, scenario?: Scenario | ScenarioInput): Observations {
  return readObservations(input, scenario).observations;
}

/**
 * {@link parseObservations} against a scenario, returning what a fit needs: each point's
 * period, value and standard deviation, the policy, the free parameters, and the scenario
 * that records the measured series.
 *
 * @param free - the parameters to fit, overriding the file's `free`.
 * @param fitting - whether a fit follows (then at least one free parameter is required); false for `predict`.
 */
export function resolveObservations(input: unknown, scenario: Scenario | ScenarioInput, free?: readonly string[], fitting = true): ResolvedObservations {
  const read = readObservations(input, scenario, free, fitting);
  if (read.resolved === undefined) throw new Error("internal error: observations resolved without a scenario");
  return read.resolved;
}

function readObservations(input: unknown, scenarioInput: Scenario | ScenarioInput | undefined, free?: readonly string[], fitting = true): { observations: Observations; resolved?: ResolvedObservations } {
  const read = readDocument(observationsSchema, input, "observations", MAX_TEXT_LENGTH);
  const fail = (problems: InputProblem[], total = problems.length): never => {
    throw new ObservationsError(read.locate(problems), total);
  };
  if (read.value === undefined) throw new ObservationsError(read.problems, read.total);
  const observations = read.value as Observations;
  const problems: InputProblem[] = [];
  const report = (path: (string | number)[], message: string) => problems.push({ path: formatPath(path), message });
  checkSelf(observations, report);
  if (scenarioInput === undefined) {
    if (problems.length > 0) fail(problems);
    return { observations };
  }
  const scenario = parseScenario(scenarioInput);
  const resolved = resolveAgainst(observations, scenario, free, fitting, report);
  if (problems.length > 0) fail(problems);
  return { observations, resolved: resolved! };
}

/** Checks within the file: unique series names, one of period or date, a value or interval, an error. */
function checkSelf(observations: Observations, report: (path: (string | number)[], message: string) => void): void {
  const names = new Set<string>();
  observations.series.forEach((series, s) => {
    if (names.has(series.name)) report(["series", s, "name"], `duplicate series name "${series.name}"`);
    names.add(series.name);
    series.points.forEach((point, p) => {
      const at = ["series", s, "points", p];
      if ((point.period === undefined) === (point.date === undefined)) report(at, "expected `period` or `date` (one of them)");
      if (point.value === undefined && point.interval === undefined) report(at, "expected a `value` or an `interval`");
      if (point.interval !== undefined) {
        const [low, high] = point.interval;
        if (!(low < high)) report([...at, "interval"], `expected [low, high] with low < high, found [${low}, ${high}]`);
        if (point.error !== undefined) report([...at, "error"], "give an `interval` or an `error`, not both");
      } else if (point.error === undefined && series.error === undefined) {
        report(at, "expected an uncertainty: an `interval`, an `error` here, or the series' `error`");
      }
      if (point.source === undefined && series.source === undefined && observations.source === undefined && point.assumption === undefined && series.assumption === undefined) {
        report(at, "expected a `source` (here or on the series), or an `assumption` saying where the value comes from");
      }
    });
  });
  const free = new Set<string>();
  (observations.free ?? []).forEach((name, k) => {
    if (free.has(name)) report(["free", k], `"${name}" is listed twice`);
    free.add(name);
  });
}

function monthIndex(date: string): number {
  const [year, month] = date.split("-").map(Number);
  return year! * 12 + month! - 1;
}

/** A point's standard deviation from its interval or error. */
function standardDeviation(value: number, interval: readonly [number, number] | undefined, error: ObservationError | undefined): number {
  if (interval !== undefined) return (interval[1] - interval[0]) / NINETY_PERCENT_WIDTH;
  if (error === undefined) return NaN;
  return "sd" in error ? error.sd : error.relative * Math.abs(value);
}

function resolveAgainst(
  observations: Observations,
  scenario: Scenario,
  freeOverride: readonly string[] | undefined,
  fitting: boolean,
  report: (path: (string | number)[], message: string) => void,
): ResolvedObservations | undefined {
  const before = { count: 0 };
  const counting = (path: (string | number)[], message: string) => {
    before.count++;
    report(path, message);
  };
  if (observations.scenario !== scenario.name) {
    counting(["scenario"], `these observations belong to the scenario "${observations.scenario}", not to "${scenario.name}"`);
  }
  const policies = scenario.policies.map((p) => p.name);
  const policy = observations.policy ?? scenario.baselinePolicy ?? policies[0]!;
  if (!policies.includes(policy)) {
    const suggestion = closestName(policy, policies);
    counting(["policy"], `unknown policy "${policy}"${suggestion ? `; did you mean "${suggestion}"?` : ""}`);
  }
  const uncertainties = scenario.uncertainties.map((u) => u.name);
  const free = freeOverride ?? observations.free ?? [];
  const freePath = freeOverride === undefined ? ["free"] : ["options", "free"];
  if (fitting && free.length === 0) counting(freePath, "expected the names of the uncertainties to fit (in the file's `free`, or the `free` option)");
  free.forEach((name, k) => {
    if (!uncertainties.includes(name)) {
      const suggestion = closestName(name, uncertainties);
      counting([...freePath, k], `unknown uncertainty "${name}"${suggestion ? `; did you mean "${suggestion}"?` : ""}`);
    }
  });
  if (new Set(free).size !== free.length) counting(freePath, "expected each uncertainty once");

  // every point's period, inside the horizon, once per series
  const start = scenario.start === undefined ? undefined : monthIndex(scenario.start);
  const monthsPerPeriod = scenario.period === "month" ? 1 : scenario.period === "quarter" ? 3 : 12;
  const resolvedPoints = observations.series.map((series, s) => {
    const seen = new Set<number>();
    return series.points.flatMap((point, p) => {
      const at = ["series", s, "points", p];
      // a point with a problem of its own (checkSelf) is left out here, so that it gets no second one
      const noUncertainty = point.interval === undefined && point.error === undefined && series.error === undefined;
      const badInterval = point.interval !== undefined && !(point.interval[0] < point.interval[1]);
      if ((point.period === undefined) === (point.date === undefined) || (point.value === undefined && point.interval === undefined) || noUncertainty || badInterval) return [];
      let period = point.period;
      if (point.date !== undefined) {
        if (start === undefined) {
          counting([...at, "date"], "the scenario has no `start`, so dates cannot be placed: give `period` (from 0) or set the scenario's `start`");
          return [];
        }
        const months = monthIndex(point.date) - start;
        if (months < 0) {
          counting([...at, "date"], `${point.date} is before the scenario's start (${scenario.start})`);
          return [];
        }
        period = Math.floor(months / monthsPerPeriod);
      }
      if (period === undefined) return [];
      if (period >= scenario.horizon) {
        counting([...at, point.date === undefined ? "period" : "date"], `expected a period within the scenario's horizon (periods 0 to ${scenario.horizon - 1}), found period ${period}`);
        return [];
      }
      if (seen.has(period)) {
        counting(at, `period ${period} is observed twice in this series`);
        return [];
      }
      seen.add(period);
      const value = point.value ?? (point.interval === undefined ? NaN : point.interval[0] / 2 + point.interval[1] / 2);
      if (point.interval !== undefined && point.value !== undefined && !(point.value >= point.interval[0] && point.value <= point.interval[1])) {
        counting([...at, "value"], `expected a value inside its interval [${point.interval[0]}, ${point.interval[1]}], found ${point.value}`);
        return [];
      }
      const sd = standardDeviation(value, point.interval, point.error ?? series.error);
      if (sd === 0 && point.interval === undefined && value === 0) {
        counting(at, `expected an error > 0; a relative error of a value of 0 is 0: give { "sd": ... } instead`);
        return [];
      }
      if (!(sd > 0 && Number.isFinite(sd))) {
        counting(at, `expected a standard deviation that is a finite number > 0; this point's ${point.interval === undefined ? "error" : "interval"} gives ${sd}`);
        return [];
      }
      return [{ period, value, sd }];
    });
  });

  // the measures, checked as outcomes of the scenario (one per series)
  const outcomes = observations.series.map((series) => ({ ...series.measure, name: series.name, series: true }));
  const recording = { ...scenario, outcomes, headlineOutcomes: undefined } as unknown as ScenarioInput;
  let compiled: Scenario | undefined;
  try {
    compiled = parseScenario(recording);
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    for (const problem of error.problems) {
      const match = /^outcomes\[(\d+)\](.*)$/.exec(problem.path);
      if (match === null) counting([], `the scenario cannot record these series: ${problem.path}: ${problem.message}`);
      else counting(["series", Number(match[1]), `measure${match[2]}`], problem.message);
    }
  }
  if (before.count > 0 || compiled === undefined) return undefined;
  return {
    observations,
    policy,
    free,
    scenario: compiled,
    series: observations.series.map((series, s) => ({
      name: series.name,
      measure: series.measure,
      weight: series.weight,
      points: resolvedPoints[s]!,
      description: series.description ?? series.name,
    })),
  };
}

export type { Observations, ObservationsInput };

/**
 * Split observations in time, for an out-of-sample test within an episode: fit on the
 * points before `at`, and predict the points from `at` on. A series left without points in
 * one part is left out of that part.
 *
 * @param input - observations (an object, or JSON or YAML text).
 * @param scenario - their scenario (to place dates in periods).
 * @param at - the first period of the second part: a period (from 0), or a month `YYYY-MM`.
 * @returns `{ before, after }`, two observation objects named `<name>-before` and `<name>-after`.
 * @throws ObservationsError for invalid observations; InputError when `at` leaves one part empty or is not a period or month.
 * @example
 * ```ts
 * const { before, after } = splitObservations(observations, scenario, "2025-09");
 * const fit = await calibrate(scenario, before, { seed: 1 });
 * predict(applyPosterior(scenario, fit), after, { seed: 1 }).predictive.coverage;
 * ```
 */
export function splitObservations(input: unknown, scenario: Scenario | ScenarioInput, at: number | string): { before: Observations; after: Observations } {
  const parsed = parseScenario(scenario);
  const resolved = resolveObservations(input, parsed, [], false);
  let period: number;
  if (typeof at === "number" && Number.isInteger(at) && at >= 0) period = at;
  else if (typeof at === "string" && /^\d{4}-(0[1-9]|1[0-2])$/.test(at) && parsed.start !== undefined) {
    period = Math.floor((monthIndex(at) - monthIndex(parsed.start)) / (parsed.period === "month" ? 1 : parsed.period === "quarter" ? 3 : 12));
  } else {
    throw new InputError("at", `expected a period (a whole number from 0) or a month YYYY-MM (the scenario must have \`start\`), found ${JSON.stringify(at)}`);
  }
  const { observations } = resolved;
  const part = (keep: (p: number) => boolean, suffix: string): Observations => ({
    ...observations,
    name: `${observations.name}-${suffix}`,
    series: observations.series.flatMap((series, s) => {
      const periods = resolved.series[s]!.points.map((p) => p.period);
      const points = series.points.filter((_, i) => keep(periods[i]!));
      return points.length === 0 ? [] : [{ ...series, points }];
    }),
  });
  const before = part((p) => p < period, "before");
  const after = part((p) => p >= period, "after");
  if (before.series.length === 0 || after.series.length === 0) {
    throw new InputError("at", `period ${period} leaves no observed point ${before.series.length === 0 ? "before" : "from"} it`);
  }
  return { before, after };
}
