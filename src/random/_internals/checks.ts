import { InputError } from "../../errors.js";

/** Throw unless `value` is a finite number > 0; `name` is the parameter's name. */
export function checkShape(name: string, value: number): void {
  if (!(value > 0 && value < Infinity)) {
    throw new InputError(name, `expected a finite number > 0, found ${String(value)}`);
  }
}

/** Throw unless u is in [0, 1]: the argument of every `quantile`. */
export function checkUnitInterval(u: number): void {
  if (!(u >= 0 && u <= 1)) {
    throw new InputError("u", `expected a probability in [0, 1], found ${String(u)}`);
  }
}
