import { formatPath, type InputProblem } from "../../errors.js";

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * Problems for `__proto__` used as a key of the scenario's two records (a table's
 * `goodSectors` and a formula's `variables`). zod drops such a key silently, since
 * assigning it would set the object's prototype; a scenario must not lose an entry
 * without a word, so it is reported here, on the raw input.
 */
export function prototypeKeyProblems(input: unknown): InputProblem[] {
  const problems: InputProblem[] = [];
  const check = (record: unknown, path: (string | number)[]) => {
    if (isObject(record) && Object.hasOwn(record, "__proto__")) {
      problems.push({ path: formatPath([...path, "__proto__"]), message: '"__proto__" cannot be a name (JavaScript reads it as an object\'s prototype); choose another name' });
    }
  };
  if (!isObject(input)) return problems;
  const world = input["world"];
  if (isObject(world)) list(world["inputOutput"]).forEach((table, i) => isObject(table) && check(table["goodSectors"], ["world", "inputOutput", i, "goodSectors"]));
  list(input["outcomes"]).forEach((outcome, o) => isObject(outcome) && check(outcome["variables"], ["outcomes", o, "variables"]));
  return problems;
}
