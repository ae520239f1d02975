// The floor: a bare typed-array loop over the same sparse structure as the engine (the
// compiled model's CSR lists), doing the fewest updates a run of the model could do.
//
// Per run: clear the lost-output accumulator (one pass over cells). Per period, per good
// (in topological order):
//   1. each producer cell:  sold[c] = H0[c,g]                      (domestic sales)
//   2. each user cell:      available[c] = H0[c,g]
//   3. each flow f:         v = F0[f] * pass[f]; sold[e] += v; available[i] += v
//   4. each producer cell:  lost[c,g] += Q0[c,g] - sold[c]
//   5. each user cell:      sigma[c,g] = 1 - available[c] / U0[c,g]
// That is one update per flow and two per producer and per user cell each period: the
// flows x periods plus producer and user cell updates of the issue, with nothing else (no
// recipes, no substitution, no stocks, no prices, no calm-good shortcut). `withRecipes`
// adds one more: step 4 first takes y = min over the cell's recipe entries of
// (1 - sigma[c, input]) and books lost += Q0 - y sold, so recipe entries count too.
import type { CompiledModel } from "../src/compile/model.js";

export interface BareState {
  readonly sold: Float64Array;
  readonly available: Float64Array;
  readonly lost: Float64Array;
  readonly sigma: Float64Array;
  /** Share of each flow that arrives: 1, or 0.5 for the flows of country 0 (fixed, so no per-run work). */
  readonly pass: Float64Array;
}

export function createBareState(model: CompiledModel): BareState {
  const F = model.flowVolume.length;
  const pass = new Float64Array(F).fill(1);
  for (let f = 0; f < F; f++) if (model.flowExporter[f] === 0) pass[f] = 0.5;
  return {
    sold: new Float64Array(model.C),
    available: new Float64Array(model.C),
    lost: new Float64Array(model.C * model.G),
    sigma: new Float64Array(model.C * model.G),
    pass,
  };
}

/** One run of the floor loop; returns a checksum so the work cannot be optimised away. */
export function bareRun(model: CompiledModel, s: BareState, withRecipes: boolean): number {
  const { G, T, goodOrder, producerStart, producers, userStart, users, flowStart, flowExporter, flowImporter, flowVolume, Q0, H0, U0, inputStart, inputGood } = model;
  const { sold, available, lost, sigma, pass } = s;
  lost.fill(0);
  for (let t = 0; t < T; t++) {
    for (let k = 0; k < G; k++) {
      const g = goodOrder[k]!;
      const pStart = producerStart[g]!;
      const pEnd = producerStart[g + 1]!;
      const uStart = userStart[g]!;
      const uEnd = userStart[g + 1]!;
      for (let p = pStart; p < pEnd; p++) {
        const c = producers[p]!;
        sold[c] = H0[c * G + g]!;
      }
      for (let u = uStart; u < uEnd; u++) {
        const c = users[u]!;
        available[c] = H0[c * G + g]!;
      }
      const fEnd = flowStart[g + 1]!;
      for (let f = flowStart[g]!; f < fEnd; f++) {
        const v = flowVolume[f]! * pass[f]!;
        sold[flowExporter[f]!]! += v;
        available[flowImporter[f]!]! += v;
      }
      if (withRecipes) {
        for (let p = pStart; p < pEnd; p++) {
          const c = producers[p]!;
          const cell = c * G + g;
          let y = 1;
          const jEnd = inputStart[cell + 1]!;
          for (let j = inputStart[cell]!; j < jEnd; j++) {
            const share = 1 - sigma[c * G + inputGood[j]!]!;
            if (share < y) y = share;
          }
          lost[cell]! += Q0[cell]! - y * sold[c]!;
        }
      } else {
        for (let p = pStart; p < pEnd; p++) {
          const c = producers[p]!;
          const cell = c * G + g;
          lost[cell]! += Q0[cell]! - sold[c]!;
        }
      }
      for (let u = uStart; u < uEnd; u++) {
        const c = users[u]!;
        const cell = c * G + g;
        sigma[cell] = 1 - available[c]! / U0[cell]!;
      }
    }
  }
  return lost[0]! + sigma[sigma.length - 1]!;
}

/** Work units of one run, as counted in the README: (flows + recipe entries) x periods, and producer and user cells x periods. */
export function workUnits(model: CompiledModel): { flows: number; recipeEntries: number; producerCells: number; userCells: number } {
  return { flows: model.flowVolume.length, recipeEntries: model.inputGood.length, producerCells: model.producers.length, userCells: model.users.length };
}
