// Progress of a long experiment on stderr: runs done of the total, the rate and the time
// left. On a terminal one line is redrawn in place (and cleared at the end); elsewhere
// nothing, unless asked for with --progress (then a line per whole percent, for logs).
import type { CliEnvironment } from "./environment.js";

/** How often (ms) a terminal's line is redrawn when the percentage has not moved, to refresh the rate and time left. */
const REDRAW_EVERY_MS = 1000;
/** No rate or time left before this much time (ms) has passed: too few runs to tell. */
const SETTLE_MS = 500;

/** `7 s`, `3 min 04 s`, `2 h 05 min`: a duration for humans. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
  const minutes = Math.round(s / 60);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}

/** `1,234` (thousands separators, the same in every locale). */
function count(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** The progress line: `42% (8400 of 20000 runs, 1,230 runs/s, about 9 s left)`. */
export function progressText(completed: number, total: number, elapsedMs: number): string {
  const percent = Math.floor((100 * completed) / total);
  const parts = [`${completed} of ${total} runs`];
  if (elapsedMs >= SETTLE_MS && completed > 0) {
    const rate = completed / (elapsedMs / 1000);
    parts.push(`${count(rate)} runs/s`);
    if (completed < total) parts.push(`about ${formatDuration((total - completed) / rate)} left`);
  }
  return `${percent}% (${parts.join(", ")})`;
}

/** What a command calls as runs complete, and once at the end (before printing anything else). */
export interface ProgressReporter {
  readonly update: (completedRuns: number, runs: number) => void;
  readonly clear: () => void;
}

/**
 * Progress on stderr: shown on a terminal unless `wanted` is false (--no-progress, --quiet);
 * shown elsewhere only when `wanted` is true (--progress), as a line per whole percent.
 *
 * @param now - a millisecond clock (for tests); default `performance.now`.
 */
export function progressReporter(env: CliEnvironment, wanted: boolean | undefined, now: () => number = () => performance.now()): ProgressReporter {
  if (wanted === false || (wanted === undefined && !env.errIsTerminal)) return { update: () => {}, clear: () => {} };
  const redraw = env.errIsTerminal;
  const started = now();
  let shownPercent = -1;
  let shownAt = -Infinity;
  return {
    update: (completedRuns, runs) => {
      const percent = Math.floor((100 * completedRuns) / runs);
      const time = now();
      if (percent === shownPercent && !(redraw && time - shownAt >= REDRAW_EVERY_MS)) return;
      shownPercent = percent;
      shownAt = time;
      const text = progressText(completedRuns, runs, time - started);
      env.err(redraw ? `\r\x1b[K${text}` : `progress ${text}\n`);
    },
    clear: () => {
      if (redraw && shownPercent >= 0) env.err("\r\x1b[K");
      shownPercent = -1;
    },
  };
}

/**
 * Progress as a line of text that the caller composes (a fit's population and tolerance):
 * on a terminal redrawn in place at most every 100 ms; elsewhere, with --progress, one line
 * each time `key` changes (a new population), for logs.
 */
export function statusReporter(env: CliEnvironment, wanted: boolean | undefined, now: () => number = () => performance.now()): { update(key: string, text: string): void; clear(): void } {
  if (wanted === false || (wanted === undefined && !env.errIsTerminal)) return { update: () => {}, clear: () => {} };
  const redraw = env.errIsTerminal;
  let shownKey: string | undefined;
  let shownAt = -Infinity;
  let shown = false;
  return {
    update: (key, text) => {
      const time = now();
      if (redraw) {
        if (time - shownAt < 100 && key === shownKey) return;
        env.err(`\r\x1b[K${text}`);
        shown = true;
      } else if (key !== shownKey) env.err(`progress ${text}\n`);
      shownKey = key;
      shownAt = time;
    },
    clear: () => {
      if (redraw && shown) env.err("\r\x1b[K");
      shown = false;
    },
  };
}
