import type { UncertainNumber } from "../schema/common.js";

/**
 * What a kind's module compiles a scenario entry with: names resolved to indices and
 * numbers registered in the model's number table (fixed, or bound to a run's draw).
 */
export interface CompileContext {
  /** Countries and goods in the world. */
  readonly C: number;
  readonly G: number;
  country(id: string): number;
  good(id: string): number;
  /** Register a number; returns its index in the number table. `fallback` stands in for undefined. */
  number(value: UncertainNumber | undefined, fallback: number): number;
}
