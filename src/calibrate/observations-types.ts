// The types of observation files, as plain TypeScript (the published declarations name no
// zod type); test/calibrate/observations.test.ts checks each is exactly its zod schema's type.
import type {
  PriceOutcome,
  PriceOutcomeInput,
  ShortfallOutcome,
  ShortfallOutcomeInput,
  Source,
  StockOutcome,
  StockOutcomeInput,
  TradeOutcome,
  TradeOutcomeInput,
} from "../schema/scenario-types.js";

/** What a series measures: a per-period outcome (price, trade, stock or shortfall) without name, statistic and series flag. */
export type Measure = Omit<PriceOutcome, "name" | "stat" | "series" | "thresholds" | "description" | "source" | "assumption"> | Omit<TradeOutcome, "name" | "stat" | "series" | "thresholds" | "description" | "source" | "assumption"> | Omit<StockOutcome, "name" | "stat" | "series" | "thresholds" | "description" | "source" | "assumption"> | Omit<ShortfallOutcome, "name" | "stat" | "series" | "thresholds" | "description" | "source" | "assumption">;
/** {@link Measure} as written. */
export type MeasureInput = Omit<PriceOutcomeInput, "name" | "stat" | "series" | "thresholds" | "description" | "source" | "assumption"> | Omit<TradeOutcomeInput, "name" | "stat" | "series" | "thresholds" | "description" | "source" | "assumption"> | Omit<StockOutcomeInput, "name" | "stat" | "series" | "thresholds" | "description" | "source" | "assumption"> | Omit<ShortfallOutcomeInput, "name" | "stat" | "series" | "thresholds" | "description" | "source" | "assumption">;

/** One standard deviation of an observation's error: relative to the value, or absolute. */
export type ObservationError = { relative: number } | { sd: number };

/** One observed value. */
export interface ObservationPoint {
  /** The scenario period observed, from 0; or `date`. */
  period?: number | undefined;
  /** The calendar month observed, YYYY-MM; or `period`. */
  date?: string | undefined;
  value?: number | undefined;
  /** A 90% interval [low, high]. */
  interval?: [number, number] | undefined;
  error?: ObservationError | undefined;
  note?: string | undefined;
  source?: Source | Source[] | undefined;
  assumption?: string | undefined;
}

/** One observed series. */
export interface ObservationSeries {
  name: string;
  description?: string | undefined;
  measure: Measure;
  error?: ObservationError | undefined;
  /** How much each point counts in the distance; default 1. */
  weight: number;
  points: ObservationPoint[];
  source?: Source | Source[] | undefined;
  assumption?: string | undefined;
}

/** {@link ObservationSeries} as written. */
export interface ObservationSeriesInput extends Omit<ObservationSeries, "measure" | "weight"> {
  measure: MeasureInput;
  weight?: number | undefined;
}

/** An observation file, as parsed: observed series tied to a scenario. */
export interface Observations {
  $schema?: string | undefined;
  name: string;
  title?: string | undefined;
  description?: string | undefined;
  /** The name of the scenario it belongs to. */
  scenario: string;
  /** The policy that is what happened; the scenario's baseline if omitted. */
  policy?: string | undefined;
  /** Uncertainties to fit. */
  free?: string[] | undefined;
  series: ObservationSeries[];
  source?: Source | Source[] | undefined;
}

/** {@link Observations} as written in a file or in code. */
export interface ObservationsInput extends Omit<Observations, "series"> {
  series: ObservationSeriesInput[];
}
