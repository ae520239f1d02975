import type { InputOutputTable } from "./world.js";

/** Value added of sector j of an input-output table: its own, or x less its inputs from Z less its imports (docs/model.md, "Baseline"). */
export function sectorValueAdded(table: Pick<InputOutputTable, "Z" | "x" | "valueAdded" | "imports">, j: number): number {
  return table.valueAdded?.[j] ?? table.x[j]! - table.Z.reduce((sum, row) => sum + row[j]!, 0) - (table.imports?.[j] ?? 0);
}
