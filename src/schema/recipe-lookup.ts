// Kept apart from the zod schemas, like periods.ts, so that the compiler can use it.

interface RecipeLike {
  readonly output: string;
  readonly country?: string | undefined;
}

/**
 * The recipe a producer of `output` in `country` uses: the first recipe for that output
 * and country, else the first for that output without a country. Looked up in a Map
 * built once (a search of the list per producer was quadratic in large worlds).
 */
export function recipeLookup<R extends RecipeLike>(recipes: readonly R[]): (output: string, country: string) => R | undefined {
  const first = new Map<string, R>();
  for (const recipe of recipes) {
    const key = `${recipe.output}\u0000${recipe.country ?? "\u0000"}`;
    if (!first.has(key)) first.set(key, recipe);
  }
  return (output, country) => first.get(`${output}\u0000${country}`) ?? first.get(`${output}\u0000\u0000`);
}
