import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { leontiefInverse, totalOutput } from "../../src/input-output/index.js";

// The shape and value checks shared by every function of src/input-output, exercised through
// leontiefInverse (matrices) and totalOutput (vectors). The messages are part of the API.
describe("input checks", () => {
  const bad = (value: unknown) => value as number[][];

  it("rejects what is not a non-empty square matrix", () => {
    expect(() => leontiefInverse(bad("A"))).toThrowErrorMatchingInlineSnapshot(`[InputError: A: expected a square matrix (an array of rows), found a string]`);
    expect(() => leontiefInverse([])).toThrowErrorMatchingInlineSnapshot(`[InputError: A: expected a square matrix with at least one row, found an empty array]`);
    expect(() => leontiefInverse(bad([[0.1, 0.2], 3]))).toThrowErrorMatchingInlineSnapshot(`[InputError: A[1]: expected a row (an array of 2 numbers), found 3]`);
    expect(() => leontiefInverse([[0.1, 0.2], [0.3]])).toThrowErrorMatchingInlineSnapshot(`[InputError: A[1]: expected 2 entries (A must be square, 2 x 2), found 1]`);
    expect(() => leontiefInverse([[0.1, 0.2, 0.3], [0.1, 0.2, 0.3]])).toThrowErrorMatchingInlineSnapshot(`[InputError: A[0]: expected 2 entries (A must be square, 2 x 2), found 3]`);
  });

  it("names the entry that is not a finite number", () => {
    expect(() => leontiefInverse([[0.1, 0.2], [Number.NaN, 0.1]])).toThrowErrorMatchingInlineSnapshot(`[InputError: A[1][0]: expected a finite number, found NaN]`);
    expect(() => leontiefInverse([[0.1, Infinity], [0.2, 0.1]])).toThrowErrorMatchingInlineSnapshot(`[InputError: A[0][1]: expected a finite number, found Infinity]`);
    expect(() => leontiefInverse(bad([[0.1, "0.2"], [0.2, 0.1]]))).toThrowErrorMatchingInlineSnapshot(`[InputError: A[0][1]: expected a number, found a string]`);
  });

  it("names the entry that is negative where the model needs non-negative numbers", () => {
    expect(() => leontiefInverse([[0.1, 0.2], [-0.2, 0.1]])).toThrowErrorMatchingInlineSnapshot(`[InputError: A[1][0]: expected a non-negative number, found -0.2]`);
  });

  it("rejects a vector that is not an array or does not match the matrix", () => {
    expect(() => totalOutput([[0.1]], 5 as unknown as number[])).toThrowErrorMatchingInlineSnapshot(`[InputError: f: expected an array of 1 number (one per sector of A), found 5]`);
    expect(() => totalOutput([[0.1]], [1, 2])).toThrowErrorMatchingInlineSnapshot(`[InputError: f: expected 1 entry (one per sector of A), found 2]`);
  });

  it("throws InputError carrying the path of the element at fault", () => {
    try {
      leontiefInverse([[0.1, 0.2], [0.3, Number.NaN]]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).path).toBe("A[1][1]");
    }
  });
});
