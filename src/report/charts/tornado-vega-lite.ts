import { tornadoRows, type TornadoBar } from "./tornado-svg.js";
import { VEGA_LITE_SCHEMA, type VegaLiteSpec } from "./vega-lite.js";

/** Options of {@link tornadoVegaLite}. */
export interface TornadoVegaLiteOptions {
  readonly title: string;
  /** Unit of the values, for the axis title. */
  readonly unit: string;
  /** Where the bars start (the reference value); default 0. */
  readonly base?: number;
  /** Legend of the low side; default `low`. */
  readonly lowLabel?: string;
  /** Legend of the high side; default `high`. */
  readonly highLabel?: string;
  /** Widest bar first (default), or the order given. */
  readonly sort?: boolean;
  /** Width in pixels; default 480. */
  readonly width?: number;
}

/**
 * A Vega-Lite specification of a tornado chart, the same chart as {@link tornadoSvg}: per
 * entry, a bar from the base value to the value at the low setting and one to the value
 * at the high setting, widest first. Data inline, two rows per entry
 * `{ label, setting, value, base, order }`. Plain JSON; the same input gives the same spec.
 *
 * @param bars - `{ label, low, high }` per bar; at least one.
 * @param options - title and unit (required), base value, legend labels, order, width.
 * @returns the specification, a plain object.
 * @throws {InputError} if there is no bar or a value is not finite.
 * @example
 * ```ts
 * tornadoVegaLite([{ label: "retaliation probability", low: 1.1e9, high: 3.9e9 }], { title: "GDP loss of Japan", unit: "USD", base: 2.3e9 });
 * // { $schema: "https://vega.github.io/schema/vega-lite/v5.json", title: "GDP loss of Japan", data: { values: [...] }, ... }
 * ```
 */
export function tornadoVegaLite(bars: readonly TornadoBar[], options: TornadoVegaLiteOptions): VegaLiteSpec {
  const { rows, base } = tornadoRows(bars, options);
  const lowLabel = options.lowLabel ?? "low";
  const highLabel = options.highLabel ?? "high";
  const values = rows.flatMap((row, order) => [
    { label: row.label, setting: lowLabel, value: row.low, base, order },
    { label: row.label, setting: highLabel, value: row.high, base, order },
  ]);
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: options.title,
    description: `Tornado chart: per entry, the value at its ${lowLabel} and at its ${highLabel} setting, from ${base} (${options.unit}), widest first.`,
    width: options.width ?? 480,
    data: { values },
    mark: { type: "bar", tooltip: true },
    encoding: {
      y: { field: "label", type: "nominal", sort: { field: "order", order: "ascending" }, title: null },
      x: { field: "base", type: "quantitative", title: options.unit, scale: { zero: false } },
      x2: { field: "value" },
      color: { field: "setting", type: "nominal", sort: [lowLabel, highLabel], scale: { range: ["#56B4E9", "#E69F00"] }, title: null },
    },
  };
}
