// Vega-Lite specifications of the exploratory-analysis charts (the same charts as
// analysis-svg.ts), data inline: for a notebook, Observable or vegaEmbed.
import { InputError } from "../../errors.js";
import type { IndicesRow, MorrisRow, TradeoffBox } from "./analysis-svg.js";
import { VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./vega-lite.js";

/** Options of the analysis Vega-Lite specs: a title and a width. */
export interface AnalysisVegaLiteOptions {
  readonly title?: string;
  /** Width in pixels; default 480. */
  readonly width?: number;
}

/** A layered chart: the title (or its default), description, width and inline data. */
function layered(options: AnalysisVegaLiteOptions, title: string, description: string, values: readonly object[], layer: readonly object[]): VegaLiteSpec {
  return { $schema: VEGA_LITE_SCHEMA, title: options.title ?? title, description, width: options.width ?? 480, data: { values }, layer };
}

function rowsOf<T>(value: { readonly parameters?: readonly T[] } | undefined, what: string, example: string): readonly T[] {
  if (!Array.isArray(value?.parameters) || value.parameters.length === 0) throw new InputError(what, `expected { parameters: [...] } with at least one parameter, e.g. ${example}`);
  return value.parameters;
}

/**
 * A Vega-Lite specification of Sobol' indices with interval whiskers: per parameter, the
 * first-order and total index with their 95% intervals (one data row per parameter and
 * index: `{ parameter, index, estimate, ci95Low, ci95High }`).
 *
 * @param result - `{ parameters: [{ name, first: { estimate, ci95Low, ci95High }, total: {...} }] }`, as `sobolIndices` returns.
 * @param options - title, width.
 * @returns the specification, a plain object.
 * @throws {InputError} if there are no parameters.
 * @example
 * ```ts
 * const spec = indicesVegaLite(sobolIndices(model, { dimensions: 3, samples: 1024, seed: 1 }), { title: "Ishigami" });
 * // spec.data.values[0]: { parameter: "x1", index: "first-order", estimate: 0.31, ci95Low: 0.29, ci95High: 0.33 }
 * ```
 */
export function indicesVegaLite(result: { readonly parameters: readonly IndicesRow[] }, options: AnalysisVegaLiteOptions = {}): VegaLiteSpec {
  const rows = rowsOf(result, "result", "sobolIndices's result");
  const values = rows.flatMap((p) => [
    { parameter: p.name, index: "first-order", estimate: p.first.estimate, ci95Low: p.first.ci95Low, ci95High: p.first.ci95High },
    { parameter: p.name, index: "total", estimate: p.total.estimate, ci95Low: p.total.ci95Low, ci95High: p.total.ci95High },
  ]);
  const y = { field: "parameter", type: "nominal", sort: null, title: null };
  const yOffset = { field: "index", type: "nominal" };
  const color = { field: "index", type: "nominal", scale: { domain: ["first-order", "total"], range: ["#0072B2", "#E69F00"] }, title: null };
  return layered(options, "Sobol' indices", "Per parameter, the first-order and total Sobol' index, each with its 95% interval.", values, [
      { mark: { type: "rule" }, encoding: { y, yOffset, color, x: { field: "ci95Low", type: "quantitative", title: "index (share of the outcome's variance)" }, x2: { field: "ci95High" } } },
      { mark: { type: "point", filled: true, size: 60, tooltip: true }, encoding: { y, yOffset, color, x: { field: "estimate", type: "quantitative" } } },
  ]);
}

/**
 * A Vega-Lite specification of Morris screening: mu* against sigma, a labelled point per
 * parameter (data rows `{ parameter, mu, muStar, sigma }`).
 *
 * @param result - `{ parameters: [{ name, mu, muStar, sigma }] }`, as `morrisScreening` returns.
 * @param options - title, width.
 * @returns the specification, a plain object.
 * @throws {InputError} if there are no parameters.
 * @example
 * ```ts
 * const spec = morrisVegaLite(morrisScreening(model, { dimensions: 4, trajectories: 20, seed: 1 }));
 * ```
 */
export function morrisVegaLite(result: { readonly parameters: readonly MorrisRow[] }, options: AnalysisVegaLiteOptions = {}): VegaLiteSpec {
  const rows = rowsOf(result, "result", "morrisScreening's result");
  const values = rows.map((p) => ({ parameter: p.name, mu: p.mu, muStar: p.muStar, sigma: p.sigma }));
  const encoding = { x: { field: "muStar", type: "quantitative", title: "mu* (mean absolute elementary effect)" }, y: { field: "sigma", type: "quantitative", title: "sigma (spread of the effects)" } };
  return layered(options, "Morris screening", "Per parameter, mu* (importance) against sigma (interactions or non-linearity).", values, [
      { mark: { type: "point", filled: true, tooltip: true }, encoding },
      { mark: { type: "text", align: "left", dx: 6, dy: -6 }, encoding: { ...encoding, text: { field: "parameter" } } },
  ]);
}

/**
 * A Vega-Lite specification of PRIM's coverage-density trade-off: each box of the
 * trajectory at its coverage and density, the chosen box ringed (data rows
 * `{ box, coverage, density, mass, restricted, chosen }`).
 *
 * @param discovery - `{ trajectory, chosen? }`, as `prim` or `discoverScenarios` returns (chosen: default the last box).
 * @param options - title, width.
 * @returns the specification, a plain object.
 * @throws {InputError} if the trajectory is empty or `chosen` is not one of its boxes.
 * @example
 * ```ts
 * const spec = primTradeoffVegaLite(prim({ x: [0.1, 0.5, 0.9, 0.95] }, [false, false, true, true]));
 * ```
 */
export function primTradeoffVegaLite(discovery: { readonly trajectory: readonly TradeoffBox[]; readonly chosen?: number }, options: AnalysisVegaLiteOptions = {}): VegaLiteSpec {
  const chosen = chosenBox(discovery);
  const values = discovery.trajectory.map((b, box) => ({ box, coverage: b.coverage, density: b.density, mass: b.mass, restricted: b.restricted, chosen: box === chosen }));
  const x = { field: "coverage", type: "quantitative", scale: { domain: [0, 1] }, axis: { format: "%" }, title: "coverage" };
  const y = { field: "density", type: "quantitative", scale: { domain: [0, 1] }, axis: { format: "%" }, title: "density" };
  return layered(options, "PRIM: coverage against density", `Each box of PRIM's trajectory at its coverage and density; box ${chosen} is the chosen box.`, values, [
      { mark: { type: "line", color: "#9e9e9e" }, encoding: { x, y, order: { field: "box" } } },
      { mark: { type: "point", filled: true, tooltip: true }, encoding: { x, y, color: { field: "chosen", type: "nominal", scale: { domain: [false, true], range: ["#0072B2", "#C62828"] }, title: "chosen box" }, size: { condition: { test: "datum.chosen", value: 140 }, value: 40 } } },
  ]);
}

/** The chosen box of a discovery: `chosen`, checked, or the last box. */
export function chosenBox(discovery: { readonly trajectory: readonly unknown[]; readonly chosen?: number }): number {
  const boxes = Array.isArray(discovery?.trajectory) ? discovery.trajectory.length : 0;
  if (boxes === 0) throw new InputError("discovery.trajectory", "expected at least one box, as prim returns");
  const chosen = discovery.chosen ?? boxes - 1;
  if (!Number.isInteger(chosen) || chosen < 0 || chosen >= boxes) throw new InputError("discovery.chosen", `expected a box of the trajectory, from 0 to ${boxes - 1}, found ${String(chosen)}`);
  return chosen;
}

/** What {@link sweepVegaLite} draws: a sweep, as `sweepLever` returns it (its fields used here). */
export interface SweepChartInput {
  readonly field: string;
  readonly points: readonly { readonly value: number; readonly outcomes: readonly { readonly name: string; readonly unit: string; readonly mean: number; readonly ci95Low: number; readonly ci95High: number; readonly difference: { readonly mean: number; readonly ci95Low: number; readonly ci95High: number } }[] }[];
}

/**
 * A Vega-Lite specification of a lever sweep: per outcome (a facet row), the mean at each
 * grid value with its 95% interval (data rows `{ value, outcome, unit, mean, ci95Low,
 * ci95High, difference, differenceLow, differenceHigh }`).
 *
 * @param sweep - what `sweepLever` returns.
 * @param options - title, width.
 * @returns the specification, a plain object.
 * @throws {InputError} if the sweep has no grid points.
 * @example
 * ```ts
 * const spec = sweepVegaLite(await sweepLever(scenario, { policy: "aligned", lever: 2, field: "severity", values: [0, 0.5, 1], runs: 1000, seed: 1 }));
 * ```
 */
export function sweepVegaLite(sweep: SweepChartInput, options: AnalysisVegaLiteOptions = {}): VegaLiteSpec {
  if (!(sweep?.points?.length > 0)) throw new InputError("sweep.points", "expected at least one grid point, as sweepLever returns");
  const values = sweep.points.flatMap((p) =>
    p.outcomes.map((o) => ({ value: p.value, outcome: o.name, unit: o.unit, mean: o.mean, ci95Low: o.ci95Low, ci95High: o.ci95High, difference: o.difference.mean, differenceLow: o.difference.ci95Low, differenceHigh: o.difference.ci95High })),
  );
  const x = { field: "value", type: "quantitative", title: sweep.field };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: options.title ?? `Sweep of ${sweep.field}`,
    description: `Per outcome, the mean at each value of ${sweep.field} with its 95% interval.`,
    data: { values },
    facet: { row: { field: "outcome", type: "nominal", title: null } },
    resolve: { scale: { y: "independent" } },
    spec: {
      width: options.width ?? 480,
      layer: [
        { mark: { type: "line" }, encoding: { x, y: { field: "mean", type: "quantitative", title: "mean and 95% interval" } } },
        { mark: { type: "rule" }, encoding: { x, y: { field: "ci95Low", type: "quantitative" }, y2: { field: "ci95High" } } },
        { mark: { type: "point", filled: true, tooltip: true }, encoding: { x, y: { field: "mean", type: "quantitative" } } },
      ],
    },
  };
}
