/** Helpers for long work on the writer's thread: cancel checks and giving the event loop a turn. */
import { CancelledError } from '../domain/errors.js';

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError();
}

/** Lets the event loop breathe (progress events, IPC, HTTP) during long synchronous work. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Long work runs in slices: `maybeYield()` gives the event loop a turn once the current slice has
 * run `sliceMs`. In Electron the writer runs in the main process, where a long slice would hold up
 * menus, IPC and the progress events the window shows.
 */
export function createSlicer(sliceMs = 20): { maybeYield(): Promise<void> } {
  let sliceStart = performance.now();
  return {
    async maybeYield() {
      if (performance.now() - sliceStart < sliceMs) return;
      await yieldToEventLoop();
      sliceStart = performance.now();
    },
  };
}
