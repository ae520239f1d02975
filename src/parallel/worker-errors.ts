// Errors across the worker-thread boundary. A thrown error is structured-cloned into a plain
// Error on the way out of a worker: its class and fields are lost, so `instanceof
// ScenarioError` fails on the main thread and the CLI sees "internal error". Workers
// therefore catch what they throw and return it as data (its kind and fields), and the
// main thread rebuilds the same class with the same message.
import { InputError, NonFiniteOutcomeError, ScenarioError, type InputProblem, type NonFiniteOutcome } from "../errors.js";

/** An error as plain data, for a worker's reply. */
export type SerializedError =
  | { readonly kind: "NonFiniteOutcomeError"; readonly details: NonFiniteOutcome; readonly stack?: string | undefined }
  | { readonly kind: "ScenarioError"; readonly problems: readonly InputProblem[]; readonly message: string; readonly stack?: string | undefined }
  | { readonly kind: "InputError"; readonly path: string; readonly message: string; readonly stack?: string | undefined }
  | { readonly kind: "Error"; readonly name: string; readonly message: string; readonly stack?: string | undefined };

/** A worker's reply for a range that failed. */
export interface RangeFailure {
  readonly failure: SerializedError;
}

/** True when a worker's reply is a failure rather than a range's data. */
export function isRangeFailure(reply: object): reply is RangeFailure {
  return "failure" in reply;
}

/** `error` as plain data that survives structured cloning. */
export function serializeError(error: unknown): SerializedError {
  const stack = error instanceof Error ? error.stack : undefined;
  if (error instanceof NonFiniteOutcomeError) return { kind: "NonFiniteOutcomeError", details: error.details, stack };
  if (error instanceof ScenarioError) return { kind: "ScenarioError", problems: error.problems.map((problem) => ({ ...problem })), message: error.message, stack };
  if (error instanceof InputError) return { kind: "InputError", path: error.path, message: error.message, stack };
  if (error instanceof Error) return { kind: "Error", name: error.name, message: error.message, stack };
  return { kind: "Error", name: "Error", message: String(error) };
}

/** The error `serialized` was made from: the same class, fields and message (the stack is the worker's). */
export function rebuildError(serialized: SerializedError): Error {
  let error: Error;
  switch (serialized.kind) {
    case "NonFiniteOutcomeError":
      error = new NonFiniteOutcomeError(serialized.details);
      break;
    case "ScenarioError":
      error = new ScenarioError(serialized.problems);
      error.message = serialized.message;
      break;
    case "InputError":
      error = new InputError(serialized.path, serialized.path === "" ? serialized.message : serialized.message.slice(serialized.path.length + 2));
      break;
    default:
      error = new Error(serialized.message);
      error.name = serialized.name;
  }
  if (serialized.stack !== undefined) error.stack = serialized.stack;
  return error;
}
