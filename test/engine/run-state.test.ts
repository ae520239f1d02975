import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileScenario } from "../../src/compile/compile-scenario.js";
import { createRunState } from "../../src/engine/state.js";
import { parseScenario } from "../../src/index.js";

describe("createRunState", () => {
  const model = compileScenario(parseScenario(readFileSync("scenarios/illustrative-standoff.json", "utf8")));

  it("makes each state with a constructor, not as an object literal (a literal's second copy deoptimises the engine: src/engine/state.ts)", () => {
    const first = createRunState(model);
    const second = createRunState(model);
    expect(Object.getPrototypeOf(first)).not.toBe(Object.prototype);
    expect(Object.getPrototypeOf(second)).toBe(Object.getPrototypeOf(first));
    expect(Object.keys(second)).toEqual(Object.keys(first));
  });

  it("gives every state its own arrays, sized from the model", () => {
    const first = createRunState(model);
    const second = createRunState(model);
    expect(first.stock).not.toBe(second.stock);
    expect(first.stock.length).toBe(model.C * model.G);
    expect(first.numbers).toEqual(model.numbers.initial);
    expect(first.numbers).not.toBe(model.numbers.initial);
  });
});
