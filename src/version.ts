// The version of the chokepoint package, read from its package.json when the code is built
// (tsup, esbuild: only this field is inlined) or run from source (tsx, vitest), so that it
// is right in every build without a copy to keep in step.
import { version } from "../package.json";

/** The version of the chokepoint package that is running, e.g. `"0.1.0"`. Results and shard files carry it. */
export const CHOKEPOINT_VERSION: string = version;
