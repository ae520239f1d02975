/** Path of the `chokepoint` command bundled from src/ into .demo/, bundled afresh when a source changed. */
export function commandFromSources(): Promise<string>;
