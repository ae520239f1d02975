// The version of the chokepoint package, read from its package.json when the code is built
// or run from source (tsx, vitest), so that it is right in every build without a copy to
// keep in step. A named import: tsup and esbuild then inline that one field, where a
// default import (`import manifest from ...`) inlines the whole manifest, scripts and
// devDependencies included, into every bundle of the library.
import { version } from "../package.json";

/** The version of the chokepoint package that is running, e.g. `"0.1.0"`. Results, shard files and `chokepoint --version` carry it. */
export const CHOKEPOINT_VERSION: string = version;
