/** A Vega-Lite specification: plain JSON (no functions, no dates), ready for `JSON.stringify` or `vegaEmbed`. */
export interface VegaLiteSpec {
  readonly $schema: string;
  readonly [key: string]: unknown;
}

/** The Vega-Lite version the specs are written for (a URL that names the schema; nothing is fetched). */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

/** An axis title with its unit. */
export function withUnit(label: string, unit: string): string {
  return `${label} (${unit})`;
}
