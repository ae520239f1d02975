import { describe, expect, it } from "vitest";
import { CONDITION_KIND, OUTCOME_KIND, SLOT_KIND } from "../../src/compile/model.js";
import { CONDITION_TYPES } from "../../src/conditions/index.js";
import { LEVER_TYPES } from "../../src/levers/index.js";
import { OUTCOME_KINDS } from "../../src/outcomes/index.js";

// `satisfies Record<Kind, number>` makes every kind have a code, but not a code of its own:
// two kinds sharing one would run the same case of the engine's switch.
describe("engine codes of the kinds (src/compile/model.ts)", () => {
  const cases: [string, Record<string, number>, readonly string[]][] = [
    ["SLOT_KIND", SLOT_KIND, LEVER_TYPES],
    ["CONDITION_KIND", CONDITION_KIND, CONDITION_TYPES],
    ["OUTCOME_KIND", OUTCOME_KIND, OUTCOME_KINDS.map((kind) => kind.kind)],
  ];
  for (const [name, codes, kinds] of cases) {
    it(`${name}: one code per kind, each its own, none for a kind that is not registered`, () => {
      expect(Object.keys(codes).sort()).toEqual([...kinds].sort());
      expect(new Set(Object.values(codes)).size).toBe(kinds.length);
    });
  }
});
