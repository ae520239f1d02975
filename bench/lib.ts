// Small helpers shared by the benchmark sections: machine description, timing, tables,
// child processes.
import { spawn } from "node:child_process";
import { availableParallelism, cpus, loadavg, platform, arch, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

export function machine(): { cpu: string; cores: number; parallelism: number; memoryGiB: number; node: string; os: string } {
  return {
    cpu: cpus()[0]?.model ?? "unknown CPU",
    cores: cpus().length,
    parallelism: availableParallelism(),
    memoryGiB: totalmem() / 2 ** 30,
    node: process.version,
    os: `${platform()} ${arch()}`,
  };
}

export function load(): string {
  return loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Time `step(i)` (one unit of work: a run) per call, in microseconds: warm up for
 * `warmupMs` (so the JIT has optimised it), then `batches` batches of at least
 * `batchMs` each; returns the fastest batch's time per call (other tenants of a shared
 * machine only ever add time, so the fastest batch is the best estimate of the code's own
 * speed) and the median's.
 */
export function timePerCall(step: (i: number) => void, options: { warmupMs?: number; batchMs?: number; batches?: number; minCalls?: number } = {}): { us: number; medianUs: number; calls: number } {
  const warmupMs = options.warmupMs ?? 300;
  const batchMs = options.batchMs ?? 300;
  const batches = options.batches ?? 7;
  const minCalls = options.minCalls ?? 1;
  let i = 0;
  let start = performance.now();
  let warm = 0;
  while (performance.now() - start < warmupMs || warm < minCalls) {
    step(i++);
    warm++;
  }
  const perBatch: number[] = [];
  let calls = 0;
  for (let b = 0; b < batches; b++) {
    let n = 0;
    start = performance.now();
    let elapsed = 0;
    while (elapsed < batchMs || n < minCalls) {
      step(i++);
      n++;
      elapsed = performance.now() - start;
    }
    perBatch.push((elapsed * 1000) / n);
    calls += n;
  }
  return { us: Math.min(...perBatch), medianUs: median(perBatch), calls };
}

// --- formatting -------------------------------------------------------------------------

export function fmt(x: number, digits = 0): string {
  if (!Number.isFinite(x)) return String(x);
  return x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A number with about three significant figures, thousands separated. */
export function sig(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a === 0) return "0";
  if (a >= 100) return fmt(x, 0);
  if (a >= 10) return fmt(x, 1);
  if (a >= 1) return fmt(x, 2);
  if (a >= 0.01) return x.toFixed(3);
  return x.toExponential(2);
}

export function mib(bytes: number): string {
  return `${fmt(bytes / 2 ** 20, 0)} MiB`;
}

/** Print a Markdown table (so results paste into bench/README.md as they are). */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => (r[k] ?? "").length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, k) => c.padEnd(widths[k]!)).join(" | ")} |`;
  console.log(line(header));
  console.log(`| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`);
  for (const r of rows) console.log(line(r));
}

export function heading(title: string): void {
  console.log(`\n## ${title}\n`);
}

// --- child processes --------------------------------------------------------------------

/** True when the benchmarks run bundled (bench/start.mjs), not from source under tsx. */
const BUNDLED = import.meta.url.endsWith(".bundle.mjs");

/**
 * Run a file of bench/ in a fresh Node process, with extra Node flags, and return the JSON
 * object it prints on its last stdout line. A TypeScript child runs as its bundle
 * (bench/start.mjs builds it) when the benchmarks run bundled, else under tsx.
 */
export function runChild<T>(file: string, args: readonly string[], nodeFlags: readonly string[] = []): Promise<T> {
  const typescript = file.endsWith(".ts");
  const bundle = file.replace(/^\.\/children\/(.*)\.ts$/, "./$1.child.bundle.mjs");
  const path = fileURLToPath(new URL(typescript && BUNDLED ? bundle : file, import.meta.url));
  const loader = typescript && !BUNDLED ? ["--import", "tsx"] : [];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, ...loader, path, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const last = out.trim().split("\n").pop() ?? "";
      if (code !== 0) return reject(new Error(`${file} ${args.join(" ")} exited with ${code}: ${err.trim().slice(-2000)}`));
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`${file} ${args.join(" ")} printed no JSON result: ${out.slice(-500)} ${err.slice(-500)}`));
      }
    });
  });
}

// --- parallel capacity --------------------------------------------------------------------

const SPIN = `
  const { parentPort, workerData } = require("node:worker_threads");
  let x = 0;
  for (let i = 0; i < workerData; i++) x += Math.sqrt(i);
  parentPort.postMessage(x);
`;

function spinInWorker(iterations: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(SPIN, { eval: true, workerData: iterations });
    worker.once("message", () => {
      void worker.terminate();
      resolve();
    });
    worker.once("error", reject);
  });
}

/**
 * How much parallel capacity the machine gives right now: the same CPU-bound loop run
 * `threads` times one after another in one worker, then in `threads` workers at once.
 * About `threads` on an idle machine; lower when other processes share the cores.
 */
export async function parallelCapacity(threads: number, iterations = 2e8): Promise<number> {
  await spinInWorker(1e6); // worker start-up, warmed
  let start = performance.now();
  for (let k = 0; k < threads; k++) await spinInWorker(iterations);
  const serial = performance.now() - start;
  start = performance.now();
  await Promise.all(Array.from({ length: threads }, () => spinInWorker(iterations)));
  const parallel = performance.now() - start;
  return serial / parallel;
}
