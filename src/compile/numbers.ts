import type { UncertainNumber } from "../schema/common.js";

/**
 * The table of every number in a compiled model that may be uncertain. Fixed values are
 * written once at compile time; values drawn from uncertainties are written per run by
 * copying the run's draws through `bindings` (a flat list, so resolving a run costs one
 * pass and allocates nothing).
 */
export interface NumberTable {
  /** Constants, with NaN where a run's draw goes; each run state works on its own copy. */
  readonly initial: Float64Array;
  /** Pairs (values index, uncertainty index): `values[target] = draws[param]` each run. */
  readonly bindingTarget: Int32Array;
  readonly bindingParam: Int32Array;
}

/** Builds a {@link NumberTable} while the scenario is compiled. */
export class NumberTableBuilder {
  private readonly constants: number[] = [];
  private readonly targets: number[] = [];
  private readonly params: number[] = [];
  constructor(private readonly paramIndex: ReadonlyMap<string, number>) {}

  /** Register a number; returns its index in the table. */
  add(value: UncertainNumber | undefined, fallback: number): number {
    const index = this.constants.length;
    if (value === undefined) this.constants.push(fallback);
    else if (typeof value === "number") this.constants.push(value);
    else {
      this.constants.push(Number.NaN); // always overwritten before use
      this.targets.push(index);
      this.params.push(this.paramIndex.get(value.param)!);
    }
    return index;
  }

  build(): NumberTable {
    return {
      initial: Float64Array.from(this.constants),
      bindingTarget: Int32Array.from(this.targets),
      bindingParam: Int32Array.from(this.params),
    };
  }
}

/** Copy one run's draws into `values` (a copy of `table.initial`). */
export function bindDraws(table: NumberTable, draws: Float64Array, values: Float64Array): void {
  const { bindingTarget, bindingParam } = table;
  for (let b = 0; b < bindingTarget.length; b++) values[bindingTarget[b]!] = draws[bindingParam[b]!]!;
}
