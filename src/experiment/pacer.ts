import { abortError } from "../errors.js";

/** How often long work on the main thread yields to the event loop (ms), so aborts and progress get through. */
export const YIELD_EVERY_MS = 25;

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Paces long work on the main thread (simulating, summarising): the work asks `due()`
 * between steps, and when it is due awaits `pause()`, which lets the event loop run
 * (timers, Ctrl-C, progress). Either throws the experiment's AbortError once `signal` is
 * aborted, so an abort is seen within about YIELD_EVERY_MS plus one step.
 */
export class Pacer {
  private last = Date.now();

  constructor(private readonly signal: AbortSignal | undefined) {}

  /** True when the work should pause; throws the AbortError if the signal is aborted. */
  due(): boolean {
    if (this.signal?.aborted) throw abortError(this.signal.reason);
    return Date.now() - this.last >= YIELD_EVERY_MS;
  }

  /** Let the event loop run; throws the AbortError if the signal was aborted meanwhile. */
  async pause(): Promise<void> {
    await yieldToEventLoop();
    this.last = Date.now();
    if (this.signal?.aborted) throw abortError(this.signal.reason);
  }
}
