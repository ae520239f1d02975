// `npm run bench`: bundles the benchmarks (bench/run.ts, its sections and the child
// processes, with the library's src/ compiled in; packages stay external) with esbuild into
// bench/*.bundle.mjs (all in bench/, so paths relative to the module, like ../scenarios,
// resolve as from the sources), and runs them with plain Node.
//
// Why not tsx: loading tsx's module hooks detaches an ArrayBuffer, which invalidates V8's
// ArrayBufferDetaching protector for the whole process; from then on every typed-array access
// in optimised code checks for a detached buffer, and the engine runs about 28% slower (same
// bundle, 330 µs against 425 µs per run of the seed scenario). Users run built JavaScript
// without loader hooks, so that is what the benchmarks time.
import { bundleAndRun } from "./bundle-and-run.mjs";

const entries = ["run.ts", "children/allocation.ts", "children/memory.ts"];
// children/memory.ts -> memory.child.bundle.mjs (bench/lib.ts runChild maps the name back)
await bundleAndRun(
  entries.map((file) => ({ in: file, out: file.replace(/^children\/(.*)\.ts$/, "$1.child").replace(/\.ts$/, "") + ".bundle" })),
  "run.bundle",
);
